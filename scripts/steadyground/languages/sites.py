"""The site's languages: one MkDocs config per language, built one after the other into one
site folder, and the links between a page and its translations.

The languages come from the configs at the project root: mkdocs.yml is the site's first
language (its code is its theme.language; its pages go to the site's root), and each
mkdocs.<code>.yml adds one more (its pages go to <code>/). Adding a language adds a config
and words, never code (AUTHORING.md, "Adding a language").

Separate builds, not mkdocs-static-i18n: that plugin drops pages made with File.generated
(its issue #263), which is how our quiz pages and bundles are made. Each build has its own
search index (its own stemming), its own Material interface language and its own
Content-Security-Policy (the gate compares policies within a language only).

A page of another language names its twin in the first language in front matter
(`translation_of:`); every build reads those to link a page to each of its translations.
Nothing is stored to remember the choice.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from steadyground.core import front_matter as typed_front_matter
from steadyground.core.config import load_config  # noqa: F401 (the one config reader)
from steadyground.core.errors import BuildError
from steadyground.core.languages import (  # noqa: F401 (the languages, read from the configs)
    DEFAULT_SITE_URL,
    FIRST_CONFIG,
    Language,
    discover,
    language_folders,
    site_urls,
)
from steadyground.core.paths import REPO
from steadyground.quizzes import quiz_files
from steadyground.quizzes.render import (
    QUIZ_DIR as QUIZ_PAGES,  # where each language's quiz pages are generated
)


@dataclass
class BuildResult:
    returncode: int
    output: str
    seconds: float


def build_all(site_dir: Path, site_url: str | None = None, *, python: str = sys.executable,
              repo: Path = REPO) -> BuildResult:
    """Strict MkDocs builds of every language into site_dir; the first failure stops."""
    started = time.perf_counter()
    try:
        found = discover(repo)
    except BuildError as error:
        return BuildResult(1, f"ERROR: {error}\n", time.perf_counter() - started)
    urls = site_urls(site_url, repo)
    outputs: list[str] = []
    for language in found:
        dest = Path(site_dir).resolve() / language.subdir
        # The first language with --clean empties site_dir; the others clean only their folder.
        command = [python, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(repo / language.config),
                   "-d", str(dest)]
        env = {**os.environ, "SITE_URL": urls[language.code], "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
        outputs.append(f"== {language.code} ({language.config}) ==\n{done.stdout}{done.stderr}")
        if done.returncode != 0:
            return BuildResult(done.returncode, "\n".join(outputs), time.perf_counter() - started)
    return BuildResult(0, "\n".join(outputs), time.perf_counter() - started)


# Links between a page and its translations --------------------------------------------


def page_path(src_uri: str) -> str:
    """The URL path of a Markdown source inside its language's site (directory URLs)."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def front_matter(path: Path) -> dict:
    """A page's typed front matter (steadyground/core/front_matter.py); its problems are the source
    check's to report, so an unreadable block gives {} here, never a traceback."""
    return typed_front_matter.read(path.read_text(encoding="utf-8"), str(path)).meta


def translations_from(docs_dir: Path, quiz_dir: Path | None = None) -> dict[str, str]:
    """{first-language source: translated source} from the `translation_of:` of a language's
    pages, and of its quizzes (whose pages are generated as quizzes/<slug>.md)."""
    pairs = {}
    for path in sorted(Path(docs_dir).rglob("*.md")):
        twin = front_matter(path).get("translation_of")
        if isinstance(twin, str):
            pairs[twin] = path.relative_to(docs_dir).as_posix()
    for path in quiz_files(quiz_dir) if quiz_dir is not None else []:
        twin = _quiz_data(path).get("translation_of")
        if isinstance(twin, str):
            pairs[f"{QUIZ_PAGES}/{twin}.md"] = f"{QUIZ_PAGES}/{path.stem}.md"
            pairs[f"{QUIZ_PAGES}/index.md"] = f"{QUIZ_PAGES}/index.md"
    return pairs


def _quiz_data(path: Path) -> dict:
    """A quiz file's keys; an unreadable file is the quiz build's to report, not ours."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _runs_hook(config: dict, name: str) -> bool:
    return any(Path(str(hook)).name == name for hook in config.get("hooks") or [])


@dataclass(frozen=True)
class LanguageSite:
    """What the language links need of one language: where its pages come from and the
    words of the link that leads to it (its config's extra.language.link_text)."""
    code: str
    subdir: str
    link_text: str
    docs_dir: Path
    quiz_dir: Path | None  # its quizzes, whose pages are generated (None without the quiz hook)
    plan_page: str | None  # its private plan's page (extra.plan.page), generated too

    @classmethod
    def read(cls, language: Language, root: Path) -> "LanguageSite":
        config = load_config(root / language.config)
        extra = config.get("extra") or {}
        text = (extra.get("language") or {}).get("link_text")
        if not isinstance(text, str) or not text.strip():
            raise BuildError(f"{language.config}: extra.language.link_text (the words of the link to this "
                             f"language, in this language, e.g. 'En español') is missing")
        quizzes = _runs_hook(config, "quiz_hook.py")
        quiz_dir = root / str((extra.get("quiz") or {}).get("dir") or "quizzes") if quizzes else None
        plan = extra.get("plan") if _runs_hook(config, "plan_hook.py") else None
        plan_page = plan.get("page") if isinstance(plan, dict) and isinstance(plan.get("page"), str) else None
        return cls(language.code, language.subdir, text, root / str(config.get("docs_dir") or "docs"),
                   quiz_dir, plan_page)

    def has_page(self, src_uri: str) -> bool:
        """Whether this language builds this page: a Markdown file, its plan or a quiz page."""
        if (self.docs_dir / src_uri).is_file() or src_uri == self.plan_page:
            return True
        folder, _, name = src_uri.partition("/")
        quizzes = quiz_files(self.quiz_dir) if self.quiz_dir is not None else []
        if folder != QUIZ_PAGES or not quizzes or not name.endswith(".md"):
            return False
        return name == "index.md" or any(path.stem == name[: -len(".md")] for path in quizzes)


@dataclass(frozen=True)
class LanguageLinks:
    """The language links of every page of one language's build: one to each other
    language, to the page's twin there, else to its home page. Used by the MkDocs hook and
    the Zensical build; None for a project with one language."""
    own: LanguageSite
    others: tuple[LanguageSite, ...]
    first: LanguageSite  # the language every translation names its twin in
    site_url: str
    to_first: dict[str, str]  # this language's sources -> the first language's
    from_first: dict[str, dict[str, str]]  # code -> the first language's sources -> that language's

    @classmethod
    def from_config(cls, config_path: Path, site_url: str) -> "LanguageLinks | None":
        root = Path(config_path).resolve().parent
        found = discover(root)
        mine = [language for language in found if language.config == Path(config_path).name]
        if len(found) < 2 or not mine:
            return None
        sites = [LanguageSite.read(language, root) for language in found]
        texts = [site.link_text for site in sites]
        if len(set(texts)) != len(texts):
            raise BuildError("extra.language.link_text: two languages' links have the same words "
                             f"({', '.join(texts)}); each config names its own language")
        first, own = sites[0], sites[found.index(mine[0])]
        from_first = {site.code: _twins(first, site) for site in sites[1:]}
        to_first = {} if own is first else {mine: theirs for theirs, mine in from_first[own.code].items()}
        return cls(own, tuple(site for site in sites if site is not own), first, site_url, to_first, from_first)

    def for_page(self, src_uri: str, meta: dict) -> list[dict]:
        """{href, url, hreflang, text, translated} for each other language, in build order."""
        named = meta.get("translation_of") if self.own is not self.first else None
        key = src_uri if self.own is self.first else named if isinstance(named, str) else self.to_first.get(src_uri)
        return [self._link(other, key) for other in self.others]

    @property
    def home(self) -> list[dict]:
        """For pages without a source (404.html): every other language's home page."""
        return [self._link(other, None) for other in self.others]

    def _link(self, other: LanguageSite, key: str | None) -> dict:
        twin = key if other is self.first else self.from_first[other.code].get(key) if key else None
        if twin and not other.has_page(twin):
            twin = None
        path = _path_of(self.site_url)
        base = posixpath.normpath(posixpath.join(path, "../" * self.own.subdir.count("/"))).rstrip("/") + "/"
        href = base + other.subdir + (page_path(twin) if twin else "")
        origin = self.site_url[: len(self.site_url) - len(path)]
        return {"href": href, "url": origin + href, "hreflang": other.code, "text": other.link_text,
                "translated": bool(twin)}


def _twins(first: LanguageSite, other: LanguageSite) -> dict[str, str]:
    """{first-language source: the other language's} from the other's translation_of, and
    the plan pages (each language's extra.plan.page)."""
    twins = translations_from(other.docs_dir, other.quiz_dir)
    if first.plan_page and other.plan_page:
        twins[first.plan_page] = other.plan_page
    return twins


def _path_of(site_url: str) -> str:
    rest = site_url.split("://", 1)[-1]
    return "/" + rest.split("/", 1)[1] if "/" in rest else "/"
