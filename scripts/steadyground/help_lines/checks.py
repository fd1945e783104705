"""Help for every country served (issue 23): each country a language's site serves has an
emergency number and a crisis line where a reader in danger looks for them: its section of the
help page, the footer on every page (extra.footer) and the emergency words every quiz result
prints (extra.help.emergency). The countries and their numbers come from each language's checked
list (tests/content/crisis_lines.yml, crisis_lines_es.yml): a country with an `emergency` entry
is a country served."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

import yaml

from steadyground.core.project import Page, Project
from steadyground.core.rules import Problem, at, rule
from steadyground.languages.sites import load_config

LINKABLE = {"V", "V-partial", "untagged"}


@dataclass(frozen=True)
class HelpSite:
    """One language's checked list, config and help page (relative to the project root and docs/)."""
    list: str
    config: str
    help: str
    # The help page's section heading (and the footer's name) for a country, where it differs.
    section: dict = field(default_factory=dict)
    footer_name: dict = field(default_factory=dict)


SITES = (
    HelpSite("tests/content/crisis_lines.yml", "mkdocs.yml", "help.md",
             {"US": "United States", "UK": "United Kingdom"}, {"US": "US", "UK": "UK"}),
    HelpSite("tests/content/crisis_lines_es.yml", "mkdocs.es.yml", "es/ayuda.md",
             footer_name={"Estados Unidos": "EE. UU."}),
)
_TARGET = re.compile(r"\]\(((?:tel|sms):[^)\s?]+)")


def _countries(entry: dict) -> set[str]:
    """"UK (Wales)" -> {"UK"}, "UK & Ireland" -> {"UK", "Ireland"}."""
    return {part.split(" (")[0].strip() for part in str(entry.get("country", "")).split("&")}


def _numbers(entries: list[dict]) -> set[str]:
    return {f"{kind}:{n}" for e in entries for kind in ("tel", "sms") for n in e.get(kind) or []}


def served(lines: list[dict]) -> dict[str, tuple[set[str], set[str]]]:
    """country -> (its emergency numbers, its crisis-line numbers) as tel:/sms: targets."""
    countries = sorted({c for e in lines if e.get("emergency") for c in _countries(e)})
    out = {}
    for country in countries:
        mine = [e for e in lines if country in _countries(e) and e.get("status") in LINKABLE]
        emergency = {f"tel:{n}" for e in mine if e.get("emergency") for n in e.get("tel") or []}
        out[country] = (emergency, _numbers([e for e in mine if e.get("crisis")]))
    return out


def _sections(markdown: str) -> dict[str, tuple[int, str]]:
    """h2 heading -> (offset, its text up to the next h2)."""
    found = list(re.finditer(r"^## +(.+?)\s*$", markdown, re.M))
    return {m.group(1): (m.start(), markdown[m.end(): found[i + 1].start() if i + 1 < len(found) else len(markdown)])
            for i, m in enumerate(found)}


def _footer(config: dict) -> tuple[str, set[str]]:
    """The footer's words and its tel:/sms: targets (a sentence is a list of strings and links)."""
    footer = (config.get("extra") or {}).get("footer") or {}
    parts = list(footer.get("danger") or []) + [p for line in footer.get("lines") or [] for p in line or []]
    words = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in parts)
    targets = {str(p.get("href", "")).split("?", 1)[0] for p in parts if isinstance(p, dict)}
    return words, targets


def _line_of(text: str, pattern: str) -> int:
    match = re.search(pattern, text, re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _named(name: str, words: str) -> bool:
    """The name as a whole word or phrase ("EE. UU." ends in a dot, so no \\b)."""
    return bool(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words))


def _help_page(project: Project, name: str) -> Page | None:
    """The help page; a translation's (docs/es/...) is read directly, as Project lists English pages only."""
    if project.has_page(name):
        return project.page(name)
    path = project.docs / name
    return Page(path, path.read_text(encoding="utf-8"), project.docs) if path.is_file() else None


@rule("country-has-help", "safety")
def country_has_help(project: Project) -> Iterator[Problem]:
    """Every country a language's site serves has its emergency number and a crisis line on the help
    page, in the footer and in the quiz results' emergency words."""
    for site in SITES:
        yield from _country_has_help(project, site)


def _country_has_help(project: Project, site: HelpSite) -> Iterator[Problem]:
    list_path, config_path = project.root / site.list, project.root / site.config
    if not list_path.is_file():
        return
    lines = yaml.safe_load(list_path.read_text(encoding="utf-8")) or []
    countries = served(lines)
    advice = f"(the checked numbers are in {site.list})"

    page = _help_page(project, site.help)
    if page is not None:
        sections = _sections(page.body)
        for country, (emergency, crisis) in countries.items():
            heading = site.section.get(country, country)
            if heading not in sections:
                yield at(page.shown, 1, f"{country} is served ({site.list} has its emergency number) but the help page "
                         f"has no '## {heading}' section", "country-has-help")
                continue
            offset, text = sections[heading]
            targets = {t.split("?", 1)[0] for t in _TARGET.findall(text)}
            missing = ([f"emergency number ({', '.join(sorted(emergency))})"] if not targets & emergency else [])
            missing += ([f"crisis line ({', '.join(sorted(crisis)) or 'none is checked'})"] if not targets & crisis else [])
            if missing:
                yield at(page.shown, page.line_of(offset), f"the '{heading}' section links no " + " and no ".join(missing)
                         + f"; link them as [number](tel:...) {advice}", "country-has-help")

    if not config_path.is_file():
        return
    config = load_config(config_path)
    text = config_path.read_text(encoding="utf-8")
    words, targets = _footer(config)
    footer_line = _line_of(text, r"^  footer:")
    for country, (emergency, crisis) in countries.items():
        name = site.footer_name.get(country, country)
        missing = [] if _named(name, words) else [f"the name '{name}'"]
        missing += [] if targets & emergency else [f"a link to its emergency number ({', '.join(sorted(emergency))})"]
        missing += [] if targets & crisis else [f"a link to a crisis line ({', '.join(sorted(crisis)) or 'none is checked'})"]
        if missing:
            yield at(site.config, footer_line, f"extra.footer: {country} is served but the footer lacks "
                     + ", ".join(missing) + f" {advice}", "country-has-help")

    emergency_words = str(((config.get("extra") or {}).get("help") or {}).get("emergency") or "")
    help_line = _line_of(text, r"^  help:\s*\n(?:    .*\n)*?    emergency:")  # not quick_exit.emergency
    for country, (emergency, _) in countries.items():
        numbers = [t.removeprefix("tel:") for t in emergency]
        name = site.footer_name.get(country, country)
        if not (_named(name, emergency_words) and any(n in emergency_words for n in numbers)):
            yield at(site.config, help_line, f"extra.help.emergency (printed on every quiz result) does not give {country}'s "
                     f"emergency number ({' or '.join(numbers)}) with the name '{name}'", "country-has-help")
