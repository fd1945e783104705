"""Rendering: a checked plan becomes the page's Markdown and the form's markup.

The Markdown (front matter, heading, intro, what the page cannot hide, References) goes
through MkDocs like any page, so its links are checked and its citations rendered. The form
is raw HTML from the macros in overrides/partials/plan.html (autoescape on, StrictUndefined),
kept out of Markdown: the page holds a placeholder, and `assemble` puts the markup in on the
finished page (as quizkit does), so the form never meets Markdown or the table of contents.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from steadyground.core.languages import REFERENCES_HEADINGS
from steadyground.core.paths import REPO
from steadyground.plans.model import Plan

TEMPLATES = REPO / "overrides" / "partials"
PLACEHOLDER = "<!--plan-markup-->"
_BETWEEN_TAGS = re.compile(r">\s+<")


@lru_cache(maxsize=1)
def _macros():
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("plan.html").module


def page_markdown(plan: Plan, language: str = "en") -> str:
    meta = {"title": plan.title, "tab_title": plan.tab_title, "description": plan.description,
            "reviewed": plan.reviewed}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    parts = [f"---\n{front}---\n", f"# {plan.title}\n", plan.intro + "\n", plan.cannot_hide + "\n",
             f"\n{PLACEHOLDER}\n"]
    if plan.references:
        heading = REFERENCES_HEADINGS.get(language, REFERENCES_HEADINGS["en"])
        parts.append(f"## {heading}\n\n" + "\n".join(f"- {key}" for key in plan.references) + "\n")
    return "\n".join(parts)


def markup(plan: Plan, page_uri: str) -> str:
    """The form for the page at `page_uri` (inside docs/, like "my-plan.md")."""
    html = str(_macros().render_plan(plan, lambda page: page_href(page, page_uri)))
    return _BETWEEN_TAGS.sub("><", html.strip())


def page_href(page: str, from_page: str) -> str:
    """A docs/ page as a link from another page, both built with directory URLs."""
    def url(name: str) -> str:
        stem = name[: -len(".md")]
        stem = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
        return stem
    page, _, anchor = page.partition("#")
    here = url(from_page) or "./"
    relative = posixpath.relpath(url(page) or ".", here.rstrip("/") or ".")
    relative = "./" if relative == "." else relative + "/"
    return relative + (f"#{anchor}" if anchor else "")


def assemble(html: str, form: str) -> str:
    if html.count(PLACEHOLDER) != 1:
        raise ValueError(f"expected one {PLACEHOLDER} in the page, found {html.count(PLACEHOLDER)}")
    return html.replace(PLACEHOLDER, form)


def plain_markdown(plan: Plan, language: str = "en") -> str:
    """The plan's words as an ordinary Markdown page (for the byte budget's stock twin)."""
    lines = [page_markdown(plan, language).replace(PLACEHOLDER, "")]
    for section in plan.sections:
        lines.append(f"## {section.title}\n\n{section.intro}\n")
        lines += [f"- {item.label}" + (f" ({item.hint})" if item.hint else "") for item in section.items]
        lines.append("")
    return "\n".join(lines)
