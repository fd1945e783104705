"""MkDocs hook for references as data: a thin adapter over scripts/steadyground/references/bibliography.py.

- Before anything is built, every reference problem in the project (unknown key, unused
  entry, NOT VERIFIED source, malformed entry) is listed at once as path:line:col and the
  build stops.
- Each page's list of keys under "## References" / "## Referencias" becomes APA lines.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from steadyground.build import preview as serve_report
from steadyground.core.problems import format_problems
from steadyground.references import bibliography as references

_state: dict = {"bibliography": None}


def on_config(config):
    root = Path(config.config_file_path).parent.resolve()
    problems = references.problems(root)
    if problems and serve_report.active():
        # While previewing, the problems go on the page the preview shows; raising here
        # would leave `mkdocs serve` stuck on the last good site with the browser waiting.
        for line in format_problems(problems):
            serve_report.record_problem(line)
    elif problems and not _site_hook_reports(config):
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        raise PluginError(f"References have {count}:\n" + "\n".join(format_problems(problems)))
    # Otherwise site_hook.py's first step (steadyground/build/sources.py) reports them in the
    # next moment, with every other problem of the sources.
    _state["bibliography"] = references.load(root)
    return config


def on_page_markdown(markdown, *, page, config, files):
    try:
        return references.render_page(markdown, _state["bibliography"])
    except KeyError:  # an unknown key, already recorded while previewing (on_config)
        if not serve_report.active():
            raise
        return markdown


def _site_hook_reports(config) -> bool:
    return any(Path(str(hook)).name == "site_hook.py" for hook in getattr(config, "hooks", None) or [])
