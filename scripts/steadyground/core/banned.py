"""Banned and careful wording in English: each entry a pattern, the reason, and where the
evidence says so. The rules that read it (pages/wording.py banned-wording) and each language's
words (core/words.py) share this one list; Spanish is core/banned_es.py."""

from __future__ import annotations

import re
from typing import NamedTuple

from steadyground.core.project import normalise


class Banned(NamedTuple):
    id: str
    pattern: str
    reason: str
    example: str  # a sentence the pattern must catch (test_every_banned_pattern_fires_on_its_example)


NUM = r"(?:\d+|five|six|seven|eight|nine|ten)"
LEAVE = r"(?:leav\w*|left|go(?:es|ing)? back|went back|return\w*)"
DIAGNOSIS = (r"(?:a\s+)?(?:formal\s+|medical\s+|clinical\s+|recogni[sz]ed\s+|real\s+)?"
             r"(?:diagnos\w*|disorder|mental illness)")
IS_A_DIAGNOSIS = rf"\W{{0,2}}\s+(?:is|are)\s+{DIAGNOSIS}"
PAIN = r"(?:physical|bodily) pain\b"
CLAIMS = "evidence.md, Common claims:"
CONT6 = "safety.md CONT-6:"

BANNED: list[Banned] = [
    # --- unsupported or overstated claims (evidence.md, "Common claims" table) ---
    Banned("fixed-number-of-attempts",
           rf"\b{NUM}(?:\s*(?:-|–|to|or)\s*{NUM})?\s+(?:attempts|tries)\b",
           f"{CLAIMS} '7 attempts to leave' is not evidence-based as a number (Anderson & Saunders 2003)",
           "It takes a survivor 7 attempts to leave."),
    Banned("average-of-7", r"\baverage of (?:7|8|seven|eight)\b",
           f"{CLAIMS} 'an average of 7 attempts' has no primary study",
           "Survivors leave an average of 7 times."),
    Banned("n-times-to-leave",
           rf"\b{NUM}\s+times\b[^.]{{0,40}}\b{LEAVE}\b|\b{LEAVE}\b[^.]{{0,40}}\b{NUM}\s+times\b",
           f"{CLAIMS} no set number of times to leave is supported",
           "Most people go back seven times before they leave."),
    Banned("hoovering", r"\bhoover(?:s|ed|ing)?\b",
           f"{CLAIMS} 'narcissists always hoover' has no research (evidence.md §5.6); "
           "say 'unwanted contact or pursuit'",
           "When an ex gets in touch again, that is hoovering."),
    Banned("narcissist-label", r"\bnarcissis(?:t|ts|tic|m)\b",
           f"{CLAIMS} not a diagnosis (evidence.md §5.7, CONT-2); describe behaviour, don't diagnose the ex",
           "Your partner is a narcissist."),
    Banned("psychopath-label", r"\b(?:psychopath|sociopath)\w*",
           f"{CLAIMS} '...means you're a psychopath' misreads Mogilski & Welling 2017; CONT-2: no labels",
           "Only a psychopath stays friends with an ex."),
    Banned("love-is-a-drug", r"\blove is (?:(?:literally|just|like)\s+)?(?:a drug|an addiction)\b",
           f"{CLAIMS} overstated; say 'love engages reward systems also involved in craving'",
           "Love is a drug, and you are hooked."),
    Banned("cocaine", r"\bcocaine\b",
           f"{CLAIMS} 'heartbreak is like cocaine withdrawal' is overstated",
           "Heartbreak is like cocaine withdrawal."),
    Banned("same-as-physical-pain",
           rf"\b(?:exactly|just) like {PAIN}|\b(?:the )?same as {PAIN}|\bidentical to {PAIN}",
           f"{CLAIMS} outdated; Woo et al. 2014 found distinct brain patterns",
           "Rejection hurts exactly like physical pain."),
    Banned("75-percent", r"\b75\s*(?:%|per ?cent)(?:\s+of)?",
           f"{CLAIMS} '75% of homicides happen after leaving' has no primary source",
           "75% of homicides happen after leaving."),
    Banned("89-percent-pets", r"\b89\s*(?:%|per ?cent)",
           f"{CLAIMS} 'pets are abused in 89% of cases' is unverified and contested",
           "Pets are abused in 89% of cases."),
    Banned("cycle-of-abuse", r"\b(?:three|3)[- ]phase\b|\bcycle of (?:abuse|violence)\b",
           f"{CLAIMS} 'abuse always follows a 3-phase cycle' is not universal (Dutton & Painter 1993)",
           "Abuse always follows the cycle of abuse."),
    Banned("trauma-bond-is-a-diagnosis",
           rf"\btrauma(?:tic)?[- ]bond(?:s|ing|ed)?{IS_A_DIAGNOSIS}"
           r"|\bdiagnos\w*\s+(?:with\s+)?(?:a\s+)?trauma(?:tic)?[- ]bond",
           f"{CLAIMS} trauma bonding is not a diagnosis",
           "Trauma bonding is a diagnosis."),
    Banned("stockholm-is-a-diagnosis", rf"\bstockholm syndrome{IS_A_DIAGNOSIS}",
           f"{CLAIMS} Stockholm syndrome is not a diagnosis (Namnyak et al. 2008)",
           "Stockholm syndrome is a diagnosis."),
    Banned("safety-apps-reduce", r"\bsafety (?:apps?|tools?)\s+(?:reduce|prevent|stop|lower|cut)s?\b",
           f"{CLAIMS} not shown (Glass et al. 2017)",
           "Safety apps reduce violence."),
    Banned("grey-rock-works",
           r"\bgr[ae]y[- ]rock(?:ing)?(?: method)?\s+(?:always\s+)?(?:works|is effective|stops)\b",
           f"{CLAIMS} unstudied, and it may provoke escalation",
           "Grey rock works on them."),
    Banned("estrangement-permanent",
           r"\b(?:is|are) (?:usually|mostly|always|almost always) (?:permanent|forever)\b",
           f"{CLAIMS} most parent-child estrangements later ended (Reczek 2022/23)",
           "Estrangement is usually permanent."),
    Banned("no-contact-always", r"\bno[- ]contact (?:will )?always\b",
           f"{CLAIMS} 'no contact always speeds healing' is mixed (Mason 2012; Spielmann 2019)",
           "No contact always speeds healing."),
    Banned("therapy-fixes",
           r"\b(?:therapy|coaching|support groups?)\s+(?:will\s+)?(?:fix|fixes|cure|cures)\b",
           f"{CLAIMS} small benefits, not a cure (Cochrane 2020)",
           "Therapy fixes trauma bonds."),
    Banned("intermittent-reinforcement-is-the-cause",
           r"\bintermittent reinforcement (?:is the cause|causes)\b",
           f"{CLAIMS} a plausible analogy, not a proven mechanism",
           "Intermittent reinforcement causes trauma bonds."),
    Banned("protection-orders-keep-you-safe", r"\bprotection orders? (?:will )?keeps? you safe\b",
           f"{CLAIMS} mixed (Holt et al. 2002)",
           "A protection order will keep you safe."),
    Banned("leaving-is-the-most-dangerous", r"\bleaving is (?:always )?the most dangerous\b",
           f"{CLAIMS} partly supported; say it 'can be', and pair it with planning",
           "Leaving is the most dangerous time."),
    # --- victim-blaming and euphemism (safety.md CONT-6) ---
    Banned("why-didnt-you-leave",
           r"\bwhy (?:don't|do not|didn't|did not|doesn't|does not|won't|will not|can't|couldn't) "
           r"(?:you|they|she|he|people) (?:just )?leave\b",
           f"{CONT6} victim-blaming question",
           "Why didn't you leave?"),
    Banned("just-leave", r"\bjust leave\b", f"{CONT6} victim-blaming", "You should just leave."),
    Banned("chose-to-stay",
           r"\b(?:you|they|she|he)(?:'re|'s| are| is)? (?:choosing|chose|chooses) to "
           r"(?:stay|go back|return)\b",
           f"{CONT6} responsibility sits with the abusive person",
           "You are choosing to stay."),
    Banned("you-let-them", r"\byou (?:let|allowed) (?:him|her|them) (?!know\b)\w+",
           f"{CONT6} 'you let (him|her|them)'", "You let him treat you that way."),
    Banned("you-allowed", r"\byou allowed\b", f"{CONT6} 'you allowed'", "You allowed it to happen."),
    Banned("crime-of-passion", r"\bcrimes? of passion\b", f"{CONT6} euphemism", "It was a crime of passion."),
    Banned("domestic-dispute", r"\bdomestic disputes?\b", f"{CONT6} euphemism",
           "Police called it a domestic dispute."),
    Banned("participant", r"\byou(?:'re| are| were) (?:a |an )?(?:willing |active )?participant\b",
           f"{CONT6} 'you are a participant'", "You are a participant in this."),
    Banned("provoked", r"\bprovoked\b", f"{CONT6} 'provoked' blames the person harmed", "She provoked him."),
    Banned("your-fault", r"\bit(?:'s| is| was) (?:all |partly )?your (?:own )?fault\b|\byour own fault\b",
           f"{CONT6} blames the reader", "It's your fault."),
    Banned("asked-for-it", r"\basked for it\b", f"{CONT6} victim-blaming", "You asked for it."),
]

COMPILED = [(b, re.compile(b.pattern, re.I)) for b in BANNED]
REASONS = {b.id: b.reason for b in BANNED}


def compiled(banned: list[Banned]) -> list[tuple[Banned, re.Pattern]]:
    return [(b, re.compile(b.pattern, re.I)) for b in banned]


def findings(text: str, patterns: list[tuple[Banned, re.Pattern]] = COMPILED) -> list[tuple[str, str]]:
    """(banned id, matched words) for one piece of plain text."""
    plain = normalise(text)
    return [(b.id, m.group(0)) for b, rx in patterns for m in rx.finditer(plain)]
