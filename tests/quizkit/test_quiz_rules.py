"""Rules, yamllint style: YAML in, exact problems out. The golden fixtures cover every rule
once; these tests pin the finer behaviour (hints, positions, no cascades)."""

from __future__ import annotations

import textwrap

from steadyground import quizzes as quizkit

BASE = """\
title: A check
description: A test quiz.
reviewed: 2026-01-31
scales:
  agree3:
    - {label: "Disagree", points: 0}
    - {label: "Not sure", points: 1}
    - {label: "Agree", points: 2}
questions:
  - {id: one, text: First., scale: agree3}
  - {id: two, text: Second., scale: agree3}
bands:
  - {min: 0, max: 1, title: "Low", body: "Okay."}
  - {min: 2, max: 4, title: "High", body: "Okay."}
examples:
  - {answers: {one: Agree, two: Agree}, total: 4, band: High, flags: []}
"""


def run(source: str, slug: str = "quiz") -> list[tuple[int, int, str]]:
    _, problems = quizkit.check_text(textwrap.dedent(source), "q.yml", slug)
    return [(p.line, p.col, p.rule) for p in problems]


def messages(source: str) -> list[str]:
    _, problems = quizkit.check_text(textwrap.dedent(source), "q.yml", "quiz")
    return [p.message for p in problems]


def test_base_is_valid():
    assert run(BASE) == []


def test_unquoted_no_says_to_quote_it():
    source = BASE.replace('{label: "Disagree"', "{label: No")
    assert messages(source) == ['the answer label No must be text, but YAML read No as the yes/no value false; put it in quotes: "No"']
    assert run(source) == [(6, 15, "type")]


def test_unquoted_no_in_a_flag_list_names_the_label_not_the_flag():
    source = BASE.replace("scale: agree3}", "scale: agree3, flags: {worry: [No]}}", 1)
    assert any(m.startswith('the answer label No in the "worry" flag list must be text')
               for m in messages(source)), messages(source)


def test_a_misspelt_key_is_reported_once_without_knock_on_problems():
    source = BASE.replace("scale: agree3}", "scael: agree3}", 1)
    assert [rule for _, _, rule in run(source)] == ["unknown-key"], messages(source)


def test_unknown_key_hint_or_list():
    assert messages(BASE.replace("scale: agree3}", "scale: agree3, hnit: x}", 1)) == [
        'unknown key "hnit" in question; did you mean "hint"?'
    ]
    [message] = messages(BASE.replace("scale: agree3}", "scale: agree3, zzz: x}", 1))
    assert message.startswith('unknown key "zzz" in question (allowed: id, text, hint,')


def test_bands_may_be_written_in_any_order():
    source = BASE.replace(
        '  - {min: 0, max: 1, title: "Low", body: "Okay."}\n  - {min: 2, max: 4, title: "High", body: "Okay."}\n',
        '  - {min: 2, max: 4, title: "High", body: "Okay."}\n  - {min: 0, max: 1, title: "Low", body: "Okay."}\n',
    )
    assert run(source) == []


def test_a_band_inside_another_overlaps():
    source = BASE.replace('{min: 2, max: 4, title: "High"', '{min: 0, max: 4, title: "High"').replace(
        "band: High", "band: High"
    )
    assert run(source) == [(14, 11, "band-overlap")]
    assert messages(source) == ['bands "Low" and "High" overlap: 0 to 1 are in both']


def test_one_band_covering_everything_is_fine():
    source = BASE.replace('  - {min: 0, max: 1, title: "Low", body: "Okay."}\n', "").replace("min: 2, max: 4", "min: 0, max: 4")
    assert run(source) == []


def test_no_band_checks_while_questions_are_broken():
    # An unknown scale makes the range unknowable: report the scale, not invented band gaps.
    assert run(BASE.replace("scale: agree3}", "scale: agree9}", 1)) == [(10, 36, "unknown-scale")]


def test_a_wrong_example_total_is_reported_beside_other_mistakes():
    """One run shows every independent mistake (issue 14): the total needs only the points."""
    wrong_total = BASE.replace("total: 4", "total: 3")
    assert run(wrong_total) == [(16, 48, "example-total")]
    both = wrong_total.replace("scales:", "unknown: 1\nscales:")
    assert [rule for _, _, rule in run(both)] == ["unknown-key", "example-total"]


def test_subscale_ranges_use_their_own_questions():
    source = BASE.replace("scale: agree3}", "scale: agree3, subscale: part}", 1) + (
        "subscales:\n"
        "  - id: part\n"
        "    title: Part\n"
        "    bands:\n"
        "      - {min: 0, max: 0, title: \"Low\", body: \"Okay.\"}\n"
        "      - {min: 2, max: 3, title: \"High\", body: \"Okay.\"}\n"
    )
    assert messages(source) == [
        '1 has no band: "Low" ends at 0 and "High" starts at 2',
        'band "High" ends at 3, above the highest possible score for subscale "part" (2); end it at 2',
    ]


def test_flag_labels_are_checked_against_the_scale():
    source = BASE.replace("scale: agree3}", 'scale: agree3, flags: {worry: ["Agree", "Strongly agree"]}}', 1) + (
        "flags:\n  worry: {title: Worry, body: Okay.}\n"
    )
    assert messages(source) == ['question "one" has no answer "Strongly agree" (choose from: "Disagree", "Not sure", "Agree")']


def test_exclusive_options_from_a_scale_on_a_multiple_question_are_fine():
    source = BASE.replace(
        '    - {label: "Agree", points: 2}\n',
        '    - {label: "Agree", points: 2}\n  people:\n    - {label: "A friend", points: 1}\n    - {label: "Nobody", points: 0, exclusive: true}\n',
    ).replace(
        "  - {id: two, text: Second., scale: agree3}\n",
        "  - {id: two, text: Second., scale: agree3}\n  - {id: who, type: multiple, text: 'Who could help?', scale: people}\n",
    ).replace("two: Agree}", "two: Agree, who: [Nobody]}").replace("max: 4,", "max: 5,")
    assert run(source) == []


def test_unsafe_html_points_inside_a_block_scalar():
    source = BASE + "intro: |\n  Hello.\n\n  Click <a href=\"#\" onclick=\"steal()\">here</a>.\n"
    assert run(source) == [(20, 21, "unsafe-html")]  # at the onclick= itself


def test_plain_text_allows_angle_brackets_that_are_not_tags():
    assert run(BASE.replace("text: First.", 'text: "I <3 them, and 2 < 3"')) == []
    assert run(BASE.replace("text: First.", 'text: "Read <em>this</em>"')) == [(10, 27, "plain-text")]


def test_markdown_heading_only_in_bodies():
    assert run(BASE.replace('body: "Okay."}', 'body: "#hashtags are fine"}', 1)) == []
    assert run(BASE + "intro: |\n  ## Fine in the intro\n") == []


def test_file_name_must_be_a_slug():
    assert run(BASE, slug="My quiz") == [(1, 1, "id-format")]


def test_problems_are_sorted_by_position():
    source = BASE.replace("title: A check", "title: [x]").replace("description: A test quiz.", "description: 3")
    found = run(source)
    assert found == sorted(found) and len(found) == 2


# danger-question: each part alone, on an otherwise valid quiz ---------------------------

DANGER = BASE.replace(
    "  - {id: two, text: Second., scale: agree3}\n",
    "  - {id: two, text: Second., scale: agree3}\n"
    "  - id: afraid\n"
    "    text: Are you afraid?\n"
    "    danger: true\n"
    "    options:\n"
    '      - {label: "No", points: 0, safe: true}\n'
    '      - {label: "Not sure", points: 0}\n'
    '      - {label: "Yes", points: 0}\n'
    '      - {label: "Prefer not to say", points: 0}\n'
    '    flags: {safety: ["Not sure", "Yes", "Prefer not to say"]}\n',
).replace(
    "examples:\n",
    "flagged: {flags: [safety], title: Safety first, body: Okay.}\n"
    "flags:\n  safety: {title: Safety, body: Okay.}\n"
    "examples:\n",
).replace("{one: Agree, two: Agree}", '{one: Agree, two: Agree, afraid: "No"}')


def danger_messages(source: str) -> list[str]:
    return [m for m, (_, _, rule) in zip(messages(source), run(source)) if rule == "danger-question"]


def test_a_valid_danger_question_passes():
    assert run(DANGER) == []


def test_a_danger_question_that_scores_points():
    source = DANGER.replace('{label: "Yes", points: 0}', '{label: "Yes", points: 3}')
    assert any('"Yes" scores 3' in m for m in danger_messages(source)), messages(source)


def test_a_danger_question_in_a_subscale():
    source = DANGER.replace("    danger: true\n", "    danger: true\n    subscale: theme\n")
    assert any('remove "subscale"' in m for m in danger_messages(source)), messages(source)


def test_a_danger_question_without_prefer_not_to_say():
    source = DANGER.replace('      - {label: "Prefer not to say", points: 0}\n', "").replace(', "Prefer not to say"]', "]")
    assert danger_messages(source) == [
        'question "afraid" is a danger question, so it must offer the answer "Prefer not to say" (in Spanish "Prefiero no decirlo")'
    ]


def test_the_spanish_prefer_not_to_say_counts():
    source = DANGER.replace("Prefer not to say", "Prefiero no decirlo")
    assert danger_messages(source) == []


def test_a_danger_question_needs_exactly_one_safe_answer():
    none = DANGER.replace(', safe: true}', "}")
    two = DANGER.replace('{label: "Not sure", points: 0}', '{label: "Not sure", points: 0, safe: true}')
    assert [m.endswith("(found 0)") for m in danger_messages(none)] == [True]
    assert [m.endswith("(found 2)") for m in danger_messages(two)] == [True]


def test_not_sure_and_prefer_not_to_say_must_raise_a_flag():
    source = DANGER.replace('{safety: ["Not sure", "Yes", "Prefer not to say"]}', '{safety: ["Yes"]}')
    assert danger_messages(source) == [
        'question "afraid" is a danger question, so every answer but the safe one ("No") must raise a flag; '
        '"Not sure" and "Prefer not to say" raise none (not sure, or prefer not to say, is not safe)'
    ]


def test_the_flag_must_replace_the_result():
    source = DANGER.replace("flagged: {flags: [safety], title: Safety first, body: Okay.}\n", "")
    assert [("does not change the result" in m) for m in danger_messages(source)] == [True]


def test_a_flagged_word_on_every_band_also_replaces_the_result():
    source = DANGER.replace("flagged: {flags: [safety], title: Safety first, body: Okay.}\n", "").replace(
        'body: "Okay."}', 'body: "Okay.", flagged: {flags: [safety], hide: true}}')
    assert danger_messages(source) == []
    one_band = DANGER.replace("flagged: {flags: [safety], title: Safety first, body: Okay.}\n", "").replace(
        'title: "Low", body: "Okay."}', 'title: "Low", body: "Okay.", flagged: {flags: [safety], hide: true}}')
    assert [("does not change the result" in m) for m in danger_messages(one_band)] == [True]


def test_a_question_without_danger_is_not_held_to_the_rule():
    source = DANGER.replace("    danger: true\n", "").replace('{safety: ["Not sure", "Yes", "Prefer not to say"]}', '{safety: ["Yes"]}')
    assert danger_messages(source) == []
