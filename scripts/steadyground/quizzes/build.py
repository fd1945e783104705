"""Quizzes in a site build: load and check every quiz file, generate a page per quiz and
the Self-checks index, replace `<!-- quiz: slug -->` markers in pages, and put each quiz's
markup into a finished page. The rendering itself lives in steadyground.quizzes.render."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from steadyground import quizzes as quizkit
from steadyground.core.errors import BuildError
from steadyground.core.project import Quiz as SourceQuiz
from steadyground.quizzes import checks as checkkit_quizzes
from steadyground.quizzes import embeds, render

MARKER = re.compile(embeds.MARKER_PATTERN, re.M)
INDEX_URI = "quizzes/index.md"


@dataclass(frozen=True)
class GeneratedPage:
    uri: str  # path inside docs/, like "quizzes/readiness.md"
    markdown: str
    source: Path | None  # the quiz file it comes from (for edit links), None for the index
    in_nav: bool = False


class QuizBuild:
    """The quizzes of one build, loaded once and used by every step."""

    def __init__(self, settings: quizkit.Settings, quiz_dir: Path, generated: frozenset[str] = frozenset()) -> None:
        # `generated`: other pages the build makes (the private plan's), which quizzes may link.
        self.settings, self.quiz_dir, self.generated = settings, quiz_dir, generated
        self.quizzes: dict[str, quizkit.Quiz] = {}
        self.markup: dict[str, str] = {}

    @classmethod
    def from_extra(cls, extra: dict, project_dir: Path) -> QuizBuild:
        """Settings from `extra.quiz`; quiz files in its `dir`, relative to the project."""
        try:
            settings = quizkit.Settings.from_extra(extra)
        except ValueError as error:
            raise BuildError(str(error)) from None
        plan = extra.get("plan") or {}
        generated = frozenset({plan["page"]}) if isinstance(plan, dict) and isinstance(plan.get("page"), str) else frozenset()
        return cls(settings, (project_dir / settings.dir).resolve(), generated)

    def load(self, project_dir: Path, *, docs_dir: Path | None = None, keep_valid: bool = False) -> list[quizkit.Quiz]:
        """Load and check every quiz file; all problems at once, as one BuildError. Given
        `docs_dir`, links in the quizzes' text are checked from the quiz page, at the .yml line
        (not later, on a generated page the author never wrote). With `keep_valid` (the
        preview), the valid quizzes are kept before the error is raised."""
        paths = [(path, _shown(path, project_dir.resolve())) for path in quizkit.quiz_files(self.quiz_dir)]
        quizzes, problems = quizkit.check_paths(paths)
        if docs_dir is not None:
            problems = sorted(problems + self._link_problems(paths, quizzes, docs_dir, self.generated))
        if problems and keep_valid:
            self.quizzes = {quiz.slug: quiz for quiz in quizzes}
        if problems:
            count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
            raise BuildError(f"Quiz files have {count}:\n" + "\n".join(quizkit.format_problems(problems)))
        self.quizzes = {quiz.slug: quiz for quiz in quizzes}
        return quizzes

    @staticmethod
    def _link_problems(paths, quizzes, docs_dir: Path, generated: frozenset[str]) -> list[quizkit.Problem]:
        slugs = {path.stem for path, _ in paths}

        def exists(name: str) -> bool:
            if name.startswith("quizzes/") and name.endswith(".md"):
                slug = name.removeprefix("quizzes/").removesuffix(".md")
                if slug == "index" or slug in slugs:
                    return True
            return name in generated or (docs_dir / name).exists()
        valid = {quiz.slug for quiz in quizzes}
        problems = []
        for path, shown in paths:
            if path.stem not in valid:
                continue  # its own problems come first
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            problems += checkkit_quizzes.link_problems(SourceQuiz(path, data, shown), exists)
        return problems

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
        """Replace each `<!-- quiz: slug -->` line with that quiz's title and form (markers in
        fenced code blocks are left alone). `source` is the page's file text, for line numbers
        when `markdown` has lost its front matter. Every marker mistake at once, as one BuildError:
        an unknown quiz or option, a quiz embedded twice, a line that looks meant as a marker."""
        if "quiz" not in markdown.lower():
            return markdown
        found = embeds.markers(markdown)
        shift = _line_shift(markdown, source)
        problems = [f"docs/{page_uri}:{line + shift}:{col}: {message} (quiz-marker)"
                    for line, col, message in embeds.near_misses(markdown)]
        seen: set[str] = set()
        for marker in found:
            where = f"docs/{page_uri}:{marker.line + shift}:1"
            for option in marker.unknown_options:
                problems.append(f'{where}: unknown option "{option}" in the quiz marker; a marker may add '
                                f"{' or '.join(embeds.OPTIONS)} after the quiz's name (quiz-marker)")
            if marker.slug not in self.quizzes:
                known = ", ".join(sorted(self.quizzes)) or "none"
                problems.append(f'{where}: unknown quiz "{marker.slug}" in <!-- quiz: ... --> (known quizzes: {known}) (quiz-marker)')
            elif marker.slug in seen:
                problems.append(f'{where}: quiz "{marker.slug}" is already embedded in this page; embed it once (quiz-marker)')
            seen.add(marker.slug)
        if problems:
            raise BuildError("\n".join(problems))
        lines = markdown.split("\n")
        for marker in found:
            lines[marker.line - 1] = self._embedded(marker, page_uri)
        return "\n".join(lines)

    def _embedded(self, marker: embeds.Marker, page_uri: str) -> str:
        quiz = self.quizzes[marker.slug]
        rendered = render.render_quiz(quiz, self.settings, page_uri=page_uri).markdown
        if "no-intro" in marker.options and quiz.intro:
            # The intro is the quiz's first Markdown block; an empty block leaves it out.
            rendered = re.sub(rf"(<!--quiz-md-start:{quiz.slug}:0-->).*?(<!--quiz-md-end:{quiz.slug}:0-->)",
                              r"\1\n\2", rendered, count=1, flags=re.S)
        title = "" if "no-title" in marker.options else f"\n## {render.md_escape(quiz.title)}\n"
        return title + rendered

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


def _line_shift(markdown: str, source: str | None) -> int:
    """How many lines the source file has before `markdown` starts (its front matter)."""
    if source is None or not markdown.strip():
        return 0
    at = source.find(markdown.lstrip("\n")[:200])
    if at < 0:
        return max(0, source.count("\n") - markdown.count("\n"))
    return source.count("\n", 0, at) - (len(markdown) - len(markdown.lstrip("\n")))
