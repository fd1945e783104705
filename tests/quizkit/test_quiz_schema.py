"""quizzes/schema.json (for editors, via `# yaml-language-server: $schema=schema.json`) is
generated from the same field table as the checker, and agrees with it on real files."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from steadyground import quizzes as quizkit
from steadyground.quizzes.fields import json_schema, reference_table

REPO = Path(__file__).resolve().parents[2]
SCHEMA_PATH = REPO / "quizzes" / "schema.json"
FIXTURES = REPO / "tests" / "fixtures" / "quizzes"
STRUCTURAL = {"type", "missing-key", "unknown-key", "empty-value", "id-format", "too-few-options"}


def as_json(value):
    """YAML data as an editor's schema validator sees it (dates are strings)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_committed_schema_is_the_generated_one():
    assert json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) == json_schema(), (
        "quizzes/schema.json is out of date: python scripts/steadyground/quizzes/ schema > quizzes/schema.json")


def test_readme_field_reference_is_current():
    assert reference_table() in (REPO / "quizzes" / "README.md").read_text(encoding="utf-8"), (
        "update the field reference in quizzes/README.md from: python scripts/steadyground/quizzes/ reference")


VALID = sorted((REPO / "quizzes").glob("*.yml")) + sorted((REPO / "quizzes" / "es").glob("*.yml")) + sorted(
    (FIXTURES / "valid").glob("*.yml"))


@pytest.mark.parametrize("path", VALID, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_valid_quizzes_match_the_schema(validator, path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    errors = [e.message for e in validator.iter_errors(as_json(yaml.safe_load(text)))]
    assert errors == []


def _structurally_invalid():
    for path in sorted((FIXTURES / "invalid").glob("*.yml")):
        _, problems = quizkit.check_file(path)
        problems = [p for p in problems if not p.message.startswith("the file name")]  # not in the data
        if {p.rule for p in problems} & STRUCTURAL and not any(p.rule == "syntax" for p in problems):
            yield path


@pytest.mark.parametrize("path", list(_structurally_invalid()), ids=lambda p: p.stem)
def test_structurally_invalid_fixtures_fail_the_schema(validator, path):
    assert list(validator.iter_errors(as_json(yaml.safe_load(path.read_text(encoding="utf-8")))))


def test_there_are_structural_cases():
    assert len(list(_structurally_invalid())) >= 6


def test_readme_example_is_a_valid_quiz():
    readme = (REPO / "quizzes" / "README.md").read_text(encoding="utf-8")
    example = readme.split("```yaml\n", 1)[1].split("```", 1)[0]
    quiz, problems = quizkit.check_text(example, "README.md", "readiness")
    assert problems == [] and quiz is not None


def test_the_editor_reads_quizzes_as_yaml_1_1_against_the_schema():
    """VS Code's YAML extension (redhat.vscode-yaml) reads YAML 1.2 by default, where an unquoted
    No is text; set to 1.1 (what PyYAML and the build read), No is false and the schema's
    "type": "string" marks the label as it is typed."""
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./quizzes/schema.json": ["quizzes/*.yml"]}
    assert settings["yaml.yamlVersion"] == "1.1"
    extensions = json.loads((REPO / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_the_schema_marks_an_unquoted_no_in_a_label_and_a_flag_list(validator):
    text = (REPO / "quizzes" / "safety-check.yml").read_text(encoding="utf-8")
    assert '{label: "No", points: 0}' in text and '["Yes", "Not sure", "Prefer not to say"]' in text
    broken = text.replace('{label: "No", points: 0}', "{label: No, points: 0}", 1)
    broken = broken.replace('["Yes", "Not sure", "Prefer not to say"]', '[Yes, "Not sure", "Prefer not to say"]', 1)
    errors = [e for e in validator.iter_errors(as_json(yaml.safe_load(broken)))]
    assert {e.message for e in errors} == {"False is not of type 'string'", "True is not of type 'string'"}
    paths = [tuple(e.path) for e in errors]
    assert any("label" in p for p in paths) and any("danger" in p for p in paths), paths
