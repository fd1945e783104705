"""Unit tests of the generator-neutral build steps (scripts/buildkit) that only the
Zensical path uses on its own: output clean-up, the runtime style hash, staging sync."""

from __future__ import annotations

import base64
import hashlib

import pytest

from buildkit import BuildError
from buildkit.pages import with_style_hashes
from buildkit.zensical import _check_sources, _sync, load_config, plain_messages, runtime_style_hashes


def test_zensical_messages_lose_colour_codes_and_the_traceback_and_name_docs():
    raw = ("Build started\n\x1b[33mWarning:\x1b[0m page does not exist\n   ╭─[ bad.md:3:39 ]\n"
           "Traceback (most recent call last):\n  File \"x\", line 8, in <module>\n    sys.exit(cli())\n"
           "RuntimeError: Aborted because --strict flag is set\n")
    assert plain_messages(raw) == ("Build started\nWarning: page does not exist\n   ╭─[ docs/bad.md:3:39 ]\n"
                                   "Aborted because --strict flag is set\n")


def test_runtime_style_hash_is_read_from_the_bundle(tmp_path):
    css = ".u{text-decoration-style:wavy!important}.l{position:absolute}"
    bundle = tmp_path / "assets" / "javascripts" / "bundle.0.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text(f"var Tc='{css}';o.appendChild(C(\"style\",{{}},Tc.toString()));", encoding="utf-8")
    expected = "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
    assert runtime_style_hashes(tmp_path) == [expected]


def test_an_unrecognised_style_element_fails_the_build(tmp_path):
    bundle = tmp_path / "assets" / "javascripts" / "bundle.0.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text('document.createElement("style")', encoding="utf-8")
    with pytest.raises(BuildError, match="cannot hash"):
        runtime_style_hashes(tmp_path)


def test_style_hashes_join_the_policy_never_unsafe_inline():
    html = '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'self\'; img-src \'self\'">'
    out = with_style_hashes(html, ["'sha256-abc='"])
    assert "style-src 'self' 'sha256-abc='; img-src" in out and "unsafe-inline" not in out
    assert with_style_hashes(html, []) == html


def test_sync_touches_only_changed_files(tmp_path):
    source, target = tmp_path / "a", tmp_path / "b"
    (source / "x").mkdir(parents=True)
    (source / "x" / "same.md").write_text("same")
    (source / "new.md").write_text("new")
    (target / "x").mkdir(parents=True)
    (target / "x" / "same.md").write_text("same")
    (target / "gone.md").write_text("gone")
    before = (target / "x" / "same.md").stat().st_mtime_ns
    _sync(source, target)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*.md")) == ["new.md", "x/same.md"]
    assert (target / "x" / "same.md").stat().st_mtime_ns == before


def test_config_env_tags_resolve_like_mkdocs(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [SITE_URL, 'https://example.org/']\nname: !ENV [NO_SUCH_VARIABLE, x]\n")
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:9/sg/")
    assert load_config(config) == {"site_url": "http://127.0.0.1:9/sg/", "name": "x"}


def _project(tmp_path, page: str) -> dict:
    for folder in ("docs", "includes", "quizzes", "docs/es"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    (tmp_path / "docs" / "es" / "index.md").write_text("---\ntitle: <b>fuera</b>\n---\n", encoding="utf-8")
    return {"docs_dir": "docs", "exclude_docs": "/es/\n",
            "markdown_extensions": [{"pymdownx.snippets": {"base_path": ["includes"]}}]}


def test_the_zensical_path_runs_the_author_checks_on_the_sources(tmp_path):
    """Zensical runs no hooks, so the staging step checks what the MkDocs hook checks:
    markup in front matter, missing snippets and symbolic links, with the file and line."""
    config = _project(tmp_path, '---\ntitle: Hi\ndescription: <meta http-equiv="refresh">\n---\n\n--8<-- "gone.md"\n')
    with pytest.raises(BuildError) as error:
        _check_sources(config, tmp_path)
    message = str(error.value)
    assert 'docs/index.md:3: front matter "description"' in message
    assert 'docs/index.md:6: the snippet "gone.md" was not found' in message
    assert "docs/es/" not in message  # excluded from this build, as mkdocs.yml says


def test_the_zensical_path_refuses_a_symbolic_link_before_copying(tmp_path):
    config = _project(tmp_path, "---\ntitle: Hi\n---\n")
    (tmp_path / "docs" / "secret.md").symlink_to("/etc/hostname")
    with pytest.raises(BuildError, match="symbolic link"):
        _check_sources(config, tmp_path)
    (tmp_path / "docs" / "secret.md").unlink()
    _check_sources(config, tmp_path)  # a clean project passes
