"""Safety planning before "no contact" on every page that talks about leaving (CONT-4), in
every language: the words for leaving, the help, safe-use and safety-planning pages and the
safety snippet come from core/words.py."""

from __future__ import annotations

import re
from typing import Iterator

from steadyground.core.project import Page, Project, normalise, without_link_targets
from steadyground.core.rules import Problem, at, rule
from steadyground.core.words import ENGLISH, LANGUAGES, Language

# English names, kept for the content tests and other callers.
SAFETY_ARTICLE = ENGLISH.safety_article
SNIPPET = ENGLISH.snippet
LEAVING = ENGLISH.leaving
CALLOUT = re.compile(r"^--8<--\s+\"safety-callout\.md\"\s*$|^!!!\s+safety\b", re.M)


def _callout(language: Language) -> re.Pattern:
    """The language's safety snippet on a line of its own, or a '!!! safety' admonition."""
    snippet = re.escape(language.snippet).replace(r"\ ", r"\s+")
    return re.compile(rf"^{snippet}\s*$|^!!!\s+safety\b", re.M)


def mentions_leaving(markdown: str, language: Language = ENGLISH) -> list[str]:
    plain = normalise(without_link_targets(markdown))
    return sorted({m.group(0).lower() for m in language.leaving.finditer(plain)})


def _required(language: Language) -> dict[str, str]:
    return {language.help_page: "the help page", language.safe_use_page: "the safe-use page",
            language.safety_article: "the safety-planning article"}


def cont4_problems(name: str, markdown: str, links: set[str], language: Language = ENGLISH) -> list[str]:
    """What a page that mentions leaving lacks. A page need not link to itself: the help page is
    exempt from the help link, safe-use from the safe-use link, the safety article from its own link."""
    if not mentions_leaving(markdown, language):
        return []
    problems = [f"no link to {what} ({target})" for target, what in _required(language).items()
                if target != name and target not in links]
    if not _callout(language).search(markdown):
        problems.append(f"no safety callout ({language.snippet} or a '!!! safety' admonition)")
    return problems


def _first_mention_line(text: str, language: Language) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if language.leaving.search(normalise(without_link_targets(line))):
            return number
    return 1


def _prose_text(page: Page) -> str:
    """The page up to its References (titles of cited works are not the page's words)."""
    return page.text[: len(page.text) - len(page.body) + len(page.prose)]


@rule("leaving-needs-safety-plan", "safety")
def leaving_needs_safety_plan(project: Project) -> Iterator[Problem]:
    """A page that talks about leaving or cutting contact links the help, safe-use and
    safety-planning pages of its language and carries the safety callout (CONT-4)."""
    for page in project.every_page:
        language = LANGUAGES[page.language]
        text = _prose_text(page)
        # Links of the included safety snippet count: they render on the page, resolved against it.
        problems = cont4_problems(page.name, text, page.rendered_link_targets(), language)
        if problems:
            words = ", ".join(f"'{w}'" for w in mentions_leaving(text, language))
            yield at(page.shown, _first_mention_line(text, language),
                     f"the page talks about leaving ({words}), so it needs safety planning nearby: "
                     + "; ".join(problems) + f". In an article, the line {language.snippet} adds the callout and all "
                     "three links", "leaving-needs-safety-plan")


@rule("article-has-safety-callout", "safety")
def article_has_safety_callout(project: Project) -> Iterator[Problem]:
    """Every article, in every language, includes its language's safety snippet and so links
    the help, safe-use and safety-planning pages."""
    for language in LANGUAGES.values():
        for page in project.articles_in(language):
            missing = [] if language.snippet in page.text else [f"the line {language.snippet}"]
            missing += [f"a link to {target}" for target in _required(language)
                        if target != page.name and target not in page.rendered_link_targets()]
            if missing:
                yield at(page.shown, page.body_line_offset + 1, "the article lacks " + ", ".join(missing)
                         + "; the snippet adds the safety callout and its links", "article-has-safety-callout")


@rule("safety-snippet-in-articles-only", "safety")
def safety_snippet_in_articles_only(project: Project) -> Iterator[Problem]:
    """The safety snippet links ../help.md (../ayuda.md) and the like, which only resolve from
    the articles' folder; other pages use an inline '!!! safety' admonition."""
    for page in project.every_page:
        language = LANGUAGES[page.language]
        snippet = language.snippet
        if snippet in page.text and not page.name.startswith(language.prefix() + language.articles + "/"):
            line = page.text.count("\n", 0, page.text.index(snippet)) + 1
            yield at(page.shown, line, f"{snippet} works only in docs/{language.prefix()}{language.articles}/ (its "
                     "links are relative); use a '!!! safety' admonition here", "safety-snippet-in-articles-only")
