"""`make check` inside `make test`: each rule of scripts/steadyground/check/ runs on the real sources and
must find nothing (one test per rule, so a failure names the rule and lists its lines). The
same code as scripts/check_site.py; AUTHORING.md explains each rule."""

from __future__ import annotations

import pytest

from steadyground import check as checkkit
from steadyground.core.project import Project

PROJECT = Project()


@pytest.mark.parametrize("name", sorted(checkkit.RULES))
def test_rule_finds_nothing_in_the_sources(name):
    problems = checkkit.run(PROJECT, names=[name])
    assert not problems, "\n" + "\n".join(map(str, problems))

