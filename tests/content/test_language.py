"""Self-tests of the wording rules (scripts/steadyground/pages/wording.py, whose docstring says
what they read and what they skip on purpose); the rules run on the sources in
tests/checkkit/test_site_rules.py, as `make check` runs them."""

from __future__ import annotations

import pytest
from markdown_pages import myth_marker_problems

from steadyground.core.words import LANGUAGES
from steadyground.pages.wording import compiled, findings, markdown_findings

EVERY_BANNED = [(code, b) for code, language in LANGUAGES.items() for b in language.banned]


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_banned_ids_are_unique(code):
    ids = [b.id for b in LANGUAGES[code].banned]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


# ---- self-tests: the checker must be able to fail ----------------------------------------------

@pytest.mark.parametrize("code,banned", EVERY_BANNED, ids=[f"{c}-{b.id}" for c, b in EVERY_BANNED])
def test_every_banned_pattern_fires_on_its_example(code, banned):
    patterns = compiled(list(LANGUAGES[code].banned))
    assert banned.id in [bid for bid, _ in findings(banned.example, patterns)], f"{banned.id} misses {banned.example!r}"


ALLOWED = [
    "It is not your fault.",
    "Many people leave and return more than once before they leave for good.",
    '"Trauma bond" is not a medical diagnosis.',
    "Stockholm syndrome is not a diagnosis either.",
    "You are allowed to have limits.",
    "Leaving can be the most dangerous time.",
    "Press the Shift key three times in a row.",
    "You could let them know how they can help.",
    "Unwanted contact is the other person's choice.",
    "Why you chose distance.",
    "Grey rock has not been studied, and it could make some people more angry.",
]


@pytest.mark.parametrize("sentence", ALLOWED)
def test_careful_wording_is_not_flagged(sentence):
    assert findings(sentence) == []


ALLOWED_ES = [
    "No es tu culpa.", "No eres débil.", "Tener contacto fue unido a que el amor bajara más despacio.",
    "Puede parecer inofensivo, porque crees que no se enterará. Pero no siempre es así.",
    "Suele ser más alto poco después, pero el daño puede llegar meses o años más tarde.",
    "Un vínculo traumático no es un diagnóstico.",
    "La investigación no muestra un patrón único. No hay un ciclo fijo.",
    "Una orden de protección puede ayudar, pero no garantiza tu seguridad.",
    "Eso no te convierte en una persona adicta.", "Esto es un impulso. Puedo esperar.",
    "Usa un aparato más seguro si puedes.",
]


@pytest.mark.parametrize("sentence", ALLOWED_ES)
def test_careful_spanish_wording_is_not_flagged(sentence):
    assert findings(sentence, compiled(list(LANGUAGES["es"].banned))) == []


def test_myth_passages_are_skipped_but_nothing_else():
    bad = "People say narcissists\nalways **hoover**."
    assert markdown_findings(f"Intro.\n\n<!-- myth -->\n\n{bad}\n\n<!-- /myth -->\n\nRebuttal.\n") == []
    found = markdown_findings(f"Intro.\n\n{bad}\n\n<!-- myth -->\n\nSafe.\n\n<!-- /myth -->\n")
    assert [f.split(" [")[1].split("]")[0] for f in found] == ["hoovering", "narcissist-label"]
    assert found[0].startswith("line 3:")
    # An unclosed marker hides nothing, and the marker check reports it.
    assert markdown_findings(f"<!-- myth -->\n\n{bad}\n") != []
    assert myth_marker_problems(f"<!-- myth -->\n\n{bad}\n") != []
    assert markdown_findings("## References\n\n- Davis (2012). Why doesn't he just leave me alone?\n") == []
    assert markdown_findings("[Why don't you just leave](x.md)\n") != []
    assert markdown_findings("[a link](why-dont-you-just-leave.md)\n") == []
