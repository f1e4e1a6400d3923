"""Renderers by format name. A renderer module registers each of its formats with ``@renderer``;
every command that writes or prints a report, a diff or a batch ranking asks this registry.
``RENDERER_MODULES`` names the renderer modules (a test fails on one left out).

A renderer decides nothing: it turns a finished object into text or bytes. ``write_files`` writes the
chosen formats of one subject atomically into a folder.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Literal

from auditor.core.atomic import write_bytes, write_text

Subject = Literal["report", "diff", "ranking"]
RENDERER_MODULES = ("json_report", "html", "junit", "table", "diff_view", "summary")


@dataclass(frozen=True)
class Renderer:
    name: str                          # the format name users give to --format
    subject: Subject                   # what it renders
    render: Callable[[Any], str | bytes]
    filename: str | None = None        # the file it writes; None: the terminal only
    always: bool = False               # written whatever --format says (report.json, the record)


RENDERERS: dict[tuple[str, str], Renderer] = {}


def renderer(name: str, *, subject: Subject = "report", filename: str | None = None, always: bool = False):
    def register(render: Callable[[Any], str | bytes]) -> Callable[[Any], str | bytes]:
        if (subject, name) in RENDERERS:
            raise ValueError(f"duplicate {subject} renderer {name!r}")
        RENDERERS[(subject, name)] = Renderer(name, subject, render, filename, always)
        return render
    return register


def load_renderers() -> dict[tuple[str, str], Renderer]:
    for module in RENDERER_MODULES:
        importlib.import_module(f"reports.{module}")
    return RENDERERS


def formats(subject: Subject) -> tuple[str, ...]:
    """The format names of one subject, in registration order."""
    return tuple(name for (subj, name) in load_renderers() if subj == subject)


def get(subject: Subject, name: str) -> Renderer:
    return load_renderers()[(subject, name)]


def write_files(subject: Subject, obj: Any, out_dir: Path, chosen: tuple[str, ...] | set[str] | None = None
                ) -> list[Path]:
    """Render and write every file format of ``subject`` that is chosen (or always written); every
    file format of it when ``chosen`` is None."""
    written = []
    for (subj, name), r in load_renderers().items():
        if subj != subject or r.filename is None or not (r.always or chosen is None or name in chosen):
            continue
        data = r.render(obj)
        path = Path(out_dir) / r.filename
        (write_bytes if isinstance(data, bytes) else write_text)(path, data)
        written.append(path)
    return written
