"""The Spanish quizzes (quizzes/es/*.yml) as written, before they are built: the quizzes issue 15
asks for, a tab title on each, and every string a reader sees is one make check reads.

The author rules they share with the English quizzes and the Spanish pages (translation_of,
reading level, tú, no English left, banned wording, the intro's words, links, result links, the
flags' wording) are
make check's, written once for every language (scripts/steadyground/check/, each language's words in
core/words.py) and tested in tests/checkkit/test_every_language.py. That a translation
scores exactly like its source is the quiz engine's job (quizzes/translation.py), run by the build and
`make check`."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml
from markdown_pages import QUIZZES

from steadyground.core.project import Quiz
from steadyground.quizzes import fields

ES_QUIZZES = QUIZZES / "es"
# Issue 15, point 5: at least these three, each naming its English twin.
REQUIRED = {"preparacion": "readiness", "seguridad": "safety-check", "telefono": "phone-check"}
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


RULES = [tab_title_problems]


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
    reader texts checkkit reads (quizzes/fields.py reader_text_paths)."""
    for slug in SLUGS:
        data = spanish_quizzes()[slug].data
        texts = {text for _, text in fields.reader_texts(spanish_quizzes()[slug].data)}
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
]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
def test_the_good_example_passes(rule):
    assert rule(GOOD) == [], rule(GOOD)


@pytest.mark.parametrize("rule,path,value", BAD_EXAMPLES,
                         ids=[f"{r.__name__}-{'.'.join(map(str, p))}-{i}" for i, (r, p, _) in enumerate(BAD_EXAMPLES)])
def test_the_rule_catches_a_bad_example(rule, path, value):
    assert rule(bad(path, value)), f"{rule.__name__} misses {value!r} at {path}"
