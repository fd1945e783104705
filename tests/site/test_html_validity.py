"""Every built page passes the W3C Nu Html Checker (issue 13): npm vnu-jar, pinned in
tools/package-lock.json and installed by `make test`, run once over the whole site (one
JVM start) with Debian's Java. Our own markup has no errors. Material's own errors that
we cannot fix without copying its base template are listed below with the reason they
stay; an entry that no longer matches anything fails, so the list cannot go stale."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from harness.build import REPO
from harness.pages import html_files


@dataclass(frozen=True)
class Known:
    message: str   # regular expression over the checker's message
    markup: str    # regular expression over the markup it quotes
    reason: str


# Material's own markup: must still occur (or be removed from here).
MATERIAL = [
    Known(r"^Attribute “autocomplete” is only allowed when the input type is",
          r'class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
          "Material's base.html (outside any block) puts autocomplete=\"off\" on its drawer and "
          "search checkboxes so that Firefox does not restore an open menu on Back; changing it "
          "means copying base.html, which every Material upgrade would then have to re-merge."),
]


def _tool(env: str, default: Path | str | None, what: str) -> str:
    found = os.environ.get(env) or (str(default) if default else None)
    if not found or not (Path(found).is_file() or shutil.which(found)):
        pytest.fail(f"{what} not found ({env}={found!r}). Run `make test`: it installs it "
                    "(npm vnu-jar in tools/, Debian's default-jre-headless).", pytrace=False)
    return found


@pytest.fixture(scope="module")
def nu_messages(site):
    java = _tool("JAVA", shutil.which("java"), "Java")
    jar = _tool("VNU_JAR", REPO / "tools/node_modules/vnu-jar/build/dist/vnu.jar", "The Nu Html Checker jar")
    pages = [str(path) for path in html_files(site.root)]
    done = subprocess.run([java, "-jar", jar, "--format", "json", "--stdout", *pages],
                          capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(done.stdout or done.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"the Nu Html Checker gave no JSON (exit {done.returncode}):\n{done.stderr[-2000:]}", pytrace=False)
    root = site.root.as_posix()
    for message in report["messages"]:
        message["page"] = message.get("url", "").replace("file:", "").replace(root, "").lstrip("/")
    return [m for m in report["messages"] if m["type"] in ("error", "non-document-error")], len(pages)


def _matches(known: Known, message: dict) -> bool:
    return bool(re.search(known.message, message.get("message", ""))
                and re.search(known.markup, message.get("extract", "")))


def test_every_page_is_valid_html_apart_from_listed_material_errors(nu_messages):
    errors, pages = nu_messages
    assert pages > 10
    ours = [m for m in errors if not any(_matches(k, m) for k in MATERIAL)]
    shown = "\n".join(f"{m['page']}:{m.get('lastLine', '?')}: {m['message']} [{m.get('extract', '').strip()[:120]}]"
                      for m in ours[:30])
    assert ours == [], f"{len(ours)} Nu Html Checker errors in our markup:\n{shown}"


@pytest.mark.parametrize("known", MATERIAL, ids=lambda k: k.message[:40])
def test_each_listed_material_error_still_occurs(nu_messages, known):
    errors, _ = nu_messages
    assert any(_matches(known, m) for m in errors), (
        f"Material no longer produces this error; remove it from the list: {known.message}")
