"""The plan's markup and page (steadyground.plans.render): a form that cannot send or keep what is
typed, native fields in fieldset/legend, every field labelled, links built for the page's URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from steadyground import plans as plankit
from steadyground.plans import render
from steadyground.safety.allowlist import parse_document as parse

GOOD = Path(__file__).parent / "fixtures" / "good" / "plan.yml"


@pytest.fixture(scope="module")
def plan():
    plan, problems = plankit.check_file(GOOD, page_exists=lambda name: True)
    assert problems == []
    return plan


def test_the_form_cannot_send_or_keep_anything(plan):
    document = parse(f"<html><body>{render.markup(plan, 'my-plan.md')}</body></html>")
    (form,) = list(document.iter("form"))
    assert form.get("method") == "dialog" and form.get("autocomplete") == "off"
    assert form.get("action") is None
    assert all(button.get("type") == "button" for button in document.iter("button"))
    assert len(list(document.iter("button"))) == 4
    for field in form.iter("input"):
        assert field.get("type") in ("checkbox", "text")
        if field.get("type") == "text":
            assert (field.get("autocomplete"), field.get("spellcheck")) == ("off", "false")


def test_every_field_is_labelled_inside_a_fieldset_with_a_legend(plan):
    document = parse(f"<html><body>{render.markup(plan, 'my-plan.md')}</body></html>")
    labelled = {label.get("for") for label in document.iter("label")}
    wrapped = {id(field) for label in document.iter("label") for field in label.iter("input")}
    for fieldset in document.iter("fieldset"):
        assert next(el for el in fieldset if isinstance(el.tag, str)).tag == "legend"
    for field in document.iter("input"):
        assert id(field) in wrapped or field.get("id") in labelled
    by_id = {el.get("id"): el for el in document.iter() if isinstance(el.tag, str)}
    assert "plan-write-hint" in by_id and by_id["plan-write"].get("aria-describedby") == "plan-write-hint"


def test_a_text_item_gets_its_lines_on_paper(plan):
    markup = render.markup(plan, "my-plan.md")
    assert markup.count('class="plan__line"') == 2  # lines: 3 -> the field and two more


def test_words_are_escaped(plan):
    import dataclasses
    odd = dataclasses.replace(plan, print_title='Notes" onmouseover="x', title="A & B")
    markup = render.markup(odd, "my-plan.md")
    assert 'data-print-title="Notes&#34; onmouseover=&#34;x"' in markup


@pytest.mark.parametrize("page, from_page, href", [
    ("help.md", "my-plan.md", "../help/"),
    ("articles/phones-and-accounts.md", "my-plan.md", "../articles/phones-and-accounts/"),
    ("index.md", "my-plan.md", "../"),
    ("ayuda.md", "mi-plan.md", "../ayuda/"),
])
def test_links_are_written_for_the_page_url(page, from_page, href):
    assert render.page_href(page, from_page) == href


def test_the_page_has_the_calm_titles_the_intro_and_one_placeholder(plan):
    markdown = render.page_markdown(plan, "es")
    assert markdown.startswith("---\ntitle: A plan\ntab_title: Notes\n")
    assert markdown.count(render.PLACEHOLDER) == 1
    assert "# A plan\n" in markdown and "[Help](help.md)" in markdown
    with pytest.raises(ValueError):
        render.assemble("<p>no placeholder</p>", "<form></form>")
