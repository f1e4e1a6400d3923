"""Regenerate reports/schema/report.schema.json from the report model: python tools/write_schema.py"""
import json
from pathlib import Path

from reports.json_report import generated_schema

target = Path(__file__).resolve().parent.parent / "reports" / "schema" / "report.schema.json"
target.write_text(json.dumps(generated_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print(target)
