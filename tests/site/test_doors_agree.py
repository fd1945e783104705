"""Every door names an author's mistake at the same place (issues 20 and 22): `make check`
(scripts/check_site.py), the MkDocs build, the Zensical build and both previews (`make serve`,
either generator) run one set of checks (scripts/steadyground/build/sources.py and
pages/page_checks.py) and each says `path:LINE` for the same line, English and Spanish pages
alike. Mistakes are planted several to a project, so each door runs once per project; this
file runs both generators itself (it is not in the Zensical suite)."""

from __future__ import annotations

import html
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from harness.build import REPO, ZENSICAL
from harness.http import free_port, wait_for
from harness.project import copy_project

CONFIGS = ("mkdocs.yml", "mkdocs.es.yml")


def _append(project: Path, page: str, addition: str, planted_line: int) -> tuple[str, int]:
    """Add lines to the end of a page; returns (page, line) of the addition's `planted_line`-th line."""
    path = project / page
    text = path.read_text(encoding="utf-8")
    text += "" if text.endswith("\n") else "\n"
    path.write_text(text + "\n" + addition + "\n", encoding="utf-8")
    return page, text.count("\n") + 1 + planted_line


def _replace_line(project: Path, page: str, prefix: str, new: str) -> tuple[str, int]:
    path = project / page
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return page, number + 1


def _check(project: Path) -> dict[str, str]:
    """`make check` on the project: {path:LINE: message without column and rule}."""
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "check_site.py"), "--root", str(project)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stdout + done.stderr
    found: dict[str, str] = {}
    for line in done.stdout.splitlines():
        match = re.match(r"^(?P<place>[^:]+:\d+):\d+: (?P<message>.*) \([a-z-]+\)$", line)
        if match:
            found.setdefault(match.group("place"), match.group("message"))
    return found


def _build(generator: str, project: Path, out: Path) -> str:
    """Both languages' strict builds, each failing, with nothing written: their output."""
    output = ""
    for config in CONFIGS:
        dest = out / generator / config
        if generator == "mkdocs":
            command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(dest)]
        else:
            command = [sys.executable, str(project / "scripts" / "build_zensical.py"), "build", "-f",
                       str(project / config), "-d", str(dest), "--zensical", str(ZENSICAL)]
        done = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        text = done.stdout + done.stderr
        assert done.returncode != 0, f"{generator} {config} built:\n{text}"
        assert "Traceback" not in text, text
        assert not list(dest.rglob("*.html")), f"{generator} {config} wrote pages before stopping"
        output += text
    return output


def _preview(generator: str, project: Path) -> str:
    """Each language's preview (`make serve`'s command) started on the project: the problem
    page's lines, one per problem, as the author reads them in the browser."""
    output = ""
    for config in CONFIGS:
        port = free_port()
        address = f"127.0.0.1:{port}"
        if generator == "mkdocs":
            command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / config), "--no-strict",
                       "--dev-addr", address]
        else:
            command = [sys.executable, str(project / "scripts" / "build_zensical.py"), "serve", "-f",
                       str(project / config), "--dev-addr", address, "--zensical", str(ZENSICAL)]
        server = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, start_new_session=True)
        path = "/steady-ground/es/" if config == "mkdocs.es.yml" else "/steady-ground/"
        try:
            page = wait_for(f"http://{address}{path}", lambda text: "did not build" in text, seconds=240)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        output += "\n".join(html.unescape(item) for item in re.findall(r"<pre[^>]*>(.*?)</pre>", page, re.S)) + "\n"
    return output


def _build_messages(output: str) -> dict[str, str]:
    """{path:LINE: message} of a build's output."""
    found: dict[str, str] = {}
    for line in output.splitlines():
        match = re.search(r"(?P<place>(?:docs|includes)/[^\s:]+\.md:\d+): (?P<message>.*)$", line)
        if match:
            found.setdefault(match.group("place"), match.group("message"))
    return found


def _assert_doors_agree(project: Path, out: Path, planted: dict[tuple[str, int], str]) -> None:
    doors = {"make check": _check(project)}
    for generator in ("mkdocs", "zensical"):
        doors[generator] = _build_messages(_build(generator, project, out))
        doors[f"{generator} preview"] = _build_messages(_preview(generator, project))
    for (page, line), words in planted.items():
        place = f"{page}:{line}"
        messages = {door: found.get(place) for door, found in doors.items()}
        assert all(message and words in message for message in messages.values()), (place, messages)
        # The same words from every door (make check adds the column and the rule's name).
        assert len(set(messages.values())) == 1, (place, messages)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def test_page_content_mistakes_are_named_alike_by_every_door(project, tmp_path):
    planted = {
        _append(project, "docs/about.md", '<div class="qe-overlay">Cover</div>', 1): "is reserved for the site",
        _append(project, "docs/privacy.md", "<div>\n<!-- a note\n</div>", 2): "a comment (<!--) is never closed",
        _append(project, "docs/safe-use.md", "![A picture](https://other.example/x.png)", 1):
            "would be loaded from another site",
        _append(project, "docs/help.md", '--8<-- "missing.md"', 1): 'the snippet "missing.md" was not found',
        _append(project, "docs/es/acerca.md", '<p id="quiz-x">Texto</p>', 1): "is reserved for the site",
        _append(project, "docs/es/privacidad.md", '--8<-- "../mkdocs.yml"', 1): "is outside includes/",
    }
    _assert_doors_agree(project, tmp_path / "out", planted)


def test_markup_in_front_matter_is_named_alike_by_every_door(project, tmp_path):
    # Front matter is read before any page (an unreadable one would stop the generator), so
    # these stop every build early: a project of their own.
    planted = {
        _replace_line(project, "docs/about.md", "title:", "title: About <b>us</b>"): '"title" holds "<"',
        _replace_line(project, "docs/es/acerca.md", "title:", "title: Quiénes <i>somos</i>"): '"title" holds "<"',
    }
    _assert_doors_agree(project, tmp_path / "out", planted)
