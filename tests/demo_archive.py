"""Pack the generated sample site into the archive the installed package ships for ``gkaudit demo``.

The generator and its data (``tests/sample_site/``) and the test oracle (``tests/ground_truth.yaml``)
stay with the tests; the package carries only the site, as ``auditor/app/demo/site.tar.xz``
(``planted/`` in full, ``clean/`` and ``sparse/`` as overlays). The archive is deterministic: the
same site gives the same bytes (sorted entries, no times, no owners).

    .venv/bin/python -m tests.demo_archive        # regenerate the site and rewrite the archive
"""
from __future__ import annotations

import io
import lzma
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARCHIVE = REPO / "auditor" / "app" / "demo" / "site.tar.xz"


def pack_dir(src: Path) -> bytes:
    """A tar.xz of every file under ``src``, paths relative to it, in sorted order, stripped of
    times and owners."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for path in sorted(p for p in src.rglob("*") if p.is_file()):
            data = path.read_bytes()
            info = tarfile.TarInfo(path.relative_to(src).as_posix())
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    return lzma.compress(raw.getvalue(), preset=9 | lzma.PRESET_EXTREME)


def generate(out: Path) -> None:
    from tests.sample_site.__main__ import main as build
    if build(["--out", str(out)]) != 0:
        raise SystemExit("the sample-site generator failed")


def main(argv: list[str] | None = None) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp))
        ARCHIVE.write_bytes(pack_dir(Path(tmp)))
    print(f"wrote {ARCHIVE.relative_to(REPO)} ({ARCHIVE.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
