"""Build or preview the site with Zensical (Material for MkDocs' successor).

    python scripts/build_zensical.py build [--site-dir site] [-f CONFIG] [--zensical PATH]
    python scripts/build_zensical.py serve [-f mkdocs.es.yml] [--dev-addr 127.0.0.1:8000]

Zensical reads mkdocs.yml but runs no MkDocs hooks, so this runs the hooks' steps
(scripts/steadyground/) before and after it: see steadyground/build/zensical.py. `build` makes every
language (steadyground/languages/sites.py: English in site_dir, each mkdocs.<code>.yml in site_dir/<code>/), SITE_URL
honoured as by `make build`; `serve` previews one language (English unless -f). A mistake
is one message with the file's name and exit code 1.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from steadyground.build import zensical as zen  # noqa: E402
from steadyground.core.errors import BuildError  # noqa: E402
from steadyground.languages import sites as languages  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"


def theme_dir(zensical: str) -> Path:
    """Zensical's own theme folder, asked of the Python that runs it. From Zensical 0.0.74
    the theme is the `zensical_ui` package (requirements/zensical.txt pins both); importing
    it is quick, importing Zensical itself takes a second."""
    python = Path(zensical).with_name("python")
    found = subprocess.run([str(python), "-c", "import zensical_ui; print(zensical_ui.get_theme_dir())"],
                           capture_output=True, text=True)
    if found.returncode != 0:
        raise BuildError(f"Zensical's theme (zensical_ui) is not installed for {python} "
                         "(run `make build GENERATOR=zensical`, which installs requirements/zensical.txt)")
    return Path(found.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "serve"])
    parser.add_argument("-f", "--config-file", type=Path, default=None,
                        help="build this one config only (default: every language, like `make build`)")
    parser.add_argument("-d", "--site-dir", type=Path, default=REPO / "site")
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    parser.add_argument("--zensical", default=os.environ.get("ZENSICAL", str(DEFAULT_ZENSICAL)))
    args = parser.parse_args(argv)
    try:
        themes = theme_dir(args.zensical)
        if args.command == "serve":  # one `zensical serve` previews one language: English unless -f
            return zen.serve(args.zensical, args.config_file or REPO / "mkdocs.yml", themes, args.dev_addr)
        if args.config_file is not None:
            return build_one(args.zensical, themes, args.config_file, args.site_dir, None)
        # Like scripts/build_site.py: the first language into site_dir (it replaces the folder),
        # then each other language into its folder, with its own site_url; the first failure stops.
        urls = languages.site_urls(repo=REPO)
        for language in languages.discover(REPO):
            code = build_one(args.zensical, themes, REPO / language.config, args.site_dir / language.subdir,
                             urls[language.code])
            if code != 0:
                return code
    except BuildError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    return 0


def build_one(zensical: str, themes: Path, config: Path, site_dir: Path, site_url: str | None) -> int:
    started = time.perf_counter()
    staged = zen.stage(config, themes, site_url=site_url)
    staged_at = time.perf_counter()
    code = zen.run_zensical(zensical, "build", staged)
    if code != 0:
        print(f"zensical build of {config.name} failed (exit {code})", file=sys.stderr)
        return code
    built_at = time.perf_counter()
    built = zen.finish(staged, site_dir)
    done = time.perf_counter()
    print(f"Zensical ({config.name}): {len(built)} pages in {site_dir}, with quizzes, bundles, links and CSP in place "
          f"(staging {staged_at - started:.1f} s, zensical build {built_at - staged_at:.1f} s, "
          f"HTML steps {done - built_at:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
