"""Discreet history (safety.md PRIV-13): a watcher who opens the browser's history, tabs or
new-tab tiles reads each page's tab title and address. Neither may name the topic, in any
language; headings, text and search keep the topic words so readers still find what they need.

This is the authors' early warning, at the line to change; tests/site/test_discreet_history.py
checks the same words on the built site's <title>s and paths (verify the output)."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterator

import yaml

from steadyground.core.project import Page, Project
from steadyground.core.rules import Problem, at, rule

# Words that tell a watcher what the reader is looking at, in each language the site has.
TELLING_WORDS = ("abuse", "abuser", "abusive", "trauma", "narcissist", "no contact", "no-contact",
                 "violence", "danger", "stalking", "escape", "leave", "leaving",
                 "abuso", "abusador", "abusiva", "abusivo", "maltrato", "maltratador", "narcisista",
                 "contacto cero", "sin contacto", "traumático", "traumática", "violencia", "peligro", "acoso",
                 "escapar", "huir")
_TELLING = re.compile(r"\b(" + "|".join(re.escape(w) for w in TELLING_WORDS) + r")\b", re.I)
# The same topics by word stem, read without accents (so "huída", "déjalo" and "escapé" count too).
TELLING_STEMS = re.compile(
    r"\b(?:abus\w*|maltrat\w*|violen\w*|trauma\w*|narcisis\w*|narcissis\w*|contacto cero|no contact|"
    r"peligr\w*|danger\w*|acos\w*|stalk\w*|escap\w*|dej\w*|huir|huy\w*|huid\w*|leav\w*)\b", re.I)
_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.M)


def telling(text: str) -> list[str]:
    """The telling words in a title or path (hyphens and underscores read as spaces), sorted."""
    spaced = text.replace("-", " ").replace("_", " ")
    found = {m.group(0).lower() for m in _TELLING.finditer(spaced)}
    stems = {m.group(0).lower() for m in TELLING_STEMS.finditer(_plain(spaced))}
    return sorted(found | (stems - {_plain(w) for w in found}))


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _tab_title(page: Page) -> tuple[str | None, str]:
    """(the tab title the theme will show, the front matter key it comes from): tab_title, else
    title, else the first heading (Material's order)."""
    for key in ("tab_title", "title"):
        if isinstance(page.meta.get(key), str) and page.meta[key].strip():
            return page.meta[key], key
    heading = _HEADING.search(page.body)
    return (heading.group(1), "") if heading else (None, "")


@rule("discreet-history", "safety")
def discreet_history(project: Project) -> Iterator[Problem]:
    """No page's tab title or address, and no quiz's, names the topic, in any language (PRIV-13)."""
    for path in sorted(project.docs.rglob("*.md")) if project.docs.is_dir() else []:
        page = Page(path, path.read_text(encoding="utf-8-sig"), project.docs)
        if page.meta_is_invalid:
            continue  # front-matter-yaml names it
        if words := telling(page.name.removesuffix(".md")):
            yield at(page.shown, 1, f"the page's address will show {', '.join(repr(w) for w in words)} in the "
                     "browser's history; rename the file with calm, everyday words (PRIV-13)", "discreet-history")
        title, key = _tab_title(page)
        if title and (words := telling(title)):
            where = page.key_line(key) if key else 1
            fix = ("make tab_title calm and everyday" if key == "tab_title"
                   else "add a calm, everyday tab_title; without one the tab shows the title")
            yield at(page.shown, where, f"the browser tab and history will show '{title}', which names the topic "
                     f"({', '.join(repr(w) for w in words)}): {fix} (PRIV-13)", "discreet-history")
    for path in sorted(project.quiz_dir.rglob("*.yml")) if project.quiz_dir.is_dir() else []:
        yield from _quiz_problems(project, path)


def _quiz_problems(project: Project, path) -> Iterator[Problem]:
    shown = project.shown(path)
    if words := telling(path.stem):
        yield at(shown, 1, f"the quiz's address will show {', '.join(repr(w) for w in words)} in the browser's "
                 "history; rename the file with calm, everyday words (PRIV-13)", "discreet-history")
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return  # the quiz rules report it
    tab_title = data.get("tab_title") if isinstance(data, dict) else None
    if isinstance(tab_title, str) and (words := telling(tab_title)):
        line = next((i for i, row in enumerate(text.splitlines(), 1) if row.startswith("tab_title")), 1)
        yield at(shown, line, f"the browser tab and history will show '{tab_title}', which names the topic "
                 f"({', '.join(repr(w) for w in words)}): make tab_title calm and everyday (PRIV-13)",
                 "discreet-history")
