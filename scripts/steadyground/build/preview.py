"""While previewing (`make serve`), a save that breaks the build shows its problems in the
browser, not only in the terminal: the hooks record problems here instead of stopping the
build, every warning MkDocs logs is collected too, and once the pages are written each of them
is replaced by one page listing the problems. The build then succeeds, so the preview reloads
and shows that page; the next clean save brings the site back. Never active in `make build`:
`start()` is called only from the `serve` command.

State lives in this module (not in the hooks) because MkDocs reloads hook modules for every
rebuild but runs the startup event once."""

from __future__ import annotations

import html
import http.server
import logging
import threading
from pathlib import Path

_state: dict = {"active": False, "problems": [], "handler": None}
SERVER_LOGGER = "mkdocs.livereload"


class _Collect(logging.Handler):
    """Warnings and errors MkDocs logs during a build (with --strict they would stop it).
    Not the preview server's own log: its requests (a browser asking for /favicon.ico gets a
    404) are not problems of the site, and were reported as such on every later save."""

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith(SERVER_LOGGER):
            return
        record_problem(record.getMessage())


def start() -> None:
    """Turn the report on for this process (the `serve` command)."""
    if _state["active"]:
        return
    _state["active"] = True
    handler = _Collect(level=logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)
    _state["handler"] = handler


def active() -> bool:
    return _state["active"]


def record_problem(message: str) -> None:
    if message not in _state["problems"]:
        _state["problems"].append(message)


def problems() -> list[str]:
    return list(_state["problems"])


def finish(site_dir: str | Path) -> int:
    """After a build: replace every page with the problem list when there are problems, then
    start afresh for the next build. Returns how many pages were replaced."""
    found, _state["problems"] = list(_state["problems"]), []
    if not found:
        return 0
    page = error_page(found)
    pages = sorted(Path(site_dir).rglob("*.html"))
    for path in pages:
        path.write_text(page, encoding="utf-8")
    return len(pages)


def reset() -> None:
    _state["problems"] = []


def error_page(found: list[str]) -> str:
    """A plain page (no theme, no script of ours; the preview adds its reload script)."""
    items = "\n".join(f"<li><pre style=\"white-space: pre-wrap; overflow-wrap: anywhere\">{html.escape(problem)}</pre></li>"
                      for problem in found)
    count = f"{len(found)} problem{'s' if len(found) != 1 else ''}"
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: {count}</title>
</head>
<body>
<main style="font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The site did not build: {count}</h1>
<p>Fix the file named in each line and save; this page reloads by itself. <code>make check</code>
lists the same problems (AUTHORING.md explains each rule).</p>
<ol>
{items}
</ol>
</main>
</body>
</html>
"""


def serve_problem_page(dev_addr: str, found: list[str]) -> http.server.ThreadingHTTPServer:
    """The problem page at every address of `dev_addr` ("host:port"), for a preview whose
    sources are broken before its generator has built anything (Zensical's); shut it down
    once a save fixes them."""
    page = error_page(found).encode("utf-8")

    class ProblemPage(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):  # the preview's own requests are not the author's problems
            pass

    host, _, port = dev_addr.rpartition(":")
    server = http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), ProblemPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
