"""The plan as typed, read-only data, built only from a file that passed every rule."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    id: str
    kind: str  # "check" (a box to tick) or "text" (a line to write on)
    label: str
    hint: str | None
    lines: int  # lines to write on, on paper


@dataclass(frozen=True)
class Link:
    text: str
    page: str  # inside docs/, like "help.md"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    intro: str
    items: tuple[Item, ...]
    links: tuple[Link, ...]


@dataclass(frozen=True)
class Plan:
    title: str
    tab_title: str
    print_title: str
    description: str
    reviewed: datetime.date
    intro: str
    cannot_hide: str
    sections: tuple[Section, ...]
    words: dict
    references: tuple[str, ...]


def build_plan(data: dict) -> Plan:
    sections = tuple(
        Section(s["id"], s["title"].strip(), s["intro"].strip(),
                tuple(Item(i["id"], "check" if "check" in i else "text", (i.get("check") or i.get("text")).strip(),
                           (i.get("hint") or "").strip() or None, i.get("lines", 1)) for i in s["items"]),
                tuple(Link(link["text"].strip(), link["page"].strip()) for link in s.get("links") or []))
        for s in data["sections"])
    return Plan(data["title"].strip(), data["tab_title"].strip(), data["print_title"].strip(),
                data["description"].strip(), data["reviewed"], data["intro"].strip(), data["cannot_hide"].strip(),
                sections, {k: v.strip() for k, v in data["words"].items()}, tuple(data.get("references") or ()))
