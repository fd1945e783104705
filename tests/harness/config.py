"""mkdocs.yml (and each language's config) as data, read by the site's one config reader
(scripts/steadyground/core/config.py: INHERIT merged, !ENV resolved as the builds resolve it)."""

from __future__ import annotations

import functools
from pathlib import Path

from steadyground.core.config import load_config

REPO = Path(__file__).resolve().parents[2]


@functools.cache
def site_config(path: Path = REPO / "mkdocs.yml") -> dict:
    return load_config(path)


def exit_url(config: str = "mkdocs.yml") -> str:
    """The exit destination of one language's config (each sets its own)."""
    return site_config(REPO / config)["extra"]["quick_exit"]["url"]


def spanish_exit_url() -> str:
    return exit_url("mkdocs.es.yml")
