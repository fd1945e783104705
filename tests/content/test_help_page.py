"""The help page (issue "Content", CONT-3) against the verified list in crisis_lines.yml, which
transcribes evidence.md §7: every number it links is verified, every verified service for the
US, UK, Canada and Australia is on it, numbers dial, rows carry a last-checked date, and
unverified details are marked."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from markdown_pages import iso_date, normalise, page, tables

LINES = yaml.safe_load((Path(__file__).parent / "crisis_lines.yml").read_text(encoding="utf-8"))
HELP = page("help.md")
LINKABLE = {"V", "V-partial", "untagged"}
COUNTRIES = ("US", "UK", "Canada", "Australia")
E164 = re.compile(r"\+[1-9]\d{7,14}")
LOCAL = re.compile(r"\d{3,11}")


def _targets(scheme: str, text: str | None = None) -> list[str]:
    links = HELP.links() if text is None else [(None, t) for t in re.findall(r"\]\(([^)\s]+)", text)]
    return [t[len(scheme) + 1:].split("?", 1)[0] for _, t in links if t.startswith(scheme + ":")]


def _hosts(text: str | None = None) -> set[str]:
    links = [t for _, t in HELP.links()] if text is None else re.findall(r"\]\(([^)\s]+)", text)
    return {urlsplit(t).hostname.removeprefix("www.") for t in links if t.startswith(("http://", "https://"))}


def _numbers(entry, *keys) -> set[str]:
    return {n for k in keys for n in entry.get(k) or []}


def _entries_for(kind: str, number: str) -> list[dict]:
    keys = ("tel", "tel_also") if kind == "tel" else ("sms",)
    return [e for e in LINES if number in _numbers(e, *keys)]


# ---- the list itself -----------------------------------------------------------------------------

def test_verified_list_is_well_formed():
    assert len(LINES) >= 20
    for entry in LINES:
        assert {"country", "service", "status"} <= set(entry), entry
        assert entry["status"] in LINKABLE | {"NOT VERIFIED"}, entry
        for number in _numbers(entry, "tel", "tel_also", "sms"):
            assert E164.fullmatch(number) or LOCAL.fullmatch(number), (entry["service"], number)
    assert {e["tel"][0] for e in LINES if e.get("emergency")} == {"911", "999", "000"}


# ---- help.md against the list ----------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["tel", "sms"])
def test_every_number_on_the_page_is_verified(kind):
    problems = []
    for number in _targets(kind):
        entries = _entries_for(kind, number)
        if not entries:
            problems.append(f"{kind}:{number} is not in crisis_lines.yml (evidence.md §7)")
        elif not any(e["status"] in LINKABLE for e in entries):
            entry = entries[0]
            problems.append(f"{kind}:{number} ({entry['service']}) is {entry['status']} in evidence.md §7")
    assert not problems, "docs/help.md:\n" + "\n".join(problems)


def test_every_website_on_the_page_is_in_the_list():
    known = {e["web"] for e in LINES if e.get("web") and e["status"] in LINKABLE}
    assert _hosts() <= known, f"docs/help.md links sites not in crisis_lines.yml: {sorted(_hosts() - known)}"


REQUIRED = [e for e in LINES if e["country"].startswith(COUNTRIES)
            and (e["status"] == "V" or e.get("emergency")) and e.get("required", True)]


@pytest.mark.parametrize("entry", REQUIRED, ids=lambda e: f"{e['country']}: {e['service']}")
def test_every_verified_service_is_on_the_page(entry):
    missing = [f"tel:{n}" for n in entry.get("tel") or [] if n not in _targets("tel")]
    missing += [f"sms:{n}" for n in entry.get("sms") or [] if n not in _targets("sms")]
    if entry.get("web") and entry["web"] not in _hosts():
        missing.append(f"a link to {entry['web']}")
    assert not missing, f"docs/help.md: {entry['service']} ({entry['country']}) lacks {', '.join(missing)}"


@pytest.mark.parametrize("kind", ["tel", "sms"])
def test_numbers_dial(kind):
    """CONT-3: E.164 (+ and 8-15 digits) or a local/short number of 3-11 digits, nothing else."""
    bad = [n for n in _targets(kind) if not (E164.fullmatch(n) or LOCAL.fullmatch(n))]
    assert _targets(kind), f"docs/help.md has no {kind}: links"
    assert not bad, f"docs/help.md: {kind}: targets that are neither E.164 nor local: {bad}"


def test_australian_13_1300_1800_numbers_use_the_local_form():
    """13, 1300 and 1800 numbers only work dialled locally (tel:1800737732), not as +61..."""
    bad = [n for n in _targets("tel") if re.fullmatch(r"\+61(?:1[38]00\d{6}|13\d{4})", n)]
    assert not bad, "docs/help.md: use the local form: " + ", ".join(f"tel:{n} -> tel:{n[3:]}" for n in bad)


def test_emergency_numbers_come_first():
    before_first_section = HELP.body.split("\n## ", 1)[0]
    assert re.search(r"in danger now", before_first_section, re.I)
    assert set(_targets("tel", before_first_section)) >= {"911", "999", "000"}


# ---- table rows -----------------------------------------------------------------------------------

SERVICE_TABLES = [t for t in tables(HELP.text) if any(re.fullmatch(r"last checked", c, re.I) for c in t[0])]


def test_service_tables_are_found():
    assert len(SERVICE_TABLES) >= 5, "expected a table per country with a 'Last checked' column"
    assert sum(len(rows) for _, rows in SERVICE_TABLES) >= 15


@pytest.mark.parametrize("table", SERVICE_TABLES, ids=lambda t: f"table at line {t[1][0][0] - 2}")
def test_every_service_row_has_a_last_checked_date(table):
    header, rows = table
    column = next(i for i, c in enumerate(header) if re.fullmatch(r"last checked", c, re.I))
    problems = []
    for line, cells in rows:
        cell = cells[column] if column < len(cells) else ""
        match = re.search(r"\b\d{4}-\d{2}-\d{2}\b", cell)
        checked = iso_date(match.group(0)) if match else None
        if checked is None:
            problems.append(f"line {line}: no valid ISO date in '{cell}'")
        elif checked > datetime.date.today() + datetime.timedelta(days=1):
            problems.append(f"line {line}: last-checked date {checked} is in the future")
    assert not problems, "docs/help.md:\n" + "\n".join(problems)


UNCHECKED_MARK = re.compile(r"not (?:re-?)?checked|not confirmed|not verified", re.I)


@pytest.mark.parametrize("table", SERVICE_TABLES, ids=lambda t: f"table at line {t[1][0][0] - 2}")
def test_rows_not_fully_verified_say_so(table):
    problems = []
    for line, cells in table[1]:
        row = " | ".join(cells)
        entries = [e for kind in ("tel", "sms") for n in _targets(kind, row) for e in _entries_for(kind, n)]
        entries += [e for e in LINES if e.get("web") in _hosts(row)]
        partial = [e for e in entries if e["status"] == "V-partial" or e.get("unchecked")]
        if partial and not UNCHECKED_MARK.search(normalise(row)):
            problems.append(f"line {line}: {partial[0]['service']} is {partial[0]['status']} "
                            f"({partial[0].get('unchecked', 'partly verified')}) but the row is not marked")
    assert not problems, "docs/help.md:\n" + "\n".join(problems)


# ---- key points -------------------------------------------------------------------------------------

KEY_POINTS = [
    ("calls and texts show in the call log", r"call log"),
    ("and on the phone bill", r"phone bill|on the bill|your bill"),
    ("helpline websites show in browser history", r"browser history"),
    ("links to safe-use", r"\(safe-use\.md\)"),
    ("links to the safety-planning article", r"\(articles/planning-ahead\.md\)"),
    ("Silent Solution: press 55", r"press 55"),
    ("pressing 55 does not share your location",
     r"55 does not tell the operator where you are|does not share your location"),
    ("Canada has no single national helpline", r"no single national"),
    ("a call-back at a safe time", r"call back"),
]


@pytest.mark.parametrize("name,pattern", KEY_POINTS, ids=[k for k, _ in KEY_POINTS])
def test_help_page_key_point(name, pattern):
    assert re.search(pattern, normalise(HELP.text), re.I), f"docs/help.md does not say: {name}"
