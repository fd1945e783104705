"""Each rule of scripts/steadyground/check/ catches a bad example, on a small made-up project, with the
file and line an author needs; and the command line prints one line per problem, exit 1."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from steadyground import check as checkkit
from steadyground.core.project import ROOT, Project

GOOD_FRONT = "---\ntitle: T\ntab_title: Notes\ndescription: D.\nreviewed: 2026-01-01\n---\n\n"


def _write(project: Project, name: str, text: str) -> None:
    path = project.root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _found(project: Project, rule: str) -> list[str]:
    return [str(p) for p in checkkit.run(Project(project.root), names=[rule])]


def test_the_copy_is_clean(project):
    assert checkkit.run(project) == []


CASES = [
    ("front-matter", "docs/articles/x.md", "---\ntitle: T\ncontent-note: x\n---\n# T\n",
     "docs/articles/x.md:3:1: unknown front matter key 'content-note'"),
    ("headings", "docs/articles/x.md", GOOD_FRONT + "# T\n\n#### Deep\n", "docs/articles/x.md:10:1: heading 'Deep' is level 4"),
    ("article-length", "docs/articles/x.md", GOOD_FRONT + "# T\n\nShort.\n", "the article has"),
    ("reading-level", "docs/about.md", GOOD_FRONT + "# T\n\n" + "Notwithstanding institutional considerations, "
     "organisational responsibilities necessitate comprehensive documentation procedures. " * 5, "reads at school grade"),
    ("link-target", "docs/articles/x.md", GOOD_FRONT + "# T\n\nSee [help](help.md).\n",
     "docs/articles/x.md:10:5: the link 'help.md' points to docs/articles/help.md, which does not exist"),
    ("article-links-a-quiz", "docs/articles/x.md", GOOD_FRONT + "# T\n", "links to no self-check"),
    ("banned-wording", "docs/articles/x.md", GOOD_FRONT + "# T\n\nHe is a narcissist.\n",
     "docs/articles/x.md:10:1: 'narcissist'"),
    ("myth-markers", "docs/articles/x.md", GOOD_FRONT + "# T\n\n<!-- myth -->\n\nText.\n", "never closed"),
    ("careful-wording", "docs/articles/x.md", GOOD_FRONT + "# T\n\nThe danger soon passes.\n", "docs/articles/x.md:10:1"),
    ("leaving-needs-safety-plan", "docs/articles/x.md", GOOD_FRONT + "# T\n\nGoing no contact is hard.\n",
     "docs/articles/x.md:10:1: the page talks about leaving ('no contact')"),
    ("references-section", "docs/articles/x.md", GOOD_FRONT + "# T\n\nText.\n", "no '## References' section"),
    ("citation-in-references", "docs/articles/x.md", GOOD_FRONT + "# T\n\nA claim (Smith, 2020).\n\n## References\n\n- stark-2007\n",
     "docs/articles/x.md:10:1: (Smith, 2020): no item of the References list starts with 'Smith'"),
    ("reference-is-cited", "docs/articles/x.md", GOOD_FRONT + "# T\n\nText.\n\n## References\n\n- stark-2007\n",
     "docs/articles/x.md:14:1: the reference 'Stark, E. (2007)."),
    ("bibliography", "docs/articles/x.md", GOOD_FRONT + "# T\n\nText (Stark, 2007).\n\n## References\n\n- stark-207\n",
     "docs/articles/x.md:14:3: unknown reference key 'stark-207'"),
    ("quiz-marker", "docs/articles/x.md", GOOD_FRONT + "# T\n\n<!-- Quiz: readiness -->\n", "docs/articles/x.md:10:1: this quiz marker must be written in lower case"),
    ("quiz-marker", "docs/articles/x.md", GOOD_FRONT + "# T\n\n    <!-- quiz: readiness -->\n", "is indented"),
    ("quiz-marker", "docs/articles/x.md", GOOD_FRONT + "# T\n\nTry <!-- quiz: readiness --> now.\n", "shares its line"),
    ("quiz-marker", "docs/articles/x.md", GOOD_FRONT + "# T\n\n{{ quiz: readiness }}\n", "uses other brackets"),
    ("quiz-marker", "docs/articles/x.md", GOOD_FRONT + "# T\n\n<!-- quiz: readiness open -->\n", 'unknown option "open"'),
    ("quiz-marker", "docs/articles/x.md", GOOD_FRONT + "# T\n\n<!-- quiz: nope -->\n", 'unknown quiz "nope"'),
    ("snippets", "docs/articles/x.md", GOOD_FRONT + "# T\n\n--8<-- \"missing.md\"\n", "docs/articles/x.md:10:1: the snippet"),
    ("front-matter-markup", "docs/articles/x.md", "---\ntitle: <b>T</b>\n---\n# T\n", "docs/articles/x.md:2:1"),
    ("callout-says-months", "docs/articles/x.md",
     GOOD_FRONT + "# T\n\n!!! safety \"Leaving\"\n    The risk of harm can rise when you leave.\n",
     "docs/articles/x.md:10:1: this safety callout does not say that harm can still happen months or years later"),
]


@pytest.mark.parametrize("rule,name,text,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_catches_its_mistake(project, rule, name, text, expected):
    _write(project, name, text)
    found = _found(project, rule)
    assert any(expected in line for line in found), found


def test_callout_that_says_harm_can_still_happen_later_passes(project):
    _write(project, "docs/articles/x.md", GOOD_FRONT + "# T\n\n!!! safety \"Leaving\"\n    It is often highest "
           "soon after a breakup, but harm can still happen months or years later.\n")
    assert _found(project, "callout-says-months") == []


def test_markers_in_code_blocks_are_left_alone(project):
    _write(project, "docs/articles/x.md", GOOD_FRONT + "# T\n\n```\n<!-- Quiz: x -->\n{{ quiz: y }}\n```\n")
    assert _found(project, "quiz-marker") == []


def test_a_quiz_link_is_checked_from_the_quiz_page_at_its_yml_line(project):
    path = project.root / "quizzes/readiness.yml"
    text = path.read_text(encoding="utf-8")
    assert "(../help.md)" in text
    path.write_text(text.replace("(../help.md)", "(help.md)", 1), encoding="utf-8")
    line = text[: text.index("(../help.md)")].count("\n") + 1
    found = _found(project, "quiz-link-target")
    assert any(f.startswith(f"quizzes/readiness.yml:{line}:") and "'help.md'" in f for f in found), found


def test_quiz_rules_report_at_the_yml_line(project):
    path = project.root / "quizzes/readiness.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("not a diagnosis", "a check"), encoding="utf-8")
    found = _found(project, "intro-wording")
    assert any(f.startswith("quizzes/readiness.yml:") and "not a diagnosis" in f for f in found), found


def test_command_line_prints_sorted_lines_and_exits_1(project):
    _write(project, "docs/articles/x.md", GOOD_FRONT + "# T\n\n{{ quiz: readiness }}\n")
    run = subprocess.run([sys.executable, str(ROOT / "scripts/check_site.py"), "--root", str(project.root)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1, run.stderr
    lines = run.stdout.splitlines()
    assert lines and lines == sorted(lines, key=lambda line: (line.split(":")[0], int(line.split(":")[1]), int(line.split(":")[2])))
    assert all(line.startswith("docs/articles/x.md:") and line.endswith(")") for line in lines), lines
    assert "Traceback" not in run.stderr


def test_command_line_is_clean_on_the_sources():
    run = subprocess.run([sys.executable, str(ROOT / "scripts/check_site.py")], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout


def test_front_matter_that_is_not_yaml_is_one_problem(project):
    _write(project, "docs/articles/x.md", "---\ntitle: a: b\n---\n# T\n")
    found = [p for p in checkkit.run(Project(project.root), names=["front-matter", "front-matter-markup"])]
    assert [(p.line, p.rule) for p in found] == [(2, "front-matter-yaml")], found


# ---- country-has-help: reads the checked list and mkdocs.yml too --------------------------------

@pytest.fixture()
def served_project(project: Project) -> Project:
    for name in ("tests/content/crisis_lines.yml", "mkdocs.yml", "tests/content/crisis_lines_es.yml", "mkdocs.es.yml"):
        (project.root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, project.root / name)
    return Project(project.root)


def _replace(project: Project, name: str, old: str, new: str) -> None:
    path = project.root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{name} no longer holds {old!r}: update this test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_country_has_help_is_clean_on_the_copy(served_project):
    assert _found(served_project, "country-has-help") == []


def test_a_help_section_without_its_emergency_number_is_named(served_project):
    _replace(served_project, "docs/help.md", "In an emergency, call [112](tel:112) or [999](tel:999).",
             "In an emergency, call the emergency services.")
    found = _found(served_project, "country-has-help")
    assert any(f.startswith("docs/help.md:") and "'Ireland' section links no emergency number (tel:112, tel:999)" in f
               for f in found), found


def test_a_country_missing_from_the_footer_is_named(served_project):
    _replace(served_project, "mkdocs.yml", '        - {text: "1737", href: "tel:1737"}\n', "")
    _replace(served_project, "mkdocs.yml", '        - {text: "1737", href: "sms:1737"}\n', "")
    found = _found(served_project, "country-has-help")
    assert any(f.startswith("mkdocs.yml:") and "New Zealand is served but the footer lacks a link to a crisis line" in f
               for f in found), found


def test_a_new_country_in_the_list_needs_a_section_footer_and_quiz_words(served_project):
    _replace(served_project, "tests/content/crisis_lines.yml", "# ---- Ireland ----",
             '- {country: Malta, service: Emergency, status: V, emergency: true, tel: ["112"]}\n# ---- Ireland ----')
    found = _found(served_project, "country-has-help")
    assert any("Malta is served" in f and "no '## Malta' section" in f for f in found), found
    assert any(f.startswith("mkdocs.yml:") and "Malta is served but the footer lacks the name 'Malta'" in f for f in found), found
    assert any("extra.help.emergency" in f and "Malta" in f for f in found), found


# The same rule on the Spanish site: crisis_lines_es.yml, docs/es/ayuda.md and mkdocs.es.yml.

def test_a_spanish_help_section_without_its_crisis_line_is_named(served_project):
    _replace(served_project, "docs/es/ayuda.md", "[113](tel:113)", "113")
    found = _found(served_project, "country-has-help")
    assert any(f.startswith("docs/es/ayuda.md:") and "'Perú' section links no crisis line (tel:113)" in f
               for f in found), found


def test_a_country_missing_from_the_spanish_footer_is_named(served_project):
    _replace(served_project, "mkdocs.es.yml", '        - {text: "*4141", href: "tel:*4141"}\n', "")
    found = _found(served_project, "country-has-help")
    assert any(f.startswith("mkdocs.es.yml:") and "Chile is served but the footer lacks a link to a crisis line" in f
               for f in found), found


def test_the_spanish_quiz_emergency_words_name_every_served_country(served_project):
    _replace(served_project, "mkdocs.es.yml", ", al 105 (Perú)", "")
    found = _found(served_project, "country-has-help")
    assert any(f.startswith("mkdocs.es.yml:") and "extra.help.emergency" in f and "Perú" in f for f in found), found
