"""The rule set `make check` runs (scripts/check_site.py), and the tests through the same
code: every author-facing rule of every feature, on every language's sources. Each rule is
written down for authors in AUTHORING.md."""

from __future__ import annotations

from steadyground.core.project import Project
from steadyground.core.rules import RULES, Rule, run
from steadyground.help_lines import checks as help_lines
from steadyground.languages import spanish_words, translations, voice
from steadyground.pages import accuracy, discreet, safety_planning, source_files, wording
from steadyground.pages import checks as pages
from steadyground.plans import checks as plans
from steadyground.quizzes import checks as quizzes
from steadyground.quizzes import embeds
from steadyground.references import checks as references

# Importing a feature's checks registers its rules (core/rules.py); this is the rule set
# `make check` runs, and the tests run it through the same `run`.
FEATURE_CHECKS = (accuracy, discreet, embeds, help_lines, pages, plans, quizzes, references, safety_planning,
                  source_files, spanish_words, translations, voice, wording)

__all__ = ["BUILD_RULES", "FEATURE_CHECKS", "Project", "RULES", "Rule", "for_build", "run"]

# The rules every build runs too, through these same functions, before it reads a page: the
# ones that guard what a reader meets (a tab title or address that names the topic, PRIV-13;
# a page in the wrong language or variety; blaming words; a country with no help; the safety
# callout on a page where its links break; a translation_of that names no page; a plan file
# with a mistake). Links to no page are the generators' own strict checks, and the quiz
# build's at the .yml line. The rest are editorial (length, reading
# level, wording of results, references per article, front matter fields): `make check` and
# the tests hold the real project to them, and the test projects are small drafts that do not
# meet them. Each door's list is in ARCHITECTURE.md, "One rule, every door".
BUILD_RULES = ("discreet-history", "translation-of", "country-has-help",
               "banned-wording", "careful-wording", "myth-markers", "safety-snippet-in-articles-only",
               "leaving-needs-safety-plan", "spanish-vocabulary", "unchecked-reference-detail", "plan-file")


def for_build(root) -> list[str]:
    """The problems a build stops on, as `path:LINE:COL: message (rule)` lines."""
    return [str(problem) for problem in run(Project(root), names=BUILD_RULES)]
