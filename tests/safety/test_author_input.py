"""What authors write is held to the allowlist before it becomes a page: each payload of
issue 9 in a Markdown body, front matter, an abbreviation, an include or a snippet line
fails the build with a message naming the source file and line, all problems at once, no
traceback, and nothing written into the sources."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
from pathlib import Path

import pytest
import yaml

from harness.build import REPO

# The quiz tests' throwaway project (repo settings, hooks and overrides by absolute path).
_SPEC = importlib.util.spec_from_file_location("quiz_minisite", REPO / "tests/quizkit/quiz_minisite.py")
_minisite = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(_minisite)
VALID_QUIZZES, build, make_project = _minisite.VALID_QUIZZES, _minisite.build, _minisite.make_project

BODY_PAYLOADS = [
    '<meta http-equiv="refresh" content="0;url=https://other.example/">',
    '<meta name="referrer" content="unsafe-url">',
    '<script src="../x.js"></script>',
    'Click here\n{: onclick="alert(1)" }',
    '<img src=">" onerror="alert(1)">',
    '<a href="jav&#x09;ascript:alert(1)">tab</a>',
    '<a href="j&#10;avascript:alert(1)">newline</a>',
    'Styled\n{: style="position:fixed;inset:0" }',
    '<video src="https://other.example/v.mp4"></video>',
    '<audio src="https://other.example/a.mp3"></audio>',
    '<img alt="" poster="https://other.example/p.png">',
    '<img alt="" src="a.png" srcset="https://other.example/p.png 2x">',
    '<input type="image" src="https://other.example/p.png">',
    '<img alt="" src="https:\\\\other.example/p.png">',
    '<a href="help/" ping="https://other.example/">ping</a>',
    '<iframe src="https://other.example/"></iframe>',
    '<base href="https://other.example/">',
]


def _project(tmp_path: Path, docs: dict[str, str], includes: dict[str, str] | None = None,
             quiz_dir: Path = VALID_QUIZZES) -> Path:
    config = make_project(tmp_path / "project", quiz_dir=quiz_dir, docs=docs)
    folder = tmp_path / "project" / "includes"
    shutil.copytree(REPO / "includes", folder)
    for name, text in (includes or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    for extension in data["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [str(folder)]
    config.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return config


def _digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def _build_fails(tmp_path: Path, config: Path) -> str:
    quiz_dir = Path(yaml.safe_load(config.read_text(encoding="utf-8"))["extra"]["quiz"]["dir"])
    sources = [config.parent / "docs", config.parent / "includes", quiz_dir]
    before = [_digest(folder) for folder in sources]
    result = build(config, tmp_path / "out")
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    assert [_digest(folder) for folder in sources] == before, "the build wrote into the sources"
    assert not (tmp_path / "out" / "articles").exists(), "no page may be written once a problem is found"
    return result.output


def test_every_payload_in_a_page_body_is_named_with_its_line(tmp_path):
    lines, text = {}, "# Payloads\n\n"
    for payload in BODY_PAYLOADS:
        lines[payload] = text.count("\n") + 1 + payload.count("\n")  # attr_list sits on the payload's last line
        text += payload + "\n\n"
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": text}))
    for payload, line in lines.items():
        assert f"docs/articles/sample.md:{line}: " in output, f"{payload!r} (line {line}) not reported:\n{output}"


def test_front_matter_that_the_theme_prints_raw_is_refused(tmp_path):
    page = ('---\ntitle: Safe <meta http-equiv="refresh" content="0;url=https://other.example/">\n'
            'description: Calm words" http-equiv="refresh\ntab_title: Notes\n'
            "reviewed: <script>alert(1)</script>\n---\n\n# Heading\n\nText.\n")
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": page}))
    assert 'docs/articles/sample.md:2: "title" holds "<"; the theme prints it into the page' in output
    assert 'docs/articles/sample.md:3: "description" holds """; the theme prints it into the page' in output
    assert 'docs/articles/sample.md:5: "reviewed" must be a date written YYYY-MM-DD, not "<script>' in output


def test_a_bad_abbreviation_in_an_include_is_refused(tmp_path):
    abbreviations = (REPO / "includes/abbreviations.md").read_text(encoding="utf-8")
    bad = abbreviations.rstrip("\n") + '\n*[Calm]: <meta http-equiv="refresh" content="0;url=https://other.example/">\n'
    output = _build_fails(tmp_path, _project(tmp_path, {}, includes={"abbreviations.md": bad}))
    line = bad.count("\n")
    assert f'includes/abbreviations.md:{line}: the definition of "Calm" contains "<" or ">"' in output


def test_a_bad_abbreviation_in_a_page_is_refused(tmp_path):
    page = "# Heading\n\nSome ABC text.\n\n*[ABC]: &lt;img src=x onerror=alert(1)&gt;\n"
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": page}))
    assert "docs/articles/sample.md:5: the title" in output and "Material shows titles" in output


def test_html_in_an_include_names_the_include(tmp_path):
    callout = '!!! note "Hi"\n    Text.\n\n<img alt="" src="https://other.example/p.png">\n'
    page = '# Heading\n\n--8<-- "callout.md"\n'
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": page}, includes={"callout.md": callout}))
    assert "includes/callout.md:4 (included in docs/articles/sample.md): <img src=>: " in output


def test_missing_and_escaping_snippets_name_the_page_and_line(tmp_path):
    page = '# Heading\n\n--8<-- "no-such-file.md"\n\n--8<-- "../mkdocs.yml"\n\nText.\n'
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": page}))
    assert 'docs/articles/sample.md:3: the snippet "no-such-file.md" was not found in includes/' in output
    assert 'docs/articles/sample.md:5: the snippet "../mkdocs.yml" is outside includes/' in output


def test_a_missing_snippet_inside_an_include_is_an_error_not_a_traceback(tmp_path):
    output = _build_fails(tmp_path, _project(tmp_path, {}, includes={"nested.md": 'Text\n\n--8<-- "gone.md"\n'}))
    assert 'includes/nested.md:3: the snippet "gone.md" was not found in includes/' in output


@pytest.mark.parametrize("where", ["docs", "includes"])
def test_symbolic_links_in_the_sources_are_refused(tmp_path, where):
    config = _project(tmp_path, {})
    secret = tmp_path / "outside.md"
    secret.write_text("# Not part of the site\n", encoding="utf-8")
    os.symlink(secret, config.parent / where / "linked.md")
    output = _build_fails(tmp_path, config)
    assert f"{where}/linked.md: symbolic links are not allowed in the site's sources" in output


def test_a_symbolic_link_in_the_quiz_folder_is_refused(tmp_path):
    quizzes = tmp_path / "quizzes"
    shutil.copytree(VALID_QUIZZES, quizzes)
    os.symlink(quizzes / "minimal.yml", quizzes / "again.yml")
    output = _build_fails(tmp_path, _project(tmp_path, {}, quiz_dir=quizzes))
    assert "symbolic links are not allowed in the site's sources" in output and "again.yml" in output


def test_the_fixture_project_builds_without_payloads(tmp_path):
    result = build(_project(tmp_path, {}), tmp_path / "out")
    assert result.returncode == 0, result.output


def test_a_payload_in_a_quiz_field_fails_the_build_naming_the_quiz_file(tmp_path):
    quizzes = tmp_path / "quizzes"
    shutil.copytree(VALID_QUIZZES, quizzes)
    minimal = (quizzes / "minimal.yml").read_text(encoding="utf-8")
    bad = minimal.replace('body: "That is okay."', 'body: "That is okay.\\n{: onclick=\\"alert(1)\\" }"')
    assert bad != minimal
    (quizzes / "minimal.yml").write_text(bad, encoding="utf-8")
    output = _build_fails(tmp_path, _project(tmp_path, {}, quiz_dir=quizzes))
    line = next(n for n, text in enumerate(bad.splitlines(), 1) if "onclick" in text)
    assert f"minimal.yml:{line}:" in output and "event-handler attributes (onclick=)" in output


def test_a_file_name_with_a_newline_is_refused(tmp_path):
    config = _project(tmp_path, {})
    (config.parent / "docs" / "articles" / "odd\n.md").write_text("# Odd\n", encoding="utf-8")
    output = _build_fails(tmp_path, config)
    assert "docs/articles/odd\\n.md" in output and "U+000A" in output


def test_a_theme_id_in_a_page_is_refused(tmp_path):
    page = '# Heading\n\n<div id="__config">{"search": "x.js"}</div>\n'
    output = _build_fails(tmp_path, _project(tmp_path, {"articles/sample.md": page}))
    assert 'docs/articles/sample.md:3: the id "__config" is reserved for the theme' in output
