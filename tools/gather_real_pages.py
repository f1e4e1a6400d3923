"""Rebuild ../real-pages/{pages,messages} (or under $GKAUDIT_REAL_PAGES) from fetched repository snapshots.

tests/real/SOURCES.md names, for every real page, the repository, commit and path it came from. The
pages are not committed here (the tool library keeps fetched material out of commits), so after
`fetch`ing the repositories into /work/.mirror this script copies each blob out with `git show`.
Pages the index gave by read_file or that came from a PyPI sdist are not in a snapshot; the script
lists them as missing, with their source, so they can be read again by hand.

    python tools/gather_real_pages.py [--mirror /work/.mirror]
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = {ROOT / "tests" / "real" / "SOURCES.md": "pages", ROOT / "tests" / "real" / "messages" / "SOURCES.md": "messages"}
ROW = re.compile(r"^\|\s*(?P<file>[\w.-]+\.(?:html|json))\s*\|\s*(?P<repo>[\w.-]+/[\w.-]+)\s*\|\s*(?P<commit>[0-9a-f]{40})\s*\|"
                 r"\s*(?P<path>[^|]+?)\s*\|", re.M)


def git_dir(mirror: Path, repo: str) -> Path | None:
    base = mirror / repo.replace("/", "+")
    if not base.is_dir():
        return None
    for head in sorted(base.rglob("HEAD")):
        if (head.parent / "objects").is_dir():
            return head.parent
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    args = parser.parse_args(argv)
    root = Path(os.environ.get("GKAUDIT_REAL_PAGES") or ROOT.parent / "real-pages")
    missing = []
    rows = [(row, root / sub) for sources, sub in SOURCES.items() for row in ROW.finditer(sources.read_text(encoding="utf-8"))]
    for row, dest in rows:
        dest.mkdir(parents=True, exist_ok=True)
        target = dest / row["file"]
        if target.exists():
            continue
        gitdir = git_dir(args.mirror, row["repo"])
        blob = None
        if gitdir is not None:
            done = subprocess.run(["git", "--git-dir", str(gitdir), "show", f"{row['commit']}:{row['path']}"],
                                  capture_output=True)
            blob = done.stdout if done.returncode == 0 else None
        if blob is None:
            missing.append(f"{row['file']}: {row['repo']} @ {row['commit'][:12]} {row['path']}")
            continue
        tmp = target.with_suffix(".part")
        tmp.write_bytes(blob)
        tmp.replace(target)
    for sub in sorted(set(SOURCES.values())):
        print(f"{len(list((root / sub).glob('*.*')))} files in {root / sub}")
    for line in missing:
        print("missing:", line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
