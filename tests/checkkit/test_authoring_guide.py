"""AUTHORING.md's rules list is the registry's (checkkit/authoring.py): every registered rule is
in its index with the first paragraph of its docstring, and every rule the guide describes
(an item "- `name`: ...") is a rule make check runs."""

from __future__ import annotations

import re

import pytest

from steadyground import check as checkkit
from steadyground.check import authoring
from steadyground.core.project import ROOT

GUIDE = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
# Names a rule reports besides its own (sitekit's and buildkit's sub-rules), described in its item.
REPORTED_BY_ANOTHER_RULE = {"abbreviations", "front-matter-yaml", "reference-key", "reference-not-verified",
                            "reference-unused", "translation"}


def test_the_index_is_the_registrys():
    assert authoring.updated(GUIDE) == GUIDE, \
        "AUTHORING.md's index of rules differs from the registry: run .venv/bin/python scripts/steadyground/check/authoring.py"


@pytest.mark.parametrize("name", sorted(checkkit.RULES))
def test_every_rule_has_a_one_line_description_and_is_described(name):
    assert authoring.summary(checkkit.RULES[name].check), f"{name}: the rule has no docstring"
    assert re.search(rf"^- `{re.escape(name)}`", GUIDE.split(authoring.END, 1)[1], re.M), \
        f"AUTHORING.md describes no `{name}` under its area (an item '- `{name}`: ...' with an example)"


def test_every_rule_the_guide_describes_is_registered():
    described = set(re.findall(r"^- `([a-z0-9-]+)`", GUIDE, re.M))
    unknown = sorted(described - set(checkkit.RULES) - REPORTED_BY_ANOTHER_RULE)
    assert not unknown, f"AUTHORING.md describes rules make check does not run: {unknown}"


def test_a_new_rule_changes_the_index(monkeypatch):
    monkeypatch.setitem(checkkit.RULES, "zz-new", checkkit.Rule("zz-new", "pages", lambda project: iter(())))
    checkkit.RULES["zz-new"].check.__doc__ = "A new rule.\n\nMore words."
    assert "- `zz-new` (pages): A new rule.\n" + authoring.END in authoring.updated(GUIDE)
    assert authoring.updated(GUIDE) != GUIDE
