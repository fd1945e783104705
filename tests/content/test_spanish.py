"""The Spanish pages (docs/es/) as content, before they are built: the pages issue 15 asks for,
the safety callout's wording, the help page's numbers against crisis_lines_es.yml
(evidence-additions.md §B), the key points of the safe-use page and the glossary.

The author rules for Spanish pages (reading level, length, front matter, headings, References,
the English twin, safety links and callout, banned wording, tú, no English left, links, the
help for every country served) are make check's, written once for every language
(scripts/steadyground/check/, each language's words in core/words.py) and tested in
tests/checkkit/test_every_language.py."""

from __future__ import annotations

import datetime
import functools
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from markdown_pages import DOCS, INCLUDES, Page, iso_date, normalise

from steadyground.core.config import load_config

ES = DOCS / "es"
REPO = DOCS.parent
# Issue 15: home, help, safe-use, privacy, about and these six articles, each translated once.
REQUIRED_TWINS = {
    "index.md", "help.md", "safe-use.md", "privacy.md", "about.md",
    "articles/strong-attachment.md", "articles/why-stepping-back-is-hard.md",
    "articles/planning-ahead.md", "articles/keeping-your-distance.md",
    "articles/slips-and-urges.md", "articles/when-contact-continues.md",
}
HELP = "es/ayuda.md"
SAFE_USE = "es/uso-seguro.md"
CALLOUT_SNIPPET = INCLUDES / "es" / "safety-callout.md"

SpanishPage = Page


@functools.cache
def spanish_pages() -> dict[str, SpanishPage]:
    return {p.name: p for p in (SpanishPage(path, path.read_text(encoding="utf-8"), DOCS)
                                for path in sorted(ES.rglob("*.md")))}


PAGES = sorted(spanish_pages())


def test_every_required_page_has_a_spanish_twin():
    """Issue 15 (make check's translation-of rule checks that each is translated once)."""
    twins = {spanish_pages()[name].meta.get("translation_of") for name in PAGES}
    assert REQUIRED_TWINS <= twins, f"no Spanish page for {sorted(REQUIRED_TWINS - twins)}"


# ---- the safety callout (make check's callout-says-months checks that it says "meses") ------------------

def _callouts() -> list[tuple[str, str]]:
    found = [("includes/es/safety-callout.md", CALLOUT_SNIPPET.read_text(encoding="utf-8"))]
    for name in PAGES:
        found += [(name, m.group(0)) for m in
                  re.finditer(r"^!!!\s+safety\b.*\n(?:(?:[ ]{4}.*)?\n)*", spanish_pages()[name].text, re.M)]
    return found


@pytest.mark.parametrize("where,callout", _callouts(), ids=[w for w, _ in _callouts()])
def test_callout_does_not_say_the_risk_lasts_days_or_weeks_and_links_help(where, callout):
    """Wilson & Daly (1993): risk is highest soon after separation, but killings also happened
    months or years later."""
    text = normalise(callout)
    assert not re.search(r"\bsemanas\b|\bdías\b", text.replace("unos días", "")), where
    assert "planificar-con-calma.md" in callout, f"{where}: no link to the safety article"
    assert where == HELP or "ayuda.md" in callout, f"{where}: no link to the help page"


def test_callout_names_a_specialist_and_says_what_the_trials_found():
    """Issue 23 (13): "persona de apoyo" read as any supportive person, and "can make leaving
    safer" said more than the trials found (evidence-additions-2 §D4: one trial of advocacy
    after a shelter stay, less violence over two years; no tool guarantees safety)."""
    text = normalise(CALLOUT_SNIPPET.read_text(encoding="utf-8"))
    assert re.search(r"especialista de un servicio", text), "name a trained specialist service"
    assert re.search(r"un estudio", text) and re.search(r"dos\s+años", text), "say what the one trial found"
    assert re.search(r"nada puede garantizar", text), "say that nothing guarantees safety"
    assert not re.search(r"m[aá]s seguro|persona de apoyo", text), "firmer than the trials, or any supportive person"



# ---- the Spanish help page against evidence-additions §B ------------------------------------------------

LINES = yaml.safe_load((Path(__file__).parent / "crisis_lines_es.yml").read_text(encoding="utf-8"))
LINKABLE = {"V", "V-partial", "untagged"}
E164 = re.compile(r"\+[1-9]\d{7,14}")
LOCAL = re.compile(r"\*?\d{3,11}")  # *4141 and *765 are short codes dialled with the star
UNCHECKED_MARK = re.compile(r"sin comprobar|comprobado en parte|no pudimos confirmar", re.I)
CONFIRM = re.compile(r"confirma en el sitio del servicio", re.I)


def help_page() -> SpanishPage:
    return spanish_pages()[HELP]


def _targets(scheme: str, markdown: str) -> list[str]:
    return [t[len(scheme) + 1:].split("?", 1)[0] for t in re.findall(r"\]\(([^)\s]+)\)", markdown)
            if t.startswith(scheme + ":")]


def _hosts(markdown: str) -> set[str]:
    return {urlsplit(t).hostname.removeprefix("www.") for t in re.findall(r"\]\((https?://[^)\s]+)\)", markdown)}


def help_sections() -> dict[str, list[str]]:
    """{"## heading": [list item text, ...]} for the help page (an item's wrapped lines joined)."""
    sections: dict[str, list[str]] = {}
    current = None
    for line in help_page().body.splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
        elif current is not None and re.match(r"^- ", line):
            current.append(line[2:].strip())
        elif current is not None and current and re.match(r"^\s{2,}\S", line):
            current[-1] += " " + line.strip()
    return sections


def item_for(entry: dict) -> str | None:
    """The list item of the entry's country section that dials its first number (or, for a
    website-only entry, links its site)."""
    items = help_sections().get(entry["country"], [])
    first = (entry.get("tel") or [None])[0]
    if first is None:
        return next((i for i in items if entry.get("web") and entry["web"] in _hosts(i)), None)
    return next((i for i in items if first in _targets("tel", i)), None)


LINKED = [e for e in LINES if e["status"] in LINKABLE]
# The Spanish-speaking countries the Spanish site serves (BRIEF, "Rules that bind everyone").
SERVED = {"Estados Unidos", "España", "México", "Argentina", "Colombia", "Chile", "Perú"}
OTHER_COUNTRIES = "Otros países"


def served_lines() -> list[dict]:
    return [e for e in LINKED if e.get("served", True)]


def test_list_is_well_formed():
    assert {e["country"] for e in served_lines()} == SERVED
    assert {e["country"] for e in LINKED if not e.get("served", True)} == {OTHER_COUNTRIES}
    for entry in LINES:
        assert entry["status"] in LINKABLE | {"NOT VERIFIED"}, entry
        for number in (entry.get("tel") or []) + (entry.get("sms") or []):
            assert E164.fullmatch(number) or LOCAL.fullmatch(number), (entry["service"], number)
        assert entry["status"] == "NOT VERIFIED" or entry.get("tel") or entry.get("web"), entry


def test_help_sections_are_found():
    sections = help_sections()
    assert {e["country"] for e in LINKED} <= set(sections), sorted(sections)
    assert sum(len(v) for v in sections.values()) >= 30


@pytest.mark.parametrize("entry", LINKED, ids=lambda e: f"{e['country']}: {e['service']}")
def test_every_service_is_on_the_page_with_its_numbers(entry):
    item = item_for(entry)
    assert item, f"{HELP}: no item in '## {entry['country']}' links tel:{entry['tel'][0]} ({entry['service']})"
    missing = [f"tel:{n}" for n in entry.get("tel") or [] if n not in _targets("tel", item)]
    missing += [f"sms:{n}" for n in entry.get("sms") or [] if n not in _targets("sms", item)]
    missing += [f"mailto:{a}" for a in entry.get("mailto") or [] if a not in _targets("mailto", item)]
    missing += [f"the number {n}" for n in entry.get("text") or [] if n not in item]
    if entry.get("web") and entry["web"] not in _hosts(item):
        missing.append(f"a link to {entry['web']}")
    missing += [f"the words /{rx}/" for rx in entry.get("says") or [] if not re.search(rx, normalise(item))]
    assert not missing, f"{HELP}: {entry['service']} ({entry['country']}) lacks {', '.join(missing)}"


@pytest.mark.parametrize("entry", LINKED, ids=lambda e: f"{e['country']}: {e['service']}")
def test_every_service_says_what_was_checked_and_to_confirm(entry):
    item = normalise(item_for(entry) or "")
    problems = []
    match = re.search(r"Revisado el (\d{4}-\d{2}-\d{2})", item)
    checked = iso_date(match.group(1)) if match else None
    if checked is None:
        problems.append("no 'Revisado el YYYY-MM-DD'")
    elif checked > datetime.date.today() + datetime.timedelta(days=1):
        problems.append(f"checked date {checked} is in the future")
    if not CONFIRM.search(item):
        problems.append("no 'Confirma en el sitio del servicio'")
    if (entry["status"] == "V-partial" or entry.get("unchecked")) and not UNCHECKED_MARK.search(item):
        problems.append(f"is {entry['status']} ({entry.get('unchecked', '')}) but not marked 'sin comprobar'")
    assert not problems, f"{HELP}: {entry['service']}: " + "; ".join(problems)


@pytest.mark.parametrize("kind", ["tel", "sms"])
def test_every_number_on_the_page_is_in_the_list(kind):
    known = {n for e in LINKED for n in e.get(kind) or []}
    numbers = _targets(kind, help_page().body)
    assert numbers, f"{HELP} has no {kind}: links"
    assert set(numbers) <= known, f"{HELP}: {kind}: numbers not in crisis_lines_es.yml: {sorted(set(numbers) - known)}"
    bad = [n for n in numbers if not (E164.fullmatch(n) or LOCAL.fullmatch(n))]
    assert not bad, f"{HELP}: {kind}: targets that do not dial: {bad}"


def test_every_website_on_the_page_is_in_the_list():
    known = {e["web"] for e in LINKED if e.get("web")}
    sites = _hosts(help_page().body) - {"docs.github.com"}
    assert sites <= known, f"{HELP}: links sites not in crisis_lines_es.yml: {sorted(sites - known)}"


def test_not_verified_services_are_not_on_the_page():
    text = normalise(help_page().body).lower()
    for entry in (e for e in LINES if e["status"] == "NOT VERIFIED"):
        assert entry["service"].split(" in ")[0].lower() not in text, entry["service"]


def test_emergency_numbers_come_first():
    top = help_page().body.split("\n## ", 1)[0]
    assert re.search(r"en peligro ahora", top, re.I)
    wanted = {e["tel"][0] for e in LINES if e.get("emergency")}
    assert wanted <= set(_targets("tel", top)), f"missing at the top: {sorted(wanted - set(_targets('tel', top)))}"


HELP_KEY_POINTS = [
    ("calls and texts show in the call log", r"registro de llamadas"),
    ("and may show on the bill", r"factura"),
    ("a work phone may be watched by the employer", r"trabajo puede estar vigilado"),
    ("helpline websites show in the browser history", r"historial del navegador"),
    ("016 stays in the call log: delete it", r"Borra el 016 de tus llamadas recientes[^#]*s[ií] queda en el registro de llamadas[^#]*Si es seguro, borra"),
    ("024's call log is unknown: delete it too", r"Haz lo mismo con el 024"),
    ("more than one line when in danger: help without speaking", r"Si no puedes hablar"),
    ("Peru's 911 is not confirmed", r"No te indicamos el 911"),
    ("016 is not an emergency line", r"016 no es una l[ií]nea de emergencias"),
    ("Chile's 1455 is not 24/7", r"No atiende las 24 horas"),
    ("what was checked, how", r"copias guardadas de p[aá]ginas p[uú]blicas"),
    ("links to safe-use", r"\(uso-seguro\.md\)"),
    ("links to the safety article", r"\(articulos/planificar-con-calma\.md\)"),
]


@pytest.mark.parametrize("name,pattern", HELP_KEY_POINTS, ids=[k for k, _ in HELP_KEY_POINTS])
def test_help_page_key_point(name, pattern):
    assert re.search(pattern, normalise(help_page().body), re.I), f"{HELP} does not say: {name}"


# ---- the Spanish footer (mkdocs.es.yml extra.footer) against the same list -----------------------------

def footer_numbers() -> list[str]:
    """Every tel: number the Spanish footer dials, in order."""
    # MkDocs' loader: !ENV tags and INHERIT resolved

    footer = load_config(REPO / "mkdocs.es.yml")["extra"]["footer"]
    parts = list(footer["danger"]) + [part for line in footer["lines"] for part in line]
    return [part["href"][len("tel:"):] for part in parts
            if isinstance(part, dict) and str(part.get("href", "")).startswith("tel:")]


def test_footer_dials_only_listed_numbers_of_served_countries():
    known = {n for e in served_lines() for n in e.get("tel") or []}
    assert set(footer_numbers()) <= known, f"mkdocs.es.yml: footer numbers not in crisis_lines_es.yml: {sorted(set(footer_numbers()) - known)}"


# ---- safe-use: the points of the English page, in Spanish ----------------------------------------------

SAFE_USE_POINTS = [
    ("the exit button's Spanish label", r"Salir de esta p[aá]gina"),
    ("Shift three times", r"May[uú]s \(Shift\) tres veces"),
    ("Tab: the skip link first, then the exit link (as every built page does)",
     r"tecla Tab[^#]*«Saltar a contenido»[^#]*siguiente es el enlace\s+«Salir de esta p[aá]gina»"),
    ("it does not erase history", r"No borra tu historial"),
    ("private browsing limits: spyware", r"programas esp[ií]a"),
    ("a work device may be watched", r"del trabajo pueden estar vigilad"),
    ("without JavaScript the button is a plain link", r"JavaScript"),
    ("nothing stored on the device", r"no guarda nada en tu aparato"),
]


@pytest.mark.parametrize("name,pattern", SAFE_USE_POINTS, ids=[k for k, _ in SAFE_USE_POINTS])
def test_safe_use_key_point(name, pattern):
    assert re.search(pattern, normalise(spanish_pages()[SAFE_USE].body), re.I), f"{SAFE_USE} does not say: {name}"


# ---- the Spanish glossary (includes/es/abbreviations.md, used by mkdocs.es.yml) ------------------------
# (make check reads it for banned wording, tú and English words left, like every Spanish snippet)

GLOSSARY = INCLUDES / "es" / "abbreviations.md"


def test_glossary_defines_its_terms_and_says_a_trauma_bond_is_not_a_diagnosis():
    text = GLOSSARY.read_text(encoding="utf-8")
    definitions = re.findall(r"^\*\[([^\]]+)\]:\s*(.+)$", text, re.M)
    assert len(definitions) >= 5 and len(definitions) == len(text.strip().splitlines())
    assert re.search(r"no un diagn[oó]stico", dict(definitions)["vínculo traumático"])
