"""Batch audits: many sites from a CSV, crawled concurrently, ranked in one summary."""
