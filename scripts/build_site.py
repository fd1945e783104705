#!/usr/bin/env python3
"""The strict MkDocs build of every language into one folder: `build_site.py [SITE_DIR]`.

mkdocs.yml's language at the root and each mkdocs.<code>.yml's under <code>/
(scripts/steadyground/languages/sites.py), each with `mkdocs build --strict` and its own config.
SITE_URL, when set, is the root language's address.
Used by `make build` and by the tests (tests/harness/build.py), so both build alike.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from steadyground.languages.sites import build_all  # noqa: E402

if __name__ == "__main__":
    site_dir = Path(sys.argv[1] if len(sys.argv) > 1 else os.environ.get("SITE_DIR", "site"))
    result = build_all(site_dir)
    sys.stdout.write(result.output)
    if result.returncode != 0:
        print(f"build_site.py: the build failed (exit {result.returncode})", file=sys.stderr)
    sys.exit(result.returncode)
