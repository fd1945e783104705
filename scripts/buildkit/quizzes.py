"""Quizzes in a site build: load and check every quiz file, generate a page per quiz and
the Self-checks index, replace `<!-- quiz: slug -->` markers in pages, and put each quiz's
markup into a finished page. The rendering itself lives in quizkit.render."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import quizkit
from quizkit import render

from . import BuildError

MARKER = re.compile(r"^ {0,3}<!--\s*quiz:\s*(\S*?)\s*-->[ \t]*$", re.M)
INDEX_URI = "quizzes/index.md"


@dataclass(frozen=True)
class GeneratedPage:
    uri: str  # path inside docs/, like "quizzes/readiness.md"
    markdown: str
    source: Path | None  # the quiz file it comes from (for edit links), None for the index
    in_nav: bool = False


class QuizBuild:
    """The quizzes of one build, loaded once and used by every step."""

    def __init__(self, settings: quizkit.Settings, quiz_dir: Path) -> None:
        self.settings, self.quiz_dir = settings, quiz_dir
        self.quizzes: dict[str, quizkit.Quiz] = {}
        self.markup: dict[str, str] = {}

    @classmethod
    def from_extra(cls, extra: dict, project_dir: Path) -> QuizBuild:
        """Settings from `extra.quiz`; quiz files in its `dir`, relative to the project."""
        try:
            settings = quizkit.Settings.from_extra(extra)
        except ValueError as error:
            raise BuildError(str(error)) from None
        return cls(settings, (project_dir / settings.dir).resolve())

    def load(self, project_dir: Path) -> list[quizkit.Quiz]:
        """Load and check every quiz file; all problems at once, as one BuildError."""
        paths = [(path, _shown(path, project_dir.resolve())) for path in quizkit.quiz_files(self.quiz_dir)]
        quizzes, problems = quizkit.check_paths(paths)
        if problems:
            count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
            raise BuildError(f"Quiz files have {count}:\n" + "\n".join(quizkit.format_problems(problems)))
        self.quizzes = {quiz.slug: quiz for quiz in quizzes}
        return quizzes

    def pages(self, *, has_index: bool, nav_paths: Iterable[str]) -> list[GeneratedPage]:
        """A page per quiz (not in the nav), and the Self-checks index unless docs/ has one
        (in the nav when the nav lists it; otherwise reachable by link only)."""
        pages, self.markup = [], {}
        for quiz in self.quizzes.values():
            rendered = render.quiz_page(quiz, self.settings)
            self.markup[quiz.slug] = rendered.markup
            pages.append(GeneratedPage(render.page_uri(quiz), rendered.markdown, self.quiz_dir / f"{quiz.slug}.yml"))
        if not has_index:
            markdown = render.index_page(self.quizzes.values(), self.settings)
            pages.append(GeneratedPage(INDEX_URI, markdown, None, in_nav=INDEX_URI in nav_paths))
        return pages

    def embed(self, markdown: str, *, page_uri: str, source: str | None = None) -> str:
        """Replace each `<!-- quiz: slug -->` line with that quiz's form. `source` is the
        page's file text, for line numbers when `markdown` has lost its front matter."""
        if "quiz:" not in markdown:
            return markdown
        seen: set[str] = set()

        def embed_one(match: re.Match) -> str:
            slug = match.group(1)
            where = f"docs/{page_uri}:{_line(markdown, match, source)}"
            quiz = self.quizzes.get(slug)
            if quiz is None:
                known = ", ".join(sorted(self.quizzes)) or "none"
                raise BuildError(f'{where}: unknown quiz "{slug}" in <!-- quiz: ... --> (known quizzes: {known})')
            if slug in seen:
                raise BuildError(f'{where}: quiz "{slug}" is already embedded in this page; embed it once')
            seen.add(slug)
            return render.render_quiz(quiz, self.settings, page_uri=page_uri).markdown

        return MARKER.sub(embed_one, markdown)

    def assemble(self, html: str, *, source: str) -> str:
        """Put each quiz's markup into a finished page, with its rendered Markdown fields."""
        if "<!--quiz-markup:" not in html:
            return html
        try:
            return render.assemble(html, self.markup)
        except ValueError as error:
            raise BuildError(f"{source}: {error}") from None


def nav_paths(nav) -> list[str]:
    """Every page path in an mkdocs.yml `nav:`."""
    if isinstance(nav, str):
        return [nav]
    items = nav.values() if isinstance(nav, dict) else nav or []
    return [path for item in items for path in nav_paths(item)]


def _shown(path: Path, root: Path) -> str:
    """quizzes/<file>.yml relative to the project, as editors and CI annotations expect."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _line(markdown: str, match: re.Match, source: str | None) -> int:
    """The marker's line in the source file."""
    if source is None:
        return markdown.count("\n", 0, match.start()) + 1
    nth = len(MARKER.findall(markdown, 0, match.start()))
    found = list(MARKER.finditer(source))
    offset = found[nth].start() if nth < len(found) else 0
    return source.count("\n", 0, offset) + 1
