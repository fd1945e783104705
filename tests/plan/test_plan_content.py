"""The plan's words (issue 25, brief): plain (English grade 8 or lower, Spanish
Fernández-Huerta 70 or more, tú), calm titles, the advocate and "not therapy" wording the
trials support, the limits said on the page, and every citation backed by references.yml."""

from __future__ import annotations

import re

import pytest
import textstat
import yaml

from harness.config import REPO
from steadyground import plans as plankit
from steadyground.core import readability
from steadyground.plans import render

ENGLISH, SPANISH = REPO / "plans/plan.yml", REPO / "plans/es/plan.yml"
TELLING = re.compile(r"\b(abuse|abuser|abusive|trauma|violence|danger|escape|leav\w*|safety|abuso|maltrato|violencia"
                     r"|peligro|escapar|huir|seguridad)\b", re.I)


def _plan(path):
    docs = REPO / ("docs/es" if "/es/" in path.as_posix() else "docs")
    plan, problems = plankit.check_file(path, page_exists=lambda name: (docs / name).is_file())
    assert problems == []
    return plan


def _reader_text(plan) -> str:
    return render.plain_markdown(plan) + "\n\n" + "\n\n".join(plan.words.values())


def test_english_reads_at_grade_8_or_lower():
    grade = readability.grade(_reader_text(_plan(ENGLISH)))
    assert grade <= 8.0, f"Flesch-Kincaid grade {grade:.1f}"


def test_spanish_reads_at_fernandez_huerta_70_or_more():
    text = readability.article_body(_reader_text(_plan(SPANISH)).split("## Referencias")[0])
    textstat.set_lang("es")
    try:
        score = float(textstat.fernandez_huerta(text))
    finally:
        textstat.set_lang("en_US")
    assert score >= 70.0, f"Fernández-Huerta {score:.1f}"


def test_spanish_says_tu_not_usted():
    text = _reader_text(_plan(SPANISH)).lower()
    assert not re.search(r"\busted(es)?\b|\bsu plan\b|\bpuede usted\b", text)
    assert "tú" in text and "tu " in text


@pytest.mark.parametrize("path", [ENGLISH, SPANISH], ids=["en", "es"])
def test_titles_that_history_and_paper_show_are_calm(path):
    plan = _plan(path)
    for title in (plan.title, plan.tab_title, plan.print_title):
        assert not TELLING.search(title), title


@pytest.mark.parametrize("path, words", [
    (ENGLISH, ["not therapy", "no plan can promise", "trained advocate", "uncertain", "did\nnot lower abuse overall",
               "saved or sent", "cleared when you leave", "browser's history", "printer", "saved pdf", "spying app"]),
    (SPANISH, ["no es terapia", "ningún plan puede prometer", "no eran\nclaras", "no redujo la violencia",
               "se guarda ni se envía", "se borra cuando sales", "historial", "impresora", "pdf guardado", "app espía"]),
], ids=["en", "es"])
def test_the_page_says_what_it_is_not_and_what_it_cannot_hide(path, words):
    plan = _plan(path)
    text = (plan.intro + "\n" + plan.cannot_hide).lower()
    missing = [w for w in words if w.replace("\n", " ") not in text.replace("\n", " ")]
    assert not missing


@pytest.mark.parametrize("path", [ENGLISH, SPANISH], ids=["en", "es"])
def test_the_print_warning_offers_copying_by_hand_or_a_trusted_person(path):
    words = _plan(path).words
    for key in ("print_warning", "print_check"):
        text = words[key].lower()
        assert ("by hand" in text or "a mano" in text) and ("trust" in text or "confianza" in text)
        assert "pdf" in text


@pytest.mark.parametrize("path", [ENGLISH, SPANISH], ids=["en", "es"])
def test_every_cited_fact_has_its_reference_and_every_reference_is_known(path):
    plan = _plan(path)
    bibliography = yaml.safe_load((REPO / "references.yml").read_text(encoding="utf-8"))
    assert set(plan.references) <= set(bibliography)
    cited = re.findall(r"\(([A-Z][a-z]+)(?: et al\.)?, (\d{4})\)", plan.intro)
    assert {(name.lower(), year) for name, year in cited} == {
        (key.split("-")[0], re.search(r"\d{4}", key).group(0)) for key in plan.references}
    # Each reference is one the evidence files back, not "NOT VERIFIED".
    assert all(bibliography[key]["status"] in ("V", "V-partial") for key in plan.references)


def test_the_sections_the_brief_names_are_there_in_order():
    ids = [section.id for section in _plan(ENGLISH).sections]
    assert ids == ["signs", "places", "people", "things", "family", "devices", "travel"]
