"""gkaudit worker --redis URL: join a distributed batch as a crawl worker (scrapy-redis)."""
from __future__ import annotations

from auditor.core.errors import ConfigError


def add_arguments(p) -> None:
    p.add_argument("--redis", required=True, help="协调端使用的 Redis 地址，如 redis://10.0.0.5:6379/0")
    p.add_argument("--prefix", default="gkaudit", help="Redis 键前缀（与协调端一致，默认 gkaudit）")
    p.add_argument("--concurrency", type=int, default=4, help="每个主机的并发连接数（默认 4）")
    p.add_argument("--timeout", type=float, default=20.0, help="单个请求超时秒数（默认 20）")
    p.add_argument("--delay", type=float, default=0.0, help="同一主机两次请求的最小间隔秒数")
    p.add_argument("--max-depth", type=int, default=8, help="最大链接深度（默认 8）")
    p.add_argument("--ignore-robots", action="store_true", help="不遵守 robots.txt（仅限有检查权限的单位）")
    p.add_argument("--idle-exit", type=int, default=0, help="空闲多少秒后退出（默认 0：一直等待新任务）")
    p.add_argument("--log", help="日志文件（默认只向标准错误输出警告）")


def run(args) -> int:
    import redis
    from scrapy.crawler import CrawlerProcess

    from spiders.distributed import DistributedSpider, worker_settings
    from spiders.run import settings_for
    try:
        redis.Redis.from_url(args.redis).ping()
    except (redis.RedisError, ValueError) as exc:
        raise ConfigError(f"无法连接 Redis {args.redis}：{exc}") from exc
    overrides = {"DOWNLOAD_TIMEOUT": args.timeout, "CONCURRENT_REQUESTS_PER_DOMAIN": args.concurrency,
                 "DOWNLOAD_DELAY": args.delay, "DEPTH_LIMIT": args.max_depth, "ROBOTSTXT_OBEY": not args.ignore_robots,
                 "MAX_IDLE_TIME_BEFORE_CLOSE": args.idle_exit, "AUTOTHROTTLE_ENABLED": args.delay > 0}
    if args.log:
        overrides["LOG_FILE"] = args.log
    process = CrawlerProcess(settings_for(worker_settings(args.redis, args.prefix, overrides)))
    process.crawl(DistributedSpider, prefix=args.prefix)
    process.start()
    return 0
