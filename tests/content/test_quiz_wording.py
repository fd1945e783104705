"""Quiz wording (CONT-1, CONT-2): results never label the reader or the other person and never
tell the reader what they must do; intros say it is not a diagnosis and link safe-use, once,
without exit keys (they are not for paper); every result links an article and the help page.
Safety (issue 11): no reassuring result beside a raised flag (flag-aware results), danger
questions are flag-only and flag "Not sure" and "Prefer not to say" too, no outcome promises.
Over quizzes/*.yml as written (no build), and through quizkit for the model."""

from __future__ import annotations

import re

import pytest

import quizkit
from markdown_pages import ROOT, article_slugs, markdown_link_targets, normalise, quizzes

QUIZZES = quizzes()

# Clinical labels (CONT-2; evidence.md §8.2: avoid "You are trauma-bonded", "Your ex is a
# narcissist"). "You have" is only a label when a condition follows: "You have some people to
# lean on" is the tentative, strengths-based wording CONT-2 asks for, so it is allowed.
CONDITION = (r"(?:a\s+|an\s+)?(?:trauma[- ]?bond\w*|ptsd|c-?ptsd|post-traumatic stress disorder"
             r"|depression|anxiety|codependen\w*|stockholm\w*|\w*\s*disorder|\w*\s*syndrome"
             r"|an? addiction|attachment issues|bpd)")
LABELS = [
    ("you-are-label", rf"\byou(?:'re| are)\s+(?:(?:probably|likely|clearly|definitely)\s+)?"
                      rf"(?:trauma[- ]?bonded|codependent|addicted|an addict|{CONDITION})\b"),
    ("you-have-condition", rf"\byou (?:probably |likely |may |might |clearly )?"
                           rf"(?:have|suffer from|show signs of)\s+{CONDITION}"),
    ("diagnosis", r"\bdiagnos\w*"),  # allowed only as "not a diagnosis" and similar, see below
    ("narcissist", r"\bnarcissis\w*"),
    ("psychopath", r"\b(?:psycho|socio)path\w*"),
    ("abuser-is", r"\b(?:the |your )?abuser (?:is|was)\b|\byour abuser\b"),
    ("partner-is-label", r"\b(?:your|the) (?:partner|ex|parent|relative)(?:'s| is| was)\s+(?:a|an)\s+"
                         r"(?:abuser|manipulator|narcissist|psychopath)"),
    ("researchers-call-this", r"\bresearchers call (?:this|it|that)\b"),
]
NOT_A_DIAGNOSIS = re.compile(
    r"\b(?:not|never|no|cannot|can't|can not)\s+(?:a\s+|any\s+)?(?:medical\s+|formal\s+)?diagnos\w*", re.I)
COMMANDS = [("you-must", r"\byou (?:must|need to|should|have to|ought to)\b")]
DONT_HAVE_TO = re.compile(r"\byou (?:do not|don't|never) (?:have|need) to\b", re.I)

RESULT_RULES = [(name, re.compile(rx, re.I)) for name, rx in LABELS + COMMANDS]


def result_problems(text: str) -> list[str]:
    plain = normalise(text)
    plain = DONT_HAVE_TO.sub("", NOT_A_DIAGNOSIS.sub("", plain))
    return [f"[{name}] '{m.group(0)}'" for name, rx in RESULT_RULES for m in rx.finditer(plain)]


@pytest.mark.parametrize("sentence", [
    "You are trauma bonded.", "You have a trauma bond.", "You probably have PTSD.",
    "This suggests a diagnosis.", "Your partner is a narcissist.", "The abuser is in control.",
    "You must leave now.", "You need to block them.",
    "You should talk to someone.", "You are codependent.", "Your ex is a manipulator.",
    "Researchers call this pattern traumatic bonding.",  # close to labelling the relationship
])
def test_result_checker_catches(sentence):
    assert result_problems(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "It is not a diagnosis.", "You have some people to lean on.", "You have some safety steps in place.",
    "You do not have to work it out alone.", "You do not have to explain everything.",
    "Some researchers use the term traumatic bonding for this kind of attachment.",
])
def test_result_checker_allows(sentence):
    assert result_problems(sentence) == [], sentence


def _results(quiz):
    """Every result text: bands, their flagged words, the quiz's flagged words, flags."""
    found = quiz.bands() + quiz.flags()
    found += [(f"{where}.flagged", b["flagged"]) for where, b in quiz.bands() if isinstance(b.get("flagged"), dict)]
    if isinstance(quiz.data.get("flagged"), dict):
        found.append(("flagged", quiz.data["flagged"]))
    return [(where, item) for where, item in found if "body" in item or "title" in item]


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_results_use_no_labels_and_no_commands(quiz):
    problems = [f"{where}.{key}: {p}" for where, item in _results(quiz) for key in ("title", "body")
                for p in result_problems(item.get(key) or "")]
    assert not problems, f"quizzes/{quiz.slug}.yml:\n" + "\n".join(problems)


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_quiz_has_results(quiz):
    assert quiz.bands(), f"quizzes/{quiz.slug}.yml has no bands"


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_intro_says_not_a_diagnosis_and_links_safe_use(quiz):
    intro = normalise(quiz.data.get("intro") or "")
    assert re.search(r"\bnot a diagnosis\b", intro, re.I), \
        f"quizzes/{quiz.slug}.yml: the intro does not say it is not a diagnosis"
    where = f"quizzes/{quiz.slug}.yml: the intro"
    assert "../safe-use.md" in markdown_link_targets(intro), f"{where} does not link ../safe-use.md"
    assert re.search(r"only you can decide", intro, re.I), f"{where} lacks CONT-1 'only you can decide'"
    assert re.search(r"stay on this device", intro, re.I), f"{where} lacks CONT-1 'stay on this device'"


def test_the_intro_is_the_only_note_before_the_questions():
    """Issue 13: one short intro before question 1, never repeated. The template adds only the
    one-line safety callout (with the exit keys, left off paper) before the questions, and
    repeats "not a diagnosis" with the results (CONT-1)."""
    template = (ROOT / "overrides/partials/quiz.html").read_text(encoding="utf-8")
    before = template[:template.index("{% for q in quiz.questions %}{{ question(")]
    assert 't("not_diagnosis")' not in before and "stays_on_device" not in before and "quiz__notes" not in before
    assert 'md(quiz.intro)' in before and 't("callout")' in before
    results = template[template.index("{% macro results("):]
    assert 't("not_diagnosis")' in results and 't("next_steps")' in results


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_intro_is_short_and_has_no_exit_keys(quiz):
    intro = normalise(quiz.data.get("intro") or "")
    assert len(intro.split()) <= 70, f"quizzes/{quiz.slug}.yml: the intro has {len(intro.split())} words; keep it short (question 1 on the first screen)"
    assert not re.search(r"exit this page|shift key", intro, re.I), \
        f"quizzes/{quiz.slug}.yml: the page adds the exit keys (and leaves them off paper); the intro must not"


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_hints_do_not_repeat_the_answer_instruction(quiz):
    doubled = [q["id"] for q in quiz.data.get("questions") or []
               if re.search(r"select (?:all that apply|one answer)", q.get("hint") or "", re.I)]
    assert doubled == [], f"quizzes/{quiz.slug}.yml: the page already says how to answer: {doubled}"


# Outcome promises (issue 11): nobody can promise that an urge passes or eases.
PROMISES = re.compile(r"\b(?:can|will|should) (?:pass|ease|fade|get easier)\b|\bpeaks? and then eases?\b"
                      r"|\byou will (?:feel|be) (?:better|fine|ok|okay|safe)\b|\bit gets? easier\b", re.I)


@pytest.mark.parametrize("sentence", ["This one can pass even if it does not feel like it.",
                                      "Urges often peak and then ease.", "You will feel better soon."])
def test_promise_checker_catches(sentence):
    assert PROMISES.search(sentence)


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_no_outcome_promises(quiz):
    found = [f"{where}: {m.group(0)!r}" for where, text in quiz.reader_texts()
             for m in PROMISES.finditer(normalise(text))]
    assert found == [], f"quizzes/{quiz.slug}.yml:\n" + "\n".join(found)


def _model(quiz):
    model, problems = quizkit.check_file(quiz.path)
    assert problems == [], "\n".join(map(str, problems))
    return model


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_no_result_reassures_beside_a_raised_flag(quiz):
    """Every flag is a safety message. While it is raised, every band (of the total and of
    every subscale) reads differently or is hidden: by the quiz's own `flagged:` or the band's."""
    model = _model(quiz)
    uncovered = []
    for flag in model.flags:
        if model.flagged and flag.id in model.flagged.flags:
            continue
        bands = [("total", b) for b in model.bands] + [(s.id, b) for s in model.subscales for b in s.bands]
        uncovered += [f'flag "{flag.id}" beside {where} band "{b.title}"' for where, b in bands
                      if not (b.flagged and flag.id in b.flagged.flags)]
    assert uncovered == [], f"quizzes/{quiz.slug}.yml: add flagged: (quizzes/README.md) for\n" + "\n".join(uncovered)


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_examples_assert_what_a_flagged_reader_sees(quiz):
    """At least one example raises a flag and says (shows:) what the reader sees then."""
    model = _model(quiz)
    if not model.flags:
        return
    assert [e for e in model.examples if e.flags and e.shows], \
        f"quizzes/{quiz.slug}.yml: no example with flags says what shows (shows: {{total: ...}})"


# Flags about danger to the reader (not, say, a phone that may not be private).
DANGER_FLAGS = {"danger", "safety", "crisis"}


def _danger_questions(model):
    """Yes/no questions that raise a danger flag: threats, harm, weapons and the like."""
    return [q for q in model.questions if any(o.label == "Yes" and DANGER_FLAGS & set(o.flags) for o in q.options)]


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_danger_questions_are_flag_only_and_flag_doubt_too(quiz):
    """No total acts as a home-made risk score (evidence.md 4b): a danger question scores 0
    for every answer; "Not sure" and "Prefer not to say" raise its flag like "Yes"."""
    problems = []
    for q in _danger_questions(_model(quiz)):
        if any(o.points for o in q.options):
            problems.append(f'"{q.id}" scores points: {[(o.label, o.points) for o in q.options]}')
        flags = {f for o in q.options if o.label == "Yes" for f in o.flags}
        quiet = [o.label for o in q.options if o.label in ("Not sure", "Prefer not to say") and not flags <= set(o.flags)]
        if quiet:
            problems.append(f'"{q.id}": {quiet} raise no flag')
    assert problems == [], f"quizzes/{quiz.slug}.yml:\n" + "\n".join(problems)


def test_threat_questions_agree_across_quizzes():
    threats = [(quiz.slug, q) for quiz in QUIZZES for q in _model(quiz).questions if re.search(r"threat|said they would hurt", q.text, re.I)]
    assert len(threats) >= 3
    answers = {(slug, q.id): tuple(sorted(o.label for o in q.options if o.flags)) for slug, q in threats}
    assert set(answers.values()) == {("Not sure", "Prefer not to say", "Yes")}, answers


def test_safety_check_asks_about_strangulation_control_and_forced_sex():
    """Flag-only, in our own words (never a published instrument's items, peers.md 5)."""
    model = _model(next(q for q in QUIZZES if q.slug == "safety-check"))
    danger = {q.id: q.text.lower() for q in _danger_questions(model)}
    assert any("neck" in text and "breath" in text for text in danger.values())
    assert any("sexual" in text for text in danger.values())
    assert any("day to day" in text or "daily" in text for text in danger.values())


def _article_links(text: str) -> list[str]:
    slugs = article_slugs()
    return [t for t in markdown_link_targets(text)
            if (m := re.fullmatch(r"\.\./articles/([a-z0-9-]+)\.md(?:#.*)?", t)) and m.group(1) in slugs]


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_every_result_links_an_article_and_the_help_page(quiz):
    problems = []
    for where, item in _results(quiz):
        targets = markdown_link_targets(item.get("body") or "")
        if "../help.md" not in targets:
            problems.append(f"{where}: no link to ../help.md")
        if not _article_links(item.get("body") or ""):
            problems.append(f"{where}: no link to an existing ../articles/<slug>.md")
    assert not problems, f"quizzes/{quiz.slug}.yml:\n" + "\n".join(problems)


@pytest.mark.parametrize("quiz", QUIZZES, ids=lambda q: q.slug)
def test_safety_flags_point_to_safety_planning(quiz):
    """CONT-2/CONT-4: a raised safety flag links the safety-planning article and says what to do
    in danger now."""
    for where, flag in quiz.flags():
        if where != "flags.safety":
            continue
        body, label = normalise(flag.get("body") or ""), f"quizzes/{quiz.slug}.yml {where}"
        assert "../articles/planning-ahead.md" in markdown_link_targets(body), label
        assert re.search(r"in danger now, call", body, re.I), f"{label}: 'If you are in danger now, call'"
