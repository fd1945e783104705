"""Quiz wording (CONT-1, CONT-2): results never label the reader or the other person and never
tell the reader what they must do; intros say it is not a diagnosis and link safe-use; every
result links an article and the help page. Over quizzes/*.yml as written (no build)."""

from __future__ import annotations

import re

import pytest

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
])
def test_result_checker_catches(sentence):
    assert result_problems(sentence), sentence


@pytest.mark.parametrize("sentence", [
    "It is not a diagnosis.", "You have some people to lean on.", "You have some safety steps in place.",
    "You do not have to work it out alone.", "You do not have to explain everything.",
    "Researchers call this pattern traumatic bonding.",
])
def test_result_checker_allows(sentence):
    assert result_problems(sentence) == [], sentence


def _results(quiz):
    return quiz.bands() + quiz.flags()


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


def test_quiz_template_repeats_the_disclaimer_with_the_results():
    """CONT-1: the note comes before the first question and again with the results."""
    template = (ROOT / "overrides/partials/quiz.html").read_text(encoding="utf-8")
    notes = template.index('t("not_diagnosis")')
    assert notes < template.index("{% for q in quiz.questions %}{{ question(")
    results = template[template.index("{% macro results("):]
    assert 't("not_diagnosis")' in results and 't("next_steps")' in results


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
