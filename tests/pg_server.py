"""A real PostgreSQL server for the history-store tests, started from the Debian package's binaries.

initdb refuses to run as root, so as root the server runs as the ``postgres`` user (``runuser``) in a
temporary folder it owns. It listens on loopback on a free port with trust authentication and no
fsync (the tests' data is thrown away), and is stopped when the session ends.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

USER = "gkaudit"


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self):
        self.bin = binaries()
        if self.bin is None:
            raise FileNotFoundError("PostgreSQL is not installed (apt-get install postgresql)")
        self.base = Path(tempfile.mkdtemp(prefix="gkaudit-pg-"))
        self.port = _free_port()
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.proc: subprocess.Popen | None = None

    def _run(self, *args: str) -> None:
        subprocess.run(self.prefix + list(args), check=True, capture_output=True, timeout=120)

    def start(self) -> "PostgresServer":
        if self.prefix:
            shutil.chown(self.base, "postgres", "postgres")
        data = self.base / "data"
        self._run(str(self.bin / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-locale")
        self.proc = subprocess.Popen(
            self.prefix + [str(self.bin / "postgres"), "-D", str(data), "-k", str(self.base), "-h", "127.0.0.1",
                           "-p", str(self.port), "-c", "fsync=off", "-c", "synchronous_commit=off",
                           "-c", "full_page_writes=off", "-c", "max_connections=200"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            ready = subprocess.run([str(self.bin / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)],
                                   capture_output=True)
            if ready.returncode == 0:
                return self
            if self.proc.poll() is not None:
                raise RuntimeError("PostgreSQL exited while starting")
            time.sleep(0.2)
        raise RuntimeError("PostgreSQL did not start within 60 s")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{USER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        import psycopg
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={USER} dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.base, ignore_errors=True)
