"""mkdocs.yml and the pins keep the settings that protect readers (PRIV-2, PRIV-4..6,
PRIV-10, PRIV-11, PRIV-13, SEC-9)."""

from __future__ import annotations

import re

from harness.build import REPO
from harness.config import site_config

TOPIC_WORDS = re.compile(r"abuse|trauma|contact|violence|leav|escape|narciss|toxic|bond", re.I)


def test_no_third_party_features():
    config = site_config()
    assert "repo_url" not in config and "edit_uri" not in config
    assert config["theme"]["font"] is False
    extra = config.get("extra", {})
    assert "analytics" not in extra and "consent" not in extra
    assert extra.get("generator") is False
    plugin_names = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert "privacy" in plugin_names and "offline" not in plugin_names
    privacy = next(p["privacy"] for p in config["plugins"] if isinstance(p, dict) and "privacy" in p)
    assert privacy["assets_fetch"] is False
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert not {"pymdownx.emoji", "pymdownx.arithmatex"} & set(extensions)


def test_nothing_that_writes_storage_or_puts_words_in_urls():
    theme = site_config()["theme"]
    assert "palette" not in theme  # Material's palette toggle writes localStorage
    features = set(theme["features"])
    assert not features & {"search.highlight", "search.share", "content.tabs.link", "announce.dismiss",
                           "header.autohide"}
    assert {"navigation.instant", "navigation.prune"} <= features


def test_site_name_does_not_announce_the_topic():
    assert not TOPIC_WORDS.search(site_config()["site_name"])


def test_dependencies_are_pinned_exactly():
    for name in ("site.txt", "test.txt"):
        for line in (REPO / "requirements" / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-r"):
                assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][A-Za-z0-9.+\-]*", line), line
    site = (REPO / "requirements/site.txt").read_text(encoding="utf-8")
    assert re.search(r"^mkdocs==1\.6\.\d+$", site, re.M)
    assert re.search(r"^mkdocs-material==9\.(7|8|9)\.\d+$", site, re.M)
    assert re.search(r"^pymdown-extensions==", site, re.M)
