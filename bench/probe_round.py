"""Benchmark: one `gkaudit probe` round over 1,000 local sites (SPEC §9; issue 20).

Target: the round finishes within 2 × the slowest site's limit (15 s → 30 s), the store holds a row
for every site, and failures are told apart.

The sites are 1,000 loopback ports served by one asyncio process (a child, so the prober has its own
core): most answer a 20 KB homepage with dated news at once, some after a delay of up to 12 s, some
never (the probe's 15 s limit cuts them), some answer 500, and some ports are closed (refused).
Each probe also reads the homepage's newest item date. Prints the figures; `--sites N` for a smaller run.

    .venv/bin/python bench/probe_round.py [--sites 1000]
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import multiprocessing
import os
import resource
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from auditor.app.monitor.probe import Prober, Target  # noqa: E402
from auditor.app.monitor.store import Store  # noqa: E402

NEWS = "".join(f'<li><a href="/xw/{i}.html">榕江市市场监督管理局召开第{i}次专题会议部署食品安全工作</a>'
               f'<span>2026-11-{(i % 28) + 1:02d}</span></li>' for i in range(120))
HOMEPAGE = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>某市市场监督管理局</title></head>'
            f'<body><div class="news"><h2>工作动态</h2><ul>{NEWS}</ul></div></body></html>').encode()


def behaviour(i: int) -> str:
    """What site ``i`` does: most answer at once; 3 % slowly, 1 % never, 1 % with 500, 1 % refuse."""
    if i % 100 == 0:
        return "refuse"
    if i % 100 == 7:
        return "hang"
    if i % 100 == 13:
        return "error"
    if i % 100 in (21, 22, 23):
        return "slow"
    return "ok"


async def serve(port: int, kind: str, i: int) -> asyncio.AbstractServer:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            if kind == "hang":
                await asyncio.sleep(3600)
            if kind == "slow":
                await asyncio.sleep(4 + (i % 9))           # 4 to 12 s
            status, body = (b"500 Internal Server Error", b"error") if kind == "error" else (b"200 OK", HOMEPAGE)
            writer.write(b"HTTP/1.1 " + status + b"\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                         + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()
    return await asyncio.start_server(answer, "127.0.0.1", port, backlog=64)


def raise_file_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def run_sites(ports: list[int], ready) -> None:
    raise_file_limit()

    async def main():
        servers = [await serve(p, behaviour(i), i) for i, p in enumerate(ports) if behaviour(i) != "refuse"]
        ready.set()
        await asyncio.gather(*(s.serve_forever() for s in servers))
    asyncio.run(main())


def free_ports(n: int) -> list[int]:
    socks = []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=1000)
    args = parser.parse_args()
    raise_file_limit()
    ports = free_ports(args.sites)
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=run_sites, args=(ports, ready), daemon=True)
    server.start()
    ready.wait(60)
    targets = [Target(f"http://127.0.0.1:{p}/", f"站点{i}") for i, p in enumerate(ports)]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "bench.sqlite")
        started = time.monotonic()
        finished: list[float] = []
        prober = Prober()
        results = prober.run(targets, lambda r: finished.append(time.monotonic() - started))
        round_s = time.monotonic() - started
        t = time.monotonic()
        store.record_probes(results)
        write_s = time.monotonic() - t
        rows = store.counts()["probes"]
        store.close()
    server.terminate()
    kinds: dict[str, int] = {}
    for r in results:
        key = "ok" if r["ok"] else (r["error"] or "").split(":", 1)[0]
        kinds[key] = kinds.get(key, 0) + 1
    slowest_ok = max((r["seconds"] for r in results if r["ok"]), default=0)
    with_dates = sum(1 for r in results if r["newest"])
    print(f"probe round over {len(targets)} local sites (cores: {os.cpu_count()})")
    print(f"  round: {round_s:.1f} s (target ≤ 30 s = 2 × the 15 s limit); store write: {write_s:.2f} s; rows: {rows}")
    print(f"  outcomes: {dict(sorted(kinds.items()))}; slowest answered: {slowest_ok:.1f} s; "
          f"homepage dates read: {with_dates}")
    finished.sort()
    print(f"  results in after: 50 % {finished[len(finished) // 2]:.1f} s, 99 % {finished[int(len(finished) * .99)]:.1f} s, "
          f"last {finished[-1]:.1f} s; worst event-loop lag {prober.max_lag:.1f} s")
    print(f"  peak memory (this process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    return 0 if round_s <= 30 and rows == len(targets) else 1


if __name__ == "__main__":
    sys.exit(main())
