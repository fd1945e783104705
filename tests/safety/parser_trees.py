"""The same tree dump (html5lib-tests style) from three parsers: the gate's, html5lib's and
Chromium's own DOM, for the differential tests (test_parser_differential.py) and the README
table (`.venv/bin/python tests/safety/parser_trees.py` prints it).

Each case is a whole document whose meaning differs between parsers that get a rule wrong:
scripting on or off in <noscript>, <template> contents, foreign content (SVG, MathML) and
its integration points, <select>, comments and CDATA in foreign content, attribute breakouts.
"""

from __future__ import annotations

import sys
from pathlib import Path

CASES: dict[str, str] = {
    "noscript-in-head": '<!doctype html><head><noscript><meta http-equiv="refresh" content="99;url=//evil"></noscript>'
                        '</head><body>x',
    "noscript-in-body": '<!doctype html><body><noscript><p title="</noscript><img src=x>">a</p></noscript>',
    "noscript-comment": '<!doctype html><body><noscript><!--</noscript><a href=//evil>b</a>--></noscript>',
    "template": '<!doctype html><body><template><script>t()</script><tr><td>c</td></tr></template><p>d',
    "template-in-head": '<!doctype html><head><template><meta http-equiv=refresh content=99></template></head>',
    "svg-style": '<!doctype html><body><svg><style><img src=x title="</style>"></style></svg>',
    "svg-cdata": '<!doctype html><body><svg><![CDATA[</svg><a href=//evil>e</a>]]></svg><p>f',
    "svg-comment": '<!doctype html><body><svg><!--</svg><a href=//evil>-->g</svg>',
    "cdata-in-html": '<!doctype html><body><![CDATA[<a href=//evil>h</a>]]>',
    "svg-foreignobject": '<!doctype html><body><svg><foreignObject><p>i<svg><desc><b>j</b></desc></svg>'
                         '</foreignObject></svg>',
    "svg-breakout": '<!doctype html><body><svg><p>k</p><a xlink:href="//evil">l</a></svg>',
    "svg-case": '<!doctype html><body><svg viewbox="0 0 1 1"><clippath><lineargradient/></clippath>'
                '<foreignobject>m</foreignobject></svg>',
    "math-mtext": '<!doctype html><body><math><mtext><table><mglyph><style><img src=x></style></mglyph>'
                  '</table></mtext></math>',
    "math-annotation": '<!doctype html><body><math><annotation-xml encoding="text/html"><style><img src=x>'
                       '</style></annotation-xml></math>',
    "math-cdata": '<!doctype html><body><math><mi><![CDATA[</math><a>n</a>]]></mi></math>',
    "select": '<!doctype html><body><select><div><img src=x></div><option>o<script>p()</script></select>',
    "select-keygen": '<!doctype html><body><select><input><textarea>q</textarea></select>',
    "table-foster": '<!doctype html><body><table><a href=//evil>r</a><tr><td>s</td></tr></table>',
    "attr-breakout": '<!doctype html><body><a title=\'<a href="//x">\' href="/ok">t</a>'
                     '<img alt="a"b="c"><p id=a id=b>u',
    "attr-entities": '<!doctype html><body><a href="java&#x09;script:x&colon;y" title="&lt;b&gt;&amp">v</a>',
    "comment-edge": '<!doctype html><body><!--><a>w</a><!--->x<!-- -- --!><p>y',
    "rawtext-end": '<!doctype html><body><textarea></textarea ><script>z()</script></textarea>'
                   '<title></title/><xmp></xmp x><b>',
    "plaintext": '<!doctype html><body><plaintext></plaintext><a href=//evil>',
    "nested-forms": '<!doctype html><body><form id=a><form id=b><input></form></form>',
    "meta-in-body": '<!doctype html><body><p><meta http-equiv=refresh content="99;url=//evil"></p>',
}

_NAMESPACE_SHORT = {"http://www.w3.org/2000/svg": "svg", "http://www.w3.org/1998/Math/MathML": "math"}
_ATTR_NAMESPACE_SHORT = {"http://www.w3.org/1999/xlink": "xlink", "http://www.w3.org/XML/1998/namespace": "xml",
                         "http://www.w3.org/2000/xmlns/": "xmlns"}


def _element_line(namespace: str | None, name: str) -> str:
    prefix = _NAMESPACE_SHORT.get(namespace or "")
    return f"<{prefix} {name}>" if prefix else f"<{name}>"


def _attr_lines(attrs: list[tuple[str | None, str, str]], depth: int) -> list[str]:
    lines = []
    for namespace, name, value in sorted(attrs, key=lambda a: (_ATTR_NAMESPACE_SHORT.get(a[0] or "", ""), a[1])):
        prefix = _ATTR_NAMESPACE_SHORT.get(namespace or "")
        lines.append("  " * depth + f'{prefix + " " if prefix else ""}{name}="{value}"')
    return lines


# Chromium: the DOM it built from the bytes, walked in the page ------------------------

CHROMIUM_DUMP = """() => {
  const SHORT = {"http://www.w3.org/2000/svg": "svg", "http://www.w3.org/1998/Math/MathML": "math"};
  const ATTR = {"http://www.w3.org/1999/xlink": "xlink", "http://www.w3.org/XML/1998/namespace": "xml",
                "http://www.w3.org/2000/xmlns/": "xmlns"};
  const out = [];
  const walk = (node, depth) => {
    const pad = "  ".repeat(depth);
    if (node.nodeType === 1) {
      const ns = SHORT[node.namespaceURI];
      const name = node.namespaceURI === "http://www.w3.org/1999/xhtml" ? node.localName : node.localName;
      out.push(pad + (ns ? `<${ns} ${name}>` : `<${name}>`));
      const attrs = [...node.attributes].map(a => [ATTR[a.namespaceURI] || "", a.localName, a.value]);
      attrs.sort((x, y) => x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);
      for (const [p, n, v] of attrs) out.push(pad + "  " + (p ? p + " " : "") + `${n}="${v}"`);
      const kids = node.localName === "template" && node.content ? node.content.childNodes : node.childNodes;
      if (node.localName === "template" && node.content) out.push(pad + "  content");
      for (const child of kids) walk(child, depth + (node.localName === "template" && node.content ? 2 : 1));
    } else if (node.nodeType === 3) {
      out.push(pad + JSON.stringify(node.data));
    } else if (node.nodeType === 8) {
      out.push(pad + "<!-- " + node.data + " -->");
    }
  };
  walk(document.documentElement, 0);
  return out.join("\\n");
}"""


def chromium_trees(browser, cases: dict[str, str] = CASES) -> dict[str, str]:
    """Each case's tree as Chromium builds it: the bytes served as text/html, JavaScript on."""
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    trees: dict[str, str] = {}
    serving = {"body": b""}
    # The page's own scripts are blocked by its CSP, but scripting stays enabled (as on the
    # site), which is what decides how <noscript> parses.
    page.route("http://parser.test/**", lambda route: route.fulfill(
        status=200, body=serving["body"], headers={"Content-Type": "text/html; charset=utf-8",
                                                   "Content-Security-Policy": "default-src 'none'"}))
    try:
        for name, document in cases.items():
            serving["body"] = document.encode("utf-8")
            page.goto(f"http://parser.test/{name}")
            trees[name] = page.evaluate(CHROMIUM_DUMP)
    finally:
        context.close()
    return trees


# The two Python parsers ---------------------------------------------------------------


def html5lib_tree(document: str, *, scripting: bool = True) -> str:
    import html5lib
    root = html5lib.parse(document, treebuilder="etree", namespaceHTMLElements=False, scripting=scripting)
    out: list[str] = []
    _etree_walk(root, 0, out)
    return "\n".join(out)


def _etree_walk(element, depth: int, out: list[str]) -> None:
    import xml.etree.ElementTree as ET
    pad = "  " * depth
    if element.tag is ET.Comment:
        out.append(pad + f"<!-- {element.text} -->")
    else:
        namespace, _, name = element.tag[1:].partition("}") if element.tag.startswith("{") else (None, "", element.tag)
        out.append(pad + _element_line(namespace, name))
        attrs = []
        for key, value in element.attrib.items():
            attr_ns, _, local = key[1:].partition("}") if key.startswith("{") else (None, "", key)
            attrs.append((attr_ns, local, value))
        out.extend(_attr_lines(attrs, depth + 1))
        inner = depth + 1
        if name == "template" and namespace is None:
            out.append(pad + "  content")  # html5lib's etree keeps template contents as children
            inner = depth + 2
        if element.text:
            out.append("  " * inner + _quoted(element.text))
        for child in element:
            _etree_walk(child, inner, out)
    if element.tail:
        out.append(pad + _quoted(element.tail))


def justhtml_tree(document: str) -> str:
    from justhtml import JustHTML
    root = JustHTML(document, sanitize=False, scripting_enabled=True).root
    html = next(child for child in root.children if getattr(child, "name", "") == "html")
    out: list[str] = []
    _justhtml_walk(html, 0, out)
    return "\n".join(out)


def _justhtml_walk(node, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    if node.name == "#text":
        out.append(pad + _quoted(node.data))
        return
    if node.name == "#comment":
        out.append(pad + f"<!-- {node.data} -->")
        return
    namespace = None if node.namespace in (None, "html") else {"svg": "http://www.w3.org/2000/svg",
                                                                 "math": "http://www.w3.org/1998/Math/MathML"}[node.namespace]
    out.append(pad + _element_line(namespace, node.name))
    attrs = []
    for key, value in (node.attrs or {}).items():
        attr_ns, local = None, key
        if namespace and " " in key:  # foreign attributes come as "xlink href"
            short, local = key.split(" ", 1)
            attr_ns = {v: k for k, v in _ATTR_NAMESPACE_SHORT.items()}.get(short)
        elif namespace and ":" in key and key.split(":")[0] in ("xlink", "xml", "xmlns"):
            short, local = key.split(":", 1)
            attr_ns = {v: k for k, v in _ATTR_NAMESPACE_SHORT.items()}[short]
        elif namespace and key == "xmlns":
            attr_ns = "http://www.w3.org/2000/xmlns/"
        attrs.append((attr_ns, local, value if value is not None else ""))
    out.extend(_attr_lines(attrs, depth + 1))
    children = node.children or []
    inner = depth + 1
    content = getattr(node, "template_content", None)
    if content is not None:
        out.append(pad + "  content")
        children, inner = content.children or [], depth + 2
    for child in children:
        _justhtml_walk(child, inner, out)


def _quoted(text: str) -> str:
    import json
    return json.dumps(text)


def gate_tree(document: str) -> str:
    """The tree the gate reads (sitekit/allowlist.parse_document), dumped like html5lib's."""
    from steadyground.safety.allowlist import parse_document
    out: list[str] = []
    _etree_walk(parse_document(document), 0, out)
    return "\n".join(out)


PARSERS = {"html5lib 1.1, scripting off (the gate before)": lambda d: html5lib_tree(d, scripting=False),
           "html5lib 1.1, scripting on": html5lib_tree, "justhtml 3.16.0": justhtml_tree,
           "the gate (justhtml into its tree)": gate_tree}


def comparison_table(chromium: dict[str, str]) -> str:
    """A Markdown table: for each case, whether each parser's tree equals Chromium's."""
    names = list(PARSERS)
    rows = ["| Case | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for case, document in CASES.items():
        cells = []
        for name in names:
            try:
                cells.append("same" if PARSERS[name](document) == chromium[case] else "**differs**")
            except ImportError:  # html5lib is no longer a site dependency: `pip install html5lib==1.1`
                cells.append("not installed")
            except Exception as error:  # noqa: BLE001 - a crash is a result for the table
                cells.append(f"**crashes** ({type(error).__name__})")
        rows.append(f"| {case} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        trees = chromium_trees(chromium)
        chromium.close()
    if "-v" in sys.argv:
        for case, document in CASES.items():
            for name, parse in PARSERS.items():
                mine = parse(document)
                if mine != trees[case]:
                    print(f"--- {case}: {name}\n{mine}\n--- chromium\n{trees[case]}\n")
    print(comparison_table(trees))
