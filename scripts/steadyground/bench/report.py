"""The one table `make bench` prints, with goals marked met or missed, and its notes."""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass


@dataclass
class Row:
    measurement: str
    figure: str
    goal: str = ""
    met: bool | None = None  # None: no goal (a figure for information) or skipped

    @property
    def status(self) -> str:
        if self.met is None:
            return "—" if self.goal == "" else "not measured"
        return "**met**" if self.met else "**MISSED**"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def table(rows: list[Row]) -> str:
    lines = ["| Measurement | Figure | Goal | Status |", "|---|---|---|---|"]
    lines += [f"| {_cell(r.measurement)} | {_cell(r.figure)} | {_cell(r.goal)} | {r.status} |" for r in rows]
    return "\n".join(lines)


def header(runs: int, quick: bool, seconds: float) -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"Steady Ground bench, {time.strftime('%Y-%m-%d %H:%M')}: {'--quick, ' if quick else ''}"
        f"median of {runs} run(s) per figure; {os.cpu_count()} cores, load average {load} at the end; "
        f"Python {platform.python_version()}; bench took {seconds / 60:.1f} min."
    )


def document(rows: list[Row], notes: list[str], runs: int, quick: bool, seconds: float) -> str:
    met = sum(1 for r in rows if r.met is True)
    missed = sum(1 for r in rows if r.met is False)
    summary = f"Goals: {met} met, {missed} missed."
    body = [header(runs, quick, seconds), "", table(rows), "", summary, "", "How these figures were measured:", ""]
    body += [f"- {note}" for note in notes]
    return "\n".join(body) + "\n"
