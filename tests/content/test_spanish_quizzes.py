"""The Spanish quizzes (quizzes/es/*.yml) as written, before they are built: the quizzes issue 15
asks for, a tab title on each, and flags that point to an advocate and to ayuda.md and say what
to do in danger now.

The author rules they share with the English quizzes and the Spanish pages (translation_of,
reading level, tú, no English left, banned wording, the intro's words, links, result links) are
make check's, written once for every language (scripts/checkkit/, each language's words in
checkkit/languages.py) and tested in tests/checkkit/test_every_language.py. That a translation
scores exactly like its source is quizkit's job (quizkit/translation.py), run by the build and
`make check`."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml

from checkkit.sources import Quiz, markdown_link_targets, normalise
from markdown_pages import QUIZZES

ES_QUIZZES = QUIZZES / "es"
# Issue 15, point 5: at least these three, each naming its English twin.
REQUIRED = {"preparacion": "readiness", "seguridad": "safety-check", "telefono": "phone-check"}
# Flags about danger to the reader: their bodies say what to do in danger now. A crisis flag
# (thoughts of self-harm) points to crisis lines rather than to an advocate and safety planning.
DANGER_FLAGS = {"danger", "safety", "crisis"}
CRISIS_FLAGS = {"crisis"}
HELP = "../ayuda.md"
SAFETY_ARTICLE = "../articulos/planificar-con-calma.md"
SAFE_USE = "../uso-seguro.md"


def spanish_quiz(path: Path) -> Quiz:
    return Quiz(path, yaml.safe_load(path.read_text(encoding="utf-8")), display=f"quizzes/es/{path.name}")


@functools.cache
def spanish_quizzes() -> dict[str, Quiz]:
    return {p.stem: spanish_quiz(p) for p in sorted(ES_QUIZZES.glob("*.yml"))}


SLUGS = sorted(spanish_quizzes())


# ---- the rules: each returns the problems it finds, so a bad example can show that it fails ----------

def tab_title_problems(data: dict) -> list[str]:
    """A tab title of its own (make check's discreet-history rule checks that it is calm)."""
    return [] if str(data.get("tab_title") or "").strip() else ["no tab_title (the browser tab would show the quiz title)"]


def flag_problems(data: dict) -> list[str]:
    """A raised flag points to ayuda.md and to an advocate ('persona de apoyo'; a crisis flag to a
    crisis line instead); a danger flag says what to do in danger now, as ayuda.md words it, and
    (but for a crisis flag) links the safety article."""
    problems = []
    for flag_id, flag in (data.get("flags") or {}).items():
        body = normalise(str(flag.get("body") or ""))
        if HELP not in markdown_link_targets(body):
            problems.append(f"flags.{flag_id}: does not link [Ayuda ahora]({HELP})")
        if flag_id in CRISIS_FLAGS:
            if not re.search(r"l[ií]nea de crisis|\(tel:988\)", body, re.I):
                problems.append(f"flags.{flag_id}: names no crisis line")
        elif not re.search(r"persona de apoyo", body, re.I):
            problems.append(f"flags.{flag_id}: does not point to an advocate ('persona de apoyo')")
        if flag_id in DANGER_FLAGS:
            if flag_id not in CRISIS_FLAGS and SAFETY_ARTICLE not in markdown_link_targets(body):
                problems.append(f"flags.{flag_id}: does not link [Primero, tu seguridad]({SAFETY_ARTICLE})")
            if not re.search(r"Si est[aá]s en peligro ahora, llama al n[uú]mero de emergencias", body):
                problems.append(f"flags.{flag_id}: does not say 'Si estás en peligro ahora, llama al número de emergencias'")
    return problems


RULES = [tab_title_problems, flag_problems]


# ---- the files -------------------------------------------------------------------------------------------

def test_the_required_spanish_quizzes_exist_and_name_their_twins():
    twins = {slug: spanish_quizzes()[slug].data.get("translation_of") for slug in SLUGS}
    assert {slug: twins.get(slug) for slug in REQUIRED} == REQUIRED


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
@pytest.mark.parametrize("slug", SLUGS)
def test_rule(slug, rule):
    problems = rule(spanish_quizzes()[slug].data)
    assert problems == [], f"quizzes/es/{slug}.yml:\n" + "\n".join(problems)


def test_every_reader_string_is_checked():
    """Nothing a reader sees is left out of make check's wording rules: every string of the file
    that is not a key, an id, a scale name, a link target or test data (examples) is one of the
    reader texts checkkit reads (Quiz.reader_text_paths)."""
    for slug in SLUGS:
        data = spanish_quizzes()[slug].data
        texts = {text for _, text in spanish_quizzes()[slug].reader_texts()}
        skipped = {"translation_of", "reviewed", "examples", "scale", "id", "type", "subscale"}

        def strings(value, key=None):
            if key in skipped:
                return
            if isinstance(value, str):
                yield value
            elif isinstance(value, dict):
                for k, v in value.items():
                    if not (key in ("flags",) and isinstance(v, list)):  # flag triggers repeat labels
                        yield from strings(v, k)
            elif isinstance(value, list):
                for v in value:
                    yield from strings(v, key)
        missed = [s for s in strings(data) if s not in texts and not re.fullmatch(r"[a-z0-9-]+", s)]
        assert missed == [], f"quizzes/es/{slug}.yml: not checked: {missed}"


# ---- each rule can fail: a bad example for each -------------------------------------------------------------

GOOD = {
    "translation_of": "readiness",
    "title": "¿Es un buen momento?",
    "tab_title": "Preguntas para pensar",
    "description": "Unas preguntas para pensar.",
    "intro": ("Es para pensar. No es un diagnóstico. Solo tú puedes decidir qué quieren decir tus "
              "respuestas. Tus respuestas se quedan en este aparato. Lee cómo "
              f"[usar este sitio con seguridad]({SAFE_USE})."),
    "scales": {"yes": [{"label": "No", "points": 0}, {"label": "Sí", "points": 1}]},
    "questions": [{"id": "a", "text": "¿Tienes un plan?", "hint": "Piensa en hoy.", "scale": "yes"}],
    "bands": [{"min": 0, "max": 1, "title": "Un paso", "body": f"Lee [esto]({SAFETY_ARTICLE}) y [Ayuda ahora]({HELP}).",
               "flagged": {"flags": ["safety"], "title": "Tu seguridad",
                           "body": f"Lee [esto]({SAFETY_ARTICLE}) y mira [Ayuda ahora]({HELP})."}}],
    "flags": {"safety": {"title": "Tu seguridad va primero", "body": (
        f"Habla con una persona de apoyo. Lee [esto]({SAFETY_ARTICLE}) y mira [Ayuda ahora]({HELP}). "
        "Si estás en peligro ahora, llama al número de emergencias de tu país.")}},
}


def bad(path: tuple, value) -> dict:
    """GOOD with the value at `path` replaced (None removes the key)."""
    data = yaml.safe_load(yaml.safe_dump(GOOD, allow_unicode=True))
    *parents, last = path
    target = functools.reduce(lambda d, k: d[k], parents, data)
    if value is None:
        del target[last]
    else:
        target[last] = value
    return data


BAD_EXAMPLES = [
    (tab_title_problems, ("tab_title",), None),
    (flag_problems, ("flags", "safety", "body"), "Habla con una persona de apoyo. Si estás en peligro ahora, llama al número de emergencias."),
    (flag_problems, ("flags", "safety", "body"), f"Lee [esto]({SAFETY_ARTICLE}) y mira [Ayuda ahora]({HELP})."),
    (flag_problems, ("flags", "safety", "body"), f"Habla con una persona de apoyo. Mira [Ayuda ahora]({HELP})."),
    (flag_problems, ("flags", "crisis"), {"title": "Apoyo", "body": (
        f"Habla con alguien. Mira [Ayuda ahora]({HELP}). Si estás en peligro ahora, llama al número de emergencias.")}),
    (flag_problems, ("flags", "crisis"), {"title": "Apoyo", "body": (
        f"Llama al [988](tel:988) o busca una línea de crisis en [Ayuda ahora]({HELP}).")}),
]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_the_good_example_passes(rule):
    assert rule(GOOD) == [], rule(GOOD)


@pytest.mark.parametrize("rule,path,value", BAD_EXAMPLES,
                         ids=[f"{r.__name__}-{'.'.join(map(str, p))}-{i}" for i, (r, p, _) in enumerate(BAD_EXAMPLES)])
def test_the_rule_catches_a_bad_example(rule, path, value):
    assert rule(bad(path, value)), f"{rule.__name__} misses {value!r} at {path}"
