"""`make serve GENERATOR=zensical` never misleads, as the MkDocs preview does not
(tests/quizkit/test_preview_problems.py): a save that breaks a source shows every problem on
the page in the browser, and the next good save brings the real site back on every page.
Runs Zensical itself, once, in the MkDocs pass."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from harness.http import free_port, wait_for
from harness.project import copy_project

REPO = Path(__file__).resolve().parents[2]


def test_a_broken_save_shows_its_problems_and_the_fix_brings_the_site_back(tmp_path):
    config = copy_project(tmp_path) / "mkdocs.yml"
    port = free_port()
    base = f"http://127.0.0.1:{port}/steady-ground/"
    server = subprocess.Popen(
        [sys.executable, str(REPO / "scripts" / "build_zensical.py"), "serve", "-f", str(config),
         "--dev-addr", f"127.0.0.1:{port}", "--zensical", str(REPO / ".venv-zensical" / "bin" / "zensical")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    about = tmp_path / "docs" / "about.md"
    good = about.read_text(encoding="utf-8")
    try:
        wait_for(base + "about/", lambda text: "Exit this page" in text, seconds=180)
        about.write_text(good + '\n<div class="qe-overlay">Cover</div>\n', encoding="utf-8")
        broken = wait_for(base + "about/", lambda text: "did not build" in text)
        assert "docs/about.md:" in broken and "qe-overlay" in broken, broken
        assert "did not build" in wait_for(base, lambda text: "did not build" in text)  # every page says so
        about.write_text(good, encoding="utf-8")
        fixed = wait_for(base + "about/", lambda text: "Exit this page" in text, seconds=120)
        assert "did not build" not in fixed
        assert "Exit this page" in wait_for(base, lambda text: "Exit this page" in text)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
