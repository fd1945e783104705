"""plans/schema.json (for editors) agrees with The plan feature's rules on the real plans, the good
fixtures and the bad fixtures whose mistake is one of shape."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from harness.config import REPO

FIXTURES = Path(__file__).parent / "fixtures"
SHAPE_MISTAKES = ["misspelt-key", "missing-title", "both-kinds", "no-kind", "bad-id", "lines-range", "empty", "date"]


def _validator():
    schema = json.loads((REPO / "plans" / "schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def _data(path: Path):
    def plain(value):  # YAML reads 2026-12-07 as a date; JSON Schema sees the text
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        return value
    return plain(yaml.safe_load(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", [REPO / "plans/plan.yml", REPO / "plans/es/plan.yml", FIXTURES / "good/plan.yml",
                                  FIXTURES / "good/es/plan.yml"], ids=lambda p: p.relative_to(REPO).as_posix())
def test_good_plans_match_the_schema(path):
    assert list(_validator().iter_errors(_data(path))) == []


@pytest.mark.parametrize("name", SHAPE_MISTAKES)
def test_shape_mistakes_fail_the_schema_too(name):
    assert list(_validator().iter_errors(_data(FIXTURES / "bad" / f"{name}.yml")))
