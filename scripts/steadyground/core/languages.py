"""The languages the site is built in, read from configuration: mkdocs.yml is the site's first
language (its code is its theme.language; its pages go to the site's root), and each
mkdocs.<code>.yml adds one more (its pages go to <code>/). Adding a language adds a config and
words, never code (AUTHORING.md, "Adding a language")."""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

import yaml
from mkdocs.exceptions import ConfigurationError

from steadyground.core.config import load_config
from steadyground.core.errors import BuildError
from steadyground.core.paths import REPO

# The heading under which a page lists the sources it cites, in each language: the build
# renders the list there, and the checks read it there.
REFERENCES_HEADINGS = {"en": "References", "es": "Referencias"}

FIRST_CONFIG = "mkdocs.yml"


@dataclass(frozen=True)
class Language:
    code: str
    config: str  # the MkDocs config, relative to the repository
    subdir: str  # where its pages go inside the site folder: "" for the first language, else "<code>/"


def discover(repo: Path = REPO) -> tuple[Language, ...]:
    """Every language of the project at `repo`, in build order: mkdocs.yml first (its build
    empties the site folder), then each mkdocs.<code>.yml by name."""
    first = repo / FIRST_CONFIG
    if not first.is_file():
        return ()
    config = _read(first)
    code, docs = str((config.get("theme") or {}).get("language") or "en"), str(config.get("docs_dir") or "docs")
    excluded = str(config.get("exclude_docs") or "").split()
    found = [Language(code, FIRST_CONFIG, "")]
    for path in sorted(repo.glob("mkdocs.*.yml")):
        other = path.name[len("mkdocs."): -len(".yml")]
        config = _read(path)
        said = str((config.get("theme") or {}).get("language") or "")
        if "." in other or other == code or said != other:
            raise BuildError(f"{path.name}: a language's config is named mkdocs.<code>.yml after its theme.language "
                             f"(found theme.language: {said or 'none'}), and no two languages share a code")
        if posixpath.normpath(str(config.get("docs_dir"))) != posixpath.normpath(f"{docs}/{other}"):
            raise BuildError(f"{path.name}: docs_dir must be {docs}/{other} (each language's pages are in "
                             f"{docs}/<code>/, found {config.get('docs_dir')})")
        if f"/{other}/" not in excluded:
            raise BuildError(f"{FIRST_CONFIG}: exclude_docs must list /{other}/ ({path.name} builds those pages; "
                             f"{FIRST_CONFIG} would build them a second time)")
        found.append(Language(other, path.name, other + "/"))
    return tuple(found)


def _read(path: Path) -> dict:
    """A config, or its mistake as one message naming the file (never a traceback)."""
    try:
        config = load_config(path)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ConfigurationError) as error:
        raise BuildError(f"{path.name}: {error}") from None
    if not isinstance(config, dict):
        raise BuildError(f"{path.name}: a MkDocs config is a mapping of settings (key: value)")
    return config


def language_folders(repo: Path = REPO) -> frozenset[str]:
    """The folders of docs/ that hold another language's pages (docs/<code>/, one per
    mkdocs.<code>.yml). From the file names alone: a mistake inside a config is the build's."""
    return frozenset(path.name[len("mkdocs."): -len(".yml")] for path in repo.glob("mkdocs.*.yml"))


def __getattr__(name: str):
    # LANGUAGES, read when asked (not at import): the project's configs may have a mistake to report.
    if name == "LANGUAGES":
        return discover(REPO)
    raise AttributeError(name)


DEFAULT_SITE_URL = "https://steady-ground.github.io/steady-ground/"



def site_urls(site_url: str | None = None, repo: Path = REPO) -> dict[str, str]:
    """Each language's site_url: SITE_URL (or the real Pages address) plus its folder."""
    base = site_url or os.environ.get("SITE_URL") or DEFAULT_SITE_URL
    base = base if base.endswith("/") else base + "/"
    return {language.code: base + language.subdir for language in discover(repo)}


