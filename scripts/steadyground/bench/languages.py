"""Each language of `make build` (steadyground/languages/sites.py) as the bench and the byte budgets
see it: its config as MkDocs reads it (INHERIT merged), its Markdown folder, its quizzes and
where its pages go inside the site folder (English at the root, Spanish under es/)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from steadyground import quizzes as quizkit
from steadyground.core.paths import REPO
from steadyground.languages import sites as languages

NAMES = {"en": "English", "es": "Spanish"}


@dataclass(frozen=True)
class SiteLanguage:
    code: str
    config_file: Path
    subdir: str  # "" or "es/"

    @property
    def config(self) -> dict:
        """The config with its INHERIT parent merged in, by MkDocs' own loader (so the lists a
        language sets, like markdown_extensions, replace the parent's as in the real build)."""
        return _load(self.config_file)

    @property
    def docs_dir(self) -> Path:
        return self.config_file.parent / self.config.get("docs_dir", "docs")

    @property
    def settings(self) -> quizkit.Settings:
        """The quiz engine's words and options for this language (extra.quiz, merged)."""
        return quizkit.Settings.from_extra(self.config.get("extra"))

    @property
    def quiz_dir(self) -> Path:
        return self.config_file.parent / self.settings.dir

    @property
    def quiz_files(self) -> list[Path]:
        return quizkit.quiz_files(self.quiz_dir)

    @property
    def name(self) -> str:
        """For tables: "English (mkdocs.yml)"."""
        return f"{NAMES.get(self.code, self.code)} ({self.config_file.name})"

    def built_pages(self, site_root: Path) -> list[str]:
        """This language's HTML files in a built site, relative to the site folder ("es/ayuda/index.html")."""
        others = [language.subdir for language in all_languages(self.config_file.parent)
                  if language.subdir != self.subdir and language.subdir.startswith(self.subdir)]
        pages = (path.relative_to(site_root).as_posix() for path in (site_root / self.subdir).rglob("*.html"))
        return sorted(page for page in pages if not any(page.startswith(other) for other in others))

    def other_docs_dirs(self) -> list[Path]:
        """Other languages' Markdown folders inside this one (docs/es/ is the Spanish site's)."""
        mine = self.docs_dir.resolve()
        folders = (language.docs_dir.resolve() for language in all_languages(self.config_file.parent))
        return [other for other in folders if other != mine and other.is_relative_to(mine)]

    def markdown_files(self) -> list[Path]:
        """This language's Markdown sources."""
        others = self.other_docs_dirs()
        return sorted(path for path in self.docs_dir.rglob("*.md")
                      if not any(path.resolve().is_relative_to(other) for other in others))


_load = functools.cache(languages.load_config)  # read once per run: the bench asks often


@functools.cache
def all_languages(repo: Path = REPO) -> tuple[SiteLanguage, ...]:
    """Every language `make build` builds, in build order (English first: it cleans the site folder)."""
    return tuple(SiteLanguage(language.code, repo / language.config, language.subdir)
                 for language in languages.discover())

