"""Model: a validated quiz as frozen dataclasses, with its score ranges derived.

Owns the meaning of the numbers. An option's `points` here are the points a reader gets,
with reverse-keying already applied, so the scorer, the page and the "score it yourself"
key all use the same values. Ranges (documented in quizzes/README.md):

- single choice: from the lowest to the highest option points. Reverse-keying mirrors
  points within the question's own answers (points' = lowest + highest - points), so the
  range does not change.
- multiple choice: the reader must tick at least one box, and all points are 0 or more, so
  the minimum is the smallest single option's points; the maximum is the larger of the sum
  of all non-exclusive options and the points of any exclusive option on its own.
- a total (or a subscale score) ranges from the sum of its questions' minimums to the sum
  of their maximums; bands must cover that range exactly once.

`build_quiz` is only called on data that passed every rule, so it does not re-validate.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Iterable, Mapping


def answer_range(kind: str, options: Iterable[tuple[int, bool]]) -> tuple[int, int]:
    """(lowest, highest) points of one question; `options` are (points, exclusive) pairs."""
    options = list(options)
    points = [p for p, _ in options]
    if kind == "multiple":
        ticked_together = sum(p for p, exclusive in options if not exclusive)
        alone = [p for p, exclusive in options if exclusive]
        return min(points), max([ticked_together, *alone])
    return min(points), max(points)


def mirrored(points: list[int]) -> list[int]:
    low, high = min(points), max(points)
    return [low + high - p for p in points]


@dataclass(frozen=True)
class Option:
    label: str
    points: int  # what the reader scores, reverse-keying applied
    exclusive: bool = False
    flags: tuple[str, ...] = ()
    safe: bool = False  # on a danger question, the answer that raises no flag


@dataclass(frozen=True)
class Question:
    id: str
    number: int  # 1-based, as shown on the page
    text: str
    kind: str  # "single" | "multiple"
    options: tuple[Option, ...]
    hint: str | None = None
    subscale: str | None = None
    reverse: bool = False
    danger: bool = False  # flag-only (rules.danger_questions)

    @property
    def range(self) -> tuple[int, int]:
        return answer_range(self.kind, ((o.points, o.exclusive) for o in self.options))

    def option(self, label: str) -> Option:
        for option in self.options:
            if option.label == label:
                return option
        raise ValueError(f'question "{self.id}" has no answer "{label}"')


@dataclass(frozen=True)
class Flagged:
    """Other words for a result (or none: hide) while any of `flags` is raised."""

    flags: tuple[str, ...]
    title: str | None = None  # None: the result is hidden
    body: str | None = None

    def applies(self, raised) -> bool:
        return any(flag in raised for flag in self.flags)


@dataclass(frozen=True)
class Band:
    min: int
    max: int
    title: str
    body: str
    flagged: Flagged | None = None

    def contains(self, score: int) -> bool:
        return self.min <= score <= self.max


@dataclass(frozen=True)
class Subscale:
    id: str
    title: str
    bands: tuple[Band, ...]
    min: int
    max: int


@dataclass(frozen=True)
class Flag:
    id: str
    title: str
    body: str
    # (question, labels that raise the flag on it), in question order
    triggers: tuple[tuple[Question, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Example:
    name: str
    answers: Mapping[str, tuple[str, ...]]
    total: int
    band: str
    subscales: Mapping[str, str]
    flags: tuple[str, ...]
    shows: Mapping[str, str]  # "total" or subscale id -> heading seen, or "hidden"


@dataclass(frozen=True)
class Quiz:
    slug: str
    source: str  # the YAML file, as shown in messages
    title: str
    tab_title: str | None  # None: the site's default (extra.quiz.strings.tab_title)
    description: str
    reviewed: datetime.date
    intro: str | None
    content_note: str | None
    questions: tuple[Question, ...]
    subscales: tuple[Subscale, ...]
    bands: tuple[Band, ...]
    flags: tuple[Flag, ...]
    examples: tuple[Example, ...]
    flagged: Flagged | None = None  # the whole score result, while a flag is raised
    listed: bool = True  # on the Self-checks list
    translation_of: str | None = None  # the slug of the quiz this one translates

    def flag_titles(self, ids) -> str:
        """The titles of these flags, quoted, for the paper key."""
        return ", ".join(f"\u201c{f.title}\u201d" for f in self.flags if f.id in ids)

    @property
    def words(self) -> int:
        """Words a reader reads to answer: question texts, hints and answer labels."""
        texts = [q.text for q in self.questions] + [q.hint or "" for q in self.questions]
        texts += [o.label for q in self.questions for o in q.options]
        return sum(len(t.split()) for t in texts)

    @property
    def minutes(self) -> int:
        """About how long answering takes (quizzes/README.md): reading at 150 words a
        minute plus 5 seconds to choose per question, rounded up to whole minutes."""
        seconds = self.words * 60 / 150 + 5 * len(self.questions)
        return max(1, -(-int(seconds) // 60))

    @property
    def min(self) -> int:
        return sum(q.range[0] for q in self.questions)

    @property
    def max(self) -> int:
        return sum(q.range[1] for q in self.questions)


# Building ----------------------------------------------------------------------------


def resolve_options(question: Mapping[str, Any], scales: Mapping[str, Any]) -> list:
    return question["options"] if "options" in question else scales[question["scale"]]


def build_quiz(data: Mapping[str, Any], *, slug: str, source: str) -> Quiz:
    scales = data.get("scales") or {}
    questions = tuple(
        _question(number, q, scales) for number, q in enumerate(data["questions"], start=1)
    )
    subscales = tuple(_subscale(s, questions) for s in data.get("subscales") or ())
    flags = tuple(
        Flag(
            id=flag_id,
            title=flag["title"],
            body=flag["body"],
            triggers=tuple(
                (q, tuple(o.label for o in q.options if flag_id in o.flags))
                for q in questions
                if any(flag_id in o.flags for o in q.options)
            ),
        )
        for flag_id, flag in (data.get("flags") or {}).items()
    )
    reviewed = data["reviewed"]
    if isinstance(reviewed, str):
        reviewed = datetime.date.fromisoformat(reviewed)
    return Quiz(
        slug=slug,
        source=source,
        title=data["title"].strip(),
        tab_title=(data.get("tab_title") or "").strip() or None,
        description=data["description"].strip(),
        reviewed=reviewed,
        intro=data.get("intro"),
        content_note=data.get("content_note"),
        questions=questions,
        subscales=subscales,
        bands=_bands(data["bands"]),
        flags=flags,
        examples=tuple(_example(n, e) for n, e in enumerate(data["examples"], start=1)),
        flagged=_flagged(data.get("flagged")),
        listed=data.get("listed", True) is not False,
        translation_of=data.get("translation_of"),
    )


def _flagged(raw: Mapping[str, Any] | None) -> Flagged | None:
    if not raw:
        return None
    if raw.get("hide"):
        return Flagged(tuple(raw["flags"]))
    return Flagged(tuple(raw["flags"]), raw["title"].strip(), raw["body"])


def _question(number: int, q: Mapping[str, Any], scales: Mapping[str, Any]) -> Question:
    raw = resolve_options(q, scales)
    points = [o["points"] for o in raw]
    if q.get("reverse"):
        points = mirrored(points)
    flags_by_label: dict[str, list[str]] = {}
    for flag_id, labels in (q.get("flags") or {}).items():
        for label in labels:
            flags_by_label.setdefault(label, []).append(flag_id)
    options = tuple(
        Option(o["label"], p, bool(o.get("exclusive")), tuple(flags_by_label.get(o["label"], ())), o.get("safe") is True)
        for o, p in zip(raw, points)
    )
    return Question(
        id=q["id"],
        number=number,
        text=q["text"].strip(),
        kind=q.get("type", "single"),
        options=options,
        hint=(q.get("hint") or "").strip() or None,
        subscale=q.get("subscale"),
        reverse=bool(q.get("reverse")),
        danger=q.get("danger") is True,
    )


def _bands(raw: Iterable[Mapping[str, Any]]) -> tuple[Band, ...]:
    bands = (Band(b["min"], b["max"], b["title"].strip(), b["body"], _flagged(b.get("flagged"))) for b in raw)
    return tuple(sorted(bands, key=lambda b: b.min))


def _subscale(s: Mapping[str, Any], questions: tuple[Question, ...]) -> Subscale:
    members = [q for q in questions if q.subscale == s["id"]]
    return Subscale(
        id=s["id"],
        title=s["title"].strip(),
        bands=_bands(s["bands"]),
        min=sum(q.range[0] for q in members),
        max=sum(q.range[1] for q in members),
    )


def _example(number: int, e: Mapping[str, Any]) -> Example:
    answers = {qid: (a,) if isinstance(a, str) else tuple(a) for qid, a in e["answers"].items()}
    return Example(
        name=e.get("name") or f"example {number}",
        answers=answers,
        total=e["total"],
        band=e["band"],
        subscales=dict(e.get("subscales") or {}),
        flags=tuple(e["flags"]),
        shows={key: text.strip() for key, text in (e.get("shows") or {}).items()},
    )
