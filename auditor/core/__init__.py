"""The floor: models, profiles, calendar, run directory, snapshot, scoring, diff, report model and
pure extraction. Imports nothing above it (SPEC §2)."""
__version__ = "0.1.0"
