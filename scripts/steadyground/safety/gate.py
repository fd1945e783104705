"""The safety gate over a built site: every HTML page and CSS file held to the allowlist
(allowlist.py), whatever built it (MkDocs with our hooks, or a generator that skips them).

Every problem is one line, `site/<path>: message (source docs/<file>.md)`. Used by
scripts/verify_site.py (`make verify`, the end of `make build`, the Pages workflow) and by
the tests, so all of them run the same code.
"""

from __future__ import annotations

import base64
import hashlib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from steadyground.safety import allowlist, identity
from steadyground.safety.allowlist import Finding, elements, parse_document, tag_name

# Files a reader's browser may be handed. Anything else (an .svg or .xhtml that runs its
# own scripts, a stray .js) is an error.
ALLOWED_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".gz", ".map", ".txt", ".png", ".jpg", ".jpeg",
                    ".gif", ".webp", ".avif", ".ico", ".woff2"}
# Suffixless files allowed by exact path inside each language's site: Zensical's theme ships its
# scripts' licence text.
ALLOWED_NAMES = {"assets/javascripts/LICENSE"}
SITEMAP = "sitemap.xml"  # the one .xml file: ours, made from overrides/sitemap.xml
# Scripts a page may load: our bundle and the theme's. Every .js and .css file is also held
# to the exact bytes the site ships (identity.py), so neither name can be taken by another file.
OUR_SCRIPT = "assets/javascripts/site.min.js"
THEME_SCRIPT = re.compile(r"assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js")
REQUIRED_DIRECTIVES = {"default-src": "'none'", "object-src": "'none'", "base-uri": "'none'",
                       "form-action": "'none'", "manifest-src": "'none'"}


@dataclass(frozen=True)
class Expected:
    """What one language's pages must have; a site with several languages has one each."""
    site_url: str  # e.g. https://steady-ground.github.io/steady-ground/ (Spanish: .../es/)
    exit_url: str
    help_page: str = "help/"
    safe_use_page: str = "safe-use/"

    @property
    def site_path(self) -> str:
        return urlsplit(self.site_url).path or "/"


@dataclass
class Site:
    root: Path
    shown: str  # how the folder is named in messages, e.g. "site"
    repo: Path | None = None  # to name the source of a page


def verify(site: Site, expected: Expected | list[Expected]) -> list[str]:
    """Every problem of the built site, one line each, sorted by file.

    With several languages (one Expected each, e.g. English at the root and Spanish under
    es/), each file is held to the language whose path holds it, and pages must share one
    Content-Security-Policy within their language (each language is its own build).
    """
    languages = sorted(expected if isinstance(expected, list) else [expected],
                       key=lambda e: len(e.site_path), reverse=True)
    root_path = min((e.site_path for e in languages), key=len)
    problems: list[str] = []
    known = identity.known_assets()
    policies_by_language: dict[str, dict[str, str]] = {}
    files = sorted(p for p in site.root.rglob("*") if p.is_file() or p.is_symlink())
    if not any(p.suffix == ".html" for p in files):
        return [f"{site.shown}/: no HTML pages found; is this a built site?"]
    for path in files:
        relative = path.relative_to(site.root).as_posix()
        where = f"{site.shown}/{relative}"
        expected = _language_of(root_path + relative, languages)
        policies = policies_by_language.setdefault(expected.site_url, {})
        inside = (root_path + relative)[len(expected.site_path):]  # relative to its language's root
        if path.is_symlink():
            problems.append(f"{where}: a symbolic link in the built site")
            continue
        if path.suffix not in ALLOWED_SUFFIXES and inside not in ALLOWED_NAMES:
            problems.append(f"{where}: a {path.suffix or 'suffixless'} file is not something the site needs "
                            "(browsers can run scripts in .svg, .xhtml and similar files)")
        elif path.suffix == ".xml" and inside != SITEMAP:
            problems.append(f"{where}: an .xml file other than the sitemap is not something the site needs "
                            "(browsers run scripts in XHTML and SVG served as XML, with no CSP)")
        elif path.suffix in identity.ASSET_SUFFIXES:
            found = identity.problem(inside, path.read_bytes(), known)
            problems.extend([f"{where}: {found}"] if found else [])
            if path.suffix != ".css":
                continue
            # Stylesheets are read too, so a problem names what the stylesheet would fetch.
            css_dir = posixpath.dirname(root_path + relative)
            for finding in allowlist.check_css(path.read_text(encoding="utf-8"), css_dir=css_dir,
                                               site_path=expected.site_path):
                problems.append(f"{where}: {finding.message}")
        elif path.suffix == ".html":
            source = _source(site, relative)
            found = check_page(path.read_text(encoding="utf-8"), inside, expected, policies)
            problems.extend(f"{where}: {message}{source}" for message in found)
    for expected in languages:
        policies = policies_by_language.get(expected.site_url, {})
        prefix = (root_path and expected.site_path[len(root_path):])
        if len(set(policies.values())) > 1:
            first = next(iter(policies))
            for name, policy in policies.items():
                if policy != policies[first]:
                    problems.append(f"{site.shown}/{prefix}{name}: its Content-Security-Policy differs from "
                                    f"{prefix}{first}'s; instant navigation keeps the first page's policy, so it "
                                    "must be the same on every page of a language")
    return problems


def _language_of(url_path: str, languages: list[Expected]) -> Expected:
    """The language whose site path holds url_path (longest first)."""
    return next((e for e in languages if url_path.startswith(e.site_path)), languages[-1])


def check_page(html: str, relative: str, expected: Expected, policies: dict[str, str]) -> list[str]:
    """Problems of one built page; `policies` collects each page's CSP for the comparison."""
    unclosed: list[str] = []
    document = parse_document(html, unclosed=unclosed)
    page_url = urljoin(expected.site_url, _page_url_path(relative))
    page_dir = posixpath.dirname(urlsplit(page_url).path) + "/"
    head, body = document.find("head"), document.find("body")
    problems: list[str] = [f"{why}: it swallows the rest of the page" for why in unclosed]
    policy = _check_head(head, problems)
    if policy is not None:
        policies[relative] = policy
        problems.extend(_check_policy(policy, expected))
    hashes = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", policy or ""))
    # Chromium reads <noscript> as text when JavaScript is on, and as markup when a reader
    # has turned it off: both readings are held to the allowlist.
    for element in [*elements(document), *_noscript_elements(html, document)]:
        for finding in allowlist.check_element(element, allowed=allowlist.PAGE_ELEMENTS, page_data=True,
                                               page_dir=page_dir, site_path=expected.site_path):
            problems.append(_with_context(finding, element))
        problems.extend(_check_special(element, page_dir, expected, hashes))
    if body is not None:
        for meta in body.iter("meta"):
            problems.append(f"<meta> in <body> is not allowed ({_attrs(meta)}): browsers obey it")
    configs = [el for el in elements(document) if el.get("id") == "__config"]
    if len(configs) > 1:
        problems.append('more than one element with id="__config": the theme would read its settings from the wrong one')
    problems.extend(_check_article_classes(document))
    problems.extend(_check_safety_links(document, page_url, expected))
    problems.extend(_check_quiz_markup(document, html))
    problems.extend(_check_plan_markup(document, html))
    return list(dict.fromkeys(problems))


# Head: charset, CSP, referrer ----------------------------------------------------------


def _noscript_elements(html: str, document) -> list:
    """Elements a browser with JavaScript off builds that the scripting-on tree does not have."""
    if not any(el.tag == "noscript" for el in elements(document)):
        return []
    seen = {(el.tag, tuple(sorted(el.attrib.items()))) for el in elements(document)}
    return [el for el in elements(parse_document(html, scripting=False))
            if (el.tag, tuple(sorted(el.attrib.items()))) not in seen]


def _check_head(head, problems: list[str]) -> str | None:
    children = [el for el in head if isinstance(el.tag, str)] if head is not None else []
    csps = [el for el in head.iter("meta") if (el.get("http-equiv") or "").lower() == "content-security-policy"] \
        if head is not None else []
    if len(children) < 2 or children[0].tag != "meta" or "charset" not in children[0].attrib:
        problems.append('<meta charset> must be the first element of <head>')
    if len(csps) != 1:
        problems.append(f"expected exactly one Content-Security-Policy <meta>, found {len(csps)}")
    elif len(children) < 2 or children[1] is not csps[0]:
        problems.append("the Content-Security-Policy <meta> must come straight after <meta charset>, before "
                        "anything it has to govern")
    referrers = [el for el in (head.iter("meta") if head is not None else []) if el.get("name") == "referrer"]
    if [el.get("content") for el in referrers] != ["no-referrer"]:
        problems.append('expected exactly one <meta name="referrer" content="no-referrer"> in <head>')
    return csps[0].get("content", "") if len(csps) == 1 else None


def _check_policy(policy: str, expected: Expected) -> list[str]:
    problems = []
    directives = {}
    for part in policy.split(";"):
        name, _, value = part.strip().partition(" ")
        if name:
            directives[name.lower()] = value.strip()
    for name, value in REQUIRED_DIRECTIVES.items():
        if directives.get(name) != value:
            problems.append(f"the Content-Security-Policy must have {name} {value}")
    for name, value in directives.items():
        for source in value.split():
            if source in ("'none'",) or source.startswith("'sha256-"):
                continue
            if source == "data:" and name == "img-src":
                continue
            if source.lower().startswith(expected.site_url.lower()) or source == "upgrade-insecure-requests":
                continue
            problems.append(f'the Content-Security-Policy allows {source} in {name}; only the site\'s own path '
                            f"{expected.site_url} and script hashes are allowed")
    return problems


# Elements with rules of their own --------------------------------------------------------


def _check_special(element, page_dir: str, expected: Expected, hashes: set[str]) -> list[str]:
    tag = element.tag
    if tag == "meta":
        return _check_meta(element)
    if tag == "link":
        rel = set((element.get("rel") or "").lower().split())
        if not rel or not rel <= allowlist.LINK_RELS:
            return [f'<link rel="{element.get("rel")}"> is not allowed (only {", ".join(sorted(allowlist.LINK_RELS))})']
        if rel & allowlist.FETCHED_LINK_RELS:
            problem = allowlist.fetch_problem(element.get("href", ""), page_dir=page_dir, site_path=expected.site_path)
            return [f"<link>: {problem}"] if problem else []
        return []
    if tag == "script":
        return _check_script(element, page_dir, expected, hashes)
    return []


def _check_meta(meta) -> list[str]:
    kinds = [key for key in ("charset", "http-equiv", "name") if key in meta.attrib]
    if len(kinds) != 1:
        # Every attribute counts: a charset meta with an http-equiv refresh is still a refresh.
        return [f"<meta {_attrs(meta)}> must have exactly one of charset, http-equiv and name"]
    if "charset" in meta.attrib:
        return [] if (meta.get("charset") or "").lower() == "utf-8" else ['<meta charset> must be "utf-8"']
    equiv = (meta.get("http-equiv") or "").lower()
    if equiv:
        if equiv == "content-security-policy":
            return []
        return [f'<meta http-equiv="{meta.get("http-equiv")}"> is not allowed (a refresh sends readers to another '
                "page, other values change how the browser treats the page)"]
    name = (meta.get("name") or "").lower()
    if name not in allowlist.META_NAMES:
        return [f"<meta {_attrs(meta)}> is not allowed"]
    if name == "referrer" and meta.get("content") != "no-referrer":
        return [f'<meta name="referrer" content="{meta.get("content")}"> would tell other sites which page the '
                "reader was on; only no-referrer is allowed"]
    return []


def _check_script(script, page_dir: str, expected: Expected, hashes: set[str]) -> list[str]:
    src, kind = script.get("src"), (script.get("type") or "").lower()
    if src is not None:
        resolved = posixpath.normpath(posixpath.join(page_dir, allowlist.browser_url(src)))
        inside = resolved[len(expected.site_path):] if resolved.startswith(expected.site_path) else None
        if inside is None or not (inside == OUR_SCRIPT or THEME_SCRIPT.fullmatch(inside)):
            return [f'<script src="{src}"> is not the site\'s own bundle or Material\'s; no other script may run']
        return []
    if kind == "application/json":
        return [] if script.get("id") == "__config" else ['a JSON <script> other than Material\'s "__config"']
    text = script.text or ""
    digest = "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    if digest not in hashes:
        return [f"an inline <script> whose hash {digest} is not in the Content-Security-Policy"]
    return []


# Classes of the exit, the safety bar, the footer and the theme's own parts; in the page's
# <article> (content, and quizzes, which may use quiz classes) they could cover or disable them.
_ARTICLE_RESERVED = re.compile(r"(qe-|sg-|safety-bar|site-footer|md-(?!content__inner$|typeset$|button(--primary)?$))",
                               re.I)


def _check_article_classes(document) -> list[str]:
    problems = []
    for article in document.iter("article"):
        for element in elements(article):
            words = [w for w in (element.get("class") or "").split() if _ARTICLE_RESERVED.match(w)]
            if (element.get("id") or "").lower().startswith("qe-"):
                words.append("#" + element.get("id"))
            problems += [f'"{word}" in the page content is reserved for the site\'s own parts (the exit, the safety '
                         "bar, the footer, the theme): content using it could cover or disable them" for word in words]
    return problems


# Links every page must have ----------------------------------------------------------------


def _check_safety_links(document, page_url: str, expected: Expected) -> list[str]:
    anchors = list(document.iter("a"))
    problems = []
    buttons = [a for a in anchors if "qe-button" in (a.get("class") or "").split()]
    if len(buttons) != 1 or buttons[0].get("href") != expected.exit_url:
        problems.append(f"expected one exit button (a.qe-button) to {expected.exit_url}")
    links = [a for a in anchors if "md-skip" not in (a.get("class") or "").split()]
    if not links or "qe-skiplink" not in (links[0].get("class") or "").split() \
            or links[0].get("href") != expected.exit_url:
        problems.append(f"the first link must be the exit skip link (a.qe-skiplink) to {expected.exit_url}")
    helps = [el for el in elements(document) if "data-help" in el.attrib]
    help_url = urljoin(expected.site_url, expected.help_page)
    if len(helps) != 1 or help_url not in {urljoin(page_url, a.get("href", "")) for a in helps[0].iter("a")}:
        problems.append(f'expected the help bar ([data-help]) with a link to {help_url}')
    targets = {urljoin(page_url, a.get("href", "")) for a in anchors}
    safe_use = urljoin(expected.site_url, expected.safe_use_page)
    if safe_use not in targets:
        problems.append(f"expected a link to {safe_use}")
    return problems


def _check_quiz_markup(document, html: str) -> list[str]:
    problems = []
    if "<!--quiz-markup:" in html or "<!--quiz-md-start:" in html:
        problems.append("quiz placeholders left in the page: the quiz was not put together")
    for quiz in (el for el in elements(document) if "data-quiz" in el.attrib):
        forms = list(quiz.iter("form"))
        if len(forms) != 1:
            problems.append("a quiz ([data-quiz]) must hold exactly one <form>")
            continue
        if forms[0].get("method") != "dialog":
            # A dialog form goes nowhere outside a dialog: without JavaScript, answers never reach a URL.
            problems.append('a quiz <form> must have method="dialog", so answers can never be sent')
        labelled = {label.get("for") for label in forms[0].iter("label")} - {None}
        wrapped = {id(field) for label in forms[0].iter("label") for field in label.iter("input")}
        for fieldset in forms[0].iter("fieldset"):
            first = next((el for el in fieldset if isinstance(el.tag, str)), None)
            if first is None or first.tag != "legend":
                problems.append("a quiz <fieldset> must start with its <legend>")
        for field in forms[0].iter("input"):
            if field.get("type") not in ("radio", "checkbox") or not field.get("name"):
                problems.append("quiz answers must be radios or checkboxes with a name")
            elif id(field) not in wrapped and field.get("id") not in labelled:
                problems.append(f'a quiz answer in "{field.get("name")}" has no <label>')
    return problems


def _check_plan_markup(document, html: str) -> list[str]:
    """The private plan's form (scripts/steadyground/plans/, <form name="plan">): like a quiz form it can
    never be sent, and the browser may neither offer nor restore what was typed."""
    problems = []
    if "<!--plan-markup-->" in html:
        problems.append("the plan placeholder is left in the page: the plan form was not put in")
    for form in (el for el in document.iter("form") if el.get("name") == "plan"):
        if form.get("method") != "dialog":
            problems.append('the plan <form> must have method="dialog", so what is typed can never be sent')
        if form.get("autocomplete") != "off":
            problems.append('the plan <form> must have autocomplete="off", so the browser keeps nothing typed')
        labelled = {label.get("for") for label in form.iter("label")} - {None}
        wrapped = {id(field) for label in form.iter("label") for field in label.iter("input")}
        for fieldset in form.iter("fieldset"):
            first = next((el for el in fieldset if isinstance(el.tag, str)), None)
            if first is None or first.tag != "legend":
                problems.append("a plan <fieldset> must start with its <legend>")
        for field in form.iter("input"):
            if field.get("type") not in ("checkbox", "text") or not field.get("name"):
                problems.append("plan fields must be checkboxes or text fields with a name")
            elif id(field) not in wrapped and field.get("id") not in labelled:
                problems.append(f'the plan field "{field.get("name")}" has no <label>')
    return problems


# Helpers -------------------------------------------------------------------------------------


def _page_url_path(relative: str) -> str:
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def _source(site: Site, relative: str) -> str:
    """ (source docs/<file>.md) for a built page, when the repository is known."""
    if site.repo is None:
        return ""
    stem = _page_url_path(relative).rstrip("/")
    candidates = [f"docs/{stem}.md", f"docs/{stem}/index.md"] if stem else ["docs/index.md"]
    if stem.startswith("quizzes/") and stem.count("/") == 1:
        slug = stem.split("/")[1]
        candidates += [f"quizzes/{slug}.yml", f"quizzes/{slug}.yaml"]
    if relative == "404.html":
        candidates.append("overrides/404.html")
    found = next((c for c in candidates if (site.repo / c).is_file()), None)
    return f" (source {found})" if found else ""


def _attrs(element) -> str:
    return " ".join(f'{k.split("}")[-1]}="{v}"' for k, v in element.attrib.items())


def _with_context(finding: Finding, element) -> str:
    name = f"<{tag_name(element)}"
    return finding.message if name in finding.message else f"{name}>: {finding.message}"
