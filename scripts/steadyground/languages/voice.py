"""How a language's pages speak (core/words.py holds each language's words): one form of
address (Spanish: tú, never usted or vosotros), no words of another language left over from a
translation, and an article about abuse names it (safety.md A5). Over each page's front matter
and text up to its References, the snippets of its language, and every reader-facing string of
its quizzes."""

from __future__ import annotations

import re
from typing import Iterator, Pattern

from steadyground.core.project import Page, Project
from steadyground.core.rules import Problem, at, rule
from steadyground.core.words import LANGUAGES, Language
from steadyground.quizzes import fields
from steadyground.quizzes.checks import quiz_places

_LINK_TARGET = re.compile(r"\]\([^)\n]*\)")
# What is not the page's own words: citations "(Dutton & Painter, 1993)", code, addresses.
_CITATION = re.compile(r"\([^()]*(?:1[89]|20)\d\d[a-z]?[^()]*\)|\([^()]*n\.d\.[^()]*\)")
_NOT_WORDS = re.compile(r"`[^`\n]*`|https?://\S+|\S+@\S+")


def _blank(pattern: Pattern, text: str, keep: str = "") -> str:
    """Matches replaced by spaces (after `keep`), so every other character keeps its line and column."""
    return pattern.sub(lambda m: keep + re.sub(r"[^\n]", " ", m.group(0)[len(keep):]), text)


def readable(text: str) -> str:
    """Link targets, citations, code and addresses blanked in place."""
    return _blank(_NOT_WORDS, _blank(_CITATION, _blank(_LINK_TARGET, text, "]")))


_LEAD = " \t\n.!?¿¡:-*"


def _places(pattern: Pattern, text: str, first_line: int = 1) -> Iterator[tuple[int, int, str]]:
    """(line, column, words) of each match in `text`, whose first line is `first_line`."""
    for match in pattern.finditer(text):
        words = match.group(0).lstrip(_LEAD)  # a sentence-initial match starts at the punctuation before it
        start = match.end() - len(words)
        yield first_line + text.count("\n", 0, start), start - text.rfind("\n", 0, start), words


def _page_text(page: Page) -> str:
    """Front matter (but the translation_of line, a file name) and text up to the References."""
    text = page.text[: len(page.text) - len(page.body) + len(page.prose)]
    return re.sub(r"^translation_of:.*$", lambda m: " " * len(m.group(0)), text, flags=re.M)


def _snippets(project: Project, language: Language) -> Iterator[tuple[str, str]]:
    folder = project.includes / language.folder if language.folder else None
    for path in sorted(folder.glob("*.md")) if folder and folder.is_dir() else []:
        yield path.relative_to(project.root).as_posix(), path.read_text(encoding="utf-8")


def _everywhere(project: Project, language: Language, pattern: Pattern, name: str,
                message) -> Iterator[Problem]:
    """Each match of `pattern` in the language's pages, snippets and quizzes, at its place."""
    for page in project.pages_in(language.code):
        for line, col, words in _places(pattern, readable(_page_text(page))):
            yield at(page.shown, line, message(words), name, col)
    for shown, text in _snippets(project, language):
        for line, col, words in _places(pattern, readable(text)):
            yield at(shown, line, message(words), name, col)
    for quiz, place in quiz_places(project, language.code):
        for where, path, text in fields.reader_text_paths(quiz.data):
            for _, _, words in _places(pattern, readable(text)):
                line, col = place(path)
                yield at(quiz.shown, line, f"{where}: " + message(words), name, col)


@rule("one-register", "wording")
def one_register(project: Project) -> Iterator[Problem]:
    """The Spanish site speaks to the reader as tú: no usted, ustedes, vosotros or vos, and no
    usted imperatives such as 'Llame' (core/words.py, register)."""
    for language in LANGUAGES.values():
        if language.register is not None:
            yield from _everywhere(project, language, language.register, "one-register",
                                   lambda words: f"'{words}' speaks to the reader as usted or vosotros; the site says tú "
                                                 "throughout (llama, lee, puedes)")


@rule("untranslated-words", "wording")
def untranslated_words(project: Project) -> Iterator[Problem]:
    """A translated page, snippet or quiz holds no common English words left from its source
    (core/words.py, other_language); citations, code and link targets are not read."""
    for language in LANGUAGES.values():
        if language.other_language is not None:
            yield from _everywhere(project, language, language.other_language, "untranslated-words",
                                   lambda words: f"'{words}' is an English word left in a {language.name} text; translate it")


@rule("names-the-abuse", "safety")
def names_the_abuse(project: Project) -> Iterator[Problem]:
    """An article names abuse, control or violence, not only 'a hard relationship' (safety.md A5),
    in every language (core/words.py, names_abuse)."""
    for language in LANGUAGES.values():
        for page in project.articles_in(language):
            if not language.names_abuse.search(page.prose):
                yield at(page.shown, page.body_line_offset + 1, "the article never names abuse, control or violence; "
                         "say what the relationship is ('an abusive or controlling relationship') (safety.md A5)",
                         "names-the-abuse")
