"""Rules: every check a quiz must pass, one generator per rule.

Owns the meaning-level checks that run on the loaded data (yamllint style: each rule
yields `Problem`s located through the position index, never raises, never prints). The
rules work on partly broken data: each one skips what it cannot understand, because the
structural rule has already reported it. Rule names (the text in brackets at the end of
every message) are listed in RULE_NAMES and documented in quizzes/README.md.

Examples are scored only once every other rule passes (`example_results`), because a
total or band cannot be trusted while the quiz itself has problems.
"""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from functools import cached_property
from typing import Any, Callable, Iterator

from pymdownx.snippets import SnippetPreprocessor

from steadyground.core.problems import Problem
from steadyground.core.yaml_loader import DataPath, Loaded
from steadyground.quizzes.fields import ID_PATTERN, OBJECTS, check_structure, misspelt_keys, slugify
from steadyground.quizzes.model import Quiz, answer_range, mirrored
from steadyground.quizzes.scoring import HIDDEN, score, shown
from steadyground.safety.allowlist import check_fragment

RULE_NAMES = (
    "syntax", "duplicate-key", "unknown-key", "missing-key", "type", "empty-value", "id-format",
    "duplicate-id", "duplicate-label", "duplicate-title", "too-few-options", "scale-or-options",
    "unknown-scale", "unused-scale", "unknown-subscale", "unused-subscale", "reverse-multiple",
    "exclusive-option", "none-option", "unknown-flag", "unknown-label", "unused-flag",
    "band-range", "band-gap", "band-overlap", "band-bounds", "unknown-question",
    "example-answers", "unknown-band", "example-total", "example-band", "example-subscale",
    "example-flags", "unsafe-html", "plain-text", "markdown-heading", "invisible-character",
    "flagged-result", "example-shows", "danger-question",
)

# The answer a danger question must offer, as each language of the site writes it.
DECLINE_LABELS = ("Prefer not to say", "Prefiero no decirlo")

MARKDOWN_KEYS = ("intro", "body")


class Context:
    """The loaded file plus lenient views of it that every rule shares."""

    def __init__(self, loaded: Loaded, slug: str) -> None:
        self.loaded = loaded
        self.slug = slug
        self.data: dict = loaded.data if isinstance(loaded.data, dict) else {}

    def problem(self, path: DataPath, message: str, rule: str, *, at_key: bool = False) -> Problem:
        pos = self.loaded.positions
        place = pos.key_of(path) if at_key else pos.of(path)
        return Problem(self.loaded.path, place.line, place.col, message, rule)

    # Lenient views: only the parts that are well-formed enough to reason about.

    @cached_property
    def questions(self) -> list[tuple[DataPath, dict]]:
        items = self.data.get("questions")
        if not isinstance(items, list):
            return []
        return [(("questions", i), q) for i, q in enumerate(items) if isinstance(q, dict)]

    @cached_property
    def scales(self) -> dict[str, list]:
        scales = self.data.get("scales")
        if not isinstance(scales, dict):
            return {}
        return {name: opts for name, opts in scales.items() if isinstance(opts, list)}

    @cached_property
    def subscales(self) -> list[tuple[DataPath, dict]]:
        items = self.data.get("subscales")
        if not isinstance(items, list):
            return []
        return [(("subscales", i), s) for i, s in enumerate(items) if isinstance(s, dict)]

    @cached_property
    def subscale_ids(self) -> list[str]:
        return [s["id"] for _, s in self.subscales if isinstance(s.get("id"), str)]

    @cached_property
    def flag_ids(self) -> list[str]:
        flags = self.data.get("flags")
        return list(flags) if isinstance(flags, dict) else []

    @cached_property
    def question_ids(self) -> list[str]:
        return [q["id"] for _, q in self.questions if isinstance(q.get("id"), str)]

    @cached_property
    def strings(self) -> list[tuple[DataPath, str]]:
        """Every text value in the file, with its path."""
        return list(_strings(self.data, ()))

    @cached_property
    def unsafe(self) -> dict[DataPath, list]:
        found = {path: _unsafe(path, text) for path, text in self.strings}
        return {path: matches for path, matches in found.items() if matches}

    def kind(self, question: dict) -> str | None:
        kind = question.get("type", "single")
        return kind if kind in ("single", "multiple") else None

    def answer_set(self, path: DataPath, question: dict) -> tuple[DataPath, list[dict]] | None:
        """The question's options (its own, or its scale's) and where they are written."""
        has_scale, has_options = "scale" in question, "options" in question
        if has_options and not has_scale and isinstance(question["options"], list):
            found: tuple[DataPath, Any] = (path + ("options",), question["options"])
        elif has_scale and not has_options and question["scale"] in self.scales:
            found = (("scales", question["scale"]), self.scales[question["scale"]])
        else:
            return None
        options = [o for o in found[1] if isinstance(o, dict)]
        return (found[0], options) if len(options) >= 2 else None

    def labels(self, options: list[dict]) -> list[str] | None:
        """The answer labels, or None while some label is not text (already reported)."""
        labels = [o.get("label") for o in options]
        return labels if all(isinstance(label, str) for label in labels) else None

    def scored(self, path: DataPath, question: dict) -> tuple[int, int] | None:
        """The question's (min, max), or None while its answers have problems."""
        kind, found = self.kind(question), self.answer_set(path, question)
        if kind is None or found is None or len(found[1]) < 2:
            return None
        pairs = []
        for option in found[1]:
            points, exclusive = option.get("points"), option.get("exclusive", False)
            if not _whole(points) or not isinstance(exclusive, bool):
                return None
            pairs.append((points, exclusive))
        return answer_range(kind, pairs)


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _name(path: DataPath, question: dict) -> str:
    ident = question.get("id")
    return f'question "{ident}"' if isinstance(ident, str) else f"question {path[-1] + 1}"


def _hint(word: str, choices: list[str], *, listing: bool = True) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f'; did you mean "{close[0]}"?'
    if listing and choices and len(choices) <= 8:
        return " (choose from: " + ", ".join(f'"{c}"' for c in choices) + ")"
    return ""


def _quoted(items: list[str]) -> str:
    quoted = [f'"{i}"' for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


# Rules -------------------------------------------------------------------------------


def structure(ctx: Context) -> Iterator[Problem]:
    """unknown-key, missing-key, type, empty-value, id-format, too-few-options."""
    if ctx.loaded.data is None:
        return
    for path, message, rule, at_key in check_structure(ctx.loaded.data, ctx.loaded.positions):
        yield ctx.problem(path, message, rule, at_key=at_key)


def file_name(ctx: Context) -> Iterator[Problem]:
    if ctx.loaded.path.endswith(".yaml"):
        yield Problem(ctx.loaded.path, 1, 1, f'quiz files end in ".yml"; rename it to "{ctx.slug}.yml"', "id-format")
    if not re.fullmatch(ID_PATTERN, ctx.slug):
        yield Problem(
            ctx.loaded.path, 1, 1,
            f'the file name "{ctx.slug}" becomes the page address; use lower-case letters, digits '
            f'and single hyphens, like "{slugify(ctx.slug)}.yml"',
            "id-format",
        )


def unique_ids(ctx: Context) -> Iterator[Problem]:
    """duplicate-id, duplicate-label, duplicate-title."""
    for what, items in (("question", ctx.questions), ("subscale", ctx.subscales)):
        seen: dict[str, int] = {}
        for path, item in items:
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            if ident in seen:
                yield ctx.problem(path + ("id",), f'{what} id "{ident}" is already used on line {seen[ident]}', "duplicate-id")
            else:
                seen[ident] = ctx.loaded.positions.of(path + ("id",)).line
    option_lists = [(("scales", name), opts) for name, opts in ctx.scales.items()]
    option_lists += [(p + ("options",), q["options"]) for p, q in ctx.questions if isinstance(q.get("options"), list)]
    for path, options in option_lists:
        yield from _unique_text(ctx, path, options, "label", "duplicate-label", "answer")
    band_lists = [(("bands",), ctx.data.get("bands"))]
    band_lists += [(p + ("bands",), s.get("bands")) for p, s in ctx.subscales]
    for path, bands in band_lists:
        if isinstance(bands, list):
            yield from _unique_text(ctx, path, bands, "title", "duplicate-title", "band title")


def _unique_text(ctx: Context, path: DataPath, items: list, key: str, rule: str, what: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get(key), str):
            continue
        text = item[key].strip()
        where = path + (index, key)
        if text in seen:
            yield ctx.problem(where, f'the {what} "{text}" is already used on line {seen[text]}; each must be different', rule)
        else:
            seen[text] = ctx.loaded.positions.of(where).line


def answer_sets(ctx: Context) -> Iterator[Problem]:
    """scale-or-options, unknown-scale, unused-scale."""
    used: set[str] = set()
    for path, q in ctx.questions:
        has_scale, has_options = "scale" in q, "options" in q
        if has_scale and has_options:
            yield ctx.problem(path + ("scale",), f'{_name(path, q)} has both "scale" and "options"; keep one', "scale-or-options", at_key=True)
        elif not has_scale and not has_options and not {"scale", "options"} & misspelt_keys(q, OBJECTS["question"]):
            # (a misspelt "scael:" is reported once, as an unknown key)
            yield ctx.problem(path, f'{_name(path, q)} has no answers; add "scale: <name>" or its own "options:"', "scale-or-options")
        scale = q.get("scale")
        if isinstance(scale, str):
            used.add(scale)
            declared = ctx.data.get("scales")
            if scale not in (declared if isinstance(declared, dict) else {}) and not isinstance(declared, list):
                known = list(ctx.scales)
                hint = _hint(scale, known) if known else '; there is no "scales:" section'
                yield ctx.problem(path + ("scale",), f'unknown scale "{scale}"{hint}', "unknown-scale")
    for name in ctx.scales:
        if name not in used:
            yield ctx.problem(("scales", name), f'scale "{name}" is not used by any question; remove it or use it', "unused-scale", at_key=True)


def subscale_refs(ctx: Context) -> Iterator[Problem]:
    """unknown-subscale, unused-subscale."""
    used: set[str] = set()
    for path, q in ctx.questions:
        sub = q.get("subscale")
        if isinstance(sub, str):
            used.add(sub)
            if sub not in ctx.subscale_ids:
                hint = _hint(sub, ctx.subscale_ids) if ctx.subscale_ids else '; there is no "subscales:" section'
                yield ctx.problem(path + ("subscale",), f'unknown subscale "{sub}"{hint}', "unknown-subscale")
    for path, s in ctx.subscales:
        ident = s.get("id")
        if isinstance(ident, str) and ident not in used:
            yield ctx.problem(path + ("id",), f'no question has "subscale: {ident}"; remove the subscale or use it', "unused-subscale")


def reverse_keying(ctx: Context) -> Iterator[Problem]:
    for path, q in ctx.questions:
        if q.get("reverse") is True and ctx.kind(q) == "multiple":
            yield ctx.problem(
                path + ("reverse",),
                "reverse only works on single-choice questions; on a multiple-choice question give each option the points it should score",
                "reverse-multiple", at_key=True,
            )


def exclusive_options(ctx: Context) -> Iterator[Problem]:
    """exclusive-option (wrong question type, not last, all exclusive) and none-option."""
    for path, q in ctx.questions:
        kind, found = ctx.kind(q), ctx.answer_set(path, q)
        if kind is None or found is None:
            continue
        options_path, options = found
        own = "options" in q
        flagged = [i for i, o in enumerate(options) if o.get("exclusive") is True]
        if kind == "single":
            for i in flagged if own else flagged[:1]:
                where = options_path + (i, "exclusive") if own else path + ("scale",)
                text = "" if own else f'scale "{q["scale"]}" has an exclusive option, but '
                yield ctx.problem(where, f"{text}exclusive only applies to multiple-choice questions (type: multiple)", "exclusive-option", at_key=own)
            continue
        where = (lambda i: options_path + (i, "exclusive")) if own else (lambda i: path + ("scale",))
        if options and len(flagged) == len(options):
            yield ctx.problem(options_path if own else path + ("scale",), f"every option of {_name(path, q)} is exclusive; make it a single-choice question instead", "exclusive-option")
        elif not flagged:
            yield ctx.problem(
                path,
                f'{_name(path, q)} is multiple-choice but has no exclusive option; add a last option such as '
                '{label: "None of these", points: 0, exclusive: true} so every reader can answer it',
                "none-option",
            )
        elif flagged != list(range(len(options) - len(flagged), len(options))):
            yield ctx.problem(where(flagged[0]), 'put exclusive options last; they are shown after an "or" divider', "exclusive-option", at_key=own)


def flag_refs(ctx: Context) -> Iterator[Problem]:
    """unknown-flag, unknown-label (in a question's flags), unused-flag."""
    raised: set[str] = set()
    for path, q in ctx.questions:
        flags = q.get("flags")
        if not isinstance(flags, dict):
            continue
        found = ctx.answer_set(path, q)
        labels = ctx.labels(found[1]) if found else None
        for flag_id, chosen in flags.items():
            raised.add(flag_id)
            if flag_id not in ctx.flag_ids:
                hint = _hint(flag_id, ctx.flag_ids) if ctx.flag_ids else '; declare it under "flags:" with a title and body'
                yield ctx.problem(path + ("flags", flag_id), f'unknown flag "{flag_id}"{hint}', "unknown-flag", at_key=True)
            if labels is None or not isinstance(chosen, list):
                continue
            for i, label in enumerate(chosen):
                if isinstance(label, str) and label not in labels:
                    yield ctx.problem(
                        path + ("flags", flag_id, i),
                        f'{_name(path, q)} has no answer "{label}"{_hint(label, labels)}', "unknown-label",
                    )
    for flag_id in ctx.flag_ids:
        if flag_id not in raised:
            yield ctx.problem(("flags", flag_id), f'flag "{flag_id}" is never raised; add "flags: {{{flag_id}: [...]}}" to a question or remove it', "unused-flag", at_key=True)


def flagged_results(ctx: Context) -> Iterator[Problem]:
    """flagged-result (other words or hide, not both, not neither), unknown-flag in `flags`."""
    places: list[tuple[DataPath, Any]] = [(("flagged",), ctx.data.get("flagged"))]
    band_lists = [(("bands",), ctx.data.get("bands"))] + [(p + ("bands",), s.get("bands")) for p, s in ctx.subscales]
    for path, bands in band_lists:
        if isinstance(bands, list):
            places += [(path + (i, "flagged"), b.get("flagged")) for i, b in enumerate(bands) if isinstance(b, dict)]
    for path, flagged in places:
        if not isinstance(flagged, dict):
            continue  # absent, or reported by the structural rule
        flags = flagged.get("flags")
        for i, flag in enumerate(flags if isinstance(flags, list) else []):
            if isinstance(flag, str) and flag not in ctx.flag_ids:
                hint = _hint(flag, ctx.flag_ids) if ctx.flag_ids else '; declare it under "flags:" with a title and body'
                yield ctx.problem(path + ("flags", i), f'unknown flag "{flag}"{hint}', "unknown-flag")
        words = [key for key in ("title", "body") if key in flagged]
        if flagged.get("hide") is True and words:
            yield ctx.problem(path + ("hide",), f'a flagged result either hides (hide: true) or gives other words; remove "hide" or {_quoted(words)}', "flagged-result", at_key=True)
        elif flagged.get("hide") is not True and len(words) < 2:
            missing = _quoted([key for key in ("title", "body") if key not in flagged])
            yield ctx.problem(path, f'this flagged result needs {missing} (the words shown instead), or "hide: true" to show nothing', "flagged-result", at_key=True)


def danger_questions(ctx: Context) -> Iterator[Problem]:
    """danger-question: a question marked `danger: true` is flag-only (0 points, no subscale),
    offers "Prefer not to say", marks one answer `safe: true`, and every other answer raises a
    flag that replaces the result, so no band can reassure a reader who did not say the safe
    answer (BRIEF, safety.md CONT-*)."""
    for path, q in ctx.questions:
        if q.get("danger") is not True:
            continue
        found = ctx.answer_set(path, q)
        if found is None:
            continue
        options_path, options = found
        own, name = "options" in q, _name(path, q)
        scored = [(i, o) for i, o in enumerate(options) if _whole(o.get("points")) and o["points"] != 0]
        for i, option in scored if own else scored[:1]:
            where = options_path + (i, "points") if own else path + ("scale",)
            yield ctx.problem(where, f'{name} is a danger question, so every answer scores 0 (flag-only: no total may '
                              f'act as a risk score); "{option.get("label")}" scores {option["points"]}', "danger-question")
        if "subscale" in q:
            yield ctx.problem(path + ("subscale",), f'{name} is a danger question, so it counts in no subscale (its answers '
                              'only raise flags); remove "subscale"', "danger-question", at_key=True)
        labels = ctx.labels(options)
        if labels is None:
            continue
        if not any(label.strip() in DECLINE_LABELS for label in labels):
            yield ctx.problem(path, f'{name} is a danger question, so it must offer the answer "{DECLINE_LABELS[0]}" '
                              f'(in Spanish "{DECLINE_LABELS[1]}")', "danger-question", at_key=True)
        safe = [i for i, o in enumerate(options) if o.get("safe") is True]
        if len(safe) != 1:
            where = options_path + (safe[1], "safe") if len(safe) > 1 and own else (path + ("scale",) if not own else options_path)
            yield ctx.problem(where, f'{name} is a danger question: mark exactly one answer, the safe one (such as "No"), '
                              f'with "safe: true" (found {len(safe)})', "danger-question", at_key=len(safe) > 1 and own)
            continue
        flags = q.get("flags") if isinstance(q.get("flags"), dict) else {}
        raising = {label for chosen in flags.values() if isinstance(chosen, list) for label in chosen if isinstance(label, str)}
        silent = [label for i, label in enumerate(labels) if i != safe[0] and label not in raising]
        if silent:
            yield ctx.problem(path + ("flags",) if flags else path,
                              f'{name} is a danger question, so every answer but the safe one ("{labels[safe[0]]}") must raise a '
                              f'flag; {_quoted(silent)} raise{"s" if len(silent) == 1 else ""} none (not sure, or prefer not to say, is not safe)',
                              "danger-question", at_key=bool(flags))
        for flag_id, chosen in flags.items():
            if flag_id in ctx.flag_ids and isinstance(chosen, list) and not _replaces_result(ctx, flag_id):
                yield ctx.problem(path + ("flags", flag_id), f'the flag "{flag_id}" of danger {name} does not change the result, '
                                  'so a reassuring band could show beside it; add it to the "flagged:" of the whole result '
                                  '(or to the "flagged:" of every band, themes too)', "danger-question", at_key=True)


def _replaces_result(ctx: Context, flag_id: str) -> bool:
    """True when a raised flag changes the whole score result, or every band of it."""
    def names(flagged: Any) -> bool:
        return isinstance(flagged, dict) and isinstance(flagged.get("flags"), list) and flag_id in flagged["flags"]

    if names(ctx.data.get("flagged")):
        return True
    band_lists = [ctx.data.get("bands")] + [s.get("bands") for _, s in ctx.subscales]
    bands = [b for bl in band_lists if isinstance(bl, list) for b in bl if isinstance(b, dict)]
    return bool(bands) and all(names(b.get("flagged")) for b in bands)


def band_coverage(ctx: Context) -> Iterator[Problem]:
    """band-range, band-gap, band-overlap, band-bounds, for the total and each subscale.
    Gaps and overlaps between bands are found even while some question has a problem of its
    own; only the lowest and highest possible scores need every question to be readable."""
    ranges = {id(q): ctx.scored(path, q) for path, q in ctx.questions}

    def span(questions) -> tuple[int, int] | None:
        chosen = [ranges[id(q)] for q in questions]
        if not chosen or any(r is None for r in chosen):
            return None  # the questions have problems of their own; the range would be wrong
        return sum(r[0] for r in chosen), sum(r[1] for r in chosen)
    all_questions = [q for _, q in ctx.questions]
    yield from _bands(ctx, ("bands",), ctx.data.get("bands"), span(all_questions), "total")
    for path, s in ctx.subscales:
        members = [q for q in all_questions if q.get("subscale") == s.get("id")]
        if members and isinstance(s.get("id"), str):
            yield from _bands(ctx, path + ("bands",), s.get("bands"), span(members), f'score for subscale "{s["id"]}"')


def _bands(ctx: Context, path: DataPath, bands: Any, span: tuple[int, int] | None, what: str) -> Iterator[Problem]:
    if not isinstance(bands, list) or not bands:
        return
    low, high = span if span else (None, None)
    valid = []
    for i, band in enumerate(bands):
        if not isinstance(band, dict) or not _whole(band.get("min")) or not _whole(band.get("max")):
            return  # reported by the structural rule
        title = band.get("title") if isinstance(band.get("title"), str) else f"band {i + 1}"
        if band["min"] > band["max"]:
            yield ctx.problem(path + (i, "min"), f'band "{title}" starts at {band["min"]} but ends at {band["max"]}; min must not be above max', "band-range")
        else:
            valid.append((band["min"], band["max"], title, path + (i,)))
    if not valid:
        return
    valid.sort(key=lambda b: (b[0], b[1]))
    first, reach = valid[0], valid[0][1]
    if low is None:
        pass
    elif first[0] > low:
        yield ctx.problem(first[3] + ("min",), f'the lowest possible {what} is {low}, but the first band starts at {first[0]}; {_span(low, first[0] - 1)} no band', "band-bounds")
    elif first[0] < low:
        yield ctx.problem(first[3] + ("min",), f'band "{first[2]}" starts at {first[0]}, below the lowest possible {what} ({low}); start it at {low}', "band-bounds")
    previous = first
    for band in valid[1:]:
        if band[0] > reach + 1:
            yield ctx.problem(band[3] + ("min",), f'{_span(reach + 1, band[0] - 1)} no band: "{previous[2]}" ends at {reach} and "{band[2]}" starts at {band[0]}', "band-gap")
        elif band[0] <= reach:
            yield ctx.problem(band[3] + ("min",), f'bands "{previous[2]}" and "{band[2]}" overlap: {_span(band[0], min(reach, band[1]), verb="is")} in both', "band-overlap")
        if band[1] > reach:
            reach, previous = band[1], band
    if high is None:
        pass
    elif reach < high:
        yield ctx.problem(previous[3] + ("max",), f'the highest possible {what} is {high}, but the last band ends at {reach}; {_span(reach + 1, high)} no band', "band-bounds")
    elif reach > high:
        yield ctx.problem(previous[3] + ("max",), f'band "{previous[2]}" ends at {reach}, above the highest possible {what} ({high}); end it at {high}', "band-bounds")


def _span(start: int, end: int, verb: str = "has") -> str:
    if start == end:
        return f"{start} {verb}"
    return f"{start} to {end} {'have' if verb == 'has' else 'are'}"


def example_answers(ctx: Context) -> Iterator[Problem]:
    """unknown-question, example-answers, unknown-label, unknown-band, unknown-subscale, unknown-flag."""
    examples = ctx.data.get("examples")
    if not isinstance(examples, list):
        return
    questions = {q["id"]: (p, q) for p, q in ctx.questions if isinstance(q.get("id"), str)}
    for index, example in enumerate(examples):
        if not isinstance(example, dict):
            continue
        path = ("examples", index)
        name = _example_name(index, example)
        answers = example.get("answers")
        if isinstance(answers, dict):
            for qid, answer in answers.items():
                if qid not in questions:
                    yield ctx.problem(path + ("answers", qid), f'{name} answers "{qid}", which is not a question id{_hint(qid, list(questions))}', "unknown-question", at_key=True)
                else:
                    yield from _example_answer(ctx, path + ("answers", qid), name, *questions[qid], answer)
            missing = [qid for qid in questions if qid not in answers]
            if missing:
                yield ctx.problem(path + ("answers",), f"{name} has no answer for {_quoted(missing)}; every question needs one", "example-answers", at_key=True)
        yield from _example_expectations(ctx, path, name, example)


def example_totals(ctx: Context) -> Iterator[Problem]:
    """example-total, found even while other parts of the file have problems: the total needs
    only the answered questions' points, so a wrong total is reported in the same run."""
    examples = ctx.data.get("examples")
    if not isinstance(examples, list) or not ctx.questions:
        return
    for index, example in enumerate(examples):
        if not isinstance(example, dict) or not _whole(example.get("total")):
            continue
        total = _lenient_total(ctx, example.get("answers"))
        if total is not None and total != example["total"]:
            name = _example_name(index, example)
            yield ctx.problem(("examples", index, "total"), f"{name} expects a total of {example['total']}, but its answers add up to {total}", "example-total")


def _lenient_total(ctx: Context, answers: Any) -> int | None:
    """The sum of the chosen answers' points, or None when any part cannot be read yet."""
    if not isinstance(answers, dict):
        return None
    total = 0
    for path, q in ctx.questions:
        answer, found = answers.get(q.get("id")), ctx.answer_set(path, q)
        if found is None or not isinstance(q.get("id"), str):
            return None
        chosen = [answer] if isinstance(answer, str) else answer if isinstance(answer, list) else None
        if not chosen:
            return None
        values = [o.get("points") for o in found[1]]
        if q.get("reverse", False) not in (True, False) or not all(_whole(v) for v in values):
            return None
        if q.get("reverse"):
            values = mirrored(values)
        points = {o.get("label"): v for o, v in zip(found[1], values)}
        for label in chosen:
            if label not in points or not _whole(points[label]):
                return None
            total += points[label]
    return total


def _example_answer(ctx: Context, path: DataPath, name: str, qpath: DataPath, q: dict, answer: Any) -> Iterator[Problem]:
    kind, found = ctx.kind(q), ctx.answer_set(qpath, q)
    if kind is None or found is None:
        return
    if kind == "single" and isinstance(answer, list):
        yield ctx.problem(path, f'{_name(qpath, q)} takes one answer; write one label, not a list', "example-answers")
        return
    if kind == "multiple" and isinstance(answer, str):
        yield ctx.problem(path, f'{_name(qpath, q)} is multiple-choice; write a list of labels, like ["{answer}"]', "example-answers")
        return
    chosen = [answer] if isinstance(answer, str) else answer if isinstance(answer, list) else []
    labels = ctx.labels(found[1])
    if labels is None:
        return
    exclusive = {o.get("label") for o in found[1] if o.get("exclusive") is True}
    for i, label in enumerate(chosen):
        where = path + (i,) if isinstance(answer, list) else path
        if not isinstance(label, str):
            continue
        if label not in labels:
            yield ctx.problem(where, f'{_name(qpath, q)} has no answer "{label}"{_hint(label, labels)}', "unknown-label")
        elif chosen.index(label) != i:
            yield ctx.problem(where, f'"{label}" is chosen twice', "example-answers")
        elif label in exclusive and len(chosen) > 1:
            yield ctx.problem(where, f'"{label}" is exclusive, so it cannot be chosen with other answers', "example-answers")


def _example_expectations(ctx: Context, path: DataPath, name: str, example: dict) -> Iterator[Problem]:
    band = example.get("band")
    titles = _titles(ctx.data.get("bands"))
    if isinstance(band, str) and titles is not None and band.strip() not in titles:
        yield ctx.problem(path + ("band",), f'{name} expects band "{band}", which is not a band title{_hint(band, titles)}', "unknown-band")
    subscales = example.get("subscales")
    bands_of = {s["id"]: _titles(s.get("bands")) for _, s in ctx.subscales if isinstance(s.get("id"), str)}
    if isinstance(subscales, dict):
        for sub, title in subscales.items():
            if sub not in bands_of:
                yield ctx.problem(path + ("subscales", sub), f'unknown subscale "{sub}"{_hint(sub, list(bands_of))}', "unknown-subscale", at_key=True)
            elif isinstance(title, str) and bands_of[sub] is not None and title.strip() not in bands_of[sub]:
                yield ctx.problem(path + ("subscales", sub), f'{name} expects band "{title}" for subscale "{sub}", which is not one of its band titles{_hint(title, bands_of[sub])}', "unknown-band")
    shows = example.get("shows")
    if isinstance(shows, dict):
        for key in shows:
            if key != "total" and key not in bands_of:
                yield ctx.problem(path + ("shows", key), f'"{key}" in shows is neither "total" nor a subscale id{_hint(key, ["total", *bands_of])}', "unknown-subscale", at_key=True)
    flags = example.get("flags")
    if isinstance(flags, list):
        for i, flag in enumerate(flags):
            if isinstance(flag, str) and flag not in ctx.flag_ids:
                hint = _hint(flag, ctx.flag_ids) if ctx.flag_ids else " (this quiz has no flags)"
                yield ctx.problem(path + ("flags", i), f'unknown flag "{flag}"{hint}', "unknown-flag")


def _titles(bands: Any) -> list[str] | None:
    if not isinstance(bands, list):
        return None
    return [b["title"].strip() for b in bands if isinstance(b, dict) and isinstance(b.get("title"), str)]


def _example_name(index: int, example: dict) -> str:
    name = example.get("name")
    return f'example "{name.strip()}"' if isinstance(name, str) and name.strip() else f"example {index + 1}"


# Raw HTML ----------------------------------------------------------------------------

_TAG = re.compile(r"<\s*/?\s*([a-z][a-z0-9-]*)(?=[\s/>])[^>]*>", re.I)
_SUSPECT = re.compile(r"[<&{:\\]|-8<-")  # text without these renders to plain paragraphs only
# Bidi overrides and other invisible format characters (Unicode category Cf) make text
# show differently from what it says (U+202E turns "esuba" into "abuse").
_INVISIBLE = re.compile(r"[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")


def _strings(value: Any, path: DataPath) -> Iterator[tuple[DataPath, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def _unsafe(path: DataPath, text: str) -> list[tuple[tuple[str, ...], str]]:
    """(where to point, message) for each thing outside the site's allowlist.

    Markdown fields are rendered as the page renders them, and every text value is read
    as HTML, then held to the allowlist the gate applies to the built site."""
    markdown = bool(path) and path[-1] in MARKDOWN_KEYS
    # Plain-text fields are escaped on the page; only a tag in them needs a look.
    if not (_SUSPECT.search(text) if markdown else "<" in text):
        return []
    found = []
    if markdown:
        if any(SnippetPreprocessor.RE_ALL_SNIPPETS.match(line) for line in text.splitlines()):
            found.append((("--8<--", "-8<-"), "snippets (--8<--) are not available in quizzes; write the text out"))
        rendered = _render_markdown(text)
    else:
        rendered = text
    for finding in check_fragment(rendered):
        found.append((finding.needles, f"{finding.message} (safety.md SEC-3)"))
    return list(dict.fromkeys(found))


def _render_markdown(text: str) -> str:
    """The field as the site renders it (the same Markdown extensions as mkdocs.yml)."""
    global _MARKDOWN
    if _MARKDOWN is None:
        import markdown  # only when some text needs it: most quizzes never pay for the import

        _MARKDOWN = markdown.Markdown(extensions=_MARKDOWN_EXTENSIONS)
    return _MARKDOWN.reset().convert(text)


_MARKDOWN = None
_MARKDOWN_EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables",
                        "pymdownx.details", "pymdownx.superfences"]


def unsafe_html(ctx: Context) -> Iterator[Problem]:
    for path, found in ctx.unsafe.items():
        for needles, message in found:
            yield _inside(ctx, path, needles, message, "unsafe-html")


def invisible_character(ctx: Context) -> Iterator[Problem]:
    for path, text in ctx.strings:
        for match in _INVISIBLE.finditer(text):
            char = match.group(0)
            yield _inside(ctx, path, (char,), f"an invisible character U+{ord(char):04X} "
                          f"({unicodedata.name(char, 'format character')}) is not allowed: it can make text "
                          "show differently from what it says; delete it", "invisible-character")


def plain_text(ctx: Context) -> Iterator[Problem]:
    for path, text in ctx.strings:
        if path and path[-1] in MARKDOWN_KEYS or path in ctx.unsafe or "<" not in text:
            continue
        match = _TAG.search(text)
        if match:
            key = next((p for p in reversed(path) if isinstance(p, str)), "text")
            yield _inside(ctx, path, (match.group(0),), f'"{key}" is plain text, so "{match.group(0)}" would show as written; remove the HTML (Markdown and HTML work only in "intro" and "body")', "plain-text")


_HEADING = re.compile(r"^ {0,3}(#{1,6}[ \t]|#{1,6}$|=+[ \t]*$)", re.M)


def markdown_heading(ctx: Context) -> Iterator[Problem]:
    """Bodies sit under the quiz's own headings; their headings would break the outline."""
    for path, text in ctx.strings:
        if path and path[-1] == "body":
            match = _HEADING.search(text)
            if match:
                yield _inside(ctx, path, (match.group(0),), 'headings are not allowed in "body" (the results have their own); use **bold** text', "markdown-heading")


def _inside(ctx: Context, path: DataPath, needles: tuple[str, ...], message: str, rule: str) -> Problem:
    """Point at the first needle found in the source text of the value (as written, or
    once character references are decoded), else at the value itself."""
    place = ctx.loaded.positions.of(path)
    node, source = place.node, ctx.loaded.source
    if node is not None:
        raw = source[node.start_mark.index:node.end_mark.index]
        for needle in needles:
            index = _find(raw, needle)
            if index is not None:
                offset = node.start_mark.index + index
                line = source.count("\n", 0, offset) + 1
                col = offset - (source.rfind("\n", 0, offset) + 1) + 1
                return Problem(ctx.loaded.path, line, col, message, rule)
    return Problem(ctx.loaded.path, place.line, place.col, message, rule)


def _find(raw: str, needle: str) -> int | None:
    if not needle:
        return None
    index = raw.lower().find(needle.lower())
    if index >= 0:
        return index
    for line_start, line in _lines_with_offsets(raw):
        if "&" in line and needle.lower() in html.unescape(line).lower():
            return line_start + (line.find("&") if needle.lower() not in line.lower() else 0)
    return None


def _lines_with_offsets(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line
        offset += len(line)


RULES: tuple[Callable[[Context], Iterator[Problem]], ...] = (
    structure, file_name, unique_ids, answer_sets, subscale_refs, reverse_keying,
    exclusive_options, flag_refs, flagged_results, danger_questions, band_coverage, example_answers, unsafe_html,
    plain_text, markdown_heading, invisible_character,
)


def check(loaded: Loaded, slug: str) -> list[Problem]:
    """Every problem of one loaded file (syntax problems stop the other rules)."""
    problems = list(loaded.problems)
    if any(p.rule == "syntax" for p in problems):
        return sorted(problems)
    ctx = Context(loaded, slug)
    for rule in RULES:
        problems.extend(rule(ctx))
    if problems:
        # The examples are replayed through the scorer only once the file is clean (stage two);
        # until then a wrong total is still found here, so one run shows every mistake.
        problems.extend(example_totals(ctx))
    return sorted(set(problems))


# Stage two: the examples, through the reference scorer -------------------------------


def example_results(quiz: Quiz, loaded: Loaded) -> Iterator[Problem]:
    """example-total, example-band, example-subscale, example-flags, example-shows."""
    ctx = Context(loaded, quiz.slug)
    for index, example in enumerate(quiz.examples):
        path = ("examples", index)
        name = _example_name(index, ctx.data["examples"][index])
        result = score(quiz, example.answers)
        if result.total != example.total:
            yield ctx.problem(path + ("total",), f"{name} expects a total of {example.total}, but its answers add up to {result.total}", "example-total")
        if result.band.title != example.band.strip():
            yield ctx.problem(path + ("band",), f'{name} expects band "{example.band.strip()}", but a total of {result.total} is in band "{result.band.title}"', "example-band")
        for sub, expected in example.subscales.items():
            got = result.subscales[sub]
            if got.band.title != expected.strip():
                yield ctx.problem(path + ("subscales", sub), f'{name} expects band "{expected.strip()}" for subscale "{sub}", but its score of {got.score} is in band "{got.band.title}"', "example-subscale")
        if sorted(result.flags) != sorted(example.flags):
            yield ctx.problem(path + ("flags",), f"{name} expects flags {shown_flags(example.flags)}, but its answers raise {shown_flags(result.flags)}", "example-flags")
        seen = shown(quiz, result)
        for key, expected in example.shows.items():
            if seen[key] != expected:
                what = "the total" if key == "total" else f'subscale "{key}"'
                def said(text):
                    return "nothing (hidden)" if text == HIDDEN else f'"{text}"'
                yield ctx.problem(path + ("shows", key), f"{name} expects {what} to show {said(expected)}, but with flags {shown_flags(result.flags)} it shows {said(seen[key])}", "example-shows")


def shown_flags(flags) -> str:
    return "[" + ", ".join(flags) + "]"
