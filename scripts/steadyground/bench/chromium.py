"""Debian's Chromium, found by path (never `playwright install`), with the flags that keep
its own background traffic out of a request log (toolchain.md §3). Used by the bench and the
tests' browser harness alike."""

from __future__ import annotations

import os
import shutil

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None
