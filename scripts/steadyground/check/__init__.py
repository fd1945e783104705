"""checkkit: every author-facing rule in one place, run by `make check`
(scripts/check_site.py) and by the tests (tests/checkkit/), through the same code.

Modules, one area each: pages (front matter, headings, reading level, length, links),
language (banned and careful wording), accuracy (say no more than the study found),
references (the References section and in-text citations; kept apart so a bibliography
can replace it), safety (pages about leaving carry the safety plan), quizzes (quizkit's
rules plus the wording of results), embeds (`<!-- quiz: slug -->` markers), sources
(snippets, symbolic links, markup in front matter; steadyground.pages.author_checks), help_lines
(an emergency number and a crisis line for every country served), spanish_words (one
variety of Spanish on the Spanish site), discreet (no topic words in tab titles or addresses),
plans (plankit's rules on plans/plan.yml and its translations).
Each rule is written down for authors in AUTHORING.md.
"""

from __future__ import annotations

from steadyground.pages import accuracy, discreet, wording as language, checks as pages, safety_planning as safety, source_files  # noqa: F401 (registers)
from steadyground.quizzes import embeds, checks as quizzes
from steadyground.help_lines import checks as help_lines
from steadyground.plans import checks as plans
from steadyground.references import checks as references
from steadyground.languages import spanish_words
from steadyground.core.rules import RULES, Rule, run
from steadyground.core.project import Project

__all__ = ["Project", "RULES", "Rule", "run"]
