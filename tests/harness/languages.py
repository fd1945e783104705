"""What each language's built pages must carry, for tests that check every page: English at
the site root, Spanish under es/ (scripts/steadyground/languages/sites.py). Exit page and interface
words come from each language's config; emergency numbers and page paths are stated here."""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass
from pathlib import Path

from harness.config import REPO
from steadyground import quizzes as quizkit
from steadyground.languages.sites import load_config


@dataclass(frozen=True)
class PageLanguage:
    code: str
    folder: str  # "" or "es/"
    config: str
    emergency_tels: frozenset[str]  # the footer's emergency numbers
    privacy_page: str

    @property
    def extra(self) -> dict:
        """extra as the build reads it (mkdocs.es.yml with mkdocs.yml's INHERITed keys)."""
        return copy.deepcopy(_extra(self.config))

    @property
    def quick_exit(self) -> dict:
        return self.extra["quick_exit"]

    @property
    def quiz_settings(self) -> quizkit.Settings:
        """The quiz engine's words and options for this language (extra.quiz)."""
        return quizkit.Settings.from_extra(self.extra)

    @property
    def quiz_files(self) -> list[Path]:
        return quizkit.quiz_files(REPO / self.quiz_settings.dir)

    @property
    def exit_url(self) -> str:
        return self.quick_exit["url"]


@functools.cache
def _extra(config: str) -> dict:
    """Read once per process: collection asks for it for every parametrised page and quiz."""
    return load_config(REPO / config)["extra"]


ENGLISH = PageLanguage("en", "", "mkdocs.yml", frozenset({"tel:911", "tel:999", "tel:112", "tel:000", "tel:111"}),
                       "privacy/")
SPANISH = PageLanguage("es", "es/", "mkdocs.es.yml", frozenset({"tel:112", "tel:911", "tel:123", "tel:133", "tel:105"}),
                       "privacidad/")
LANGUAGES = (ENGLISH, SPANISH)


def real_quizzes() -> list[tuple[PageLanguage, Path]]:
    """Every real quiz file with its language: English quizzes/, Spanish quizzes/es/."""
    return [(language, path) for language in LANGUAGES for path in language.quiz_files]


def language_of(relative: str) -> PageLanguage:
    """The language of a built file, from its path inside the site."""
    return SPANISH if relative.startswith(SPANISH.folder) else ENGLISH
