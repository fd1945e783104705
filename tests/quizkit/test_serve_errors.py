"""`make serve`: a save that breaks the build shows its problems in the browser page (every
page lists them, the preview reloads), and the next good save brings the site back. Never in
`mkdocs build`, which still stops (test_quiz_build.py)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from quiz_minisite import VALID_QUIZZES, make_project

from harness.http import free_port, wait_for
from steadyground.build import preview as serve_report

INVALID = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes" / "invalid"


_free_port, _wait_for = free_port, wait_for  # the names the preview tests use


def test_error_page_lists_every_problem_escaped():
    page = serve_report.error_page(['quizzes/x.yml:3:1: unknown key "<b>" (unknown-key)', "second"])
    assert "2 problems" in page and "&lt;b&gt;" in page and "<b>" not in page and "<script" not in page


def test_a_broken_save_shows_in_the_browser_and_a_fix_brings_the_site_back(tmp_path):
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    shutil.copy(VALID_QUIZZES / "everything.yml", quizzes / "everything.yml")
    shutil.copy(INVALID / "bands.yml", quizzes / "bands.yml")
    port = _free_port()
    config = make_project(tmp_path / "project", quiz_dir=quizzes, site_url=f"http://127.0.0.1:{port}/steady-ground/")
    url = f"http://127.0.0.1:{port}/steady-ground/articles/sample/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--no-strict", "--livereload",
         "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        broken = _wait_for(url, lambda text: "did not build" in text)
        assert "quizzes/bands.yml:17:11: 4 to 5 have no band" in broken
        assert "livereload" in broken  # the preview's reload script, so a fix shows by itself
        (quizzes / "bands.yml").unlink()
        fixed = _wait_for(url, lambda text: "did not build" not in text)
        assert 'class="md-content' in fixed
    finally:
        server.terminate()
        server.wait(timeout=30)
