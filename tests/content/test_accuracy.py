"""Accuracy and safety of the words (issue 11): say no more than the study found, do not print
unchecked details as certain, do not promise what cannot be promised, and do not give advice
that could put a reader in danger.

The rules live in scripts/steadyground/pages/accuracy.py (references: steadyground/references/checks.py) and run on
the sources in tests/checkkit/test_site_rules.py, as `make check` runs them; these are their
self-tests, and the check of the shared safety snippet."""

from __future__ import annotations

import re

import pytest
from markdown_pages import INCLUDES, normalise

from steadyground.pages.accuracy import REASONS, RULES, findings, uncertain_diagnosis_sentences
from steadyground.references.checks import UNCHECKED_DETAILS, unchecked_details

# ---- self-tests: every rule can fail, careful wording passes -------------------------------------------

def test_rule_ids_are_unique():
    assert len(REASONS) == len(RULES)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_every_rule_fires_on_its_example(rule):
    assert rule.id in [rid for rid, _ in findings(rule.example)], f"{rule.id} misses {rule.example!r}"


CAREFUL = [
    "Those who had contact with their ex felt love and sadness fade more slowly (Sbarra & Emery, 2005).",
    "It may also help to know that contact goes with feelings staying strong for longer.",
    "How often bad and good treatment swapped was one of three things that went with stronger attachment.",
    "So therapy may help a little with low mood.",
    "This is an urge. I do not have to act on it.",
    "It is often highest soon after a breakup, but harm can still happen months or years later.",
    "It can feel harmless, as if they would not find out.",
    "A number like this cannot tell you whether those relationships were safe.",
    "Leaving an abusive or controlling relationship is rarely a straight line.",
    "We found no single national helpline for abuse in Canada.",
    "Many people say urges to reach out come at night, on special days, or after a message from them.",
    "Many parents try to keep that contact calm, brief and predictable.",
    "In the UK these take place at child contact centres.",
    "The quiz cannot tell you how safe you are.",
    "They are not tested measures, and they cannot tell you what is happening in your life.",
    "58 young adults kept a diary for four weeks after a breakup.",
]


@pytest.mark.parametrize("sentence", CAREFUL)
def test_careful_wording_passes(sentence):
    assert findings(sentence) == []



def test_diagnosis_status_checker_self_test():
    def check(text):
        return uncertain_diagnosis_sentences(text)
    assert check('"Trauma bond" is not a medical diagnosis.\n')
    assert check("Researchers call it traumatic bonding. It is not a diagnosis.\n")
    assert not check("As far as we know, trauma bonding is not a formal diagnosis.\n")
    assert not check("This site is not a diagnosis.\n")


def test_safety_callout_snippet_keeps_its_admonition_type():
    callout = normalise((INCLUDES / "safety-callout.md").read_text(encoding="utf-8"))
    assert re.search(r"months", callout, re.I), "includes/safety-callout.md: the risk lasts months or years (Wilson & Daly 1993)"
    assert re.match(r'\s*!!! safety "', callout), "keep the admonition type: the theme styles 'safety'"


def test_unchecked_detail_checker_self_test():
    assert unchecked_details("Marshall, T. C. (2012). Title. *Journal*, 19, 521-531.")
    assert not unchecked_details("Marshall, T. C. (2012). Title. *Journal*, 19, 521-531 (pages not confirmed).")
    assert len({(a, y) for a, y, _, _ in UNCHECKED_DETAILS}) == len(UNCHECKED_DETAILS)
