"""Accuracy and safety of the words (issue 11): say no more than the study found, do not print
unchecked details as certain, do not promise what cannot be promised, and do not give advice
that could put a reader in danger. Over docs/**/*.md and includes/*.md, as a reader reads them:
myth passages (named to rebut them), "## References" and link targets are skipped.

Each rule is a (id, pattern, reason, example) so a problem names the rule and the reason, and a
self-test proves every pattern fires on its example."""

from __future__ import annotations

import re
from typing import Iterator, NamedTuple

from steadyground.core.project import Project, normalise, paragraphs, without_myths
from steadyground.core.rules import Problem, at, rule
from steadyground.core.words import ENGLISH, LANGUAGES


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
    # --- danger that passes quickly (Wilson & Daly 1993: killings also months or years later) ---
    Rule("weeks-around-a-breakup",
         r"\bthe (?:days|weeks) (?:around|after|following) (?:a |the )?(?:break-?up|separation|leaving)\b"
         r"|\btime around (?:a |the )?break-?up\b",
         "harm also happened months or years after a separation (Wilson & Daly 1993); do not "
         "suggest that the danger passes quickly",
         "The weeks around a breakup can be the riskiest time."),
    Rule("danger-passes",
         r"\b(?:risk|danger)\w*\b[^.]{0,30}\b(?:soon |quickly )?(?:passes|fades|goes away|is over)\b"
         r"|\bpasses quickly\b",
         "harm can still happen months or years after a breakup (Wilson & Daly 1993)",
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



def sources(project: Project) -> list[tuple[str, str]]:
    """(shown path, whole text) of every page and snippet, front matter kept: its description
    shows in search results."""
    return [(p.shown, p.text) for p in project.pages] + list(project.snippets.items())


@rule("careful-wording", "accuracy")
def careful_wording(project: Project) -> Iterator[Problem]:
    """Saying more than a study found, outcome promises, danger that soon passes, promises that a
    watcher cannot see, unnamed abuse and uncited claims (the list in AUTHORING.md)."""
    for shown, text in sources(project):
        for line, block in paragraphs(text):
            for rid, words in findings(block):
                yield at(shown, line, f"'{words}': {REASONS[rid]}", f"careful-wording:{rid}")


# What a paragraph that cites a study may not say about it (each language's list: core/words.py).
STUDY_RULES = list(ENGLISH.study_rules)


@rule("say-what-the-study-found", "accuracy")
def say_what_the_study_found(project: Project) -> Iterator[Problem]:
    """A paragraph that cites Hendy, Dutton & Painter, Koepsell or Sbarra & Emery does not say what
    those studies did not measure, in every language."""
    for shown, text, code in sources_in_every_language(project):
        for line, block in paragraphs(text):
            plain = normalise(block)
            for study, pattern, reason in LANGUAGES[code].study_rules:
                if f"({study}" in plain or f"; {study}" in plain:
                    for sentence in re.split(r"(?<=[.!?])\s+", plain):
                        if study.split(",")[0] in sentence and (m := re.search(pattern, sentence, re.I)):
                            yield at(shown, line, f"'{m.group(0)}' near ({study}): {reason}", "say-what-the-study-found")


# ---- the diagnosis status of "trauma bond" (evidence-additions.md §F: NOT VERIFIED) ------------------------

def uncertain_diagnosis_sentences(text: str, language: str = "en") -> list[tuple[int, str]]:
    """(line, sentence) saying trauma bonding is not a diagnosis without saying how sure we are."""
    words = LANGUAGES[language].diagnosis
    found = []
    blocks = paragraphs(text)
    for i, (line, block) in enumerate(blocks):
        plain = normalise(block)
        # A heading is answered by the paragraph under it, which may say how sure we are.
        context = plain + " " + normalise(blocks[i + 1][1]) if block.lstrip().startswith("#") and i + 1 < len(blocks) else plain
        for sentence in re.split(r"(?<=[.!?])\s+", plain):
            if words.not_a_diagnosis.search(sentence) and (
                    words.trauma_bond.search(sentence) or words.it_is.match(sentence) and words.trauma_bond.search(plain)):
                if not words.hedge.search(context):
                    found.append((line, sentence))
    return found


@rule("diagnosis-status", "accuracy")
def diagnosis_status(project: Project) -> Iterator[Problem]:
    """Whether "trauma bonding" is absent from DSM-5-TR and ICD-11 was never checked against the
    manuals: a paragraph that says it is not a diagnosis says "as far as we know" or that we could
    not check ("hasta donde sabemos", "no pudimos"), in every language (not: "the site is not a
    diagnosis")."""
    for shown, text, code in sources_in_every_language(project):
        for line, sentence in uncertain_diagnosis_sentences(text, code):
            yield at(shown, line, f"'{sentence[:90]}' states the diagnosis status as certain; we could not check "
                     "the manuals, so add 'as far as we know'", "diagnosis-status")


@rule("children-need-legal-advice", "accuracy")
def children_need_legal_advice(project: Project) -> Iterator[Problem]:
    """Stopping contact with a co-parent or moving children can breach a court order, and the law
    differs by country: any page that advises on handovers or children's contact says so."""
    for shown, text in sources(project):
        plain = normalise(text)
        match = re.search(r"\bhandovers?\b|\bplans? for children\b|\bcontact with (?:your|the) children\b", plain, re.I)
        if match and not (re.search(r"court order", plain, re.I) and re.search(r"legal advice", plain, re.I)):
            line = _line_of(text, match.group(0))
            yield at(shown, line, f"the page talks about '{match.group(0)}' but does not say that a court order may "
                     "apply and to get legal advice first", "children-need-legal-advice")


@rule("work-devices", "accuracy")
def work_devices(project: Project) -> Iterator[Problem]:
    """A work phone or computer may be monitored by the employer, and the person may share the workplace."""
    for shown, text in sources(project):
        for line, block in paragraphs(text):
            plain = normalise(block)
            if re.search(r"\bwork (?:phone|computer|device|email)s?\b", plain, re.I) and not re.search(r"employer", plain, re.I):
                yield at(shown, line, "suggests a work device without saying the employer may see what is on it",
                         "work-devices")


def sources_in_every_language(project: Project) -> list[tuple[str, str, str]]:
    """(shown path, whole text, language code) of every page and snippet (includes/<code>/ for a
    translation's snippets)."""
    found = [(p.shown, p.text, p.language) for p in project.every_page]
    for path in sorted(project.includes.rglob("*.md")) if project.includes.is_dir() else []:
        folder = path.relative_to(project.includes).parts[0]
        code = folder if folder in LANGUAGES and path.parent != project.includes else "en"
        found.append((path.relative_to(project.root).as_posix(), path.read_text(encoding="utf-8"), code))
    return found


@rule("callout-says-months", "accuracy")
def callout_says_months(project: Project) -> Iterator[Problem]:
    """Risk is highest soon after a breakup, but killings also happened months or years later
    (Wilson & Daly 1993): every safety callout, in every language, says harm can still happen
    months later ("months", "meses")."""
    for shown, text, code in sources_in_every_language(project):
        months = LANGUAGES[code].callout_months
        for match in re.finditer(r"^!!!\s+safety\b.*\n(?:(?:[ ]{4}.*)?\n)*", text, re.M):
            if not re.search(rf"\b{months}\b", normalise(match.group(0)), re.I):
                yield at(shown, text.count("\n", 0, match.start()) + 1,
                         "this safety callout does not say that harm can still happen months or years later "
                         f"('{months}'; Wilson & Daly 1993)", "callout-says-months")


@rule("unwanted-contact-context", "accuracy")
def unwanted_contact_context(project: Project) -> Iterator[Problem]:
    """Where a page says unwanted contact after a breakup is common, it also says that people linked
    it to earlier violence, and points to an advocate (Langhinrichsen-Rohling et al. 2000)."""
    for shown, text in sources(project):
        plain = normalise(without_myths(text))
        match = re.search(r"unwanted (?:contact|pursuit)[^.]{0,60}\bis common\b|\bmost of those who had been broken up with\b", plain, re.I)
        if match and not (re.search(r"earlier violence|violence earlier", plain, re.I) and re.search(r"advocate", plain, re.I)):
            yield at(shown, _line_of(text, match.group(0)),
                     "calls unwanted contact common; also say that it went with earlier violence and point to an advocate "
                     "(Langhinrichsen-Rohling et al. 2000)", "unwanted-contact-context")


def _line_of(text: str, words: str) -> int:
    """The line where `words` (normalised) first appear; 1 when they span lines."""
    first = words.split(" ")[0]
    for number, line in enumerate(text.splitlines(), 1):
        if normalise(line).lower().find(words.lower()) >= 0:
            return number
    for number, line in enumerate(text.splitlines(), 1):
        if first.lower() in line.lower():
            return number
    return 1
