"""Settings: every UI string and option of the quiz engine, with its default.

Owns the one place UI text comes from. Templates receive these strings; quiz.js reads the
few it needs from data-* attributes the template writes, so nothing is hard-coded in
JavaScript or HTML. The site can override any of them in mkdocs.yml:

    extra:
      quiz:
        dir: quizzes                 # where the quiz YAML lives, relative to mkdocs.yml
        strings:
          show_results: Show my results

Placeholders in braces ({number}, {score}, {max}, {min}, {root}, {emergency}) are filled in
where the string is used; {root} is the path from the page to the top of the docs folder,
so Markdown links in strings are checked by MkDocs like any other link.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

DEFAULT_STRINGS: dict[str, str] = {
    "select_all": "Select all that apply.",
    "or": "or",
    "not_diagnosis": (
        "This is not a test or a diagnosis, and it is not therapy. It is a private way to "
        "reflect: only you can decide what your answers mean."
    ),
    "callout": "If you are in danger now, call {emergency}. [Get help now]({root}help.md) lists helplines.",
    "exit_hint": "To leave this site quickly, use the Exit this page button or press the Shift key 3 times.",
    "show_results": "Show my results",
    "start_again": "Start again",
    "confirm_reset": "Clear all your answers and start again?",
    "print": "Print or save",
    # Asked before printing: paper or a PDF is a trace someone else could find (issue 23 #6).
    "print_warning": (
        "Before you print: a printout, or a PDF saved on this device, shows your answers, and "
        "someone else could find it. Print or save anyway? Choose Cancel to go back."
    ),
    "error_title": "There is a problem",
    "error_single": "Select an answer",
    "error_multiple": "Select at least one answer",
    "error_link": "Question {number}: {message}",
    "error_prefix": "Error: ",
    "results_heading": "Your results",
    "key_heading": "Score it yourself",
    "key_intro": (
        "Add up the points for the answers you chose. Then find your total, and the score "
        "for each theme, in the lists below."
    ),
    "key_question": "Question {number}",
    "key_option": "{label}: {points}",
    "theme_questions": "Add up your points for these questions: {numbers}.",
    "total_heading": "Your total",
    "score": "{score} out of {max}",
    "range": "Scores {min} to {max}",
    "range_one": "Score {score}",
    "flag_when": "This applies if you chose:",
    "flagged_skip": "Skip this if you chose an answer listed under {flags}.",
    "flagged_instead": "Read this instead if you chose an answer listed under {flags}.",
    "next_steps_heading": "What you can do next",
    "next_steps": (
        "If you are in danger now, call {emergency}.\n\n"
        "- [Get help now]({root}help.md) lists helplines you can call, text or chat with.\n"
        "- [Use this site safely]({root}safe-use.md) explains what this site can and cannot hide."
    ),
    "print_title": "Notes",
    "tab_title": "Self-check",  # a quiz page's browser tab when its file gives no tab_title
    "index_title": "Self-checks",
    "index_intro": (
        "Short, private self-checks for reflection. They are not tests or diagnoses. "
        "Your answers stay on this device: nothing is sent or saved."
    ),
    "index_questions": "{count} questions",
    "index_questions_one": "1 question",
    "index_minutes": "about {count} minutes",
    "index_minutes_one": "about 1 minute",
}

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, **values: Any) -> str:
    """Replace the {name} placeholders given; leave every other brace alone."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


@dataclass(frozen=True)
class Settings:
    strings: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_STRINGS))
    dir: str = "quizzes"
    emergency: str = "your local emergency number"

    @classmethod
    def from_extra(cls, extra: Mapping[str, Any] | None) -> Settings:
        """Build settings from mkdocs.yml `extra` (raises ValueError on unknown names)."""
        extra = extra or {}
        options = dict(extra.get("quiz") or {})
        strings = dict(options.pop("strings", None) or {})
        unknown = [k for k in options if k not in ("dir", "emergency")]
        unknown += [k for k in strings if k not in DEFAULT_STRINGS]
        if unknown:
            close = difflib.get_close_matches(unknown[0], [*DEFAULT_STRINGS, "dir", "emergency"], n=1)
            hint = f'; did you mean "{close[0]}"?' if close else ""
            raise ValueError(f'mkdocs.yml: unknown setting "extra.quiz…{unknown[0]}"{hint}')
        bad = [k for k, v in strings.items() if not isinstance(v, str)]
        if bad:
            raise ValueError(f'mkdocs.yml: extra.quiz.strings.{bad[0]} must be text (quote it)')
        emergency = options.get("emergency") or (extra.get("help") or {}).get("emergency") or cls.emergency
        return cls(
            strings={**DEFAULT_STRINGS, **strings},
            dir=str(options.get("dir") or cls.dir),
            emergency=str(emergency),
        )
