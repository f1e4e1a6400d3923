"""Distributed batches on scrapy-redis: a coordinator, any number of workers, one Redis."""
