"""Build or preview the site with Zensical (Material for MkDocs' successor).

    python scripts/build_zensical.py build [--site-dir site] [--zensical PATH]
    python scripts/build_zensical.py serve [--dev-addr 127.0.0.1:8000]

Zensical reads mkdocs.yml but runs no MkDocs hooks, so this runs the hooks' steps
(scripts/buildkit) before and after it: see buildkit/zensical.py. SITE_URL is honoured
as in mkdocs.yml. A mistake is one message with the file's name and exit code 1.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from buildkit import BuildError  # noqa: E402
from buildkit import zensical as zen  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"


def theme_dir(zensical: str) -> Path:
    """Zensical's own theme folder (zensical/templates, as zensical.config says), asked of
    the Python that runs it without importing Zensical (that takes a second)."""
    python = Path(zensical).with_name("python")
    found = subprocess.run(
        [str(python), "-c", "import importlib.util as u; print(u.find_spec('zensical').submodule_search_locations[0])"],
        capture_output=True, text=True)
    if found.returncode != 0:
        raise BuildError(f"Zensical is not installed for {python} (run `make build GENERATOR=zensical`)")
    return Path(found.stdout.strip()) / "templates"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["build", "serve"])
    parser.add_argument("-f", "--config-file", type=Path, default=REPO / "mkdocs.yml")
    parser.add_argument("-d", "--site-dir", type=Path, default=REPO / "site")
    parser.add_argument("-a", "--dev-addr", default="127.0.0.1:8000")
    parser.add_argument("--zensical", default=os.environ.get("ZENSICAL", str(DEFAULT_ZENSICAL)))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        if args.command == "serve":
            return zen.serve(args.zensical, args.config_file, theme_dir(args.zensical), args.dev_addr)
        staged = zen.stage(args.config_file, theme_dir(args.zensical))
        staged_at = time.perf_counter()
        code = zen.run_zensical(args.zensical, "build", staged)
        if code != 0:
            print(f"zensical build failed (exit {code})", file=sys.stderr)
            return code
        built_at = time.perf_counter()
        built = zen.finish(staged, args.site_dir)
    except BuildError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    done = time.perf_counter()
    print(f"Zensical: {len(built)} pages in {args.site_dir}, with quizzes, bundles, links and CSP in place "
          f"(staging {staged_at - started:.1f} s, zensical build {built_at - staged_at:.1f} s, "
          f"HTML steps {done - built_at:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
