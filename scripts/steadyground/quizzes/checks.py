"""Quizzes: every rule of the quiz engine (structure, bands, flags, examples; quizzes/README.md) plus the
wording of what a reader sees (CONT-1, CONT-2, issue 11), each problem at its line in the .yml."""

from __future__ import annotations

import functools
import posixpath
import re
from typing import Callable, Iterator

from steadyground import quizzes as quizkit
from steadyground.core.project import Project, Quiz, is_internal, markdown_link_targets, normalise, resolve
from steadyground.core.rules import Problem, at, at_place, rule
from steadyground.core.yaml_loader import load_text
from steadyground.quizzes import fields

Place = Callable[[tuple], tuple[int, int]]


@functools.lru_cache(maxsize=64)
def _positions(text: str, shown: str):
    """Where each value of a quiz file is (quizkit's loader), read once per text: a dozen rules ask."""
    return load_text(text, shown).positions


def quiz_places(project: Project, language: str = "en") -> Iterator[tuple[Quiz, Place]]:
    """Each readable quiz of a language (English: quizzes/, a translation: quizzes/<code>/) with a
    function from data path to (line, column) in its file."""
    for quiz in project.quizzes_in(language):
        positions = _positions(quiz.path.read_text(encoding="utf-8-sig"), quiz.shown)

        def place(path: tuple, positions=positions) -> tuple[int, int]:
            found = positions.of(path)
            return found.line, found.col
        yield quiz, place


@rule("quiz-file", "quizzes")
def quiz_file(project: Project) -> Iterator[Problem]:
    """The quiz engine's own rules, on the English quizzes and their translations (quizzes/es/, whose
    scoring must match their source); each problem keeps its rule name (quizzes/README.md)."""
    if not project.quiz_dir.is_dir():
        return
    folders = [project.quiz_dir, *quizkit.language_dirs(project.quiz_dir)]
    paths = [(p, project.shown(p)) for folder in folders for p in quizkit.quiz_files(folder)]
    _, problems = quizkit.check_paths(paths)
    yield from problems


# ---- results: no labels, no commands (CONT-2) ----------------------------------------------------------

# Clinical labels (CONT-2; evidence.md §8.2). "You have" is only a label when a condition follows.
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


def results(quiz: Quiz) -> list[tuple[str, tuple, dict]]:
    """(where, data path, item) of every result: bands, their flagged words, the quiz's flagged
    words, flags."""
    found = [(w, p, b) for (w, b), (p, _) in zip(quiz.bands(), quiz.band_paths())]
    found += [(w, ("flags", w.split(".", 1)[1]), f) for w, f in quiz.flags()]
    found += [(f"{w}.flagged", p + ("flagged",), b["flagged"]) for (w, b), (p, _) in zip(quiz.bands(), quiz.band_paths())
              if isinstance(b.get("flagged"), dict)]
    if isinstance(quiz.data.get("flagged"), dict):
        found.append(("flagged", ("flagged",), quiz.data["flagged"]))
    return [(w, p, item) for w, p, item in found if "body" in item or "title" in item]


@rule("result-wording", "quizzes")
def result_wording(project: Project) -> Iterator[Problem]:
    """Quiz results never label the reader or the other person and never command (CONT-2)."""
    for quiz, place in quiz_places(project):
        for where, path, item in results(quiz):
            for key in ("title", "body"):
                for found in result_problems(item.get(key) or ""):
                    words = found.split("] ", 1)[1]
                    yield at_place(quiz.shown, place(path + (key,)),
                             f"{where}.{key}: {words} labels the reader or the other person, or tells the reader "
                             "what to do; describe what some people notice, and say what may help", "result-wording")


# ---- the intro (CONT-1, issue 13) -----------------------------------------------------------------------

MAX_INTRO_WORDS = 70


@rule("intro-wording", "quizzes")
def intro_wording(project: Project) -> Iterator[Problem]:
    """A quiz's intro, in every language, says it is not a diagnosis, that only the reader can
    decide and that answers stay on the device (CONT-1), links the safe-use page, keeps to 70
    words and leaves the exit keys to the page (each language's words: core/words.py)."""
    from steadyground.core.words import LANGUAGES
    for language in LANGUAGES.values():
        safe_use = language.from_quiz(language.safe_use_page)
        for quiz, place in quiz_places(project, language.code):
            intro = normalise(quiz.data.get("intro") or "")
            line, col = place(("intro",))
            for pattern, what in language.intro_needs:
                if not re.search(pattern, intro, re.I):
                    yield at(quiz.shown, line, f"the intro must {what}", "intro-wording", col)
            if safe_use not in markdown_link_targets(intro):
                yield at(quiz.shown, line, f"the intro must link the safe-use page ({safe_use})",
                         "intro-wording", col)
            words = len(intro.split())
            if words > MAX_INTRO_WORDS:
                yield at(quiz.shown, line, f"the intro has {words} words; keep it to {MAX_INTRO_WORDS} so question 1 "
                         "shows on the first screen", "intro-wording", col)
            if language.exit_keys and re.search(language.exit_keys, intro, re.I):
                yield at(quiz.shown, line, "the intro mentions the exit keys; the page adds them (and leaves them off "
                         "paper), so leave them out", "intro-wording", col)


@rule("hint-wording", "quizzes")
def hint_wording(project: Project) -> Iterator[Problem]:
    """A question's hint does not repeat 'Select all that apply' or 'Select one answer' (the page says
    how to answer)."""
    for quiz, place in quiz_places(project):
        for i, q in enumerate(quiz.data.get("questions") or []):
            if isinstance(q, dict) and re.search(r"select (?:all that apply|one answer)", str(q.get("hint") or ""), re.I):
                yield at_place(quiz.shown, place(("questions", i, "hint")),
                         f"question \"{q.get('id')}\": the page already says how to answer; leave 'select ...' out "
                         "of the hint", "hint-wording")


# Outcome promises (issue 11): nobody can promise that an urge passes or eases.
PROMISES = re.compile(r"\b(?:can|will|should) (?:pass|ease|fade|get easier)\b|\bpeaks? and then eases?\b"
                      r"|\byou will (?:feel|be) (?:better|fine|ok|okay|safe)\b|\bit gets? easier\b", re.I)


@rule("outcome-promise", "quizzes")
def outcome_promise(project: Project) -> Iterator[Problem]:
    """Nothing a reader sees in a quiz promises an outcome ('this will pass', 'you will feel better')."""
    for quiz, place in quiz_places(project):
        for where, path, text in fields.reader_text_paths(quiz.data):
            for m in PROMISES.finditer(normalise(text)):
                yield at_place(quiz.shown, place(path), f"{where}: '{m.group(0)}' promises an outcome nobody can promise",
                         "outcome-promise")


def _article_links(project: Project, text: str, language=None) -> list[str]:
    """The links of `text` (written from a quiz page) to an article of the language that exists."""
    from steadyground.core.words import ENGLISH
    language = language or ENGLISH
    slugs = {p.path.stem for p in project.articles_in(language)}
    return [t for t in markdown_link_targets(text)
            if (m := re.fullmatch(rf"\.\./{language.articles}/([a-z0-9-]+)\.md(?:#.*)?", t)) and m.group(1) in slugs]


@rule("result-links", "quizzes")
def result_links(project: Project) -> Iterator[Problem]:
    """Every result links an article and the help page of its language."""
    from steadyground.core.words import LANGUAGES
    for language in LANGUAGES.values():
        help_link = language.from_quiz(language.help_page)
        example = language.from_quiz(language.safety_article)
        for quiz, place in quiz_places(project, language.code):
            for where, path, item in results(quiz):
                body = item.get("body") or ""
                line, col = place(path + ("body",))
                if help_link not in markdown_link_targets(body):
                    yield at(quiz.shown, line, f"{where}: the result does not link the help page ({help_link})",
                             "result-links", col)
                if not _article_links(project, body, language):
                    yield at(quiz.shown, line, f"{where}: the result links no article; add one such as "
                             f"{example}", "result-links", col)


# Flags about danger to the reader: their bodies say what to do in danger now. A crisis flag
# (thoughts of self-harm) points to a crisis line rather than to an advocate and safety planning.
DANGER_FLAGS = {"danger", "safety", "crisis"}
CRISIS_FLAGS = {"crisis"}


@rule("safety-flag-wording", "quizzes")
def safety_flag_wording(project: Project) -> Iterator[Problem]:
    """CONT-2/CONT-4, in every language: a raised flag links the help page and points to an
    advocate (a crisis flag: to a crisis line); a danger flag (danger, safety, crisis) says what
    to do in danger now and, but for a crisis flag, links the safety-planning article."""
    from steadyground.core.words import LANGUAGES
    for language in LANGUAGES.values():
        help_link, article = language.from_quiz(language.help_page), language.from_quiz(language.safety_article)
        for quiz, place in quiz_places(project, language.code):
            for flag_id, flag in (quiz.data.get("flags") or {}).items():
                if not isinstance(flag, dict):
                    continue
                body = normalise(str(flag.get("body") or ""))
                targets = markdown_link_targets(body)
                line, col = place(("flags", flag_id, "body"))
                missing = [] if help_link in targets else [f"link the help page ({help_link})"]
                if flag_id in CRISIS_FLAGS:
                    missing += [] if language.crisis_line.search(body) else ["name a crisis line"]
                elif not language.advocate.search(body):
                    missing.append(f"point to an advocate ('{language.advocate_words}')")
                if flag_id in DANGER_FLAGS:
                    if flag_id not in CRISIS_FLAGS and article not in targets:
                        missing.append(f"link the safety-planning article ({article})")
                    if not language.danger_now.search(body):
                        missing.append(f"say '{language.danger_now_words} ...'")
                for what in missing:
                    yield at(quiz.shown, line, f"flags.{flag_id}: the flag must {what}", "safety-flag-wording", col)


@rule("quiz-link-target", "quizzes")
def quiz_link_target(project: Project) -> Iterator[Problem]:
    """Links in a quiz's text are written from the quiz's own page, quizzes/<slug>/ (so
    ../help.md, ../articles/<slug>.md; a Spanish quiz's ../ayuda.md), in every language; checked
    here against that page, at the .yml line."""
    from steadyground.core.words import LANGUAGES
    for language in LANGUAGES.values():
        # A translation's quiz page is docs/<code>/quizzes/<slug>/: its links stay in docs/<code>/.
        prefix = language.prefix()
        for quiz in project.quizzes_in(language.code):
            yield from link_problems(quiz, lambda name, prefix=prefix: _exists_in(project, prefix, name), prefix)


def _exists_in(project: Project, prefix: str, name: str) -> bool:
    """Whether docs/<prefix><name> will exist, `name` staying inside the language's folder."""
    full = posixpath.normpath(prefix + name)
    return full.startswith(prefix) and project.link_target_exists(full)


def link_problems(quiz: Quiz, exists: Callable[[str], bool], docs_prefix: str = "") -> Iterator[Problem]:
    """Every link in what a reader sees of `quiz` that names no page (`exists` says which
    docs/ paths do), at its line and column in the .yml file."""
    positions = _positions(quiz.path.read_text(encoding="utf-8-sig"), quiz.shown)
    page = f"quizzes/{quiz.slug}.md"
    for where, path, text in fields.reader_text_paths(quiz.data):
        for target in markdown_link_targets(text):
            if not is_internal(target) or not target.split("#")[0]:
                continue
            name = resolve(page, target)
            if exists(name):
                continue
            start = positions.of(path)
            line, col = _find_after(quiz, (start.line, start.col), f"]({target}")
            fix = ""
            if exists(resolve("quizzes/x/y.md", target)) or exists(target):
                fix = " (links in a quiz are written from its page in quizzes/, e.g. ../help.md)"
            yield at(quiz.shown, line, f"{where}: the link '{target}' points to docs/{docs_prefix}{name}, which does not exist{fix}",
                     "quiz-link-target", col)


def _find_after(quiz: Quiz, start: tuple[int, int], needle: str) -> tuple[int, int]:
    """The line and column of `needle` at or after a value's start (a link inside a long text)."""
    lines = quiz.path.read_text(encoding="utf-8").split("\n")
    for number in range(start[0], len(lines) + 1):
        col = lines[number - 1].find(needle)
        if col >= 0:
            return number, col + 2
    return start
