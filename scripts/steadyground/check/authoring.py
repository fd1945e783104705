"""AUTHORING.md's index of rules, made from the registry: one line per registered rule, its name,
area and the first paragraph of its docstring, between two markers. Run
`.venv/bin/python scripts/steadyground/check/authoring.py` after adding or changing a rule; the tests
(tests/checkkit/test_authoring_guide.py) fail while the guide and the registry differ."""

from __future__ import annotations

import sys
from pathlib import Path

START = ("<!-- rules index: made from each rule's docstring by "
         "`.venv/bin/python scripts/steadyground/check/authoring.py`; do not edit by hand -->")
END = "<!-- /rules index -->"


def summary(check) -> str:
    """The first paragraph of a rule's docstring, on one line ("" when it has none)."""
    doc = (check.__doc__ or "").strip()
    return " ".join(doc.split("\n\n", 1)[0].split())


def index() -> str:
    from steadyground.check import RULES
    return "\n".join(f"- `{name}` ({RULES[name].area}): {summary(RULES[name].check)}" for name in sorted(RULES))


def updated(guide: str) -> str:
    """The guide with its index replaced by the registry's; ValueError when the markers are missing."""
    head, start, rest = guide.partition(START)
    old, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError(f"AUTHORING.md has no {START!r} ... {END!r} block")
    return f"{head}{START}\n{index()}\n{END}{tail}"


def main() -> int:
    from steadyground.core.project import ROOT
    path = ROOT / "AUTHORING.md"
    text = path.read_text(encoding="utf-8")
    new = updated(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print("AUTHORING.md: the index of rules is updated")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from steadyground.check.authoring import main as _main
    sys.exit(_main())
