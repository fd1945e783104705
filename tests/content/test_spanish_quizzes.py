"""The Spanish quizzes (quizzes/es/*.yml) as written, before they are built: each names its English
twin (translation_of), and what a reader sees of it (title, tab title, description, intro,
questions, hints, answers, results, flags and flagged results) is Spanish, in one register (tú),
free of the myths and blaming phrases of the Spanish pages, easy to read (Fernández-Huerta at
least 70), with an intro that says what the English intro must say, results that link the
Spanish help page and a Spanish article, and flags that point to an advocate and to ayuda.md.

The rules are those of test_spanish.py (pages) and steadyground/quizzes/checks.py (English quizzes), reused,
not copied. That a translation scores exactly like its source is quizkit's job
(steadyground/quizzes/translation.py), run by the build and `make check`."""

from __future__ import annotations

import functools
import posixpath
import re
from pathlib import Path

import pytest
import test_spanish as es  # the Spanish page rules; imported as a module so its tests are not collected twice
import yaml
from markdown_pages import DOCS, QUIZZES, without_link_targets

from steadyground.core.project import Quiz, markdown_link_targets, normalise
from steadyground.quizzes import fields

ES_QUIZZES = QUIZZES / "es"
ES_DOCS = DOCS / "es"
QUIZ_PAGE_DIR = "quizzes"  # a quiz page is es/quizzes/<slug>/: its links are written from there
MIN_FERNANDEZ_HUERTA = 70.0
MAX_INTRO_WORDS = 70
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


def results(data: dict) -> list[tuple[str, dict]]:
    """(where, item) of every result a reader may see: each band, its flagged words, the quiz's
    flagged words and each flag."""
    quiz = Quiz(Path("x.yml"), data)
    found = list(quiz.bands()) + list(quiz.flags())
    found += [(f"{where}.flagged", b["flagged"]) for where, b in quiz.bands() if isinstance(b.get("flagged"), dict)]
    if isinstance(data.get("flagged"), dict):
        found.append(("flagged", data["flagged"]))
    return found


def reader_texts(data: dict) -> list[tuple[str, str]]:
    """(where, text) of every string a reader sees: checkkit's list plus the tab title and the
    flagged results, which that list leaves out."""
    texts = fields.reader_texts(data)
    if isinstance(data.get("tab_title"), str):
        texts.append(("tab_title", data["tab_title"]))
    texts += [(f"{where}.{key}", item[key]) for where, item in results(data)
              if where.endswith("flagged") for key in ("title", "body") if isinstance(item.get(key), str)]
    return texts


def reading_markdown(data: dict) -> str:
    """The reader text as one Markdown page, one paragraph per string, so a label or title that
    has no full stop still ends a sentence, as it does for a reader."""
    return "\n\n".join(text.strip() for _, text in reader_texts(data))


# ---- the rules: each returns the problems it finds, so a bad example can show that it fails ----------

def twin_problems(data: dict) -> list[str]:
    twin = data.get("translation_of")
    if not (isinstance(twin, str) and twin):
        return ["no translation_of: <english-slug>"]
    if not (QUIZZES / f"{twin}.yml").is_file():
        return [f"translation_of {twin!r} names no quizzes/{twin}.yml"]
    return []


def register_problems(data: dict) -> list[str]:
    return [f"{where}: usted/vosotros form '{m.group(0).strip()}'" for where, text in reader_texts(data)
            for m in es.USTED.finditer(without_link_targets(text))]


def english_problems(data: dict) -> list[str]:
    return [f"{where}: English words {found}" for where, text in reader_texts(data)
            if (found := es.english_words(text))]


def banned_problems(data: dict) -> list[str]:
    return [f"{where}: {found}" for where, text in reader_texts(data) for found in es.banned_findings(text)]


def calm_tab_title_problems(data: dict) -> list[str]:
    title = str(data.get("tab_title") or "")
    if not title:
        return ["no tab_title (the browser tab would show the quiz title)"]
    return [f"tab_title {title!r} names the topic"] if es.CALM_BANNED.search(es._plain(title)) else []


INTRO_NEEDS = [
    (r"\bno es un (?:examen ni un )?diagn[oó]stico\b", "say that it is not a diagnosis ('no es un diagnóstico')"),
    (r"\bsolo t[uú] puedes decidir\b", "say 'solo tú puedes decidir' (CONT-1)"),
    (r"\bse quedan en este aparato\b", "say that answers 'se quedan en este aparato' (CONT-1)"),
]


def intro_problems(data: dict) -> list[str]:
    intro = normalise(str(data.get("intro") or ""))
    problems = [f"the intro must {what}" for pattern, what in INTRO_NEEDS if not re.search(pattern, intro, re.I)]
    if SAFE_USE not in markdown_link_targets(intro):
        problems.append(f"the intro must link [usar este sitio con seguridad]({SAFE_USE})")
    if len(intro.split()) > MAX_INTRO_WORDS:
        problems.append(f"the intro has {len(intro.split())} words; keep it to {MAX_INTRO_WORDS}")
    if re.search(r"salir de esta p[aá]gina|may[uú]s|shift", intro, re.I):
        problems.append("the intro names the exit keys; the page adds them (and leaves them off paper)")
    return problems


def _spanish_page(target: str) -> bool:
    """Whether a link written from es/quizzes/<slug>/ names a Spanish page or quiz page."""
    name = posixpath.normpath(posixpath.join(QUIZ_PAGE_DIR, target.split("#", 1)[0]))
    if name.startswith(QUIZ_PAGE_DIR + "/"):
        slug = name.removeprefix(QUIZ_PAGE_DIR + "/").removesuffix(".md")
        return slug == "index" or (ES_QUIZZES / f"{slug}.yml").is_file()
    return not name.startswith("..") and ((ES_DOCS / name).is_file() or f"es/{name}" == es.SPANISH_PLAN_PAGE)


def link_problems(data: dict) -> list[str]:
    return [f"{where}: {target} is not a Spanish page" for where, text in reader_texts(data)
            for target in markdown_link_targets(text)
            if not re.match(r"^[a-z][a-z0-9+.-]*:", target) and not _spanish_page(target)]


def result_link_problems(data: dict) -> list[str]:
    """Every result links the Spanish help page and a Spanish article."""
    problems = []
    for where, item in results(data):
        targets = markdown_link_targets(str(item.get("body") or ""))
        if HELP not in targets:
            problems.append(f"{where}: does not link [Ayuda ahora]({HELP})")
        if not any(t.startswith("../articulos/") for t in targets):
            problems.append(f"{where}: links no Spanish article, such as [Primero, tu seguridad]({SAFETY_ARTICLE})")
    return problems


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


def fernandez_huerta(data: dict) -> float:
    return es.fernandez_huerta(reading_markdown(data))


def word_count(data: dict) -> int:
    return es.word_count(reading_markdown(data))


RULES = [twin_problems, register_problems, english_problems, banned_problems, calm_tab_title_problems,
         intro_problems, link_problems, result_link_problems, flag_problems]


# ---- the files -------------------------------------------------------------------------------------------

def test_the_required_spanish_quizzes_exist_and_name_their_twins():
    twins = {slug: spanish_quizzes()[slug].data.get("translation_of") for slug in SLUGS}
    assert {slug: twins.get(slug) for slug in REQUIRED} == REQUIRED
    named = [t for t in twins.values() if t]
    assert sorted(t for t in named if named.count(t) > 1) == [], "an English quiz translated twice"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.__name__)
@pytest.mark.parametrize("slug", SLUGS)
def test_rule(slug, rule):
    problems = rule(spanish_quizzes()[slug].data)
    assert problems == [], f"quizzes/es/{slug}.yml:\n" + "\n".join(problems)


@pytest.mark.parametrize("slug", SLUGS)
def test_fernandez_huerta_is_70_or_more(slug):
    data = spanish_quizzes()[slug].data
    score = fernandez_huerta(data)
    assert score >= MIN_FERNANDEZ_HUERTA, (
        f"quizzes/es/{slug}.yml: Fernández-Huerta {score:.1f} < {MIN_FERNANDEZ_HUERTA} ({word_count(data)} words)")


def test_every_reader_string_is_measured():
    """Nothing a reader sees is left out of the checks: every string of the file that is not a key,
    an id, a scale name, a link target or test data (examples) is one of the reader texts."""
    for slug in SLUGS:
        data = spanish_quizzes()[slug].data
        texts = {text for _, text in reader_texts(data)}
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
    (twin_problems, ("translation_of",), None),
    (twin_problems, ("translation_of",), "no-such-quiz"),
    (register_problems, ("questions", 0, "text"), "¿Tiene usted un plan?"),
    (register_problems, ("bands", 0, "body"), f"Lea [esto]({SAFETY_ARTICLE}) y [Ayuda ahora]({HELP})."),
    (english_problems, ("questions", 0, "hint"), "Think about this page."),
    (english_problems, ("scales", "yes", 1, "label"), "Yes, and you"),
    (english_problems, ("bands", 0, "flagged", "title"), "Your safety comes first, and the rest"),
    (banned_problems, ("flags", "safety", "body"), "En parte es tu culpa. Pasará."),
    (banned_problems, ("tab_title",), "Eres codependiente"),
    (calm_tab_title_problems, ("tab_title",), "Contacto cero: preguntas"),
    (calm_tab_title_problems, ("tab_title",), "¿Sufres maltrato?"),
    (calm_tab_title_problems, ("tab_title",), None),
    (intro_problems, ("intro",), "Unas preguntas. Tus respuestas se quedan en este aparato."),
    (intro_problems, ("intro",), GOOD["intro"].replace(SAFE_USE, "../privacidad.md")),
    (intro_problems, ("intro",), GOOD["intro"] + " Pulsa Mayús tres veces para salir."),
    (intro_problems, ("intro",), GOOD["intro"] + " Más palabras." * 40),
    (link_problems, ("bands", 0, "body"), f"Lee [esto](../articles/planning-ahead.md) y [Ayuda ahora]({HELP})."),
    (link_problems, ("intro",), GOOD["intro"].replace(SAFE_USE, "../safe-use.md")),
    (result_link_problems, ("bands", 0, "body"), f"Lee [esto]({SAFETY_ARTICLE})."),
    (result_link_problems, ("bands", 0, "flagged", "body"), f"Mira [Ayuda ahora]({HELP})."),
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


def test_fernandez_huerta_can_fail():
    hard = bad(("questions", 0, "text"), "¿Consideraría la reconceptualización interdisciplinaria de sus "
               "responsabilidades administrativas extraordinariamente complicadas e institucionalizadas?")
    hard = yaml.safe_load(yaml.safe_dump(hard, allow_unicode=True))
    for key in ("intro", "description"):
        hard[key] = hard["questions"][0]["text"]
    assert fernandez_huerta(hard) < MIN_FERNANDEZ_HUERTA
    assert fernandez_huerta(GOOD) >= MIN_FERNANDEZ_HUERTA


def test_reader_texts_include_tab_title_and_flagged_results():
    wheres = {where for where, _ in reader_texts(GOOD)}
    assert {"tab_title", "bands[0].flagged.title", "bands[0].flagged.body", "flags.safety.body",
            "scales.yes[1]", "questions.a.hint"} <= wheres
    with_quiz_flagged = bad(("flagged",), {"flags": ["safety"], "title": "Primero", "body": "Lee esto."})
    assert {"flagged.title", "flagged.body"} <= {where for where, _ in reader_texts(with_quiz_flagged)}
