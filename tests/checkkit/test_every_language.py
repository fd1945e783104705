"""The rules written once for every language (each language's words: core/words.py):
each catches its mistake, planted in a copy of the real sources, at the file, line and column
an author needs; and the real project is clean (make check exits 0)."""

from __future__ import annotations

import subprocess

import pytest

from steadyground import check as checkkit
from steadyground.core.project import ROOT, Project

ES_FRONT = "---\ntitle: T\ntab_title: Notas\ndescription: D.\nreviewed: 2026-01-01\ntranslation_of: {twin}\n---\n\n"
EN_FRONT = "---\ntitle: T\ntab_title: Notes\ndescription: D.\nreviewed: 2026-01-01\n---\n\n"
HARD_ES = ("La interdisciplinariedad epistemológica contemporánea problematiza sistemáticamente las "
           "conceptualizaciones institucionalizadas correspondientes. ") * 5


def _found(project: Project, rule: str) -> list[str]:
    return [str(p) for p in checkkit.run(Project(project.root), names=[rule])]


def _write(project: Project, name: str, text: str) -> None:
    path = project.root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _replace(project: Project, name: str, old: str, new: str, count: int = 1) -> int:
    """Replace `old` in a file; the line where it was."""
    path = project.root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_make_check_is_clean_on_the_real_project():
    run = subprocess.run(["make", "-s", "check"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout == "", run.stdout


# ---- one planted mistake, one exact line -------------------------------------------------------------

# (rule, file to write, its text, the problem as make check prints it)
PLANTED = [
    ("reading-level", "docs/es/x.md", ES_FRONT.format(twin="about.md") + "# T\n\n" + HARD_ES,
     "docs/es/x.md:8:1: reads at Fernández-Huerta"),
    ("article-length", "docs/es/articulos/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nEs corto.\n",
     "docs/es/articulos/x.md:8:1: the article has 3 words; articles have 700 to 1500 (not counting Referencias): "
     "add to it or merge it into another article (article-length)"),
    ("front-matter", "docs/es/x.md", ES_FRONT.format(twin="about.md").replace("reviewed:", "revisado: 2026-01-01\nreviewed:")
     + "# T\n", "docs/es/x.md:5:1: unknown front matter key 'revisado'"),
    ("front-matter", "docs/es/x.md", ES_FRONT.format(twin="about.md").replace("D.", "D" * 161) + "# T\n",
     "docs/es/x.md:4:1: the description is 161 characters; keep it to 160 (front-matter)"),
    ("headings", "docs/es/x.md", ES_FRONT.format(twin="about.md") + "# T\n\n### Hondo\n",
     "docs/es/x.md:11:1: heading 'Hondo' is level 3 right after level 1; do not skip levels (use ##) (headings)"),
    ("references-section", "docs/es/articulos/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nTexto.\n",
     "docs/es/articulos/x.md:8:1: the article has no '## Referencias' section with a list"),
    ("citation-in-references", "docs/es/articulos/x.md",
     ES_FRONT.format(twin="about.md") + "# T\n\nUna idea (Smith, 2020).\n\n## Referencias\n\n- stark-2007\n",
     "docs/es/articulos/x.md:11:1: (Smith, 2020): no item of the References list starts with 'Smith' with year (2020); "
     "add the source to ## Referencias or fix the citation (citation-in-references)"),
    ("reference-is-cited", "docs/es/articulos/x.md",
     ES_FRONT.format(twin="about.md") + "# T\n\nTexto.\n\n## Referencias\n\n- stark-2007\n",
     "docs/es/articulos/x.md:15:1: the reference 'Stark, E. (2007)."),
    ("translation-names-its-twin", "docs/es/x.md", EN_FRONT + "# T\n",
     "docs/es/x.md:1:1: the front matter has no translation_of: name the English page"),
    ("translation-of", "docs/es/x.md", ES_FRONT.format(twin="articles/nope.md") + "# T\n",
     "docs/es/x.md:6:17: translation_of names docs/articles/nope.md, which is no English page;"),
    ("translation-of", "docs/es/zz.md", ES_FRONT.format(twin="about.md") + "# T\n",
     "docs/es/zz.md:6:1: translation_of: about.md is already translated by docs/es/acerca.md; "
     "translate each English page once (translation-of)"),
    ("leaving-needs-safety-plan", "docs/es/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nPiensas en el contacto cero.\n",
     "docs/es/x.md:11:1: the page talks about leaving ('contacto cero'), so it needs safety planning nearby: "
     "no link to the help page (es/ayuda.md)"),
    ("safety-snippet-in-articles-only", "docs/es/x.md",
     ES_FRONT.format(twin="about.md") + '# T\n\n--8<-- "es/safety-callout.md"\n',
     'docs/es/x.md:11:1: --8<-- "es/safety-callout.md" works only in docs/es/articulos/'),
    ("callout-says-months", "docs/es/x.md",
     ES_FRONT.format(twin="about.md") + '# T\n\n!!! safety "Cuidado"\n    El riesgo puede subir al alejarte.\n',
     "docs/es/x.md:11:1: this safety callout does not say that harm can still happen months or years later "
     "('meses'; Wilson & Daly 1993) (callout-says-months)"),
    ("banned-wording:your-fault", "docs/es/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nEn parte es tu culpa.\n",
     "docs/es/x.md:11:1: 'es tu culpa': blames the reader (banned-wording:your-fault)"),
    ("banned-wording:firmer-than-trials", "includes/es/x.md",
     "Planear con una persona de apoyo puede hacer que alejarte sea más seguro.\n",
     "includes/es/x.md:1:1: 'hacer que alejarte sea más segur': more than the trials found"),
    ("diagnosis-status", "docs/es/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nUn vínculo traumático no es un "
     "diagnóstico.\n", "docs/es/x.md:11:1: 'Un vínculo traumático no es un diagnóstico.' states the diagnosis status "
     "as certain"),
    ("say-what-the-study-found", "docs/es/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nDutton y Painter vieron "
     "que el trato era impredecible (Dutton & Painter, 1993).\n",
     "docs/es/x.md:11:1: 'impredecible' near (Dutton & Painter, 1993): Dutton & Painter 1993 measured intermittency"),
    ("one-register", "docs/es/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nLo necesitas. Llame al 112.\n",
     "docs/es/x.md:11:15: 'Llame' speaks to the reader as usted or vosotros; the site says tú throughout "
     "(llama, lee, puedes) (one-register)"),
    ("one-register", "includes/es/x.md", "Texto.\nSi usted quiere, lee [esto](../uso-seguro.md).\n",
     "includes/es/x.md:2:4: 'usted' speaks to the reader"),
    ("untranslated-words", "docs/es/x.md",
     ES_FRONT.format(twin="about.md") + "# T\n\nLee [Ayuda ahora](../help.md) (Dutton & Painter, 1993).\n"
     "Get help now.\n", "docs/es/x.md:12:5: 'help' is an English word left in a Spanish text; translate it "
     "(untranslated-words)"),
    ("names-the-abuse", "docs/es/articulos/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nUna relación difícil.\n",
     "docs/es/articulos/x.md:8:1: the article never names abuse, control or violence"),
    ("names-the-abuse", "docs/articles/x.md", EN_FRONT + "# T\n\nA hard time.\n",
     "docs/articles/x.md:7:1: the article never names abuse, control or violence"),
    ("article-has-safety-callout", "docs/es/articulos/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nTexto.\n",
     'docs/es/articulos/x.md:8:1: the article lacks the line --8<-- "es/safety-callout.md", a link to es/ayuda.md, '
     "a link to es/uso-seguro.md, a link to es/articulos/planificar-con-calma.md"),
    ("link-target", "docs/es/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nMira [ayuda](../help.md).\n",
     "docs/es/x.md:11:6: the link '../help.md' leaves the Spanish site for docs/help.md; link the page of docs/es/ "
     "(link-target)"),
    ("link-target", "docs/es/x.md", ES_FRONT.format(twin="about.md") + "# T\n\nMira [esto](nada.md).\n",
     "docs/es/x.md:11:6: the link 'nada.md' points to docs/es/nada.md, which does not exist (link-target)"),
    ("discreet-history", "docs/es/x.md", ES_FRONT.format(twin="about.md").replace("Notas", "Cuando dejas") + "# T\n",
     "docs/es/x.md:3:1: the browser tab and history will show 'Cuando dejas', which names the topic ('dejas')"),
    ("article-has-safety-callout", "docs/articles/x.md", EN_FRONT + "# T\n\nText.\n",
     'docs/articles/x.md:7:1: the article lacks the line --8<-- "safety-callout.md", a link to help.md'),
]


@pytest.mark.parametrize("rule,name,text,expected", PLANTED, ids=[f"{c[0]}-{i}" for i, c in enumerate(PLANTED)])
def test_a_planted_mistake_is_named_at_its_line(project, rule, name, text, expected):
    _write(project, name, text)
    found = [line for line in _found(project, rule.split(":")[0]) if line.startswith(name + ":")]
    assert any(line.startswith(expected) for line in found), found


def test_a_good_spanish_page_passes_the_page_rules(project):
    _write(project, "docs/es/x.md", ES_FRONT.format(twin="articles/nope.md").replace("articles/nope.md", "index.md")
           + "# Hola\n\nEs un día bueno. Llama si lo necesitas.\n")
    rules = ["reading-level", "front-matter", "headings", "one-register", "untranslated-words", "banned-wording",
             "leaving-needs-safety-plan"]
    found = [p for p in checkkit.run(Project(project.root), names=rules) if p.path == "docs/es/x.md"]
    assert found == []


# ---- translations and their English twins ----------------------------------------------------------

def test_a_translation_that_drops_or_adds_a_source_is_named(project):
    article = "docs/es/articulos/lazos-fuertes.md"
    line = _replace(project, article, "- carnes-1997\n", "- sullivan-bybee-1999\n")
    found = _found(project, "same-references-as-twin")
    heading = (project.root / article).read_text(encoding="utf-8").splitlines().index("## Referencias") + 1
    assert f"{article}:{heading}:1: the English twin docs/articles/strong-attachment.md cites carnes-1997, this page " \
           "does not; add it under ## Referencias (same-references-as-twin)" in found, found
    assert any(f.startswith(f"{article}:{line}:1: sullivan-bybee-1999 is not cited by the English twin") for f in found), found


# ---- Spanish quizzes ---------------------------------------------------------------------------------

def test_a_spanish_quiz_intro_without_its_words_is_named_at_the_yml_line(project):
    quiz = "quizzes/es/preparacion.yml"
    _replace(project, quiz, "Solo tú puedes decidir", "Tú verás")
    found = _found(project, "intro-wording")
    assert f"{quiz}:11:8: the intro must say 'solo tú puedes decidir' (CONT-1) (intro-wording)" in found, found


def test_a_spanish_quiz_link_to_an_english_page_is_named_at_its_line_and_column(project):
    quiz = "quizzes/es/preparacion.yml"
    _replace(project, quiz, "(../uso-seguro.md)", "(../safe-use.md)")
    assert _found(project, "quiz-link-target") == [
        f"{quiz}:16:34: intro: the link '../safe-use.md' points to docs/es/safe-use.md, which does not exist "
        "(quiz-link-target)"]


def test_a_spanish_result_without_the_help_link_is_named(project):
    quiz = "quizzes/es/preparacion.yml"
    _replace(project, quiz, "[Ayuda ahora](../ayuda.md)", "Ayuda ahora")
    found = [f for f in _found(project, "result-links") if f.startswith(quiz)]
    assert found and all("the result does not link the help page (../ayuda.md)" in f for f in found), found


def test_spanish_quiz_strings_are_read_for_register_english_and_banned_words(project):
    quiz = "quizzes/es/preparacion.yml"
    _replace(project, quiz, "Esto es para pensar en privado.", "Usted puede pensar the cosas. Eres codependiente.")
    assert any(f.startswith(f"{quiz}:11:8: intro: 'Usted'") for f in _found(project, "one-register"))
    assert any(f.startswith(f"{quiz}:11:8: intro: 'the'") for f in _found(project, "untranslated-words"))
    assert any(f.startswith(f"{quiz}:11:8: intro: 'codependiente'") for f in _found(project, "banned-wording"))


# ---- references.yml ------------------------------------------------------------------------------------

def test_an_evidence_field_that_names_no_checked_entry_is_named_at_its_line(project):
    line = _replace(project, "references.yml", "evidence: evidence.md §", "evidence: my notes §")
    found = _found(project, "reference-evidence")
    assert len(found) == 1 and found[0].startswith(f"references.yml:{line}:1: ") and \
        "evidence: 'my notes §" in found[0], found


def test_a_spanish_quiz_without_its_twin_or_hard_to_read_is_named(project):
    quiz = "quizzes/es/preparacion.yml"
    line = _replace(project, quiz, "translation_of: readiness", "translation_of: nope")
    assert _found(project, "translation-of") == [
        f"{quiz}:{line}:1: translation_of: nope names no English quiz (quizzes/nope.yml) (translation-of)"]
    hard = "La reconceptualización interdisciplinaria institucionalizada problematiza sistemáticamente."
    path = project.root / quiz
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  Esto es para pensar en privado.", "  " + " ".join([hard] * 60), 1), encoding="utf-8")
    found = _found(project, "reading-level")
    assert len(found) == 1 and found[0].startswith(f"{quiz}:1:1: what a reader sees of the quiz reads at "
                                                   "Fernández-Huerta"), found


def test_an_entry_that_says_nowhere_where_it_was_published_is_named(project):
    path = project.root / "references.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nzz-new:\n  authors:\n  - Nobody, A.\n  year: 2020\n  title: A study\n"
                    "  status: V\n  evidence: evidence.md §1.1\n", encoding="utf-8")
    line = text.count("\n") + 2
    assert f"references.yml:{line}:1: zz-new: says nowhere where the work was published; add doi:, url:, venue: " \
           "or publisher: (or unchecked: saying what is not checked) (reference-evidence)" in _found(project, "reference-evidence")


def test_an_unchecked_detail_printed_as_certain_is_named_in_every_language(project):
    _replace(project, "references.yml", "    es: páginas sin comprobar\n  doi: 10.1089/cyber.2012.0125",
             "    es: páginas 521-531\n  doi: 10.1089/cyber.2012.0125")
    found = [f for f in _found(project, "unchecked-reference-detail")]
    article = "docs/es/articulos/impulsos-y-tropiezos.md"
    line = (project.root / article).read_text(encoding="utf-8").splitlines().index("- marshall-2012") + 1
    assert f"{article}:{line}:1: Marshall (2012): pages unchecked (evidence.md §3.5); remove it or mark it " \
           "'not confirmed' (unchecked-reference-detail)" in found, found
    assert not any(f.startswith("docs/articles/") for f in found), found


@pytest.mark.parametrize("quiz,old,new,expected", [
    ("quizzes/es/seguridad.yml", "Si estás en peligro ahora, llama al número de emergencias de tu país.", "Cuídate.",
     "flags.danger: the flag must say 'Si estás en peligro ahora, llama al número de emergencias ...'"),
    ("quizzes/safety-check.yml", "If you are in danger now, call your local emergency number.", "Take care.",
     "flags.danger: the flag must say 'If you are in danger now, call ...'"),
])
def test_a_danger_flag_that_does_not_say_what_to_do_now_is_named_in_every_language(project, quiz, old, new, expected):
    _replace(project, quiz, old, new)
    text = (project.root / quiz).read_text(encoding="utf-8")
    line = text[: text.index("  danger:\n    title:")].count("\n") + 3
    assert _found(project, "safety-flag-wording") == [f"{quiz}:{line}:11: {expected} (safety-flag-wording)"]


def test_a_spanish_flag_without_an_advocate_or_the_help_page_is_named(project):
    quiz = "quizzes/es/seguridad.yml"
    path = project.root / quiz
    text = path.read_text(encoding="utf-8")
    start = text.index("  danger:\n    title:")
    end = text.index("  device:\n    title:")
    flag = text[start:end].replace("persona de apoyo", "amiga").replace("personas de apoyo", "amigas")
    path.write_text(text[:start] + flag.replace("(../ayuda.md)", "(../uso-seguro.md)") + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 3
    found = _found(project, "safety-flag-wording")
    assert found == [f"{quiz}:{line}:11: flags.danger: the flag must link the help page (../ayuda.md) (safety-flag-wording)",
                     f"{quiz}:{line}:11: flags.danger: the flag must point to an advocate ('persona de apoyo') "
                     "(safety-flag-wording)"], found
