"""Each language's words and thresholds, in one table keyed by language code. A rule is written
once for every language and takes from here what differs: the reading measure and its limit,
the References heading, the safety pages and snippet, the words that mean "leaving", and so on.
English pages live in docs/, a translation's in docs/<code>/ (steadyground.core.project.TRANSLATION_FOLDERS).
A field left empty (None) means the rule has nothing to check in that language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple, Pattern

import textstat

from steadyground.core import readability
from steadyground.core.banned import BANNED
from steadyground.core.banned_es import BANNED_ES
from steadyground.core.languages import REFERENCES_HEADINGS


class DiagnosisWords(NamedTuple):
    """A language's words for the diagnosis-status rule (pages/accuracy.py)."""
    not_a_diagnosis: Pattern
    trauma_bond: Pattern
    it_is: Pattern  # a sentence that starts "It is not ..." about the term named just before
    hedge: Pattern  # "as far as we know", "we could not check"


@dataclass(frozen=True)
class Reading:
    """How plain a page must read: a score, whether higher or lower is plainer, and the limit."""
    name: str
    score: Callable[[str], float]
    limit: float
    higher_is_plainer: bool
    score_all: Callable[[list[str]], list[float]] | None = None  # many at once, when that is faster

    def scores(self, texts: list[str]) -> list[float]:
        return self.score_all(texts) if self.score_all else [self.score(text) for text in texts]

    def too_hard(self, value: float) -> bool:
        return value < self.limit if self.higher_is_plainer else value > self.limit


@dataclass(frozen=True)
class Language:
    code: str
    name: str                   # as messages name it
    folder: str                 # "" for English (docs/), "es" for docs/es/
    articles: str               # the articles' folder inside the language's folder
    references_heading: str     # "## References" in English
    reading: Reading
    word_count: Callable[[str], int]
    article_words: tuple[int, int]  # an article's length, References not counted
    help_page: str              # relative to docs/
    safe_use_page: str
    safety_article: str
    snippet: str                # the safety callout snippet, as a page includes it
    callout_months: str         # the word a safety callout uses for "months"
    leaving: Pattern            # words that mean leaving or cutting contact (CONT-4)
    names_abuse: Pattern        # an article about abuse names it (safety.md A5)
    intro_needs: tuple = ()     # (pattern, what the quiz intro must say)
    exit_keys: str = ""         # words naming the exit keys, which the quiz page adds itself
    banned: tuple = ()          # Banned wording (pages/wording.py, banned-wording)
    advocate: Pattern = re.compile(r"advocate", re.I)   # a raised flag points to an advocate
    advocate_words: str = "advocate"
    crisis_line: Pattern = re.compile(r"crisis line|\(tel:988\)", re.I)  # a crisis flag names a crisis line
    danger_now: Pattern = re.compile(r"in danger now, call", re.I)        # a danger flag says what to do now
    danger_now_words: str = "If you are in danger now, call"
    diagnosis: DiagnosisWords | None = None  # pages/accuracy.py, diagnosis-status
    study_rules: tuple = ()     # (study as cited, what a paragraph citing it may not say, why)
    unchecked_marked: Pattern = re.compile(r"not confirmed|unchecked|not checked", re.I)  # a detail marked unchecked
    is_translation: bool = False
    register: Pattern | None = None         # forms of address the site does not use (Spanish: usted)
    other_language: Pattern | None = None   # common words of another language, left untranslated
    extra_keys: frozenset = field(default_factory=frozenset)  # front matter keys this language adds

    def prefix(self) -> str:
        return f"{self.folder}/" if self.folder else ""

    def from_quiz(self, page: str) -> str:
        """A link to one of the language's pages as a quiz writes it (from quizzes/<slug>/)."""
        return "../" + page.removeprefix(self.prefix())


# ---- Spanish measures (steadyground.core.readability counts English words and grades) ----------------------

_REFERENCIAS = re.compile(r"^##\s+Referencias\b.*", re.S | re.M)


def _spanish_body(markdown: str) -> str:
    return readability.article_body(_REFERENCIAS.sub("", markdown))


def fernandez_huerta(markdown: str) -> float:
    """Fernández-Huerta of what a reader reads (front matter, Referencias, markup left out)."""
    return fernandez_huerta_all([markdown])[0]


def fernandez_huerta_all(texts: list[str]) -> list[float]:
    """fernandez_huerta of each text, switching textstat's language once (each switch empties its caches)."""
    textstat.set_lang("es")
    try:
        return [float(textstat.fernandez_huerta(_spanish_body(text))) for text in texts]
    finally:
        textstat.set_lang("en_US")  # textstat's language is global; leave it as English expects


def spanish_word_count(markdown: str) -> int:
    return len(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+", _spanish_body(markdown)))


ENGLISH = Language(
    code="en", name="English", folder="", articles="articles", references_heading="## " + REFERENCES_HEADINGS["en"],
    reading=Reading("school grade (Flesch-Kincaid)", readability.grade, 8.0, higher_is_plainer=False),
    word_count=readability.word_count, article_words=(700, 1500),
    help_page="help.md", safe_use_page="safe-use.md", safety_article="articles/planning-ahead.md",
    snippet='--8<-- "safety-callout.md"', callout_months="months",
    leaving=re.compile(r"\bno[- ]contact\b|\bleaving\b|\bleave them\b|\bbreak[- ]?ups?\b|\bbroke up\b", re.I),
    names_abuse=re.compile(r"abus|violen|control", re.I),
    intro_needs=((r"\bnot a diagnosis\b", "say that it is not a diagnosis"),
                 (r"only you can decide", "say 'only you can decide' (CONT-1)"),
                 (r"stay on this device", "say that answers 'stay on this device' (CONT-1)")),
    exit_keys=r"exit this page|shift key",
    banned=tuple(BANNED),
    diagnosis=DiagnosisWords(
        re.compile(r"\bnot (?:a |an )?(?:formal |medical |clinical )?diagnos\w*", re.I),
        re.compile(r"\btrauma(?:tic)?[- ]bond\w*|\bthis pattern\b|^\*\[trauma bond\]", re.I | re.M),
        re.compile(r"(?:it|this) is (?:a research idea|not)", re.I),
        re.compile(r"as far as we know|not been able to check|have not checked|could not check", re.I)),
    study_rules=(
        ("Hendy", r"\breturn\w*|\bgo(?:ing)? back\b",
         "Hendy et al. 2003 is about reasons to stay or leave, not reasons to return"),
        ("Dutton & Painter, 1993", r"\bunpredictab\w+",
         "Dutton & Painter 1993 measured intermittency (bad and good treatment alternating), not unpredictability"),
        ("Koepsell", r"\bwhat (?:friends|you) say\b(?![^.]*\bnot\b)",
         "Koepsell et al. 2006 found an association; it did not test what friends say"),
        ("Sbarra & Emery", r"\bslow(?:ed|s)? (?:down )?how\b|\bkeeps?\b",
         "Sbarra & Emery 2005 is a diary study: 'went with', not 'slowed' or 'kept'"),
    ),
)

SPANISH = Language(
    code="es", name="Spanish", folder="es", articles="articulos", references_heading="## " + REFERENCES_HEADINGS["es"],
    reading=Reading("Fernández-Huerta", fernandez_huerta, 70.0, higher_is_plainer=True,
                    score_all=fernandez_huerta_all),
    word_count=spanish_word_count, article_words=(700, 1500),
    help_page="es/ayuda.md", safe_use_page="es/uso-seguro.md", safety_article="es/articulos/planificar-con-calma.md",
    snippet='--8<-- "es/safety-callout.md"', callout_months="meses",
    leaving=re.compile(r"\bcontacto cero\b|\bcortar (?:el|todo) contacto\b|\bsepar(?:arte|arse|ación|as)\b|"
                       r"\bruptura\b|\birte\b|\bdejar a\b|\balejarte\b", re.I),
    names_abuse=re.compile(r"maltrat|abus|violen", re.I),
    intro_needs=((r"\bno es un (?:examen ni un )?diagn[oó]stico\b", "say that it is not a diagnosis ('no es un diagnóstico')"),
                 (r"\bsolo t[uú] puedes decidir\b", "say 'solo tú puedes decidir' (CONT-1)"),
                 (r"\bse quedan en este aparato\b", "say that answers 'se quedan en este aparato' (CONT-1)")),
    exit_keys=r"salir de esta p[aá]gina|may[uú]s|shift",
    banned=tuple(BANNED_ES),
    advocate=re.compile(r"persona de apoyo", re.I), advocate_words="persona de apoyo",
    crisis_line=re.compile(r"l[ií]nea de crisis|\(tel:988\)", re.I),
    danger_now=re.compile(r"Si est[aá]s en peligro ahora, llama al n[uú]mero de emergencias"),
    danger_now_words="Si estás en peligro ahora, llama al número de emergencias",
    diagnosis=DiagnosisWords(
        re.compile(r"\bno (?:es|son) (?:un |una )?(?:diagn[oó]stic\w*)", re.I),
        re.compile(r"v[ií]nculos? traum[aá]tic\w*|\beste patr[oó]n\b|^\*\[v[ií]nculo traum[aá]tico\]", re.I | re.M),
        re.compile(r"(?:no es|es una idea de la investigaci[oó]n)", re.I),
        re.compile(r"hasta donde sabemos|no pudimos|no hemos podido", re.I)),
    study_rules=(
        ("Dutton & Painter, 1993", r"\bimpredecib\w*|\bimprevisib\w*",
         "Dutton & Painter 1993 measured intermittency (bad and good treatment alternating), not unpredictability"),
    ),
    unchecked_marked=re.compile(r"sin comprobar|sin verificar|sin anotar", re.I),
    is_translation=True,
    # The site speaks to the reader as tú: the usted (and vosotros/vos) pronouns, and
    # sentence-initial usted imperatives, which tú text never needs.
    register=re.compile(
        r"(?i:\busted(?:es)?\b|\bvosotr[oa]s\b|\bvuestr[oa]s?\b|\bvos\b)|"
        r"(?:^|[.!?¿¡:]\s+|^\s*[-*]\s+(?:\*\*)?)(?:Llame|Lea|Consulte|Visite|Escriba|Marque|Pulse|Toque|Envíe|"
        r"Hable|Busque|Tenga|Sepa|Recuerde|Piense|Guarde|Pida|Elija|Mire|Use|Cuéntele|Bloquee|Silencie|Espere)\b",
        re.M),
    # Common English words that are not Spanish words.
    other_language=re.compile(r"\b(?:the|and|you|your|with|this|that|is|are|of|for|what|when|will|can|it|they|"
                              r"have|from|about|page|help|here|not|please)\b", re.I),
    extra_keys=frozenset({"translation_of"}),
)

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (ENGLISH, SPANISH)}
