"""The project's sources as the checks read them: Markdown pages under docs/, snippets in
includes/ and quiz YAML in quizzes/, parsed without a build. One `Project` per folder, so
a rule can be tried on a small made-up project in a unit test."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from steadyground.core import front_matter as typed_front_matter
from steadyground.core import limits
from steadyground.core.languages import REFERENCES_HEADINGS
from steadyground.core.paths import REPO

ROOT = REPO
# Translations live in docs/<language>/ (core/words.py holds each language's words).
TRANSLATION_FOLDERS = ("es",)

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.M)
REFERENCES_HEADING = re.compile(r"^##\s+(%s)\s*$" % "|".join(map(re.escape, REFERENCES_HEADINGS.values())), re.M)
# [label](target) and ![alt](target); the target stops at whitespace or ")" (titles are ignored).
_LINK = re.compile(r"!?\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_MYTH = re.compile(r"<!--\s*myth\s*-->.*?<!--\s*/myth\s*-->", re.S)
_MYTH_MARK = re.compile(r"<!--\s*(/?)myth\s*-->")


@dataclass(frozen=True)
class Page:
    path: Path
    text: str
    docs: Path = ROOT / "docs"

    @property
    def name(self) -> str:
        """Path relative to docs/, e.g. "articles/slips-and-urges.md"."""
        return self.path.relative_to(self.docs).as_posix()

    @property
    def shown(self) -> str:
        """Path as messages show it, e.g. "docs/articles/slips-and-urges.md"."""
        return f"docs/{self.name}"

    @property
    def language(self) -> str:
        """"es" for docs/es/..., "en" for the English pages."""
        first = self.name.split("/", 1)[0]
        return first if first in TRANSLATION_FOLDERS and "/" in self.name else "en"

    @functools.cached_property
    def front_matter(self) -> typed_front_matter.FrontMatter:
        """Read once, safely (steadyground/core/front_matter.py: size, aliases, types)."""
        return typed_front_matter.read(self.text, self.shown)

    @functools.cached_property
    def meta(self) -> dict:
        return self.front_matter.meta  # typed; problems reported by the front-matter-yaml rule

    @functools.cached_property
    def meta_is_invalid(self) -> bool:
        """The front matter is there but is not YAML (reported once, by front-matter-yaml)."""
        return not self.front_matter.readable

    @property
    def body(self) -> str:
        """Everything after the front matter."""
        return _FRONT_MATTER.sub("", self.text, count=1)

    @property
    def body_line_offset(self) -> int:
        match = _FRONT_MATTER.match(self.text)
        return match.group(0).count("\n") if match else 0

    def line_of(self, index_in_body: int) -> int:
        return self.body_line_offset + self.body.count("\n", 0, index_in_body) + 1

    def key_line(self, key: str) -> int:
        """The line of a front matter key (1 when it is missing)."""
        match = re.search(rf"^{re.escape(key)}[ \t]*:", self.text, re.M)
        return self.text.count("\n", 0, match.start()) + 1 if match else 1

    @property
    def prose(self) -> str:
        """The body before "## References" (what the article itself says)."""
        match = REFERENCES_HEADING.search(self.body)
        return self.body[: match.start()] if match else self.body

    @property
    def references_line(self) -> int:
        match = REFERENCES_HEADING.search(self.body)
        return self.line_of(match.start()) if match else 1

    def headings(self) -> list[tuple[int, str, int]]:
        """(level, text, line number) of every ATX heading outside code fences."""
        body = _FENCE.sub(lambda m: "\n" * m.group(0).count("\n"), self.body)
        return [(len(m.group(1)), m.group(2), self.line_of(m.start())) for m in _HEADING.finditer(body)]

    def links(self) -> list[tuple[str, str]]:
        """(label, target) of every inline Markdown link in the body."""
        return [(m.group(1), m.group(2)) for m in _LINK.finditer(self.body)]

    def link_places(self) -> list[tuple[int, int, str]]:
        """(line, column, target) of every inline Markdown link in the whole file."""
        out = []
        for m in _LINK.finditer(self.text):
            line_start = self.text.rfind("\n", 0, m.start()) + 1
            out.append((self.text.count("\n", 0, m.start()) + 1, m.start() - line_start + 1, m.group(2)))
        return out

    def link_targets(self) -> set[str]:
        """Link targets resolved against this page, relative to docs/ (no #fragment, no ?query);
        links to other sites and tel:/sms:/mailto: are kept as written."""
        return {resolve(self.name, target) for _, target in self.links()}

    def snippets(self) -> list[str]:
        """File names of the snippets this page includes with --8<-- "name" (from includes/)."""
        return re.findall(r"^\s*--8<--\s+\"([^\"]+)\"\s*$", self.body, re.M)

    def rendered_link_targets(self) -> set[str]:
        """link_targets() plus the links of included snippets, which render as part of this page
        and so resolve against it."""
        targets = set(self.link_targets())
        includes = self.docs.parent / "includes"
        for name in self.snippets():
            path = includes / name
            if path.is_file():
                text = path.read_text(encoding="utf-8-sig")
                targets |= {resolve(self.name, target) for target in markdown_link_targets(text)}
        return targets


def is_internal(target: str) -> bool:
    """A link to another page of the site (not another site, a scheme such as tel:, an
    anchor on the same page or a path from the server's root)."""
    return not re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I) and not target.startswith(("#", "/"))


def resolve(page_name: str, target: str) -> str:
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
        return target
    target = target.split("#", 1)[0].split("?", 1)[0]
    if not target:
        return page_name
    parts = page_name.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    return "/".join(parts)


def without_link_targets(text: str) -> str:
    """Markdown with every link replaced by its label, so file names and URLs are not read."""
    return _LINK.sub(r"\1", text)


def without_myths(text: str) -> str:
    """Text with every <!-- myth --> ... <!-- /myth --> passage blanked (myths named to rebut them);
    line numbers stay the same."""
    return _MYTH.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def myth_marker_places(text: str) -> list[tuple[int, str]]:
    """(offset, problem) for unbalanced or nested myth markers: an unclosed one must not
    silently hide text."""
    problems, open_at = [], None
    for match in _MYTH_MARK.finditer(text):
        closing = bool(match.group(1))
        if not closing and open_at is not None:
            problems.append((match.start(), "a <!-- myth --> marker inside another myth passage; close the first with <!-- /myth --> before opening another"))
        elif closing and open_at is None:
            problems.append((match.start(), "a <!-- /myth --> marker with no <!-- myth --> before it"))
        open_at = None if closing else match.start()
    if open_at is not None:
        problems.append((open_at, "this <!-- myth --> marker is never closed; add <!-- /myth --> after the myth"))
    return problems


def myth_marker_problems(text: str) -> list[str]:
    """Unbalanced or nested myth markers, as text (kept for the content tests)."""
    return [f"{problem} at offset {offset}" for offset, problem in myth_marker_places(text)]


def normalise(text: str) -> str:
    """Plain text for phrase matching: straight quotes, no emphasis marks, one space between words."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text)


def iso_date(value) -> datetime.date | None:
    """A date from front matter (YAML gives a date for an unquoted ISO date) or None."""
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def markdown_link_targets(text: str) -> list[str]:
    return [m.group(2) for m in _LINK.finditer(text)]


def paragraphs(markdown: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, paragraph) of what a reader reads: no myth passages, References or link targets."""
    references = re.compile(r"^##\s+(?:References|Referencias)\s*$.*?(?=^#{1,2}\s|\Z)", re.S | re.M)
    text = without_link_targets(references.sub(_blank, without_myths(markdown)))
    out, line = [], first_line
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip():
            out.append((line + len(block) - len(block.lstrip("\n")), block))
        line += block.count("\n")
    return out


def _blank(match: re.Match) -> str:
    return "\n" * match.group(0).count("\n")


# ---- quizzes ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Quiz:
    path: Path
    data: dict
    display: str | None = None  # as messages show it; default quizzes/<file>.yml

    @property
    def slug(self) -> str:
        return self.path.stem

    @property
    def shown(self) -> str:
        return self.display or f"quizzes/{self.path.name}"

    def bands(self) -> list[tuple[str, dict]]:
        """(where, band) for the total's bands and every subscale's bands."""
        found = [(f"bands[{i}]", b) for i, b in enumerate(self.data.get("bands") or []) if isinstance(b, dict)]
        for s in self.data.get("subscales") or []:
            found += [(f"subscales.{s.get('id')}.bands[{i}]", b) for i, b in enumerate(s.get("bands") or [])
                      if isinstance(b, dict)]
        return found

    def band_paths(self) -> list[tuple[tuple, dict]]:
        """(data path, band), as the quiz loader's positions name them."""
        found = [(("bands", i), b) for i, b in enumerate(self.data.get("bands") or []) if isinstance(b, dict)]
        for j, s in enumerate(self.data.get("subscales") or []):
            found += [(("subscales", j, "bands", i), b) for i, b in enumerate(s.get("bands") or [])
                      if isinstance(b, dict)]
        return found

    def flags(self) -> list[tuple[str, dict]]:
        return [(f"flags.{name}", f) for name, f in (self.data.get("flags") or {}).items() if isinstance(f, dict)]



@dataclass(frozen=True)
class Project:
    """One project folder: docs/, includes/, quizzes/."""

    root: Path = ROOT

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def includes(self) -> Path:
        return self.root / "includes"

    @property
    def quiz_dir(self) -> Path:
        """Where the first language's quizzes are: mkdocs.yml's extra.quiz.dir, as the build reads it."""
        folder = ((self.config.get("extra") or {}).get("quiz") or {}).get("dir", "quizzes")
        return self.root / str(folder)

    @functools.cached_property
    def config(self) -> dict:
        """mkdocs.yml, read by the one config reader; {} when there is none or it does not read
        (the builds report a broken config)."""
        from steadyground.core.config import load_config
        path = self.root / "mkdocs.yml"
        try:
            config = load_config(path) if path.is_file() else {}
        except Exception:  # noqa: BLE001 - the build names a broken config; the rules read none
            return {}
        return config if isinstance(config, dict) else {}

    @functools.cached_property
    def pages(self) -> tuple[Page, ...]:
        """Every English page (every_page adds the translations in docs/<code>/)."""
        if not self.docs.is_dir():
            return ()
        # A page over the size and depth limits is only reported (rule "limits"): other rules'
        # regular expressions and the readability measure would take minutes over it.
        return tuple(Page(p, p.read_text(encoding="utf-8-sig"), self.docs) for p in sorted(self.docs.rglob("*.md"))
                     if p.relative_to(self.docs).parts[0] not in self.translation_folders
                     and not limits.source_problems(p, str(p)))

    @functools.cached_property
    def translation_folders(self) -> frozenset[str]:
        """docs/es/ and every other language's folder (one per mkdocs.<code>.yml)."""
        from steadyground.core.languages import language_folders
        return frozenset(TRANSLATION_FOLDERS) | language_folders(self.root)

    def page(self, name: str) -> Page:
        return next(p for p in self.pages if p.name == name)

    @functools.cached_property
    def every_page(self) -> tuple[Page, ...]:
        """Every page in every language: the English pages, then each translation's docs/<code>/."""
        found = list(self.pages)
        for folder in TRANSLATION_FOLDERS:
            path = self.docs / folder
            found += [Page(p, p.read_text(encoding="utf-8-sig"), self.docs) for p in sorted(path.rglob("*.md"))
                      if not limits.source_problems(p, str(p))] if path.is_dir() else []
        return tuple(found)

    def pages_in(self, language: str) -> tuple[Page, ...]:
        return tuple(p for p in self.every_page if p.language == language)

    def articles_in(self, language) -> tuple[Page, ...]:
        """The articles of one language (a steadyground.core.words.Language)."""
        folder = language.prefix() + language.articles + "/"
        return tuple(p for p in self.pages_in(language.code) if p.name.startswith(folder))

    def any_page(self, name: str) -> Page | None:
        return next((p for p in self.every_page if p.name == name), None)

    @functools.cached_property
    def plan_pages(self) -> frozenset[str]:
        """The pages the private plan becomes, relative to docs/ (extra.plan.page of mkdocs.yml, and
        of mkdocs.<code>.yml under docs/<code>/): generated by the build, so a link to one names a
        page that will exist."""
        from steadyground.core.config import load_config  # the one config reader (INHERIT, !ENV)
        found = set()
        for prefix, config_path in [("", self.root / "mkdocs.yml")] + [
                (f"{code}/", self.root / f"mkdocs.{code}.yml") for code in TRANSLATION_FOLDERS]:
            if not config_path.is_file():
                continue
            try:
                plan = (load_config(config_path).get("extra") or {}).get("plan") or {}
            except Exception:  # an unreadable config is the build's to report
                continue
            if isinstance(plan, dict) and isinstance(plan.get("page"), str):
                found.add(prefix + plan["page"])
        return frozenset(found)

    def shown(self, path: Path) -> str:
        """A source path as messages name it: from the project root, or whole when it lies
        outside (a config may point the quizzes elsewhere)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def link_target_exists(self, name: str) -> bool:
        """Whether a link target (relative to docs/) names a page the build makes: a page of any
        language, a file under docs/, a quiz page (docs/<code>/quizzes/<slug>.md comes from
        quizzes/<code>/<slug>.yml) or the private plan's page."""
        from steadyground.core.words import LANGUAGES  # here: core/words.py reads this module
        quiz = re.fullmatch(r"(?:(?P<code>[a-z]{2})/)?quizzes/(?P<slug>[^/]+)\.md", name)
        if quiz and (quiz.group("code") is None or quiz.group("code") in LANGUAGES):
            slug, code = quiz.group("slug"), quiz.group("code")
            return slug == "index" or (self.quiz_dir / (code or "") / f"{slug}.yml").is_file()
        return self.any_page(name) is not None or (self.docs / name).exists() or name in self.plan_pages

    def has_page(self, name: str) -> bool:
        return any(p.name == name for p in self.pages)

    @property
    def articles(self) -> tuple[Page, ...]:
        return tuple(p for p in self.pages if p.name.startswith("articles/"))

    @property
    def article_slugs(self) -> set[str]:
        return {p.path.stem for p in self.articles}

    @functools.cached_property
    def snippets(self) -> dict[str, str]:
        """includes/<name>.md -> text."""
        if not self.includes.is_dir():
            return {}
        return {f"includes/{p.name}": p.read_text(encoding="utf-8-sig") for p in sorted(self.includes.glob("*.md"))}

    @functools.cached_property
    def quiz_paths(self) -> tuple[Path, ...]:
        return tuple(sorted(self.quiz_dir.glob("*.yml"))) if self.quiz_dir.is_dir() else ()

    @functools.cached_property
    def quizzes(self) -> tuple[Quiz, ...]:
        """Quizzes whose YAML loads as a mapping (the others are reported by the quiz rules)."""
        found = []
        for path in self.quiz_paths:
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
            except yaml.YAMLError:
                continue
            if isinstance(data, dict):
                found.append(Quiz(path, data))
        return tuple(found)

    def quizzes_in(self, language: str) -> tuple[Quiz, ...]:
        """The readable quizzes of one language: quizzes/ for English, quizzes/<code>/ for a translation."""
        return self.quizzes if language == "en" else self._translated_quizzes.get(language, ())

    @functools.cached_property
    def _translated_quizzes(self) -> dict[str, tuple[Quiz, ...]]:
        found: dict[str, list[Quiz]] = {}
        for language in TRANSLATION_FOLDERS:
            for path in sorted((self.quiz_dir / language).glob("*.yml")):
                try:
                    data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
                except yaml.YAMLError:
                    continue
                if isinstance(data, dict):
                    found.setdefault(language, []).append(Quiz(path, data, f"quizzes/{language}/{path.name}"))
        return {language: tuple(quizzes) for language, quizzes in found.items()}

    @property
    def quiz_slugs(self) -> set[str]:
        return {p.stem for p in self.quiz_paths}
