"""The help page (issue "Content", CONT-3; issue 11 "Help that is there when it is needed") against
the checked list in crisis_lines.yml, which transcribes evidence.md §7 and evidence-additions.md:
every number it links is checked, every checked service is on it, numbers dial, every country the
site serves has a crisis line, each service card says what was checked and when and asks the reader
to confirm on the service's own site, partly checked details are marked, and nothing is called free
unless the evidence says so."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from markdown_pages import iso_date, normalise, page, quizzes, without_link_targets

LINES = yaml.safe_load((Path(__file__).parent / "crisis_lines.yml").read_text(encoding="utf-8"))
HELP = page("help.md")
LINKABLE = {"V", "V-partial", "untagged"}
E164 = re.compile(r"\+[1-9]\d{7,14}")
LOCAL = re.compile(r"\d{3,11}")
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)")

# The countries the site serves, each with the heading of its section on the help page.
SERVED = {"US": "United States", "UK": "United Kingdom", "Ireland": "Ireland", "Canada": "Canada",
          "Australia": "Australia", "New Zealand": "New Zealand"}
# Countries where the evidence files hold no line for people thinking about suicide: the page must
# say so in that country's section and at the top, and give a 24/7 abuse crisis line instead.
# (New Zealand was one until 1737 was checked, evidence-additions-2 §A.)
CRISIS_GAPS: dict[str, str] = {}


def _targets(scheme: str, text: str | None = None) -> list[str]:
    links = _LINK_TARGET.findall(HELP.body if text is None else text)
    return [t[len(scheme) + 1:].split("?", 1)[0] for t in links if t.startswith(scheme + ":")]


def _hosts(text: str | None = None) -> set[str]:
    links = _LINK_TARGET.findall(HELP.body if text is None else text)
    return {urlsplit(t).hostname.removeprefix("www.") for t in links if t.startswith(("http://", "https://"))}


def _numbers(entry, *keys) -> set[str]:
    return {n for k in keys for n in entry.get(k) or []}


def _entries_for(kind: str, number: str) -> list[dict]:
    keys = ("tel", "tel_also") if kind == "tel" else ("sms",)
    return [e for e in LINES if number in _numbers(e, *keys)]


def _countries(entry: dict) -> set[str]:
    """"UK (Wales)" -> {"UK"}, "UK & Ireland" -> {"UK", "Ireland"}."""
    return {part.split(" (")[0].strip() for part in entry["country"].split("&")}


# ---- the page, split into sections and service cards ------------------------------------------------

@dataclass(frozen=True)
class Card:
    section: str  # the h2 the card sits under
    name: str     # its h3
    line: int
    text: str

    def entries(self) -> list[dict]:
        found = [e for kind in ("tel", "sms") for n in _targets(kind, self.text) for e in _entries_for(kind, n)]
        found += [e for e in LINES if set(e.get("web") or []) & _hosts(self.text)]
        return list({id(e): e for e in found}.values())


_CARD = re.compile(r'^<div class="help-card" markdown>\n(?P<text>.*?)^</div>', re.S | re.M)


def sections(markdown: str) -> dict[str, str]:
    """h2 heading -> its text, up to the next h2."""
    parts = re.split(r"^## +(.+?)\s*$", markdown, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def cards(markdown: str, first_line: int = 1) -> list[Card]:
    found = []
    for match in _CARD.finditer(markdown):
        before = markdown[: match.start()]
        section = (re.findall(r"^## +(.+?)\s*$", before, re.M) or [""])[-1]
        heading = re.search(r"^### +(.+?)\s*$", match.group("text"), re.M)
        found.append(Card(section, heading.group(1) if heading else "", first_line + before.count("\n"),
                          match.group("text")))
    return found


CARDS = cards(HELP.body, HELP.body_line_offset + 1)
SECTIONS = sections(HELP.body)
TOP = HELP.body.split("\n## ", 1)[0]


def test_card_parser_self_test():
    text = ('## A\n\n<div class="help-card" markdown>\n\n### One\n\n[Call 1](tel:116123)\n\n</div>\n'
            '## B\n\n<div class="help-card" markdown>\n\n### Two\n\nx\n\n</div>\n')
    found = cards(text)
    assert [(c.section, c.name, c.line) for c in found] == [("A", "One", 3), ("B", "Two", 12)]
    assert [e["service"] for e in found[0].entries()] == ["Samaritans"]
    assert list(sections(text)) == ["A", "B"]


def test_the_page_is_cards_not_tables():
    """Issue 13: four-column tables overflowed a 320 px phone; one card per service instead."""
    assert not re.search(r"^\s*\|.*\|\s*$", HELP.body, re.M), "docs/help.md: use service cards, not tables"
    assert len(CARDS) >= 25, f"docs/help.md: expected a card per service, found {len(CARDS)}"
    unnamed = [c.line for c in CARDS if not c.name]
    assert not unnamed, f"docs/help.md: cards without a '### Service name' heading at lines {unnamed}"


# ---- the list itself -----------------------------------------------------------------------------

def test_checked_list_is_well_formed():
    assert len(LINES) >= 30
    for entry in LINES:
        assert {"country", "service", "status"} <= set(entry), entry
        assert entry["status"] in LINKABLE | {"NOT VERIFIED"}, entry
        assert entry.get("crisis") in (None, "general", "abuse"), entry
        assert entry.get("free") in (None, True, "may cost"), entry
        assert isinstance(entry.get("web", []), list), entry
        for number in _numbers(entry, "tel", "tel_also", "sms"):
            assert E164.fullmatch(number) or LOCAL.fullmatch(number), (entry["service"], number)
        assert _countries(entry) <= set(SERVED) | {"International"}, entry
    assert {e["tel"][0] for e in LINES if e.get("emergency")} == {"911", "999", "112", "000", "111"}
    assert {c for e in LINES if e.get("emergency") for c in _countries(e)} == set(SERVED)


# ---- help.md against the list ----------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["tel", "sms"])
def test_every_number_on_the_page_is_checked(kind):
    problems = []
    for number in _targets(kind):
        entries = _entries_for(kind, number)
        if not entries:
            problems.append(f"{kind}:{number} is not in crisis_lines.yml (evidence.md §7, evidence-additions.md)")
        elif not any(e["status"] in LINKABLE for e in entries):
            entry = entries[0]
            problems.append(f"{kind}:{number} ({entry['service']}) is {entry['status']} in the evidence files")
    assert not problems, "docs/help.md:\n" + "\n".join(problems)


def test_every_website_on_the_page_is_in_the_list():
    known = {w for e in LINES if e["status"] in LINKABLE for w in e.get("web") or []}
    assert _hosts() <= known, f"docs/help.md links sites not in crisis_lines.yml: {sorted(_hosts() - known)}"


REQUIRED = [e for e in LINES if e["country"] != "International"
            and (e["status"] == "V" or e.get("emergency")) and e.get("required", True)]


@pytest.mark.parametrize("entry", REQUIRED, ids=lambda e: f"{e['country']}: {e['service']}")
def test_every_checked_service_is_on_the_page(entry):
    missing = [f"tel:{n}" for n in entry.get("tel") or [] if n not in _targets("tel")]
    missing += [f"sms:{n}" for n in entry.get("sms") or [] if n not in _targets("sms")]
    missing += [f"a link to {w}" for w in entry.get("web") or [] if w not in _hosts()]
    assert not missing, f"docs/help.md: {entry['service']} ({entry['country']}) lacks {', '.join(missing)}"


@pytest.mark.parametrize("kind", ["tel", "sms"])
def test_numbers_dial(kind):
    """CONT-3: E.164 (+ and 8-15 digits) or a local/short number of 3-11 digits, nothing else."""
    bad = [n for n in _targets(kind) if not (E164.fullmatch(n) or LOCAL.fullmatch(n))]
    assert _targets(kind), f"docs/help.md has no {kind}: links"
    assert not bad, f"docs/help.md: {kind}: targets that are neither E.164 nor local: {bad}"


def test_freephone_and_local_rate_numbers_use_the_local_form():
    """AU 13/1300/1800, IE 1800 and NZ 0800/0508 numbers only work dialled locally."""
    pattern = re.compile(r"\+61(?:1[38]00\d{6}|13\d{4})|\+3531800\d{6}|\+64(?:800|508)\d{6}")
    bad = [n for n in _targets("tel") if pattern.fullmatch(n)]
    assert not bad, f"docs/help.md: use the local form for {bad}"


def test_emergency_numbers_come_first():
    assert re.search(r"in danger now", TOP, re.I)
    assert set(_targets("tel", TOP)) >= {n for e in LINES if e.get("emergency") for n in e["tel"]}


def test_the_top_says_how_to_get_help_without_speaking():
    """Issue 23, point 14: "in danger right now" is more than one line: silent calls and text
    channels together at the top, for readers who cannot speak."""
    top = normalise(TOP)
    assert re.search(r"cannot speak", top, re.I), "docs/help.md: the top does not say what to do if you cannot speak"
    assert re.search(r"press 55", top), "docs/help.md: the UK Silent Solution is not at the top"
    assert "112" in _targets("sms", TOP), "docs/help.md: Ireland's text 112 is not at the top"
    texting = {c for n in _targets("sms", TOP) for e in _entries_for("sms", n) for c in _countries(e)}
    assert texting >= set(SERVED) - {"UK & Ireland"}, (
        f"docs/help.md: the top gives no text channel for {sorted(set(SERVED) - texting)}")
    assert re.search(r"call log|recent calls", top, re.I), "docs/help.md: numbers at the top without the call-log note"


# ---- a crisis line for every country the site serves -------------------------------------------------

def _crisis_lines(country: str, kind: str | None = None) -> list[dict]:
    return [e for e in LINES if country in _countries(e) and e.get("crisis")
            and (kind is None or e["crisis"] == kind) and e["status"] in LINKABLE]


@pytest.mark.parametrize("country", sorted(SERVED))
def test_every_country_served_has_a_crisis_line_in_its_section(country):
    section = SECTIONS.get(SERVED[country])
    assert section is not None, f"docs/help.md: no '## {SERVED[country]}' section"
    kind = "abuse" if country in CRISIS_GAPS else "general"
    linked = [e["service"] for e in _crisis_lines(country, kind)
              if set(e.get("tel") or []) & set(_targets("tel", section))]
    assert linked, (f"docs/help.md: the {SERVED[country]} section links no {kind} crisis line "
                    f"(crisis_lines.yml has {[e['service'] for e in _crisis_lines(country, kind)]})")
    if country in CRISIS_GAPS:
        assert re.search(CRISIS_GAPS[country], normalise(section), re.I), (
            f"docs/help.md: the {SERVED[country]} section must say that no suicide crisis line was checked")


@pytest.mark.parametrize("country", sorted(SERVED))
def test_the_top_of_the_page_gives_a_crisis_line_for_every_country(country):
    """Readers sent by a quiz's crisis flag ("find a crisis line on the help page") find one
    before the first section, for every country, without scrolling through the cards."""
    kind = "abuse" if country in CRISIS_GAPS else "general"
    numbers = {n for e in _crisis_lines(country, kind) for n in e.get("tel") or []}
    assert numbers & set(_targets("tel", TOP)), f"docs/help.md: no crisis line for {country} at the top"
    if country in CRISIS_GAPS:
        assert re.search(CRISIS_GAPS[country], normalise(TOP), re.I)


def test_quiz_crisis_flags_that_send_readers_here_find_a_crisis_line():
    """urge-check's crisis flag says "call your local crisis line. You can find one on the help page"."""
    sending = [q.slug for q in quizzes() for name, flag in (q.data.get("flags") or {}).items()
               if "help.md" in (flag.get("body") or "") and re.search(r"crisis line", flag.get("body") or "", re.I)]
    assert sending, "no quiz flag sends readers to the help page for a crisis line: update this test"
    general = {n for e in LINES if e.get("crisis") == "general" and e["status"] in LINKABLE for n in e.get("tel") or []}
    assert general & set(_targets("tel", TOP)), f"{sending} send readers to a help page with no crisis line"


# ---- service cards ----------------------------------------------------------------------------------

_CHECKED = re.compile(r"\*\*Checked:\*\*\s*(\d{4}-\d{2}-\d{2})")
_CONFIRM = re.compile(r"confirm on|confirm that", re.I)
UNCHECKED_MARK = re.compile(r"not (?:re-?)?checked|not confirmed|not verified|not (?:yet )?in our list", re.I)


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.name)
def test_every_card_says_what_was_checked_when_and_to_confirm(card):
    problems = []
    match = _CHECKED.search(card.text)
    checked = iso_date(match.group(1)) if match else None
    if checked is None:
        problems.append("no '**Checked:** YYYY-MM-DD' line")
    elif checked > datetime.date.today() + datetime.timedelta(days=1):
        problems.append(f"checked date {checked} is in the future")
    if not re.search(r"evidence list", card.text, re.I):
        problems.append("does not say what it was checked against (our evidence list)")
    if not _CONFIRM.search(card.text) and not re.search(r"have not checked how up to date", card.text):
        problems.append("does not ask the reader to confirm on the service's own site")
    assert not problems, f"docs/help.md:{card.line}: {card.name}: " + "; ".join(problems)


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.name)
def test_cards_not_fully_checked_say_so(card):
    partial = [e for e in card.entries() if e["status"] == "V-partial" or e.get("unchecked")]
    if partial and not UNCHECKED_MARK.search(normalise(card.text)):
        entry = partial[0]
        pytest.fail(f"docs/help.md:{card.line}: {card.name}: {entry['service']} is {entry['status']} "
                    f"({entry.get('unchecked', 'partly checked')}) but the card does not say what is not confirmed",
                    pytrace=False)


def _claims_free(text: str) -> bool:
    """"free" outside the service's name and outside a sentence that says it is not confirmed."""
    body = re.sub(r"^#+ .*$", "", without_link_targets(text), flags=re.M)
    sentences = re.split(r"(?<=[.!?])\s+", normalise(body))
    return any(re.search(r"\bfree(?:phone)?\b", s, re.I) and not UNCHECKED_MARK.search(s) for s in sentences)


def test_free_claim_checker_self_test():
    assert _claims_free("Open 24/7. Free from any phone.")
    assert not _claims_free("Not confirmed: that calls are free.")
    assert not _claims_free("### Women's Aid 24hr National Freephone Helpline\n\nOpen 24/7.")
    assert not _claims_free("\n### Live Fear Free Helpline\n\nFor anyone.")


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.name)
def test_a_card_only_says_free_when_the_evidence_does(card):
    """Issue 11: Australian 13 and 1300 numbers, and texts, may cost money."""
    if not _claims_free(card.text):
        return
    entries = card.entries()
    assert entries and all(e.get("free") is True for e in entries if e.get("tel") or e.get("sms")), (
        f"docs/help.md:{card.line}: {card.name} says 'free' but crisis_lines.yml does not mark "
        f"{[e['service'] for e in entries if e.get('free') is not True]} free")


def test_the_page_does_not_call_every_service_free():
    assert not re.search(r"\b(?:all|the) services (?:below|here|on this page) are free\b", normalise(HELP.body), re.I)
    assert re.search(r"not every call is free", normalise(HELP.body), re.I)


# ---- key points -------------------------------------------------------------------------------------

KEY_POINTS = [
    ("calls and texts show in the call log", r"call log"),
    ("and on the phone bill", r"phone bill|on the bill|your bill"),
    ("a work phone may be watched", r"work phone may be watched"),
    ("helpline websites show in browser history", r"browser history"),
    ("links to safe-use", r"\(safe-use\.md\)"),
    ("links to the safety-planning article", r"\(articles/planning-ahead\.md\)"),
    ("Silent Solution: press 55", r"press 55"),
    ("pressing 55 does not share your location",
     r"55 does not tell the operator where you are|does not share your location"),
    ("no national abuse helpline was found for Canada", r"found no single national"),
    ("a call-back at a safe time", r"call back"),
    ("what was checked: copies of pages, no calls", r"could not call any service"),
    ("988 in Spanish: press 2, text AYUDA", r"press 2.{0,60}AYUDA"),
]


@pytest.mark.parametrize("name,pattern", KEY_POINTS, ids=[k for k, _ in KEY_POINTS])
def test_help_page_key_point(name, pattern):
    assert re.search(pattern, normalise(HELP.text), re.I), f"docs/help.md does not say: {name}"
