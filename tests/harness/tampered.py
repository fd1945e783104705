"""Tampered copies of the built site, for the safety gate's tests: a fresh copy to edit, one
edit at a time, and what the gate says about it. The fixtures `expected` and `tampered` are
offered to every test by tests/conftest.py."""

from __future__ import annotations

import shutil

import pytest

from harness.build import REPO
from steadyground.safety.gate import Site, verify
from steadyground.safety.verify_cli import expected_languages


@pytest.fixture(scope="module")
def expected(site):
    """One Expected per language: English at the root, Spanish under es/."""
    return expected_languages(site.base_url)


@pytest.fixture
def tampered(site, tmp_path):
    """A fresh copy of the built site to edit (the site itself is a shared, cached build)."""
    root = tmp_path / "site"
    shutil.copytree(site.root, root)
    return root


def edit(root, page: str, old: str, new: str) -> None:
    path = root / page
    html = path.read_text(encoding="utf-8")
    assert old in html, f"{old!r} not in {page}: the fixture no longer matches the build"
    path.write_text(html.replace(old, new, 1), encoding="utf-8")


def gate_problems(root, expected) -> list[str]:
    return verify(Site(root, "site", REPO), expected)
