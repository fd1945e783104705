"""Rendering: the markup is accessible and safe by construction (escaped text, no inline
code or styles, no native submission), the template is plain Jinja, and Markdown fields
are handed to MkDocs and moved back into place."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from steadyground import quizzes as quizkit
from steadyground.bench.html_tree import parse
from steadyground.quizzes import render
from steadyground.quizzes.config import DEFAULT_STRINGS, Settings

REPO = Path(__file__).resolve().parents[2]
EVERYTHING = REPO / "tests" / "fixtures" / "quizzes" / "valid" / "everything.yml"
NASTY = '<img src=x onerror="alert(1)"> & "quotes"'


@pytest.fixture(scope="module")
def quiz():
    found, problems = quizkit.check_file(EVERYTHING)
    assert problems == []
    return found


def quiz_html(quiz, settings, page_uri="quizzes/everything.md") -> str:
    """The markup and the page's Markdown blocks together."""
    rendered = render.render_quiz(quiz, settings, page_uri=page_uri)
    return rendered.markup + rendered.markdown


@pytest.fixture(scope="module")
def html(quiz):
    return quiz_html(quiz, Settings())


@pytest.fixture(scope="module")
def tree(html):
    return parse(html)


def test_the_template_renders_with_plain_jinja(quiz):
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(REPO / "overrides" / "partials")),
                             autoescape=True, undefined=jinja2.StrictUndefined)
    module = env.get_template("quiz.html").module
    out = str(module.render_quiz(quiz, lambda key, **values: key, lambda text, rebase=True: Markup("<!--md-->")))
    assert out.count("<fieldset") == len(quiz.questions)


def test_every_yaml_string_is_escaped(quiz):
    question = dataclasses.replace(quiz.questions[0], text=NASTY, hint=NASTY,
                                   options=tuple(dataclasses.replace(o, label=NASTY) for o in quiz.questions[0].options))
    band = dataclasses.replace(quiz.bands[0], title=NASTY)
    nasty = dataclasses.replace(quiz, title=NASTY, questions=(question, *quiz.questions[1:]), bands=(band, *quiz.bands[1:]))
    out = quiz_html(nasty, Settings())
    assert "<img" not in out and 'onerror="' not in out
    assert out.count("&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; &#34;quotes&#34;") >= 4 + len(question.options)


def test_page_front_matter_and_heading_are_escaped(quiz):
    page = render.quiz_page(dataclasses.replace(quiz, title=NASTY, description=NASTY), Settings()).markdown
    front = page.split("---\n")[1]
    assert "<img" not in front and "&lt;img" in front  # Material prints these without escaping
    # A Markdown heading (a toc entry, so Material adds "Skip to content"), escaped for Markdown.
    heading = next(line for line in page.splitlines() if line.startswith("# "))
    assert heading.startswith("# &lt;img src=x onerror=") and "<" not in heading


def test_one_fieldset_and_legend_per_question(tree, quiz):
    fieldsets = list(tree.iter("fieldset"))
    assert len(fieldsets) == len(quiz.questions)
    for fieldset, question in zip(fieldsets, quiz.questions):
        [legend] = list(fieldset.iter("legend"))
        assert question.text in legend.all_text()
        # The hint is part of the legend (the group's name): nothing to wire up, said once.
        assert "aria-describedby" not in fieldset.attrs  # set by quiz.js only while in error
        hints = [e for e in legend.iter("span") if "quiz__hint" in e.attrs.get("class", "")]
        if question.kind == "multiple":
            assert hints[0].all_text().endswith("Select all that apply.")
            assert hints[0].all_text().count("Select all that apply.") == 1
        else:
            assert [h.all_text() for h in hints] == ([question.hint] if question.hint else [])


def test_every_input_has_a_label_and_nothing_is_preselected(tree):
    # Each input is inside its label (no ids or for= to repeat: page budget).
    labels = list(tree.iter("label"))
    assert len(labels) == len(list(tree.iter("input")))
    for label in labels:
        [element] = list(label.iter("input"))
        assert element.attrs["type"] in ("radio", "checkbox")
        assert label.all_text().strip()
        assert "checked" not in element.attrs


def test_the_form_submits_nowhere(tree):
    """"Show my results" is the form's submit button (Enter works), but the form can never
    reach a URL: method="dialog" outside a <dialog> goes nowhere, and the button is disabled
    and hidden until quiz.js takes over (CSP form-action 'none' is the backstop)."""
    [form] = list(tree.iter("form"))
    assert form.attrs["autocomplete"] == "off" and form.attrs["method"] == "dialog"
    assert "action" not in form.attrs
    [submit] = list(form.iter("button"))
    assert submit.attrs.get("type", "submit") == "submit" and "disabled" in submit.attrs
    assert submit.all_text() == "Show my results"
    others = [b for b in tree.iter("button") if b is not submit]
    assert len(others) == 4  # Start again and Print, after the form and after the results
    assert all(button.attrs.get("type") == "button" for button in others)


def test_no_inline_code_or_styles(html):
    assert "<script" not in html and "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert "javascript:" not in html


def test_error_summary_links_to_each_first_input(tree, quiz):
    links = [a.attrs["href"] for li in tree.iter("li") if "data-quiz-error-for" in li.attrs for a in li.iter("a")]
    assert links == [f"#everything-{q.number}" for q in quiz.questions]  # the question's fieldset


def test_one_intro_and_the_safety_callout_come_before_the_first_question(quiz):
    rendered = render.render_quiz(quiz, Settings(), page_uri="quizzes/everything.md")
    markup, blocks = rendered.markup, rendered.markdown
    first = markup.index("<fieldset")
    intro = markup.index("<!--quiz-md:everything:0-->")
    callout = markup.index('class="admonition safety"')
    assert intro < callout < first
    assert "only a fixture" in blocks.split("<!--quiz-md-end:everything:0-->")[0]
    assert markup[callout:first].count("Exit this page") == 1  # hidden on paper (quiz__exit)
    assert "quiz__notes" not in markup and markup.count(DEFAULT_STRINGS["not_diagnosis"][:30]) == 0
    assert blocks.count(DEFAULT_STRINGS["not_diagnosis"]) == 1  # with the results only


def test_points_and_flags_are_data_for_the_runtime(tree, quiz):
    inputs = list(tree.iter("input"))
    expected = [(o.points, " ".join(o.flags)) for q in quiz.questions for o in q.options]
    assert [(int(i.attrs["data-points"]), i.attrs.get("data-flags", "")) for i in inputs] == expected
    exclusive = [(i.attrs["name"], i.attrs["data-points"]) for i in inputs if "data-exclusive" in i.attrs]
    assert exclusive == [("6", "0"), ("8", "0"), ("8", "0")]  # names are question numbers (short)


def test_bands_cover_total_and_subscales(tree, quiz):
    sections = [s for s in tree.iter("section") if "data-score-of" in s.attrs]
    assert [(s.attrs["data-score-of"], int(s.attrs["data-max"])) for s in sections] == [
        ("", 27), ("practical", 8), ("emotional", 8), ("support", 3)]
    bands = [(b.attrs["data-min"], b.attrs["data-max"]) for b in sections[0].iter("section")]
    assert bands == [("0", "9"), ("0", "9"), ("10", "18"), ("19", "27")]  # "Early days" twice: its flagged words


def test_markdown_goes_to_blocks_and_back(quiz):
    rendered = render.render_quiz(quiz, Settings(), page_uri="quizzes/everything.md")
    placeholders = re.findall(r"<!--quiz-md:(everything:\d+)-->", rendered.markup)
    starts = re.findall(r"<!--quiz-md-start:(everything:\d+)-->", rendered.markdown)
    # flags, total bands (one with other words when flagged), subscale bands, quiz-level
    # flagged words, intro/callout/key/after
    assert placeholders == starts and len(starts) == 3 + 4 + 6 + 1 + 4
    assert "<fieldset" not in rendered.markdown  # the markup never goes through Markdown
    # What Markdown makes of the page: the same blocks, converted.
    converted = re.sub(r'<div class="quiz__md" markdown="1">\n\n(.*?)\n\n</div>', r'<div class="quiz__md">\1</div>', rendered.markdown, flags=re.S)
    assembled = render.assemble(converted, {"everything": rendered.markup})
    assert "quiz-md" not in assembled and "quiz-markup" not in assembled
    assert assembled.index("<fieldset") < assembled.index("Nobody deserves to be hurt") < assembled.index('data-score-of=""')


def test_assemble_refuses_what_does_not_match():
    with pytest.raises(ValueError):
        render.assemble("<div><!--quiz-md:x:0--></div>", {})
    with pytest.raises(ValueError):
        render.assemble("<!--quiz-markup:unknown-->", {})


@pytest.mark.parametrize(
    ("text", "to_dir", "expected"),
    [
        ("[a](../articles/x.md)", "quizzes", "[a](../articles/x.md)"),
        ("[a](../articles/x.md#part)", "articles", "[a](x.md#part)"),
        ("[a](../help.md)", "", "[a](help.md)"),
        ("[a](other.md)", "articles", "[a](../quizzes/other.md)"),
        ("[a](https://example.org/x.md) [b](#top) [c](mailto:a@b.c)", "", "[a](https://example.org/x.md) [b](#top) [c](mailto:a@b.c)"),
        ("[ref]: ../help.md\n", "deep/er", "[ref]: ../../help.md\n"),
        ("![pic](../img/a.png)", "", "![pic](img/a.png)"),
    ],
)
def test_rebase_links(text, to_dir, expected):
    assert render.rebase_links(text, "quizzes", to_dir) == expected


def test_embedded_quiz_links_work_from_its_page(quiz):
    out = quiz_html(quiz, Settings(), page_uri="index.md")
    assert "(help.md)" in out and "(articles/sample.md#a-section)" in out and "(safe-use.md)" in out


def test_ui_strings_come_from_settings(quiz):
    settings = Settings.from_extra({"quiz": {"strings": {"show_results": "See what it means"}}, "help": {"emergency": "112"}})
    out = quiz_html(quiz, settings)
    assert "See what it means" in out and "Show my results" not in out
    assert "call 112." in out


def test_unknown_settings_are_errors():
    with pytest.raises(ValueError, match='did you mean "show_results"'):
        Settings.from_extra({"quiz": {"strings": {"show_result": "x"}}})
    with pytest.raises(ValueError):
        Settings.from_extra({"quiz": {"directory": "x"}})


def test_every_string_is_used_by_the_template_or_render():
    used = (REPO / "overrides" / "partials" / "quiz.html").read_text() + (REPO / "scripts" / "steadyground" / "quizzes" / "render.py").read_text()
    unused = [key for key in DEFAULT_STRINGS if f'"{key}"' not in used and f"'{key}'" not in used]
    assert unused == []


def test_index_page_lists_quizzes_escaped(quiz):
    page = render.index_page([dataclasses.replace(quiz, title="A [tricky] *title*", description="x < y")], Settings())
    assert "## [A \\[tricky\\] \\*title\\*](everything.md)\n\nx &lt; y (8 questions, about 2 minutes)" in page


def test_a_quiz_with_listed_false_stays_off_the_index(quiz):
    hidden = dataclasses.replace(quiz, slug="hidden", title="Hidden one", listed=False)
    page = render.index_page([quiz, hidden], Settings())
    assert "(everything.md)" in page and "hidden.md" not in page and "Hidden one" not in page


def test_listed_is_read_from_the_yaml():
    text = (REPO / "tests/fixtures/quizzes/valid/minimal.yml").read_text(encoding="utf-8")
    listed, _ = quizkit.check_text(text, "m.yml", "minimal")
    unlisted, problems = quizkit.check_text(text + "listed: false\n", "m.yml", "minimal")
    assert problems == [] and listed.listed is True and unlisted.listed is False
    _, problems = quizkit.check_text(text + "listed: no way\n", "m.yml", "minimal")
    assert [p.rule for p in problems] == ["type"]


def test_flag_aware_results_are_data_for_the_runtime(tree):
    """data-unless: shown only while none of the flags is raised; data-if: only while one is."""
    unless = [(s.attrs.get("data-min"), s.attrs["data-unless"]) for s in tree.iter("section") if "data-unless" in s.attrs]
    when = [(s.attrs.get("data-min"), s.attrs.get("data-flag"), s.attrs["data-if"]) for s in tree.iter("section") if "data-if" in s.attrs]
    # everything.yml: the whole result gives way to "harm"; the lowest band reads differently
    # with "safety"; the highest emotional band is hidden with "isolated".
    assert (None, "harm") in unless and ("0", "safety") in unless and ("5", "isolated") in unless
    assert (None, None, "harm") in when and ("0", None, "safety") in when
    assert [w for w in when if w[2] == "isolated" and not w[1]] == []  # hidden: no other words
    assert {w[1] for w in when if w[1]} == {"safety", "isolated", "harm"}  # each flag message


def test_minutes_come_from_words_and_questions(quiz):
    # (words / 150 per minute) + 5 s per question, rounded up (quizzes/README.md)
    seconds = quiz.words * 60 / 150 + 5 * len(quiz.questions)
    assert quiz.minutes == max(1, -(-int(seconds) // 60))
    many = dataclasses.replace(quiz, questions=quiz.questions * 10)
    assert many.minutes > quiz.minutes


def test_error_summary_is_an_alert_without_prohibited_aria(tree):
    """GOV.UK error summary: a div with role="alert" (focusable), no aria-labelledby on a
    role-less div (axe aria-prohibited-attr, Nu), styled apart from the calm flag messages."""
    [summary] = [d for d in tree.iter("div") if "data-quiz-summary" in d.attrs]
    assert summary.attrs["role"] == "alert" and summary.attrs["tabindex"] == "-1"
    assert not [e for e in tree.iter("div") if "aria-labelledby" in e.attrs and "role" not in e.attrs]
    flags = [s for s in tree.iter("section") if "data-flag" in s.attrs]
    assert flags and all("quiz__flag" in s.attrs["class"] and "quiz__summary" not in s.attrs["class"] for s in flags)
