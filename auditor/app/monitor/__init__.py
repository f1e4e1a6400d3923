"""Monitoring over time (SPEC §9): the history store, availability probes, trends and the dashboard."""
