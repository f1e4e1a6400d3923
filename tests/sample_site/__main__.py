"""Write the sample site: ``python -m tests.sample_site --out DIR`` (from the repository root).

The demo's archive is packed from this output: ``python -m tests.demo_archive`` (tests/demo_archive.py).

``planted/`` is written in full; ``clean/`` and ``sparse/`` are overlays: only the files that differ
from planted, and an empty ``<path>.deleted`` marker for each planted file the variant lacks.
``--truth`` prints the ``script_built`` section of ground_truth.yaml instead.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from . import VARIANTS, build_files, script_built_truth

OVERLAYS = VARIANTS[1:]             # clean, sparse: written as the files that differ from planted/


def html_count(files: dict) -> int:
    n = sum(p.endswith(".html") for p in files)
    assert 80 <= n <= 300, n
    return n


def write(path: Path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_site(out: Path) -> str:
    """Write planted/ and the overlays under *out*; returns a one-line summary."""
    planted = build_files("planted")
    html_count(planted)
    for d in VARIANTS:
        shutil.rmtree(out / d, ignore_errors=True)
    for p, data in planted.items():
        write(out / "planted" / p, data)
    counts = []
    for variant in OVERLAYS:
        files = build_files(variant)
        changed = [p for p, data in files.items() if planted.get(p) != data]
        gone = [p for p in planted if p not in files]
        for p in changed:
            write(out / variant / p, files[p])
        for p in gone:
            write(out / variant / (p + ".deleted"), b"")
        counts.append(f"{variant} overlay: {len(changed) + len(gone)} files ({html_count(files)} html pages)")
    return f"planted: {len(planted)} files ({html_count(planted)} html); " + "; ".join(counts)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.sample_site", description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="output directory")
    ap.add_argument("--truth", action="store_true",
                    help="print the script_built section of ground_truth.yaml instead of building")
    args = ap.parse_args(argv)
    if args.truth:
        import yaml
        print(yaml.safe_dump({"script_built": script_built_truth()}, allow_unicode=True, sort_keys=False,
                             default_flow_style=False, width=110), end="")
        return 0
    if args.out is None:
        ap.error("--out DIR is required (to rebuild the demo's archive: python -m tests.demo_archive)")
    print(write_site(args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
