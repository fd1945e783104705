"""The hook inside a real `mkdocs build --strict` of a mini project built like the site:
generated pages, the index, marker embeds, edit links, and failures that name file:line:col
(quiz problems, broken links in Markdown fields, unknown markers). Nothing is written into
docs/ or the quiz folder."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
from pathlib import Path

import pytest
import yaml
from quiz_minisite import VALID_QUIZZES, build, make_project

from steadyground import quizzes as quizkit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes"


def digest(folder: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        sha.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return sha.hexdigest()


def copy_quizzes(dest: Path, *names: str, source: Path = VALID_QUIZZES) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(source / name, dest / name)
    return dest


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("quiz-build")
    quizzes = copy_quizzes(root / "project" / "quizzes", "everything.yml", "minimal.yml")
    config = make_project(root / "project", quiz_dir=quizzes)
    data = yaml.safe_load(config.read_text())
    data.update(repo_url="https://example.org/r/", edit_uri="edit/main/docs/")
    data["theme"]["features"].append("content.action.edit")
    config.write_text(yaml.safe_dump(data, sort_keys=False))
    before = digest(root / "project")
    result = build(config, root / "out")
    assert result.returncode == 0, result.output
    return {"out": root / "out", "project": root / "project", "before": before}


def article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


def test_each_quiz_becomes_a_page(fixture_site):
    out = fixture_site["out"]
    assert (out / "quizzes" / "everything" / "index.html").is_file()
    assert (out / "quizzes" / "minimal" / "index.html").is_file()
    html = article(out / "quizzes" / "everything" / "index.html")
    assert html.count("<fieldset") == 8
    assert "quiz-md" not in html  # every Markdown block was moved into place
    assert '<a href="../../articles/sample/#a-section">the sample article</a>' in html
    assert '<a href="../../help/">Get help now</a> lists helplines.' in html  # the safety callout before question 1


def test_quiz_headings_stay_out_of_the_table_of_contents(fixture_site):
    page = (fixture_site["out"] / "quizzes" / "everything" / "index.html").read_text()
    toc = page[page.index('md-sidebar--secondary'):page.index("<article")]
    for heading in ("Your results", "Score it yourself", "There is a problem", "Early days"):
        assert heading not in toc


def test_index_page_lists_every_quiz(fixture_site):
    html = article(fixture_site["out"] / "quizzes" / "index.html")
    assert '<h1 id="self-checks">Self-checks</h1>' in html  # a Markdown heading: a toc entry, so a skip link
    assert '<a href="everything/">Everything &amp; "friends" &lt;3</a>' in html
    assert '<a href="minimal/">A short check</a></h2>' in html
    assert "<p>Two answers and two bands. (1 question, about 1 minute)</p>" in html


def test_quiz_pages_and_the_index_have_a_skip_link_and_a_labelled_toc(fixture_site):
    for page in ("quizzes/index.html", "quizzes/everything/index.html"):
        html = (fixture_site["out"] / page).read_text()
        assert 'class="md-skip"' in html, page  # Material adds it only when the page has a toc entry
        if 'id="__toc"' in html:
            assert 'for="__toc"' in html, page


def test_edit_link_points_at_the_yaml(fixture_site):
    page = (fixture_site["out"] / "quizzes" / "everything" / "index.html").read_text()
    assert 'href="https://example.org/r/edit/main/quizzes/everything.yml"' in page


def test_marker_embeds_the_quiz_with_links_from_the_article(fixture_site):
    html = article(fixture_site["out"] / "articles" / "embedded" / "index.html")
    assert "<!-- quiz:" not in html and html.count("<fieldset") == 8
    assert '<a href="../sample/#a-section">the sample article</a>' in html
    assert '<a href="../../help/">Get help now</a> lists helplines.' in html  # the safety callout before question 1
    assert html.index("The check below") < html.index('class="quiz"') < html.index("Text after the check.")


def test_nothing_is_written_into_sources(fixture_site):
    assert digest(fixture_site["project"]) == fixture_site["before"]


def test_a_broken_quiz_fails_the_build_with_every_problem(tmp_path):
    quizzes = copy_quizzes(tmp_path / "project" / "quizzes", "everything.yml")
    copy_quizzes(quizzes, "bands.yml", "label-boolean.yml", source=FIXTURES / "invalid")
    result = build(make_project(tmp_path / "project", quiz_dir=quizzes), tmp_path / "out")
    assert result.returncode == 1
    assert "Traceback" not in result.output
    _, expected = quizkit.check_paths(
        (quizzes / name, f"quizzes/{name}") for name in ("bands.yml", "label-boolean.yml"))
    lines = quizkit.format_problems(expected)
    assert len(lines) == 4 + 9
    found = re.findall(r"^quizzes/\S+\.yml:\d+:\d+: .* \([a-z-]+\)$", result.output, re.M)
    assert found == lines
    assert "quizzes/bands.yml:17:11: 4 to 5 have no band" in result.output


def test_a_broken_link_in_a_band_fails_the_build_at_the_yml_line(tmp_path):
    """Named where the author wrote it (issue 14), not on the generated quizzes/minimal.md."""
    quizzes = copy_quizzes(tmp_path / "project" / "quizzes", "minimal.yml", "everything.yml")
    source = (quizzes / "minimal.yml").read_text()
    assert '"Take it at your own pace."' in source
    text = source.replace('"Take it at your own pace."', '"See [this](../articles/missing.md)."')
    (quizzes / "minimal.yml").write_text(text)
    line = text[: text.index("[this](")].count("\n") + 1
    result = build(make_project(tmp_path / "project", quiz_dir=quizzes), tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.output
    assert re.search(rf"quizzes/minimal\.yml:{line}:\d+: .*'\.\./articles/missing\.md' points to docs/articles/missing\.md, "
                     r"which does not exist \(quiz-link-target\)", result.output), result.output


def test_an_unknown_marker_names_the_page_and_line(tmp_path):
    quizzes = copy_quizzes(tmp_path / "project" / "quizzes", "everything.yml")
    docs = {"articles/sample.md": "---\ntitle: Sample\n---\n\n# Sample\n\n## A section\n\n<!-- quiz: everythign -->\n"}
    result = build(make_project(tmp_path / "project", quiz_dir=quizzes, docs=docs), tmp_path / "out")
    assert result.returncode == 1
    assert 'docs/articles/sample.md:9:1: unknown quiz "everythign"' in result.output


def test_marker_mistakes_fail_the_build_each_with_its_line_and_code_blocks_are_left_alone(tmp_path):
    quizzes = copy_quizzes(tmp_path / "project" / "quizzes", "everything.yml")
    page = ("---\ntitle: Sample\n---\n\n# Sample\n\n<!-- Quiz: everything -->\n\n    <!-- quiz: everything -->\n\n"
            "Try <!-- quiz: everything --> now.\n\n{{ quiz: everything }}\n\n<!-- quiz: everything compact -->\n\n"
            "```\n<!-- quiz: nothing -->\n```\n")
    result = build(make_project(tmp_path / "project", quiz_dir=quizzes, docs={"articles/sample.md": page}), tmp_path / "out")
    assert result.returncode == 1 and "Traceback" not in result.output
    found = re.findall(r"docs/articles/sample\.md:(\d+):\d+: (.*) \(quiz-marker\)", result.output)
    assert [int(line) for line, _ in found] == [7, 9, 11, 13, 15], result.output
    assert "lower case" in found[0][1] and "indented" in found[1][1] and "its own" in found[2][1]
    assert "other brackets" in found[3][1] and 'unknown option "compact"' in found[4][1]
    assert "nothing" not in result.output


def test_an_embedded_quiz_shows_its_title_and_intro_unless_the_marker_says_otherwise(tmp_path):
    quizzes = copy_quizzes(tmp_path / "project" / "quizzes", "everything.yml")
    quiz = quizkit.check_file(quizzes / "everything.yml")[0]
    assert quiz.intro, "the fixture quiz needs an intro"
    intro_words = quiz.intro.split()[0:3]
    docs = {"articles/sample.md": "---\ntitle: Sample\n---\n\n# Sample\n\n## A section\n\n<!-- quiz: everything -->\n\n"
                                  "```\n<!-- quiz: everything -->\n```\n",
            "articles/embedded.md": "---\ntitle: Plain\n---\n\n# Plain\n\n<!-- quiz: everything no-title no-intro -->\n"}
    result = build(make_project(tmp_path / "project", quiz_dir=quizzes, docs=docs), tmp_path / "out")
    assert result.returncode == 0, result.output
    shown = article(tmp_path / "out" / "articles" / "sample" / "index.html")
    assert re.search(r"<h2[^>]*>" + re.escape(html.escape(quiz.title, quote=False)), shown) and " ".join(intro_words) in shown
    assert "&lt;!-- quiz: everything --&gt;" in shown  # the code block is shown as written
    plain = article(tmp_path / "out" / "articles" / "embedded" / "index.html")
    assert 'class="quiz"' in plain and not re.search(r"<h2[^>]*>" + re.escape(html.escape(quiz.title, quote=False)), plain)
    assert " ".join(intro_words) not in plain


def test_a_hand_written_page_with_the_same_address_is_refused(tmp_path):
    quizzes = copy_quizzes(tmp_path / "project" / "quizzes", "minimal.yml", "everything.yml")
    docs = {"quizzes/minimal.md": "# Mine\n"}
    result = build(make_project(tmp_path / "project", quiz_dir=quizzes, docs=docs), tmp_path / "out")
    assert result.returncode == 1
    assert "docs/quizzes/minimal.md already exists" in result.output


def test_serve_watches_the_quiz_folder(tmp_path):
    """`mkdocs serve` rebuilds when a quiz changes, wherever extra.quiz.dir points."""
    import importlib.util

    from mkdocs.config import load_config

    quizzes = copy_quizzes(tmp_path / "elsewhere", "minimal.yml")
    config = load_config(str(make_project(tmp_path / "project", quiz_dir=quizzes)))
    spec = importlib.util.spec_from_file_location("quiz_hook_under_test", Path(__file__).resolve().parents[2] / "scripts" / "quiz_hook.py")
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    hook.on_config(config)
    assert str(quizzes.resolve()) in config.watch


def test_search_index_has_the_quiz_words_not_its_interface(fixture_site):
    import json

    index = json.loads((fixture_site["out"] / "search" / "search_index.json").read_text())
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"] if doc["location"].startswith("quizzes/everything/"))
    assert "Nobody deserves to be hurt" in text and "only a fixture" in text
    for interface in ("There is a problem", "Select an answer", "Show my results", "Score it yourself"):
        assert interface not in text
