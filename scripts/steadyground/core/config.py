"""The one reader of a MkDocs config: every door (the builds, `make check`, the gate, the
tests) reads configs through it, so `INHERIT:` and `!ENV` mean the same everywhere."""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.yaml import yaml_load


def load_config(path: Path) -> dict:
    """A MkDocs config as data, read by MkDocs' own loader: `!ENV` tags resolved, and
    `INHERIT:` merged the way MkDocs does (dictionaries key by key, lists replaced)."""
    with open(path, "rb") as file:
        return yaml_load(file)
