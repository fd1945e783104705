"""buildkit: every build step the site needs, as plain functions that know no generator.

The MkDocs hooks (scripts/references_hook.py, site_hook.py, quiz_hook.py) and the Zensical adapter
(scripts/build_zensical.py) both call these; neither holds build logic of its own.

- references: the bibliography (references.yml), each page's References list, reference checks.
- bundles: our JS and CSS bundles, with dark colours derived from the theme's palette.
- quizzes: quiz pages and the Self-checks index, `<!-- quiz: -->` markers, quiz markup.
- pages: checks and rewrites on a page's HTML (inline scripts, links, the CSP).
- serve_report: while previewing, problems shown on every page instead of stopping.
- BuildError: an author or configuration mistake, with a message naming the file.
"""

from __future__ import annotations


class BuildError(Exception):
    """A mistake the build reports as one clear message (never a traceback)."""
