"""Accuracy and safety of the words (issue 11): say no more than the study found, do not print
unchecked details as certain, do not promise what cannot be promised, and do not give advice
that could put a reader in danger. Over docs/**/*.md and includes/*.md, as a reader reads them:
myth passages (named to rebut them), "## References" and link targets are skipped, except by the
reference checks at the end, which read only the references.

Each rule is a (id, pattern, reason, example) so a failure names the rule and the reason, and a
self-test proves every pattern fires on its example. Quiz wording has its own test
(test_quiz_wording.py)."""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest

from markdown_pages import INCLUDES, all_pages, normalise, without_link_targets, without_myths


class Rule(NamedTuple):
    id: str
    pattern: str
    reason: str
    example: str


RULES: list[Rule] = [
    # --- correlational studies described as causes (evidence.md §3) ---
    Rule("contact-slowed-recovery",
         r"\bcontact\b[^.]{0,40}\bslow(?:s|ed)?\b(?: down)? (?:how fast|recovery|healing|the fading)"
         r"|\b(?:contact|checking)\b[^.]{0,20}\bcan (?:slow|keep|stop)\b",
         "Sbarra & Emery 2005 (diary) and Marshall 2012 (one-time survey) show links, not causes: "
         "say 'went with', and say these were students after ordinary breakups",
         "Contact with the ex slowed how fast love and sadness faded."),
    Rule("keeps-feelings-alive", r"\bkeeps? (?:the )?feelings (?:alive|strong)\b",
         "causal wording for correlational studies (Sbarra & Emery 2005)",
         "Contact can keep the feelings alive."),
    Rule("unpredictability-matters-more",
         r"\bunpredictab\w+[^.]{0,80}\bmatter(?:s|ed)? more\b|\bwhat mattered more\b"
         r"|\bunpredictable (?:abuse|nature of abuse)\b",
         "Dutton & Painter 1993 measured intermittency (bad and good treatment alternating), not "
         "unpredictability, and did not compare it with anything",
         "What mattered more was how unpredictable the abuse was."),
    Rule("therapy-makes-you-feel-better",
         r"\btherapy (?:can|will) (?:help you feel better|make you feel better)\b",
         "Hameed et al. 2020: therapy probably brings small improvements in depression; say 'may help a little'",
         "So therapy can help you feel better."),
    Rule("listening-makes-a-difference", r"\bcan make a (?:real |big )?difference\b",
         "an outcome promise; Koepsell et al. 2006 is an association, not a test of what friends say",
         "Being someone who listens can make a real difference."),
    # --- outcome promises ---
    Rule("it-will-pass",
         r"\b(?:it|this|this one|the urge|the feeling|an urge)(?:'ll| will| can) pass\b"
         r"|\bpeaks?,? and then (?:eases?|fades?|falls?)\b|\bwhile the (?:wave|urge) passes\b",
         "an outcome promise: urges do not always pass, and no study here shows they do",
         "This is an urge. It will pass."),
    # --- danger that passes quickly (Wilson & Daly 1993: months or years) ---
    Rule("weeks-around-a-breakup",
         r"\bthe (?:days|weeks) (?:around|after|following) (?:a |the )?(?:break-?up|separation|leaving)\b"
         r"|\btime around (?:a |the )?break-?up\b",
         "risk stays raised for months and longer (Wilson & Daly 1993); do not suggest that the "
         "danger passes quickly",
         "The weeks around a breakup can be the riskiest time."),
    Rule("danger-passes",
         r"\b(?:risk|danger)\w*\b[^.]{0,30}\b(?:soon |quickly )?(?:passes|fades|goes away|is over)\b"
         r"|\bpasses quickly\b",
         "risk can stay raised for months or years (Wilson & Daly 1993)",
         "The danger soon passes."),
    # --- promises that a watcher cannot see (Freed et al. 2018: access to the phone or account) ---
    Rule("they-will-never-know",
         r"\b(?:they|he|she|no one|nobody|anyone)(?:'ll| will| would)? never (?:know|find out|see|notice)\b"
         r"|\bwithout (?:them|him|her) (?:ever )?knowing\b",
         "not always true: some apps show who viewed a story, and a partner with access to the "
         "account or phone can see it",
         "It can feel harmless because they will never know."),
    Rule("they-cannot-tell",
         r"\b(?:they|he|she)(?:'re| are)? (?:cannot|can't|can not|won't|will not) (?:tell|see|know|find out)\b(?! you\b)",
         "not always true: a partner with access to the account or phone may see it",
         "You stop seeing their posts, but they cannot tell."),
    # --- naming abuse (safety.md A5) ---
    Rule("hard-relationship",
         r"\b(?:hard|hurtful|difficult|toxic|unhealthy) relationships?\b",
         "safety.md A5: where a page is about abuse, name it ('abusive or controlling relationship')",
         "Leaving a hard relationship is rarely a straight line."),
    # --- uncited claims (issue 11) ---
    Rule("more-common-than-people-think",
         r"\bmore common than (?:many |most )?(?:people )?(?:think|realise|realize|expect)\b",
         "uncited; give the figures and their definitions instead (evidence.md §6.7)",
         "It is more common than many people think."),
    Rule("what-helps-most", r"\bwhat (?:may |might |really )?helps? (?:the )?most\b",
         "uncited; no study compared what helps most",
         "What may help most is making that contact calm, brief and predictable."),
    Rule("no-national-helpline-as-fact",
         r"\b(?:canada|there) (?:has|is) no (?:single )?national (?:helpline|hotline)\b",
         "evidence.md §7 says none was found, not that none exists: 'we found no single national helpline'",
         "Canada has no single national helpline for abuse."),
    Rule("urges-come-at-night-as-fact",
         r"^(?:(?!\b(?:people|many) (?:say|report|find|notice)\b)[^.])*\burges?\b[^.]{0,40}\b(?:often |usually )?come at night\b",
         "uncited: say it as what people report",
         "Urges to reach out often come at night."),
    # --- advice that could breach a court order, or expose the reader ---
    Rule("supervised-contact-centre", r"\bsupervised contact centres?\b",
         "a UK term; describe the service and say where it is called that",
         "Ask the court about a supervised contact centre."),
]

COMPILED = [(r, re.compile(r.pattern, re.I | re.M)) for r in RULES]
REASONS = {r.id: r.reason for r in RULES}


def findings(text: str) -> list[tuple[str, str]]:
    plain = normalise(text)
    return [(r.id, m.group(0)) for r, rx in COMPILED for m in rx.finditer(plain)]


def _blank(match: re.Match) -> str:
    return "\n" * match.group(0).count("\n")


def paragraphs(markdown: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, paragraph) of what a reader reads: no myth passages, references or link targets.
    Front matter is kept: its description shows in search results."""
    references = re.compile(r"^##\s+References\s*$.*?(?=^#{1,2}\s|\Z)", re.S | re.M)
    text = without_link_targets(references.sub(_blank, without_myths(markdown)))
    out, line = [], first_line
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip():
            out.append((line + len(block) - len(block.lstrip("\n")), block))
        line += block.count("\n")
    return out


SOURCES = {p.name: p.text for p in all_pages()}
SOURCES |= {f"includes/{p.name}": p.read_text(encoding="utf-8") for p in sorted(INCLUDES.glob("*.md"))}


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
    "It is often highest soon after a breakup, but it can stay higher for months or years.",
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


# ---- the pages ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(SOURCES))
def test_no_overstated_or_unsafe_wording(name):
    problems = [f"{name}:{line}: '{words}' [{rid}] {REASONS[rid]}"
                for line, block in paragraphs(SOURCES[name]) for rid, words in findings(block)]
    assert not problems, "\n".join(problems)


# Paragraph rules: what a paragraph that cites a study may not say about it.
STUDY_RULES = [
    ("Hendy", r"\breturn\w*|\bgo(?:ing)? back\b",
     "Hendy et al. 2003 is about reasons to stay or leave, not reasons to return"),
    ("Dutton & Painter, 1993", r"\bunpredictab\w+",
     "Dutton & Painter 1993 measured intermittency (bad and good treatment alternating), not unpredictability"),
    ("Koepsell", r"\bwhat (?:friends|you) say\b(?![^.]*\bnot\b)",
     "Koepsell et al. 2006 found an association; it did not test what friends say"),
    ("Sbarra & Emery", r"\bslow(?:ed|s)? (?:down )?how\b|\bkeeps?\b",
     "Sbarra & Emery 2005 is a diary study: 'went with', not 'slowed' or 'kept'"),
]


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_paragraphs_say_no_more_than_the_study_they_cite(name):
    problems = []
    for line, block in paragraphs(SOURCES[name]):
        plain = normalise(block)
        for study, pattern, reason in STUDY_RULES:
            if f"({study}" in plain or f"; {study}" in plain:
                for sentence in re.split(r"(?<=[.!?])\s+", plain):
                    if study.split(",")[0] in sentence and (m := re.search(pattern, sentence, re.I)):
                        problems.append(f"{name}:{line}: '{m.group(0)}' near ({study}): {reason}")
    assert not problems, "\n".join(problems)


# ---- the diagnosis status of "trauma bond" (evidence-additions.md §F: NOT VERIFIED) ------------------------

_NOT_A_DIAGNOSIS = re.compile(r"\bnot (?:a |an )?(?:formal |medical |clinical )?diagnos\w*", re.I)
_TRAUMA_BOND = re.compile(r"\btrauma(?:tic)?[- ]bond\w*|\bthis pattern\b|^\*\[trauma bond\]", re.I | re.M)
_HEDGE = re.compile(r"as far as we know|not been able to check|have not checked|could not check", re.I)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_trauma_bond_is_not_a_diagnosis_is_said_with_its_status(name):
    """Whether "trauma bonding" is absent from DSM-5-TR and ICD-11 was never checked against the
    manuals: a paragraph that says it is not a diagnosis says "as far as we know" or that we could
    not check (not: "the site is not a diagnosis")."""
    problems = []
    for line, block in paragraphs(SOURCES[name]):
        plain = normalise(block)
        for sentence in re.split(r"(?<=[.!?])\s+", plain):
            if _NOT_A_DIAGNOSIS.search(sentence) and (_TRAUMA_BOND.search(sentence) or
                                                      re.match(r"(?:it|this) is (?:a research idea|not)", sentence, re.I)
                                                      and _TRAUMA_BOND.search(plain)):
                if not _HEDGE.search(plain):
                    problems.append(f"{name}:{line}: '{sentence[:90]}' states the diagnosis status as certain")
    assert not problems, "\n".join(problems)


def test_diagnosis_status_checker_self_test():
    def check(text):
        return [s for _, b in paragraphs(text) for s in re.split(r"(?<=[.!?])\s+", normalise(b))
                if _NOT_A_DIAGNOSIS.search(s) and _TRAUMA_BOND.search(normalise(b)) and not _HEDGE.search(normalise(b))]
    assert check('"Trauma bond" is not a medical diagnosis.\n')
    assert check("Researchers call it traumatic bonding. It is not a diagnosis.\n")
    assert not check("As far as we know, trauma bonding is not a formal diagnosis.\n")
    assert not check("This site is not a diagnosis.\n")


# ---- safety of the advice ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(SOURCES))
def test_advice_about_children_and_handovers_says_to_get_legal_advice(name):
    """Stopping contact with a co-parent or moving children can breach a court order, and the law
    differs by country: any page that advises on handovers or children's contact says so."""
    text = normalise(SOURCES[name])
    if re.search(r"\bhandovers?\b|\bplans? for children\b|\bcontact with (?:your|the) children\b", text, re.I):
        assert re.search(r"court order", text, re.I) and re.search(r"legal advice", text, re.I), (
            f"{name}: talks about children's contact or handovers without the court-order caution")


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_work_devices_come_with_a_caution(name):
    """A work phone or computer may be monitored by the employer, and the person may share the workplace."""
    problems = []
    for line, block in paragraphs(SOURCES[name]):
        plain = normalise(block)
        if re.search(r"\bwork (?:phone|computer|device|email)s?\b", plain, re.I) and not re.search(r"employer", plain, re.I):
            problems.append(f"{name}:{line}: suggests a work device without saying the employer may see it")
    assert not problems, "\n".join(problems)


def test_safety_callout_says_the_risk_lasts_months():
    callout = normalise((INCLUDES / "safety-callout.md").read_text(encoding="utf-8"))
    assert re.search(r"months", callout, re.I), "includes/safety-callout.md: the risk lasts months or years (Wilson & Daly 1993)"
    assert re.match(r'\s*!!! safety "', callout), "keep the admonition type: the theme styles 'safety'"
    for name, text in SOURCES.items():
        for block in re.findall(r"^!!!\s+safety\b.*\n(?:(?:[ ]{4}.*)?\n)*", text, re.M):
            assert re.search(r"months", normalise(block), re.I), f"{name}: its safety callout omits that risk lasts months"


def test_unwanted_contact_points_to_the_link_with_violence_and_an_advocate():
    """Where a page says unwanted contact after a breakup is common, it also says that people linked
    it to earlier violence, and points to an advocate (Langhinrichsen-Rohling et al. 2000)."""
    problems = []
    for name, text in SOURCES.items():
        plain = normalise(without_myths(text))
        if re.search(r"unwanted (?:contact|pursuit)[^.]{0,60}\bis common\b|\bmost of those who had been broken up with\b", plain, re.I):
            if not (re.search(r"earlier violence|violence earlier", plain, re.I) and re.search(r"advocate", plain, re.I)):
                problems.append(name)
    assert not problems, f"pages that call unwanted contact common without the link to violence and an advocate: {problems}"


# ---- references: details the evidence marks unchecked ------------------------------------------------------

# (first author, year as cited, a detail that evidence.md / evidence-additions.md marks unchecked).
UNCHECKED_DETAILS = [
    ("Marshall", "2012", r"521", "pages unchecked (evidence.md §3.5)"),
    ("Dutton", "1993a", r"614", "pages unchecked (evidence.md §1.3)"),
    ("Namnyak", "2008", r"117\*?\(1\)|4–11|4-11", "volume and pages unchecked (evidence.md §1.7)"),
    ("Woo", "2014", r"5380|\*Nature Communications, 5\*", "volume and article number unchecked (evidence.md §2.7)"),
    ("Ferster", "1957", r"Appleton", "publisher unchecked (evidence.md §2.6)"),
    ("Carr", "2015", r"Journal of Family Communication", "journal unchecked (evidence.md §6.5)"),
    ("Okun", "1988", r"Coping with Family Violence|Hotaling", "chapter and book details unchecked (evidence.md §4a.2)"),
    ("Glass", "2017", r"Messing|Clough", "full author list unchecked (evidence.md §4c.1)"),
    ("Sbarra", "2005", r"10\.1111/j\.1350", "DOI unchecked (evidence.md §3.1)"),
    ("Campbell", "2003", r"10\.2105/AJPH\.93\.7\.1089", "DOI unchecked (evidence.md §4b.1)"),
    ("Henderson", "1997", r"12\*?\(2\),\s*\d", "pages unchecked (evidence.md §1.4)"),
    ("Koepsell", "2006", r"21\*?\(2\),\s*\d", "pages unchecked (evidence.md §4a.3)"),
    ("Reczek", "2022", r"doi\.org", "DOI unchecked (evidence.md §6.4)"),
    ("Freed", "2018", r"doi\.org|Paper 667", "DOI and paper number only from bibliographies (evidence-additions §C.9)"),
]
_MARKED = re.compile(r"not confirmed|unchecked|not checked", re.I)


@pytest.mark.parametrize("name", sorted(n for n in SOURCES if n.startswith("articles/")))
def test_references_do_not_print_unchecked_details_as_certain(name):
    from markdown_pages import page
    problems = []
    for item in page(name).reference_items():
        plain = normalise(item)
        for author, year, detail, why in UNCHECKED_DETAILS:
            if plain.startswith(author) and f"({year})" in plain and re.search(detail, plain) and not _MARKED.search(plain):
                problems.append(f"{author} ({year}): {why}; remove it or mark it 'not confirmed'")
    assert not problems, f"{name}:\n" + "\n".join(problems)


_MARKED_ES = re.compile(r"sin comprobar|sin verificar|sin anotar", re.I)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_bibliography_does_not_print_unchecked_details_as_certain(language):
    """Every entry of references.yml as the build renders it, in both languages: the lists of
    the pages above come from these lines, and so do the Spanish pages' lists."""
    from buildkit import references
    from markdown_pages import ROOT

    marked = _MARKED if language == "en" else _MARKED_ES
    problems = []
    for key, entry in references.load(ROOT).entries.items():
        plain = normalise(references.render_entry(entry, language=language))
        for author, year, detail, why in UNCHECKED_DETAILS:
            if plain.startswith(author) and f"({year[:4]})" in plain and re.search(detail, plain) and not marked.search(plain):
                problems.append(f"references.yml {key}: {why}; remove it or put it under `unchecked:`")
    assert not problems, "\n".join(problems)
