"""Pages: front matter, headings, reading level, article length and the links between pages."""

from __future__ import annotations

import datetime
import re
from typing import Iterator

from steadyground.core.project import Project, is_internal, iso_date
from steadyground.core.rules import Problem, at, rule
from steadyground.core.words import LANGUAGES
from steadyground.quizzes import fields

MAX_DESCRIPTION = 160
MAX_CONTENT_NOTE = 200
# Material's own page keys are fine; anything else is probably a typo ("content-note") that would
# silently skip a check.
KNOWN_KEYS = {"title", "tab_title", "description", "reviewed", "content_note",
              "hide", "icon", "status", "search", "subtitle"}


@rule("reading-level", "pages")
def reading_level(project: Project) -> Iterator[Problem]:
    """Every page and quiz reads plainly: English at school grade 8 or lower (Flesch-Kincaid),
    Spanish at Fernández-Huerta 70 or more (core/words.py)."""
    for language in LANGUAGES.values():
        measure, pages = language.reading, project.pages_in(language.code)
        quizzes = project.quizzes_in(language.code)
        # Every string a reader sees of a quiz, one paragraph each, so a label without a full stop
        # still ends a sentence, as it does for a reader.
        quiz_texts = ["\n\n".join(text.strip() for _, _, text in fields.reader_text_paths(quiz.data)) for quiz in quizzes]
        scores = measure.scores([page.text for page in pages] + quiz_texts)
        bound = "or more" if measure.higher_is_plainer else "or lower"
        for page, score in zip(pages, scores):
            if not measure.too_hard(score):
                continue
            if language.code == "en":
                message = (f"reads at school grade {score:.1f}; keep it at grade {measure.limit:.0f} or lower: "
                           "shorter sentences and everyday words (measure with "
                           f".venv/bin/python scripts/steadyground/core/readability.py {page.shown})")
            else:
                message = (f"reads at {measure.name} {score:.1f}; keep it at {measure.limit:.0f} {bound}: "
                           "shorter sentences and everyday words")
            yield at(page.shown, page.body_line_offset + 1, message, "reading-level")
        for quiz, score in zip(quizzes, scores[len(pages):]):
            if measure.too_hard(score):
                yield at(quiz.shown, 1, f"what a reader sees of the quiz reads at {measure.name} {score:.1f}; keep it at "
                         f"{measure.limit:.0f} {bound}: shorter sentences and everyday words", "reading-level")


@rule("article-length", "pages")
def article_length(project: Project) -> Iterator[Problem]:
    """An article has 700 to 1500 words (References not counted), in every language."""
    for language in LANGUAGES.values():
        low, high = language.article_words
        for page in project.articles_in(language):
            words = language.word_count(page.text)
            if not low <= words <= high:
                advice = "add to it or merge it into another article" if words < low else "split it into two articles"
                yield at(page.shown, page.body_line_offset + 1,
                         f"the article has {words} words; articles have {low} to {high} (not counting "
                         f"{language.references_heading.removeprefix('## ')}): {advice}", "article-length")


@rule("front-matter", "pages")
def front_matter(project: Project) -> Iterator[Problem]:
    """title, tab_title, description (160 characters at most), reviewed and only known keys, in
    every language (a translation adds translation_of)."""
    for page in project.every_page:
        meta, shown = page.meta, page.shown
        if page.meta_is_invalid:
            continue  # one problem: front-matter-yaml names the line
        if not page.text.startswith("---\n"):
            yield at(shown, 1, "the page has no front matter: start it with a '---' block holding title, "
                     "tab_title, description and reviewed (see AUTHORING.md)", "front-matter")
            continue
        for key, why in (("title", "the page heading and its name in the menu"),
                         ("tab_title", "an everyday name for the browser tab and history"),
                         ("description", "one sentence for search results")):
            if not (isinstance(meta.get(key), str) and meta[key].strip()):
                yield at(shown, 1, f"the front matter has no {key}: ({why})", "front-matter")
        description = meta.get("description")
        if isinstance(description, str) and len(description) > MAX_DESCRIPTION:
            yield at(shown, page.key_line("description"),
                     f"the description is {len(description)} characters; keep it to {MAX_DESCRIPTION}",
                     "front-matter")
        reviewed = iso_date(meta.get("reviewed"))
        if reviewed is None:
            yield at(shown, page.key_line("reviewed"),
                     f"reviewed: {meta.get('reviewed')!r} is not a date written YYYY-MM-DD", "front-matter")
        elif reviewed > datetime.date.today() + datetime.timedelta(days=1):  # a day's slack for time zones
            yield at(shown, page.key_line("reviewed"), f"reviewed: {reviewed} is in the future", "front-matter")
        known = KNOWN_KEYS | LANGUAGES[page.language].extra_keys
        for key in sorted(set(meta) - known, key=str):
            yield at(shown, page.key_line(str(key)),
                     f"unknown front matter key '{key}' (known: {', '.join(sorted(known))}); "
                     "a misspelt key silently skips its check", "front-matter")


@rule("content-note", "pages")
def content_note(project: Project) -> Iterator[Problem]:
    """A content note is a short factual sentence (under 200 characters), never 'trigger warning',
    'TW', 'CW' or 'Warning' (CONT-5)."""
    for page in project.pages:
        note = page.meta.get("content_note")
        if note is None:
            continue
        line = page.key_line("content_note")
        if not (isinstance(note, str) and note.strip()):
            yield at(page.shown, line, "content_note must be a short sentence of text", "content-note")
            continue
        if len(note) >= MAX_CONTENT_NOTE:
            yield at(page.shown, line, f"content_note is {len(note)} characters; keep it under {MAX_CONTENT_NOTE}",
                     "content-note")
        # CONT-5: warnings add anticipation without reducing distress; no "trigger warning" styling.
        if re.search(r"trigger|\bTW\b|\bCW\b|content warning|^\W*warning\b", note, re.I):
            yield at(page.shown, line, "content_note uses warning wording (trigger, TW, CW, warning); "
                     "say plainly what the page covers", "content-note")


@rule("headings", "pages")
def headings(project: Project) -> Iterator[Problem]:
    """One '# Heading', first, and no skipped levels, in every language."""
    for page in project.every_page:
        found = page.headings()
        h1s = [h for h in found if h[0] == 1]
        if not found:
            yield at(page.shown, 1, "the page has no '# Heading'; start it with one", "headings")
            continue
        if found[0][0] != 1:
            yield at(page.shown, found[0][2], f"the first heading is level {found[0][0]}; start with one '# Heading'",
                     "headings")
        for _, text, line in h1s[1:]:
            yield at(page.shown, line, f"a second top heading '# {text}'; a page has one, use '## {text}'", "headings")
        for (before, _, _), (level, text, line) in zip(found, found[1:]):
            if level > before + 1:
                yield at(page.shown, line, f"heading '{text}' is level {level} right after level {before}; "
                         f"do not skip levels (use {'#' * (before + 1)})", "headings")


@rule("link-target", "pages")
def link_target(project: Project) -> Iterator[Problem]:
    """Links between pages name a page that exists (quiz pages come from quizzes/<slug>.yml), and
    a translated page links pages of its own language (docs/es/ links stay in docs/es/)."""
    from steadyground.core.project import resolve
    for page in project.every_page:
        prefix = LANGUAGES[page.language].prefix()
        for line, col, target in page.link_places():
            if not is_internal(target) or not target.split("#")[0]:
                continue
            name = resolve(page.name, target)
            if not project.link_target_exists(name):
                hint = ""
                if name.startswith(f"{prefix}quizzes/"):
                    hint = f" (quizzes: {', '.join(sorted(project.quiz_slugs))})" if not prefix else ""
                elif name.startswith(f"{prefix}{LANGUAGES[page.language].articles}/"):
                    hint = " (write links relative to this file, e.g. ../help.md from an article)"
                yield at(page.shown, line, f"the link '{target}' points to docs/{name}, which does not exist{hint}",
                         "link-target", col)
            elif prefix and not name.startswith(prefix):
                yield at(page.shown, line, f"the link '{target}' leaves the {LANGUAGES[page.language].name} site for "
                         f"docs/{name}; link the page of docs/{prefix}", "link-target", col)


@rule("article-links-a-quiz", "pages")
def article_links_a_quiz(project: Project) -> Iterator[Problem]:
    """Every article links to a self-check page or embeds one, so readers find the quizzes."""
    from steadyground.quizzes.embeds import markers
    quiz_pages = {f"quizzes/{slug}.md" for slug in project.quiz_slugs}
    if not quiz_pages:
        return
    for page in project.articles:
        embedded = any(m.slug in project.quiz_slugs for m in markers(page.text))
        if not embedded and not page.link_targets() & quiz_pages:
            example = sorted(quiz_pages)[0].removeprefix("quizzes/")
            yield at(page.shown, page.body_line_offset + 1,
                     f"the article links to no self-check; add a link such as [Take the self-check](../quizzes/{example}) "
                     "or embed one with <!-- quiz: slug -->", "article-links-a-quiz")
