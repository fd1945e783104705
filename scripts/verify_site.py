#!/usr/bin/env python3
"""The safety gate over a built site: `verify_site.py [SITE_DIR] [--site-url URL]`.

Parses every page and stylesheet and prints one line per problem, `site/<path>: message
(source docs/<file>.md)`; exits 0 when the site is safe to publish, 1 otherwise.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from steadyground.safety.verify_cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
