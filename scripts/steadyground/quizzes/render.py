"""Rendering: a validated quiz becomes Markdown for MkDocs.

Owns the generated page (front matter, heading, intro, quiz markup), the markup embedded in
articles by a `<!-- quiz: slug -->` marker, and the "Self-checks" index page. Markup comes
from the macros in overrides/partials/quiz.html, through one Jinja environment created on
first use (autoescape on, StrictUndefined), so every string from YAML is escaped.

The quiz markup is raw HTML that never goes through Markdown: the page's Markdown holds a
placeholder for it, which keeps builds fast and the quiz's headings out of the table of
contents. Markdown fields (and Markdown UI strings) become placeholders in the markup and
`<div markdown="1">` blocks (md_in_html) in the page, which MkDocs renders with the
site's extensions, checking and rewriting their links. `assemble` then puts the markup in
place and moves each rendered block into it; the hook does this on the finished page, so
the search index holds the quiz's words (intro, bands, flags) without parsing the form.
Authors write links relative to the quiz page (quizzes/<slug>.md); `rebase_links` adjusts
them when a quiz is embedded in a page in another folder.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Mapping

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from steadyground.core.paths import REPO
from steadyground.quizzes.config import Settings, fill
from steadyground.quizzes.model import Quiz

TEMPLATES = REPO / "overrides" / "partials"
QUIZ_DIR = "quizzes"  # where generated pages live in the site, and what links are relative to


@lru_cache(maxsize=1)
def macros():
    """The compiled quiz.html macros (compiled once per process)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("quiz.html").module


class Strings:
    """`t(key, **values)`: a UI string with its placeholders filled in."""

    def __init__(self, settings: Settings, root: str) -> None:
        self.strings = settings.strings
        self.common = {"root": root, "emergency": settings.emergency}

    def __call__(self, key: str, **values) -> str:
        return fill(self.strings[key], **self.common, **values)


def _root(src_uri: str) -> str:
    return "../" * src_uri.count("/")


class _MarkdownBlocks:
    """`md(text)` for the template: collects Markdown and returns its placeholder."""

    def __init__(self, slug: str, rebase: Callable[[str], str]) -> None:
        self.slug, self.rebase, self.texts = slug, rebase, []

    def __call__(self, text: str, rebase: bool = True) -> Markup:
        # UI strings (rebase=False) are the same on every quiz: kept out of the search index.
        attrs = ' class="quiz__md"' + ("" if rebase else " data-search-exclude")
        self.texts.append((attrs, self.rebase(text.strip()) if rebase else text.strip()))
        return Markup(f"<!--quiz-md:{self.slug}:{len(self.texts) - 1}-->")

    def blocks(self) -> str:
        return "\n\n".join(
            f'<!--quiz-md-start:{self.slug}:{n}-->\n<div{attrs} markdown="1">\n\n{text}\n\n</div>\n'
            f"<!--quiz-md-end:{self.slug}:{n}-->"
            for n, (attrs, text) in enumerate(self.texts)
        )


@dataclass(frozen=True)
class Rendered:
    markdown: str  # for the page: a placeholder for the markup, then the Markdown blocks
    markup: str  # the quiz's raw HTML with a placeholder per Markdown block; the same on every page


def render_quiz(quiz: Quiz, settings: Settings, *, page_uri: str) -> Rendered:
    """The quiz for a page at `page_uri` (a path inside docs/, like "articles/x.md")."""
    page_dir = posixpath.dirname(page_uri)
    rebase: Callable[[str], str] = (
        (lambda text: text) if page_dir == QUIZ_DIR else (lambda text: rebase_links(text, QUIZ_DIR, page_dir))
    )
    md = _MarkdownBlocks(quiz.slug, rebase)
    markup = _BETWEEN_TAGS.sub("><", str(macros().render_quiz(quiz, Strings(settings, _root(page_uri)), md)))
    return Rendered(f"\n\n<!--quiz-markup:{quiz.slug}-->\n\n{md.blocks()}\n\n", markup)


_BETWEEN_TAGS = re.compile(r">\s+<")  # lean markup: fewer nodes for browsers and the search indexer
_MARKUP = re.compile(r"<!--quiz-markup:([a-z0-9-]+)-->")
_BLOCK = re.compile(r"<!--quiz-md-start:([a-z0-9-]+:\d+)-->\s*(.*?)\s*<!--quiz-md-end:\1-->", re.S)
_PLACEHOLDER = re.compile(r"<!--quiz-md:([a-z0-9-]+:\d+)-->")


def assemble(html_text: str, markups: Mapping[str, str]) -> str:
    """Put each quiz's markup in place, then each rendered Markdown block into it."""
    try:
        html_text = _MARKUP.sub(lambda m: markups[m.group(1)], html_text)
    except KeyError as error:
        raise ValueError(f"no markup for quiz {error}") from None
    blocks: dict[str, str] = {}

    def take(match: re.Match) -> str:
        blocks[match.group(1)] = match.group(2)
        return ""

    html_text = _BLOCK.sub(take, html_text)
    html_text = _PLACEHOLDER.sub(lambda m: blocks.pop(m.group(1), m.group(0)), html_text)
    if _PLACEHOLDER.search(html_text) or blocks:
        raise ValueError("quiz Markdown blocks and placeholders do not match; was the page changed by another plugin?")
    return html_text


def page_uri(quiz: Quiz) -> str:
    return f"{QUIZ_DIR}/{quiz.slug}.md"


def quiz_page(quiz: Quiz, settings: Settings) -> Rendered:
    """The generated page quizzes/<slug>.md, and the quiz markup `assemble` puts in it."""
    meta = {
        # Material prints title and description unescaped, so they are escaped here.
        "title": html.escape(quiz.title),
        "tab_title": html.escape(quiz.tab_title or settings.strings["tab_title"]),
        "description": html.escape(quiz.description),
        "reviewed": quiz.reviewed,
    }
    if quiz.content_note:
        meta["content_note"] = quiz.content_note.strip()  # main.html escapes this one itself
    if quiz.translation_of:
        meta["translation_of"] = f"{QUIZ_DIR}/{quiz.translation_of}.md"  # the language link's target
    parts = [
        "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000) + "---\n",
        # A Markdown heading, not raw HTML: it gives the page a table of contents entry, and
        # with it Material's "Skip to content" link. The intro is part of the quiz markup.
        f"# {md_escape(quiz.title)}\n",
    ]
    rendered = render_quiz(quiz, settings, page_uri=page_uri(quiz))
    parts.append(rendered.markdown)
    return Rendered("\n".join(parts), rendered.markup)


def index_page(quizzes: Iterable[Quiz], settings: Settings) -> str:
    t = Strings(settings, "../")
    title = t("index_title")
    quizzes = list(quizzes)
    meta = {"title": html.escape(title)}
    if any(quiz.translation_of for quiz in quizzes):
        meta["translation_of"] = f"{QUIZ_DIR}/index.md"  # a translated list links to the source one
    lines = [
        "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n",
        f"# {md_escape(title)}\n",
        t("index_intro") + "\n",
    ]
    # One heading per quiz: big tap targets, and a table of contents under the page's own
    # entry, so Material labels its #__toc toggle.
    for quiz in sorted((q for q in quizzes if q.listed), key=lambda q: q.title.lower()):
        count, minutes = len(quiz.questions), quiz.minutes
        size = (t("index_questions_one") if count == 1 else t("index_questions", count=count)) + ", " + (
            t("index_minutes_one") if minutes == 1 else t("index_minutes", count=minutes))
        lines.append(f"## [{md_escape(quiz.title)}]({quiz.slug}.md)\n\n{md_escape(quiz.description)} ({md_escape(size)})\n")
    return "\n".join(lines)


def md_escape(text: str) -> str:
    """Plain text for a Markdown line: HTML-escaped, Markdown punctuation backslashed."""
    return re.sub(r"([\\`*_\[\]{}()#+!|~])", r"\\\1", html.escape(" ".join(text.split()), quote=False))


# Links -------------------------------------------------------------------------------

_INLINE = re.compile(r"(\]\(\s*<?)([^)\s>]+)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*<?)(\S+?)(>?(?:\s|$))", re.M)
_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.I)


def rebase_links(markdown: str, from_dir: str, to_dir: str) -> str:
    """Rewrite relative link targets written from `from_dir` so they work from `to_dir`."""

    def moved(target: str) -> str:
        if _ABSOLUTE.match(target):
            return target
        path, hash_, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(from_dir, path))
        return posixpath.relpath(resolved, to_dir or ".") + hash_ + fragment

    markdown = _INLINE.sub(lambda m: m.group(1) + moved(m.group(2)), markdown)
    return _REFERENCE.sub(lambda m: m.group(1) + moved(m.group(2)) + m.group(3), markdown)
