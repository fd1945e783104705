"""Safety planning before "no contact" on every page that talks about leaving (CONT-4)."""

from __future__ import annotations

import re
from typing import Iterator

from steadyground.core.project import Project, normalise, without_link_targets
from steadyground.core.rules import Problem, at, rule

SAFETY_ARTICLE = "articles/planning-ahead.md"
SNIPPET = '--8<-- "safety-callout.md"'

# CONT-4: "no contact", "leaving", "leave them", "break up"/"breakup". Matched on what a reader
# reads (link targets removed), so a link to planning-ahead.md is not a mention.
LEAVING = re.compile(r"\bno[- ]contact\b|\bleaving\b|\bleave them\b|\bbreak[- ]?ups?\b|\bbroke up\b", re.I)
CALLOUT = re.compile(r"^--8<--\s+\"safety-callout\.md\"\s*$|^!!!\s+safety\b", re.M)


def mentions_leaving(markdown: str) -> list[str]:
    return sorted({m.group(0).lower() for m in LEAVING.finditer(normalise(without_link_targets(markdown)))})


def cont4_problems(name: str, markdown: str, links: set[str]) -> list[str]:
    """What a page that mentions leaving lacks. A page need not link to itself: help.md is exempt
    from the help link, safe-use.md from the safe-use link, the safety article from its own link."""
    if not mentions_leaving(markdown):
        return []
    required = {"help.md": "the help page", "safe-use.md": "the safe-use page",
                SAFETY_ARTICLE: "the safety-planning article"}
    problems = [f"no link to {what} ({target})" for target, what in required.items()
                if target != name and target not in links]
    if not CALLOUT.search(markdown):
        problems.append(f"no safety callout ({SNIPPET} or a '!!! safety' admonition)")
    return problems


def _first_mention_line(text: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if LEAVING.search(normalise(without_link_targets(line))):
            return number
    return 1


@rule("leaving-needs-safety-plan", "safety")
def leaving_needs_safety_plan(project: Project) -> Iterator[Problem]:
    for page in project.pages:
        # Links of the included safety snippet count: they render on the page, resolved against it.
        problems = cont4_problems(page.name, page.text, page.rendered_link_targets())
        if problems:
            words = ", ".join(f"'{w}'" for w in mentions_leaving(page.text))
            yield at(page.shown, _first_mention_line(page.text),
                     f"the page talks about leaving ({words}), so it needs safety planning nearby: "
                     + "; ".join(problems) + f". In an article, the line {SNIPPET} adds the callout and all three links",
                     "leaving-needs-safety-plan")


@rule("safety-snippet-in-articles-only", "safety")
def safety_snippet_in_articles_only(project: Project) -> Iterator[Problem]:
    """includes/safety-callout.md links ../help.md and ../safe-use.md, which only resolve from
    docs/articles/; other pages use an inline '!!! safety' admonition."""
    for page in project.pages:
        if SNIPPET in page.text and not page.name.startswith("articles/"):
            line = page.text.count("\n", 0, page.text.index(SNIPPET)) + 1
            yield at(page.shown, line, f"{SNIPPET} works only in docs/articles/ (its links are relative); "
                     "use a '!!! safety' admonition here", "safety-snippet-in-articles-only")
