"""Small HTTP helpers for tests that start a server of their own (a preview): a free port, and
waiting until a page says what it should."""

from __future__ import annotations

import socket
import time
import urllib.request


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, predicate, seconds: float = 90) -> str:
    deadline, text = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode("utf-8")
            if predicate(text):
                return text
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"timed out; last page:\n{text[:2000]}")
