"""What HTML and CSS the site may contain: one allowlist, used by the gate over the built
site (gate.py) and by the checks of what authors write (Markdown pages, front matter,
abbreviations, quiz fields), so both refuse the same things (safety.md SEC-1..6).

An allowlist, not a blocklist: an element or attribute that is not listed here is an
error. HTML is read with justhtml with scripting on, as Chromium reads a page (entities
decoded, broken markup repaired the same way, <noscript> read as raw text); README "The
safety gate's parser" has the comparison with Chromium that chose it. CSS is read with tinycss2.

URL rules: a link may use http(s), mailto, tel or sms, or be relative; anything fetched
(src, srcset, poster, stylesheets, icons, CSS url()) must be a path inside the site.
Schemes are read the way browsers read them: leading and trailing control characters and
spaces removed, tabs and newlines removed everywhere, backslashes taken as slashes.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Iterable, Iterator

import tinycss2
from justhtml import JustHTML

SVG = "{http://www.w3.org/2000/svg}"

# Global attributes any allowed element may carry (plus aria-* everywhere).
_GLOBAL = {"id", "class", "title", "lang", "dir", "hidden", "role", "tabindex"}
# What Markdown pages, abbreviations and quiz fields may produce.
CONTENT_ELEMENTS: dict[str, set[str]] = {
    **{tag: set() for tag in (
        "abbr", "b", "br", "caption", "code", "dd", "del", "dl", "dt", "em", "figcaption", "figure",
        "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "p", "pre", "q", "s",
        "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "tfoot", "thead", "tr",
        "u", "ul", "section", "article", "aside", "blockquote",
    )},
    "a": {"href", "rel"},
    "details": {"open"},
    "div": {"data-search-exclude"},  # Material's search skips it (quiz blocks)
    "img": {"src", "srcset", "alt", "width", "height", "loading", "decoding"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
}
# What the theme and our templates add around the content (the gate's tier).
PAGE_ELEMENTS: dict[str, set[str]] = {
    **CONTENT_ELEMENTS,
    **{tag: set() for tag in ("html", "head", "body", "title", "header", "nav", "main", "footer", "legend",
                              "noscript")},  # the footer's page list for readers without JavaScript
    "a": {"href", "rel", "data-md-component", "hreflang"},
    "meta": {"charset", "content", "http-equiv", "name"},
    "link": {"href", "rel"},
    "script": {"id", "src", "type"},
    "form": {"autocomplete", "name", "method"},  # quiz forms: method="dialog" (gate checks it)
    "fieldset": {"data-subscale"},
    "label": {"for"},
    "button": {"type", "disabled", "data-quiz-print", "data-quiz-reset", "data-quiz-show"},
    "input": {"type", "name", "checked", "required", "placeholder", "autocapitalize", "autocomplete",
              "autocorrect", "spellcheck", "data-md-component", "data-md-toggle", "data-points",
              "data-flags", "data-exclusive"},
    SVG + "svg": {"viewBox", "{http://www.w3.org/2000/xmlns/}xmlns"},
    SVG + "path": {"d"},
}
# The theme's own data attributes (Material's components and our quiz and exit scripts).
PAGE_DATA = re.compile(r"data-(md-[a-z-]+|quiz(-[a-z-]+)?|i18n-[a-z-]+|help|module|score(-of)?|min|max|flag"
                       r"|subscale|error-prefix|print-title|search-exclude|if|unless|confirm)")
INPUT_TYPES = {"radio", "checkbox", "text", "search"}
# Classes and ids that only the site's templates and scripts may use (quick exit qe-*, the
# safety bar, the footer, quiz markup, Material's md-* components but its buttons).
# quiz__md only wraps an author's own Markdown inside a quiz, so it stays open to content.
RESERVED_CLASSES = re.compile(r"(qe-|sg-|quiz($|_(?!_md$)|-)|safety-bar|site-footer|language-link"
                              r"|md-(?!button(--primary)?$))", re.I)
RESERVED_IDS = re.compile(r"(qe-|quiz-|__)", re.I)
LINK_RELS = {"canonical", "prev", "next", "icon", "stylesheet"}
FETCHED_LINK_RELS = {"icon", "stylesheet"}
META_NAMES = {"viewport", "description", "generator", "referrer", "author"}
# Attributes whose value is a URL the reader may follow (checked for its scheme).
LINK_ATTRS = {"href", "cite", "action", "formaction", "{http://www.w3.org/1999/xlink}href"}
# Attributes whose value the browser fetches (must stay inside the site).
FETCH_ATTRS = {"src", "poster", "data", "background", "srcset"}
LINK_SCHEMES = {"http", "https", "mailto", "tel", "sms"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_STRIP = "".join(chr(c) for c in range(0x21))  # C0 controls and space, trimmed at both ends
_REFUSED_ATTR_WHY = {
    "style": "style attributes are not allowed; the Content-Security-Policy blocks them (use a class)",
    "ping": "ping= sends a request to another address when a link is followed",
    "formaction": "formaction= would send a form somewhere",
    "srcdoc": "srcdoc= embeds a whole page",
    "target": "links must not open new tabs or windows (they leave more traces)",
}


@dataclass(frozen=True)
class Finding:
    message: str
    needles: tuple[str, ...] = ()  # text to look for in the source, best first (to give a line)


# URLs --------------------------------------------------------------------------------


def browser_url(value: str) -> str:
    """The URL as a browser reads it: outer controls and spaces trimmed, tabs and newlines
    removed, backslashes as slashes (as for http(s) and relative URLs)."""
    value = value.strip(_STRIP)
    value = re.sub(r"[\t\n\r]", "", value)
    return value.replace("\\", "/")


def url_scheme(value: str) -> str | None:
    match = _SCHEME.match(browser_url(value))
    return match.group(1).lower() if match else None


def link_problem(value: str) -> str | None:
    scheme = url_scheme(value)
    if scheme is not None and scheme not in LINK_SCHEMES:
        return f'the link "{_short(value)}" uses "{scheme}:"; only http(s), mailto, tel and sms links are allowed'
    return None


def fetch_problem(value: str, *, page_dir: str = "/", site_path: str = "/", data_ok: bool = False) -> str | None:
    """Why fetching `value` from a page in `page_dir` would leave the site, or None."""
    url = browser_url(value)
    scheme = url_scheme(url)
    if scheme == "data" and data_ok:
        return None
    if scheme is not None or url.startswith("//"):
        return f'"{_short(value)}" would be loaded from another site; put the file in the site and use a relative path'
    path = url.split("#")[0].split("?")[0]
    if not path:
        return None
    joined = posixpath.normpath(posixpath.join(page_dir, path)) + ("/" if path.endswith("/") else "")
    if not (joined + "/").startswith(site_path) and joined != site_path.rstrip("/"):
        return f'"{_short(value)}" would be loaded from outside the site\'s own path {site_path}'
    return None


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset, split the way browsers split it (descriptors dropped)."""
    urls, position = [], 0
    while position < len(value):
        while position < len(value) and (value[position].isspace() or value[position] == ","):
            position += 1
        start = position
        while position < len(value) and not value[position].isspace():
            position += 1
        url = value[start:position]
        if url.endswith(","):
            urls.append(url.rstrip(","))
            continue
        if url:
            urls.append(url)
        depth = 0
        while position < len(value) and (value[position] != "," or depth):
            depth += {"(": 1, ")": -1}.get(value[position], 0)
            position += 1
    return urls


def _short(value: str) -> str:
    shown = value.encode("unicode_escape").decode("ascii")
    return shown if len(shown) <= 60 else shown[:57] + "..."


# HTML --------------------------------------------------------------------------------


_NAMESPACES = {"svg": "http://www.w3.org/2000/svg", "math": "http://www.w3.org/1998/Math/MathML"}
# The attributes the HTML parser puts in a namespace on SVG and MathML elements ("adjust
# foreign attributes"); any other name with a colon stays a plain attribute.
_FOREIGN_ATTRS = {
    **{f"xlink:{n}": "{http://www.w3.org/1999/xlink}" + n
       for n in ("actuate", "arcrole", "href", "role", "show", "title", "type")},
    "xml:lang": "{http://www.w3.org/XML/1998/namespace}lang",
    "xml:space": "{http://www.w3.org/XML/1998/namespace}space",
    "xmlns": "{http://www.w3.org/2000/xmlns/}xmlns",
    "xmlns:xlink": "{http://www.w3.org/2000/xmlns/}xlink",
}


# Parse errors that mean the text ended inside something still open: everything after it
# on the page (scripts, footer helplines, the exit's Shift x3) would be swallowed.
_SWALLOWING_ERRORS = {"eof-in-comment": "a comment (<!--) is never closed",
                      "eof-in-cdata": "a CDATA section (<![CDATA[) is never closed",
                      "eof-in-tag": "a tag is never closed (its > is missing)",
                      "eof-in-script-html-comment-like-text": "a <script> is never closed"}
# Elements whose content is raw text: left open, they swallow the rest of the page as text.
RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
            "plaintext"}


def parse_document(html: str, *, scripting: bool = True, unclosed: list[str] | None = None):
    """The page as Chromium builds it (scripting on), as an ElementTree rooted at <html>:
    HTML elements by plain name, SVG and MathML ones as {namespace}name, comments as
    ET.Comment, a <template>'s contents as its children (so they are checked too).
    `unclosed`, when given, receives a message for each thing left open at the end."""
    parsed = JustHTML(html, sanitize=False, scripting_enabled=scripting, collect_errors=unclosed is not None)
    root = next((child for child in parsed.root.children if child.name == "html"), None)
    tree = _to_etree(root) if root is not None else ET.Element("html")
    if unclosed is not None:
        unclosed.extend(_swallowed(parsed, tree))
    return tree


def parse_fragment(html: str, *, unclosed: list[str] | None = None):
    """Author HTML as the body of a page would hold it; [0] of elements() is a wrapper."""
    parsed = JustHTML(html, sanitize=False, scripting_enabled=True, fragment=True,
                      collect_errors=unclosed is not None)
    wrapper = ET.Element("#fragment")
    _append_children(wrapper, parsed.root)
    if unclosed is not None:
        unclosed.extend(_swallowed(parsed, wrapper))
    return wrapper


def _swallowed(parsed, tree) -> list[str]:
    found = [f"{why} (line {error.line} of the HTML)" for error in parsed.errors
             if (why := _SWALLOWING_ERRORS.get(error.code))]
    for element in elements(tree):
        if element.tag in RAW_TEXT and re.search(r"</(body|html|main|article|footer|div|p)\b", element.text or "", re.I):
            found.append(f"a <{element.tag}> is never closed: the markup after it became its text")
    return list(dict.fromkeys(found))


def _to_etree(node) -> ET.Element:
    element = _element(node)
    _append_children(element, node)
    return element


def _element(node) -> ET.Element:
    namespace = _NAMESPACES.get(node.namespace or "")
    tag = f"{{{namespace}}}{node.name}" if namespace else node.name
    attrib = {}
    for name, value in (node.attrs or {}).items():
        key = _FOREIGN_ATTRS.get(name, name) if namespace else name
        attrib[key] = value if value is not None else ""
    return ET.Element(tag, attrib)


def _append_children(parent: ET.Element, node) -> None:
    """Copies node's children under parent; a loop, not recursion, so depth has no limit."""
    stack = [(parent, node)]
    while stack:
        target, source = stack.pop()
        content = getattr(source, "template_content", None)
        children = (content.children if content is not None else source.children) or []
        last = None
        for child in children:
            if child.name == "#text":
                if last is None:
                    target.text = (target.text or "") + child.data
                else:
                    last.tail = (last.tail or "") + child.data
                continue
            if child.name == "#comment":
                made = ET.Comment(child.data)
            elif child.name.startswith("#") or child.name == "!doctype":
                continue
            else:
                made = _element(child)
                stack.append((made, child))
            target.append(made)
            last = made


def tag_name(element) -> str:
    return element.tag.split("}")[-1]  # svg and MathML elements carry their namespace


def elements(root) -> Iterator:
    for element in root.iter():
        if isinstance(element.tag, str):
            yield element


def check_element(element, *, allowed: dict[str, set[str]], page_data: bool, page_dir: str = "/",
                  site_path: str = "/") -> Iterator[Finding]:
    """Everything wrong with one element's name and attributes."""
    tag = element.tag
    if tag not in allowed:
        attrs = " ".join(f'{k.split("}")[-1]}="{_short(v)}"' for k, v in element.attrib.items())
        first = [f'{k.split("}")[-1]}="{v}"' for k, v in element.attrib.items()][:1]
        needles = tuple(f"<{tag_name(element)} {a}" for a in first) + tuple(first) + (f"<{tag_name(element)}",)
        yield Finding(f"the <{tag_name(element)}> element is not allowed" + (f" ({attrs})" if attrs else ""), needles)
        return
    for name, value in element.attrib.items():
        yield from _check_attribute(tag, name, value, allowed[tag], page_data=page_data,
                                    page_dir=page_dir, site_path=site_path)
    if tag == "input" and element.get("type", "text").lower() not in INPUT_TYPES:
        yield Finding(f'<input type="{element.get("type")}"> is not allowed', (f'type="{element.get("type")}',))


def _check_attribute(tag, name, value, allowed, *, page_data, page_dir, site_path) -> Iterator[Finding]:
    local = name.split("}")[-1]
    if local.lower().startswith("on"):
        yield Finding(f"event-handler attributes ({local}=) are not allowed; the site runs no inline code", (f"{local}=",))
        return
    if local == "target" and page_data and value == "_self":
        return  # the language link: a full page load in the same tab (overrides/partials/language-link.html)
    if local in _REFUSED_ATTR_WHY:
        yield Finding(_REFUSED_ATTR_WHY[local], (f"{local}=",))
        return
    known = (name in _GLOBAL or name in allowed or name.startswith("aria-")
             or (page_data and PAGE_DATA.fullmatch(name) is not None))
    if not known:
        yield Finding(f"the attribute {local}= is not allowed on <{tag.split('}')[-1]}>", (f"{local}=",))
        return
    if name == "id" and value.startswith("__") and not page_data:
        yield Finding(f'the id "{value}" is reserved for the theme (ids starting with "__" steer its scripts)',
                      (f'id="{value}"', value))
    elif name == "id" and not page_data and RESERVED_IDS.match(value):
        yield Finding(f'the id "{value}" is reserved for the site\'s safety and quiz markup (give the heading '
                      "another id with {#another-name})", (f'id="{value}"', value))
    if name == "class" and not page_data:
        for word in value.split():
            if RESERVED_CLASSES.match(word):
                yield Finding(f'the class "{word}" is reserved for the site\'s own parts (the exit, the safety bar, '
                              "the skip link, quizzes, the theme): content using it could cover or disable them",
                              (word,))
    if name in LINK_ATTRS:
        problem = link_problem(value)
        if problem:
            yield Finding(problem, (f'{local}="{value}', value))
    if name in FETCH_ATTRS:
        for url in srcset_urls(value) if name == "srcset" else [value]:
            problem = fetch_problem(url, page_dir=page_dir, site_path=site_path)
            if problem:
                # Markdown turns \\ into \, so the source may show the URL with doubled backslashes
                yield Finding(f"<{tag} {name}=>: {problem}", (f'{name}="{url}', url, url.replace("\\", "\\\\")))
    if name == "title" and "<" in value:
        yield Finding(f'the title "{_short(value)}" contains "<": Material shows titles (and abbreviation '
                      "definitions) as HTML tooltips; write plain words", (value,))


def check_fragment(html: str, *, page_dir: str = "/", site_path: str = "/") -> list[Finding]:
    """Check HTML written by an author (a page body, an abbreviation, a quiz field)."""
    findings = []
    for element in list(elements(parse_fragment(html)))[1:]:  # [0] is the fragment itself
        findings.extend(check_element(element, allowed=CONTENT_ELEMENTS, page_data=False,
                                      page_dir=page_dir, site_path=site_path))
    return list(dict.fromkeys(findings))


def front_matter_problem(key: str, value: str) -> str | None:
    """Front matter the theme prints unescaped (title, description, ...) must hold no markup."""
    if "<" in value or ">" in value:
        return f'front matter "{key}" contains "<" or ">"; the theme prints it as HTML, so write plain words'
    if '"' in value and key in ("title", "description", "tab_title"):
        return (f'front matter "{key}" contains a double quote ("); the theme puts it inside an attribute '
                "unescaped; use curly quotes (\u201c \u201d) or single quotes")
    return None


# CSS ---------------------------------------------------------------------------------


# CSS functions that take URLs, matched with any vendor prefix removed (-webkit-image-set).
_URL_FUNCTIONS = {"url", "src", "image-set", "image", "cross-fade"}


def css_urls(text: str) -> Iterator[str]:
    """Every URL the stylesheet would fetch: url(), src() and @import."""
    rules = tinycss2.parse_stylesheet(text, skip_comments=True, skip_whitespace=True)
    for rule in rules:
        if rule.type == "at-rule" and rule.lower_at_keyword == "import":
            for token in rule.prelude:
                if token.type in ("string", "url"):
                    yield token.value
        yield from _token_urls(getattr(rule, "prelude", None) or [])
        yield from _token_urls(getattr(rule, "content", None) or [])


def _token_urls(tokens: Iterable) -> Iterator[str]:
    for token in tokens:
        if token.type == "url":
            yield token.value
        elif token.type == "function":
            if re.sub(r"^-[a-z]+-", "", token.lower_name) in _URL_FUNCTIONS:
                for argument in token.arguments:
                    if argument.type == "string":
                        yield argument.value
            yield from _token_urls(token.arguments)
        elif token.type in ("() block", "[] block", "{} block"):
            yield from _token_urls(token.content)
        if token.type in ("qualified-rule", "at-rule"):
            yield from _token_urls(token.prelude or [])
            yield from _token_urls(token.content or [])
    return


def check_css(text: str, *, css_dir: str, site_path: str) -> list[Finding]:
    findings = []
    for rule in tinycss2.parse_stylesheet(text):
        if rule.type == "at-rule" and rule.lower_at_keyword == "import":
            findings.append(Finding("@import is not allowed; put the rules in the site's own stylesheet", ("@import",)))
    for url in css_urls(text):
        problem = fetch_problem(url, page_dir=css_dir, site_path=site_path, data_ok=url_scheme(url) == "data"
                                and browser_url(url).lower().startswith("data:image/"))
        if problem:
            findings.append(Finding(f"url(): {problem}", (url,)))
    return findings
