"""The commands and their orchestration: they wire spiders, rules and reports together (SPEC §2)."""
