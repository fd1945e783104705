"""Read mkdocs.yml (and mkdocs.es.yml) as data (their !ENV tags resolve to their defaults)."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


class _Loader(yaml.SafeLoader):
    pass


def _env_default(loader, node):
    value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [None]
    return value[-1]


_Loader.add_constructor("!ENV", _env_default)


@functools.cache
def site_config(path: Path = REPO / "mkdocs.yml") -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def exit_url(config: str = "mkdocs.yml") -> str:
    """The exit destination of one language's config (each sets its own)."""
    return site_config(REPO / config)["extra"]["quick_exit"]["url"]


def spanish_exit_url() -> str:
    return exit_url("mkdocs.es.yml")
