"""checkkit: every author-facing rule in one place, run by `make check`
(scripts/check_site.py) and by the tests (tests/checkkit/), through the same code.

Modules, one area each: pages (front matter, headings, reading level, length, links),
language (banned and careful wording; the Spanish list in banned_es), accuracy (say no more than
the study found), references (the References section, in-text citations, references.yml's
evidence), safety (pages about leaving carry the safety plan), voice (one register, no words
left untranslated, articles name the abuse), quizzes (quizkit's rules plus the wording of
results), embeds (`<!-- quiz: slug -->` markers), sources (snippets, symbolic links, markup in
front matter; sitekit.author_checks), help_lines (an emergency number and a crisis line for
every country served), spanish_words (one variety of Spanish on the Spanish site), discreet (no
topic words in tab titles or addresses), plans (plankit's rules on plans/plan.yml and its
translations), translations (each translated page names its English twin and cites its sources).

A rule is written once for every language: what differs between languages (words, thresholds,
page names) is in languages.py, one entry per language code.
Each rule is written down for authors in AUTHORING.md, whose index of rules authoring.py makes
from the rules' docstrings.
"""

from __future__ import annotations

from . import (accuracy, discreet, embeds, help_lines, language, pages, plans, quizzes,  # noqa: F401 (registers)
               references, safety, source_files, spanish_words, translations, voice)
from .registry import RULES, Rule, run
from .sources import Project

__all__ = ["Project", "RULES", "Rule", "run"]
