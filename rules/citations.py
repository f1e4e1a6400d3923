"""Each rule's legal basis, read from ``citations.yaml``: the texts (title, number, in force from/until,
national or local, the address of the text each quote was checked against) and per rule code the
articles it cites, each with a short quote. The registry gives every rule its citations; the report
shows those in force at the as-of date; ``docs/legal-basis.md`` is written from them."""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from auditor.core.errors import ConfigError
from auditor.core.legal import Citation, LegalText

CITATIONS_FILE = Path(__file__).resolve().parent / "citations.yaml"


class _Cited(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    doc: str
    article: str
    quote: str
    note: str | None = None
    checked_at: str | None = None


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    documents: dict[str, dict]
    citations: dict[str, list[_Cited]]


def load(path: Path = CITATIONS_FILE) -> tuple[dict[str, LegalText], dict[str, tuple[Citation, ...]]]:
    """The texts by key and the citations by rule code; a ConfigError names the file and the entry."""
    try:
        data = _File.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        texts = {key: LegalText(key=key, **fields) for key, fields in data.documents.items()}
    except (ValidationError, yaml.YAMLError, TypeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    cited: dict[str, tuple[Citation, ...]] = {}
    for code, entries in data.citations.items():
        unknown = [e.doc for e in entries if e.doc not in texts]
        if unknown:
            raise ConfigError(f"{path}: {code} cites unknown documents {unknown}")
        try:
            cited[code] = tuple(Citation(text=texts[e.doc], article=e.article, quote=e.quote, note=e.note,
                                         checked_at=e.checked_at) for e in entries)
        except ValidationError as exc:
            raise ConfigError(f"{path}: {code}: {exc}") from exc
    return texts, cited


TEXTS, CITATIONS = load()
