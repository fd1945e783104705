"""BuildError: an author or configuration mistake, reported as one clear message naming the
file (never a traceback). Every build step raises it; the doors print it."""

from __future__ import annotations


class BuildError(Exception):
    """A mistake the build reports as one clear message (never a traceback)."""
