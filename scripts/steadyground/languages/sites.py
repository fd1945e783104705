"""The site's languages: one MkDocs config per language, built one after the other into one
site folder (English at its root, Spanish under es/), and the link between a page and its
translation.

Separate builds, not mkdocs-static-i18n: that plugin drops pages made with File.generated
(its issue #263), which is how our quiz pages and bundles are made. Each build has its own
search index (Spanish stemming for Spanish), its own Material interface language and its
own Content-Security-Policy (the gate compares policies within a language only).

A page of a second language names its English twin in front matter (`translation_of:`);
the English build reads those to link back. Nothing is stored to remember the choice.
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
from steadyground.core.languages import DEFAULT_SITE_URL, LANGUAGES, Language, site_urls  # noqa: F401
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
    urls = site_urls(site_url)
    outputs: list[str] = []
    started = time.perf_counter()
    for language in LANGUAGES:
        dest = Path(site_dir).resolve() / language.subdir
        # English first with --clean (it empties site_dir); the others clean only their folder.
        command = [python, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(repo / language.config),
                   "-d", str(dest)]
        env = {**os.environ, "SITE_URL": urls[language.code], "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
        outputs.append(f"== {language.code} ({language.config}) ==\n{done.stdout}{done.stderr}")
        if done.returncode != 0:
            return BuildResult(done.returncode, "\n".join(outputs), time.perf_counter() - started)
    return BuildResult(0, "\n".join(outputs), time.perf_counter() - started)


# Links between a page and its translation ---------------------------------------------------


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
    """{English source: translated source} from the `translation_of:` of a language's pages,
    and of its quizzes (whose pages are generated as quizzes/<slug>.md)."""
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


@dataclass(frozen=True)
class OtherLanguage:
    """extra.language.other of a config: the language the link on every page leads to."""
    code: str
    link_text: str
    path: str  # from this language's site root to the other's, e.g. "es/" or "../"
    docs_dir: Path
    quiz_dir: Path | None = None  # its quizzes, whose pages are generated

    @classmethod
    def from_extra(cls, extra: dict, root: Path) -> "OtherLanguage | None":
        other = (extra.get("language") or {}).get("other")
        if not other:
            return None
        quiz_dir = root / other["quiz_dir"] if other.get("quiz_dir") else None
        return cls(other["code"], other["link_text"], other["path"], root / other["docs_dir"], quiz_dir)

    def has_page(self, src_uri: str) -> bool:
        """Whether the other language builds this page: a Markdown file, or a quiz page."""
        if (self.docs_dir / src_uri).is_file():
            return True
        folder, _, name = src_uri.partition("/")
        quizzes = quiz_files(self.quiz_dir) if self.quiz_dir is not None else []
        if folder != QUIZ_PAGES or not quizzes or not name.endswith(".md"):
            return False
        return name == "index.md" or any(path.stem == name[: -len(".md")] for path in quizzes)


def language_link(src_uri: str, meta: dict, *, site_url: str, other: OtherLanguage,
                  reverse: dict[str, str]) -> dict:
    """Where this page's language link leads: its translation, else the other home page.

    `reverse` maps this language's sources to the other's (for English: from the Spanish
    pages' translation_of); a page of a second language names its twin itself.
    """
    twin = meta.get("translation_of") if isinstance(meta.get("translation_of"), str) else reverse.get(src_uri)
    if twin and not other.has_page(twin):
        twin = None
    other_root = posixpath.normpath(posixpath.join(_path_of(site_url), other.path)).rstrip("/") + "/"
    href = other_root + (page_path(twin) if twin else "")
    origin = site_url[: len(site_url) - len(_path_of(site_url))]
    return {"href": href, "url": origin + href, "hreflang": other.code, "text": other.link_text,
            "translated": bool(twin)}


def _path_of(site_url: str) -> str:
    rest = site_url.split("://", 1)[-1]
    return "/" + rest.split("/", 1)[1] if "/" in rest else "/"


@dataclass(frozen=True)
class LanguageLinks:
    """The language link of every page of one language's build, from its config's
    extra.language.other (None without one). Used by the MkDocs hook and the Zensical build."""
    other: OtherLanguage
    site_url: str
    twins: dict[str, str]  # this language's sources -> the other's (English learns them from Spanish)

    @classmethod
    def from_extra(cls, extra: dict, root: Path, site_url: str) -> "LanguageLinks | None":
        other = OtherLanguage.from_extra(extra, root)
        if other is None:
            return None
        names_its_twins = extra["language"]["other"].get("names_its_twins")
        twins = translations_from(other.docs_dir, other.quiz_dir) if names_its_twins else {}
        return cls(other, site_url, twins)

    def for_page(self, src_uri: str, meta: dict) -> dict:
        return language_link(src_uri, meta, site_url=self.site_url, other=self.other, reverse=self.twins)

    @property
    def home(self) -> dict:
        """For pages without a source (404.html): the other language's home page."""
        return self.for_page("", {})
