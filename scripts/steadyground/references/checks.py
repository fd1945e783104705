"""References and in-text citations of articles. Each article lists the keys it cites under
"## References"; the build renders them from references.yml (steadyground/references/bibliography.py), and
these rules read the rendered lines. Every rule about references lives here."""

from __future__ import annotations

import functools
import re
from typing import Iterator

from steadyground.core.project import REFERENCES_HEADING, Page, Project, normalise
from steadyground.core.rules import Problem, at, rule
from steadyground.core.words import LANGUAGES
from steadyground.references import bibliography

MIN_REFERENCES = 3

_YEAR_IN_PARENS = re.compile(r"\((?:1[89]|20)\d\d[a-z]?\)|\(n\.d\.\)")
_SOURCE = re.compile(r"https?://|\bdoi\b|\*[^*]+\*|ISBN|Press|Publisher|Routledge|Erlbaum", re.I)


# One author-date citation: "Stark, 2007", "Dutton & Painter, 1993a", "Campbell et al., 2003",
# "Sullivan, n.d.", "National Network to End Domestic Violence, n.d.", or a statute,
# "Serious Crime Act 2015, s. 76". Parenthetical groups hold one or more, split by ";".
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*)*"
_CITATION = re.compile(
    rf"(?:e\.g\.,?\s+|see\s+(?:also\s+)?)?(?P<authors>{_NAME}(?:,\s+{_NAME})*(?:,?\s+(?:&|and)\s+{_NAME})?)"
    rf"(?P<etal>\s+et\s+al\.)?,\s+(?P<year>(?:1[89]|20)\d\d[a-z]?|n\.d\.)"
)
_STATUTE = re.compile(r"(?P<act>[A-Z][\w ()]*\bAct \d{4})(?:,\s*s\.\s*\d+)?")
_LOOKS_CITED = re.compile(r"\b(?:1[89]|20)\d\d[a-z]?\b|n\.d\.")


def citations(text: str) -> tuple[list[tuple[list[str], str, str]], list[str]]:
    """([(surnames, year, as written)], [parenthetical parts that hold a year but are not a citation])."""
    found, unparsed = [], []
    for group in re.finditer(r"\(([^()]*)\)", normalise(text)):
        for part in group.group(1).split(";"):
            part = part.strip()
            if not _LOOKS_CITED.search(part):
                continue
            if match := _CITATION.fullmatch(part):
                names = re.split(r",\s*(?:&|and)\s+|,\s+|\s+(?:&|and)\s+", match.group("authors"))
                found.append(([n for n in names if n], match.group("year"), part))
            elif match := _STATUTE.fullmatch(part):
                found.append(([match.group("act")], "", part))
            else:
                unparsed.append(part)
    return found, unparsed


def cited_but_missing(prose: str, items: list[str]) -> list[str]:
    found, unparsed = citations(prose)
    problems = [f"unrecognised citation '({part})'" for part in unparsed]
    for names, year, written in found:
        first, label = names[0], f"({written})"
        year_mark = f"({year})" if year else ""
        matches = [i for i in items if normalise(i).startswith(first) and year_mark in i]
        if not matches:
            with_year = f" with year {year_mark}" if year else ""
            problems.append(f"{label}: no reference starts with '{first}'{with_year}")
            continue
        for other in names[1:]:
            if not any(other in normalise(i) for i in matches):
                problems.append(f"{label}: the reference {first} {year_mark} does not list {other}")
    return sorted(set(problems))



def uncited_references(page: Page) -> list[str]:
    """A reference nothing cites usually means a claim was cut or a citation mistyped."""
    found, _ = citations(page.prose)
    return [item for item in reference_items(page)
            if not any(normalise(item).startswith(names[0]) and (f"({year})" in item if year else True)
                       for names, year, _ in found)]


def every_article(project: Project) -> Iterator[tuple[Page, str]]:
    """(article, its language's References heading) for the articles of every language."""
    for language in LANGUAGES.values():
        for page in project.articles_in(language):
            yield page, language.references_heading


@rule("references-section", "references")
def references_section(project: Project) -> Iterator[Problem]:
    """Every article, in every language, ends with its References list ("## Referencias" in
    Spanish) of at least three complete sources."""
    for page, heading in every_article(project):
        items = reference_items(page)
        if not items:
            yield at(page.shown, page.body_line_offset + 1,
                     f"the article has no '{heading}' section with a list; end it with one, at least "
                     f"{MIN_REFERENCES} sources", "references-section")
            continue
        good = [i for i in items if _YEAR_IN_PARENS.search(i) and _SOURCE.search(i)]
        if len(good) < MIN_REFERENCES:
            yield at(page.shown, page.references_line,
                     f"{len(good)} of the references are complete; an article needs at least {MIN_REFERENCES}, each with "
                     "the year in parentheses and where it was published (*Journal*, a DOI, a publisher or a URL)",
                     "references-section")


def _citation_line(page: Page, written: str) -> int:
    first = written.split(",")[0].split(" ")[0]
    for number, line in enumerate(page.text.splitlines(), 1):
        if first in line and re.search(r"(?:1[89]|20)\d\d|n\.d\.", line):
            return number
    return page.body_line_offset + 1


@rule("citation-in-references", "references")
def citation_in_references(project: Project) -> Iterator[Problem]:
    """Every (Author, year) in an article's text is in its References list, in every language."""
    for page, heading in every_article(project):
        items = reference_items(page)
        found, unparsed = citations(page.prose)
        for part in unparsed:
            yield at(page.shown, _citation_line(page, part),
                     f"'({part})' holds a year but is not a citation the checks can read; write (Author, 2020), "
                     "(Author & Other, 2020) or (Author et al., 2020)", "citation-in-references")
        for problem in cited_but_missing(page.prose, items):
            if problem.startswith("unrecognised"):
                continue
            written = problem[1:problem.index("):")]
            yield at(page.shown, _citation_line(page, written),
                     problem.replace("): no reference", "): no item of the References list") +
                     f"; add the source to {heading} or fix the citation", "citation-in-references")


@rule("reference-is-cited", "references")
def reference_is_cited(project: Project) -> Iterator[Problem]:
    """Every item of an article's References list is cited in its text, in every language."""
    for page, _ in every_article(project):
        for item in uncited_references(page):
            yield at(page.shown, _item_line(page, item),
                     f"the reference '{item[:60]}' is never cited in the text; cite it as (Author, year) or remove it",
                     "reference-is-cited")


def _item_line(page: Page, item: str) -> int:
    """The line of the References key that renders as `item` (or of a hand-typed item)."""
    data = bibliography.load(page.docs.parent)
    for cite in bibliography.citations(page.body):
        entry = data.entries.get(cite.key)
        if entry and normalise(bibliography.render_entry(entry)).startswith(normalise(item)[:30]):
            return page.body_line_offset + cite.line
    head = item[:30]
    for number, line in enumerate(page.text.splitlines(), 1):
        if head in line:
            return number
    return page.references_line


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




def unchecked_details(item: str, marked: re.Pattern = _MARKED) -> list[str]:
    """What a rendered reference prints as certain that the evidence marks unchecked; `marked`:
    the language's words for "not confirmed". The year is matched without its letter, which the
    build adds only where two works share authors and year."""
    plain = normalise(item)
    return [f"{author} ({year}): {why}; remove it or mark it 'not confirmed'"
            for author, year, detail, why in UNCHECKED_DETAILS
            if plain.startswith(author) and f"({year[:4]}" in plain and re.search(detail, plain)
            and not marked.search(plain)]


@rule("unchecked-reference-detail", "references")
def unchecked_reference_detail(project: Project) -> Iterator[Problem]:
    """Details the evidence marks unchecked (some pages, DOIs, volumes) are left out of an
    article's References or marked 'not confirmed' ("sin comprobar" in Spanish), in every language."""
    for language in LANGUAGES.values():
        for page in project.articles_in(language):
            for item in reference_items(page):
                for problem in unchecked_details(item, language.unchecked_marked):
                    yield at(page.shown, _item_line(page, item), problem, "unchecked-reference-detail")


@rule("bibliography", "references")
def bibliography_problems(project: Project) -> Iterator[Problem]:
    """Unknown, repeated or hand-typed keys, unused entries, NOT VERIFIED sources and malformed
    entries of references.yml (reported by steadyground/references/bibliography.py, the code the build runs)."""
    yield from bibliography.problems(project.root)


# The References section as readers see it ------------------------------------------------

_NEXT_H1_OR_H2 = re.compile(r"^#{1,2}\s", re.M)


@functools.cache
def rendered_body(page: Page) -> str:
    """The page's body with its list of reference keys replaced by the APA lines the build
    writes from references.yml, so the checks read what readers read."""
    return bibliography.render_page(page.body, bibliography.load(page.docs.parent))


def rendered_references(page: Page) -> str:
    """The rendered "## References" section up to the next h1/h2, or "" when there is none."""
    body = rendered_body(page)
    match = REFERENCES_HEADING.search(body)
    if not match:
        return ""
    rest = body[match.end():]
    end = _NEXT_H1_OR_H2.search(rest)
    return rest[: end.start()] if end else rest


def reference_items(page: Page) -> list[str]:
    """One string per list item of the References section (wrapped lines joined)."""
    items: list[str] = []
    for line in rendered_references(page).splitlines():
        if re.match(r"^\s*[-*+]\s+", line):
            items.append(re.sub(r"^\s*[-*+]\s+", "", line).strip())
        elif line.strip() and items:
            items[-1] += " " + line.strip()
    return items


# The evidence files references.yml may cite (/work/shared/research/ and its copies in the repository).
_EVIDENCE = re.compile(r"evidence(?:-additions(?:-2)?)?\.md §\S")
_PUBLISHED = ("doi", "url", "venue", "publisher", "unchecked", "legislation")


@rule("reference-evidence", "references")
def reference_evidence(project: Project) -> Iterator[Problem]:
    """Each entry of references.yml says where its evidence is checked (`evidence: evidence.md §5.1`,
    evidence-additions.md or evidence-additions-2.md, with a section) and where the work was
    published (a doi, url, venue, publisher or legislation; or `unchecked:`)."""
    data = bibliography.load(project.root)
    path = project.root / data.path
    rows = path.read_text(encoding="utf-8").split("\n") if path.is_file() else []
    for key, entry in data.entries.items():
        line = data.lines.get(key, 1)
        evidence = entry.get("evidence")
        if isinstance(evidence, str) and evidence and not _EVIDENCE.match(evidence):
            yield at(data.path, _field_line(rows, line, "evidence"), f"{key}: evidence: {evidence!r} names no checked entry; write the evidence file "
                     "and section, e.g. evidence.md §5.1 (or evidence-additions.md, evidence-additions-2.md)",
                     "reference-evidence")
        if not any(entry.get(f) for f in _PUBLISHED) and entry.get("type") != "web":
            yield at(data.path, line, f"{key}: says nowhere where the work was published; add doi:, url:, venue: "
                     "or publisher: (or unchecked: saying what is not checked)", "reference-evidence")


def _field_line(rows: list[str], key_line: int, name: str) -> int:
    """The line of an entry's field (the entry's own line when it is not found before the next entry)."""
    for number in range(key_line + 1, len(rows) + 1):
        row = rows[number - 1]
        if row[:1].strip():
            break  # the next entry
        if re.match(rf"\s+{name}\s*:", row):
            return number
    return key_line
