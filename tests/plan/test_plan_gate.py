"""The safety gate (scripts/steadyground/safety/gate.py) holds the plan's form like a quiz form: the
strict build passes, and a copy edited afterwards (as a generator that skips our hooks, or a
tampered deploy, would leave it) fails with one line per problem."""

from __future__ import annotations

import pytest

from harness.tampered import edit as _edit
from harness.tampered import gate_problems
from steadyground.safety.verify_cli import expected_languages

PAGES = ["my-plan/index.html", "es/mi-plan/index.html"]


def _problems(root, site) -> list[str]:
    return gate_problems(root, expected_languages(site.base_url))


def test_the_built_plan_pages_pass_the_gate(site):
    for page in PAGES:
        assert (site.root / page).is_file()
    assert _problems(site.root, site) == []


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("old, new, expected", [
    ('name="plan" method="dialog"', 'name="plan"', 'the plan <form> must have method="dialog"'),
    ('name="plan" method="dialog"', 'name="plan" method="get"', 'the plan <form> must have method="dialog"'),
    ('method="dialog" autocomplete="off"', 'method="dialog"', 'the plan <form> must have autocomplete="off"'),
    ('<form class="plan__form"', '<form action="https://other.example/" class="plan__form"',
     "the attribute action= is not allowed on <form>"),
    ('<legend>', '<p>x</p><legend>', "a plan <fieldset> must start with its <legend>"),
    ('<label for="plan-place-now">', '<label>', 'the plan field "place-now" has no <label>'),
    ('type="text" id="plan-place-now"', 'type="email" id="plan-place-now"', "plan fields must be checkboxes or text"),
    ('<div class="plan" id="plan"', '<!--plan-markup--><div class="plan" id="plan"', "the plan placeholder is left"),
], ids=["no-method", "get", "no-autocomplete", "action", "legend", "label", "email", "placeholder"])
def test_a_plan_form_that_could_send_or_keep_text_fails_the_gate(site, tampered, page, old, new, expected):
    _edit(tampered, page, old, new)
    problems = _problems(tampered, site)
    assert any(line.startswith(f"site/{page}: ") and expected in line for line in problems), problems
