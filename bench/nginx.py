"""Serve generated sites with Debian's nginx, in the foreground, on loopback addresses only."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

NGINX_BIN = "/usr/sbin/nginx"


def ensure_nginx() -> str:
    """Path of the nginx binary; install ``nginx-light`` with apt-get if it is missing."""
    path = shutil.which("nginx") or (NGINX_BIN if os.path.exists(NGINX_BIN) else None)
    if path:
        return path
    if os.geteuid() != 0:
        raise SystemExit("bench: nginx is missing; install it (apt-get install nginx-light) or run as root")
    print("bench: installing nginx-light with apt-get …", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "nginx-light"],
                   check=True, env=env)
    # the package's postinst may start the system service on :80; the benchmark does not use it
    return shutil.which("nginx") or NGINX_BIN


def free_port(hosts: list[str]) -> int:
    """A TCP port free on every one of ``hosts``."""
    for _ in range(200):
        with socket.socket() as s:
            s.bind((hosts[0], 0))
            port = s.getsockname()[1]
        ok = True
        for h in hosts[1:]:
            with socket.socket() as s:
                try:
                    s.bind((h, port))
                except OSError:
                    ok = False
                    break
        if ok:
            return port
    raise RuntimeError("no port free on all benchmark addresses")


class Nginx:
    """``with Nginx([(host, root), …], workdir) as srv:`` — one server block per (host, root)."""

    def __init__(self, sites: list[tuple[str, Path]], workdir: Path, workers: int = 1):
        self.sites = sites
        self.workdir = Path(workdir)
        self.workers = workers
        self.port = free_port([h for h, _ in sites])
        self.proc: subprocess.Popen | None = None

    def config(self) -> str:
        w = self.workdir
        servers = "\n".join(f"""
    server {{
        listen {host}:{self.port} reuseport;
        server_name _;
        root {root};
        index index.html;
        location / {{ try_files $uri $uri/ =404; }}
    }}""" for host, root in self.sites)
        return f"""
worker_processes {self.workers};
pid {w}/nginx.pid;
error_log {w}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    client_body_temp_path {w}/client_body;
    proxy_temp_path {w}/proxy;
    fastcgi_temp_path {w}/fastcgi;
    uwsgi_temp_path {w}/uwsgi;
    scgi_temp_path {w}/scgi;
{servers}
}}
"""

    def __enter__(self) -> "Nginx":
        binary = ensure_nginx()
        self.workdir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.workdir, 0o755)
        conf = self.workdir / "nginx.conf"
        conf.write_text(self.config(), encoding="utf-8")
        subprocess.run([binary, "-t", "-q", "-c", str(conf), "-p", str(self.workdir)], check=True)
        self.proc = subprocess.Popen([binary, "-c", str(conf), "-p", str(self.workdir), "-g", "daemon off;"],
                                     stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        for host, _ in self.sites:
            while True:
                try:
                    socket.create_connection((host, self.port), timeout=0.5).close()
                    break
                except OSError:
                    if self.proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"nginx did not start; see {self.workdir}/error.log")
                    time.sleep(0.05)
        return self

    def url(self, host: str, path: str = "/") -> str:
        return f"http://{host}:{self.port}{path}"

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()            # SIGTERM: nginx master stops its workers and exits
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
