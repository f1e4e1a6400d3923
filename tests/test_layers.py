"""The layers of SPEC §2 hold: no upward import, no import cycle — checked on the tree itself and,
to prove the checker can fail, on planted bad modules."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.layers import import_cycles, imports_of, upward_imports

REPO = Path(__file__).resolve().parents[1]


def test_no_module_imports_a_layer_above_it():
    assert upward_imports(REPO) == []


def test_no_import_cycles():
    assert import_cycles(REPO) == []


def plant(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for package in ("auditor", "auditor/core", "auditor/app", "spiders", "rules", "reports"):
        (root / package).mkdir(parents=True, exist_ok=True)
        (root / package / "__init__.py").touch()
    return root


@pytest.mark.parametrize("module, text, crossing", [
    ("auditor/core/bad.py", "def f():\n    from rules.registry import load_rules\n", "core -> rules"),
    ("auditor/core/bad.py", "import importlib\nimportlib.import_module('auditor.app.cli')\n", "core -> app"),
    ("auditor/core/bad.py", "from importlib import import_module\nimport_module(f'spiders.{x}')\n", "core -> spiders"),
    ("auditor/core/bad.py", "from importlib import resources\nresources.files('reports')\n", "core -> reports"),
    ("auditor/core/extract/bad.py", "from ...app import cli\n", "core -> app"),
    ("rules/bad.py", "class A:\n    def m(self):\n        import spiders.scope\n", "rules -> spiders"),
    ("reports/bad.py", "from rules import registry\n", "reports -> rules"),
    ("spiders/bad.py", "from auditor.app.crawl import CrawlOptions\n", "spiders -> app"),
    ("auditor/stray.py", "x = 1\n", "stray"),
    ("auditor/core/bad.py", "from importlib import import_module as im\nim('rules.registry')\n", "core -> rules"),
    ("auditor/core/bad.py", "import importlib\nimportlib.import_module(name='rules.registry')\n", "core -> rules"),
    ("auditor/core/bad.py", "import importlib\nimportlib.import_module('.cli', 'auditor.app')\n", "core -> app"),
    ("auditor/core/bad.py", "from importlib import resources\nresources.files(package='reports')\n", "core -> reports"),
    ("auditor/core/bad.py", "import pkgutil\npkgutil.get_data('reports', 'x')\n", "core -> reports"),
    ("auditor/core/bad.py", "import importlib.util\nimportlib.util.find_spec('spiders.run')\n", "core -> spiders"),
    ("auditor/app/bad.py", "from tests.truth import ground_truth\n", "app -> outside"),
    ("rules/bad.py", "import bench.sitegen\n", "rules -> outside"),
])
def test_the_checker_finds_a_planted_upward_import(tmp_path, module, text, crossing):
    root = plant(tmp_path, {module: text})
    problems = upward_imports(root)
    assert len(problems) == 1 and crossing in problems[0], problems


def test_the_checker_allows_app_to_wire_everything(tmp_path):
    root = plant(tmp_path, {"auditor/app/ok.py": "import rules.registry, spiders.run, reports.html\n"
                                                "from auditor.core import models\n"})
    assert upward_imports(root) == []


def test_the_checker_finds_a_planted_cycle(tmp_path):
    root = plant(tmp_path, {"auditor/app/a.py": "from auditor.app import b\n",
                            "auditor/app/b.py": "def f():\n    from auditor.app.a import x\n"})
    assert import_cycles(root) == [["auditor.app.a", "auditor.app.b"]]


def test_the_checker_finds_a_cycle_through_a_package_and_its_child(tmp_path):
    root = plant(tmp_path, {"auditor/app/pkg/__init__.py": "from auditor.app.pkg.child import f\n",
                            "auditor/app/pkg/child.py": "from auditor.app.pkg import CONSTANT\n"})
    assert import_cycles(root) == [["auditor.app.pkg", "auditor.app.pkg.child"]]


def test_relative_imports_are_resolved(tmp_path):
    root = plant(tmp_path, {"auditor/core/extract/x.py": "from ..models import M\nfrom . import y\n"})
    targets = {i.target for i in imports_of(root, root / "auditor/core/extract/x.py")}
    assert {"auditor.core.models", "auditor.core.models.M", "auditor.core.extract", "auditor.core.extract.y"} <= targets
