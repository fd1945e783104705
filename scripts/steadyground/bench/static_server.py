"""A static server for built sites, like GitHub Pages: the site lives under a subpath
(/<repo>/), unknown paths get the site's 404.html with status 404. Never `mkdocs serve`,
which injects an inline live-reload script (safety.md C12)."""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

SUBPATH = "/steady-ground/"


class _Handler(http.server.SimpleHTTPRequestHandler):
    subpath = SUBPATH

    def translate_path(self, path: str) -> str:
        url_path = unquote(urlsplit(path).path)
        if not url_path.startswith(self.subpath):
            return str(Path(self.directory) / "__outside_subpath__")
        return super().translate_path("/" + url_path[len(self.subpath):])

    def send_error(self, code, message=None, explain=None):
        not_found_page = Path(self.directory) / "404.html"
        if code == 404 and not_found_page.exists():
            body = not_found_page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # quiet test output
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser closing a connection early is not a test failure


@dataclass
class ServedDirectory:
    root: Path
    base_url: str
    _server: _QuietServer

    @property
    def origin(self) -> str:
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    def serve(self, root: Path) -> None:
        """Serve another folder at the same address (it may appear later, whole, by a rename)."""
        self.root = Path(root)
        self._server.RequestHandlerClass = _handler(root, urlsplit(self.base_url).path)

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _handler(root: Path, subpath: str):
    return functools.partial(type("Handler", (_Handler,), {"subpath": subpath}), directory=str(root))


def serve_directory(root: Path, subpath: str = SUBPATH, port: int = 0) -> ServedDirectory:
    """Serve `root` at http://127.0.0.1:<port><subpath> in a daemon thread: a random port
    unless one is asked for; one asked for but taken (another run holds it) gives a random one."""
    try:
        server = _QuietServer(("127.0.0.1", port), _handler(root, subpath))
    except OSError:
        if port == 0:
            raise
        server = _QuietServer(("127.0.0.1", 0), _handler(root, subpath))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return ServedDirectory(Path(root), f"http://127.0.0.1:{server.server_port}{subpath}", server)
