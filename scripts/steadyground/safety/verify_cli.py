"""The gate's command line: `verify_site.py [SITE_DIR] [--site-url URL]`.

Reads the exit URL and the default site_url from mkdocs.yml (SITE_URL wins, as in the
build), checks the built site and prints one line per problem. Exit status 0 when the site
passes, 1 when it has problems, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from steadyground.core.config import load_config
from steadyground.core.errors import BuildError
from steadyground.core.languages import discover
from steadyground.core.paths import REPO
from steadyground.safety.gate import Expected, Site, verify


def expected_from_config(config_file: Path = REPO / "mkdocs.yml", site_url: str | None = None) -> Expected:
    config = load_config(config_file)
    url = site_url or config.get("site_url") or "/"
    quick_exit = config["extra"]["quick_exit"]
    return Expected(site_url=url if url.endswith("/") else url + "/", exit_url=quick_exit["url"],
                    help_page=quick_exit.get("help_page", "help/"),
                    safe_use_page=quick_exit.get("safe_use_page", "safe-use/"))


def expected_languages(site_url: str | None = None) -> list[Expected]:
    """One Expected per language of `make build` (steadyground/languages/sites.py: mkdocs.yml and each
    mkdocs.<code>.yml): its own path, exit page, help and safe-use pages."""
    base = site_url or os.environ.get("SITE_URL") or load_config(REPO / "mkdocs.yml").get("site_url") or "/"
    base = base if base.endswith("/") else base + "/"
    return [expected_from_config(REPO / language.config, base + language.subdir) for language in discover(REPO)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="verify_site.py", description=__doc__.splitlines()[0])
    parser.add_argument("site_dir", nargs="?", default=os.environ.get("SITE_DIR", "site"), type=Path)
    parser.add_argument("--site-url", help="the address the site is built for (default: SITE_URL, then mkdocs.yml)")
    args = parser.parse_args(argv)
    if not args.site_dir.is_dir():
        print(f"verify_site.py: no built site at {args.site_dir}/ (run `make build` first)", file=sys.stderr)
        return 2
    shown = os.path.relpath(args.site_dir)
    shown = str(args.site_dir) if shown.startswith("..") else Path(shown).as_posix()
    try:
        expected = expected_languages(site_url=args.site_url)
    except BuildError as error:
        print(f"verify_site.py: {error}", file=sys.stderr)
        return 2
    problems = verify(Site(args.site_dir, shown, REPO), expected)
    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}: the site is not safe to publish.",
              file=sys.stderr)
        return 1
    print(f"{shown}/: every page and stylesheet passes the safety gate.", file=sys.stderr)
    return 0
