"""report.json: the report object as JSON, valid against the published schema."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jsonschema

from auditor.core.report import Report
from auditor.core.rundir import REPORT_JSON

from reports.registry import renderer

SCHEMA_RESOURCE = "schema/report.schema.json"


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resources.files("reports").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8"))


def generated_schema() -> dict:
    """The schema as the report model defines it (tools/ writes it to reports/schema/)."""
    out = Report.model_json_schema(mode="serialization")
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = "https://gkaudit.example/schema/report.schema.json"
    out["title"] = "gkaudit report"
    return out


def to_json(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2)


@lru_cache(maxsize=1)
def _validator() -> jsonschema.Draft202012Validator:
    jsonschema.Draft202012Validator.check_schema(schema())
    return jsonschema.Draft202012Validator(schema())


def validate(data: dict) -> None:
    """Raise jsonschema.ValidationError (the most relevant error) if ``data`` breaks the schema."""
    error = jsonschema.exceptions.best_match(_validator().iter_errors(data))
    if error is not None:
        raise error


@renderer("json", filename=REPORT_JSON, always=True)
def render(report: Report) -> str:
    """The report as JSON, checked against the published schema before anything is written."""
    text = to_json(report)
    validate(json.loads(text))
    return text + "\n"


def read(path: Path) -> Report:
    return Report.model_validate_json(Path(path).read_text(encoding="utf-8"))
