"""`make serve` never misleads: a reference mistake shows on the page (it used to leave the
preview stuck, the browser waiting for ever), the preview's own requests (a browser asking
for /favicon.ico gets a 404) are not reported as problems of the site, and the problem page
fits a phone's width."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import urllib.error
import urllib.request

from quiz_minisite import VALID_QUIZZES, make_project
from test_serve_errors import _free_port, _wait_for

from steadyground.build import preview as serve_report

ENTRY = """stark-2007:
  type: book
  authors:
  - Stark, E.
  year: 2007
  title: 'Coercive control: How men entrap women in personal life'
  publisher: Oxford University Press
  status: V
  evidence: evidence.md §5.1
"""


def _page(key: str, words: str = "") -> str:
    return (f"---\ntitle: Sample\n---\n\n# Sample\n\n## A section\n\nText (Stark, 2007). {words}\n\n"
            f"## References\n\n- {key}\n")


@contextlib.contextmanager
def _serving(config, port):
    """`mkdocs serve` as `make serve` runs it, stopped when the block ends."""
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "--no-strict", "--livereload",
         "--dev-addr", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield
    finally:
        server.terminate()
        server.wait(timeout=30)


def _project(tmp_path, port, page):
    config = make_project(tmp_path / "project", quiz_dir=VALID_QUIZZES,
                          site_url=f"http://127.0.0.1:{port}/steady-ground/", docs={"articles/sample.md": page})
    (tmp_path / "project" / "references.yml").write_text(ENTRY, encoding="utf-8")
    return config


def test_a_reference_typo_shows_on_the_page_and_the_fix_brings_the_site_back(tmp_path):
    port = _free_port()
    config = _project(tmp_path, port, _page("stark-2077"))
    url = f"http://127.0.0.1:{port}/steady-ground/articles/sample/"
    with _serving(config, port):
        broken = _wait_for(url, lambda text: "did not build" in text)
        assert "docs/articles/sample.md:" in broken and "unknown reference key &#x27;stark-2077&#x27;" in broken
        (tmp_path / "project/docs/articles/sample.md").write_text(_page("stark-2007"), encoding="utf-8")
        fixed = _wait_for(url, lambda text: "did not build" not in text)
        assert "Coercive control" in fixed


def test_the_previews_own_404s_are_not_problems_of_the_site(tmp_path):
    port = _free_port()
    config = _project(tmp_path, port, _page("stark-2007"))
    base = f"http://127.0.0.1:{port}/steady-ground/"
    with _serving(config, port):
        _wait_for(base + "articles/sample/", lambda text: "Coercive control" in text)
        for missing in ("favicon.ico", "steady-ground/no-such-page/"):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/{missing}", timeout=10)
            except urllib.error.HTTPError as error:
                assert error.code == 404
            else:
                raise AssertionError(f"/{missing} was served; the test needs a request that gets a 404")
        # a save after the 404s: the next build must not list them as problems
        (tmp_path / "project/docs/articles/sample.md").write_text(_page("stark-2007", "Saved again."), encoding="utf-8")
        after = _wait_for(base + "articles/sample/", lambda text: "Saved again." in text or "did not build" in text)
        assert "did not build" not in after, after[:2000]


def test_the_problem_page_wraps_long_lines_to_fit_a_phone():
    page = serve_report.error_page(["docs/articles/" + "x" * 300 + ".md:1:1: a long path (rule)"])
    assert "white-space: pre-wrap" in page and "overflow-wrap: anywhere" in page
