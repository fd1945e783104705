"""The test harness's static server (site under /steady-ground/, 404.html for unknown
paths), extended to gzip text responses when the browser accepts it, as GitHub Pages does.
Lighthouse scores an uncompressed server down (uses-text-compression), so it must be this one."""

from __future__ import annotations

import functools
import gzip
import io
import os
import threading

from steadyground.bench.static_server import SUBPATH, ServedDirectory, _Handler, _QuietServer

TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class GzipHandler(_Handler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?")[0].endswith("/") or not os.path.isfile(index):
                return super().send_head()  # redirect to the slash, or 404.html
            path = index
        content_type = self.guess_type(path)
        accepts = "gzip" in (self.headers.get("Accept-Encoding") or "")
        if not (accepts and os.path.isfile(path) and content_type.startswith(TEXT_TYPES)):
            return super().send_head()
        with open(path, "rb") as source:
            body = gzip.compress(source.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)  # do_GET copies it to the socket


def serve_gzip(root, subpath: str = SUBPATH) -> ServedDirectory:
    """Like static_server.serve_directory, with gzip."""
    handler = functools.partial(type("Handler", (GzipHandler,), {"subpath": subpath}), directory=str(root))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return ServedDirectory(root, f"http://127.0.0.1:{server.server_port}{subpath}", server)
