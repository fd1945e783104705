"""Chromium through Playwright (Debian's build, launched by path: never `playwright
install`), and a guard that records what a reader's browser must never do."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from steadyground.bench.chromium import CHROMIUM_FLAGS, chromium_path  # noqa: F401 (the harness's)

EXIT_STUB = "<!doctype html><html lang='en'><title>Weather</title><h1>Weather</h1></html>"

_REPORT_CSP = """document.addEventListener('securitypolicyviolation', (event) => {
  window.__reportCspViolation(event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'));
});"""


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class PageGuard:
    """What happened in the browser contexts a test opened."""

    site_origin: str
    exit_url: str
    other_exit_urls: tuple[str, ...] = ()  # other languages' exit destinations
    foreign_requests: list[str] = field(default_factory=list)
    exit_requests: list[dict] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)
    console_errors_expected: bool = False

    def attach(self, context) -> None:
        context.route("**/*", self._route)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.console_errors.append(f"page error: {error.error}"))
        context.expose_binding("__reportCspViolation", lambda source, text: self.csp_violations.append(text))
        context.add_init_script(_REPORT_CSP)

    def _route(self, route) -> None:
        url = route.request.url
        if _origin(url) == self.site_origin:
            route.continue_()
        elif any(url.startswith(exit_url) for exit_url in (self.exit_url, *self.other_exit_urls)):
            self.exit_requests.append({"url": url, "headers": route.request.all_headers()})
            route.fulfill(status=200, content_type="text/html", body=EXIT_STUB)
        else:
            self.foreign_requests.append(url)
            route.abort()

    def _console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(f"console: {message.text}")

    def problems(self) -> list[str]:
        found = [f"request to another host: {url}" for url in self.foreign_requests]
        found += [f"CSP violation: {text}" for text in self.csp_violations]
        if not self.console_errors_expected:
            found += self.console_errors
        return found


class GuardedPages:
    """Opens pages in fresh contexts watched by one PageGuard; close() fails the test if
    the browser did something a reader's browser must never do."""

    def __init__(self, browser, guard: PageGuard, base_url: str):
        self.browser, self.guard, self.base_url = browser, guard, base_url
        self.contexts: list = []

    def open(self, path: str | None = "", *, width=1280, height=900, color_scheme="light",
             javascript=True, reduced_motion=None):
        context = self.browser.new_context(
            viewport={"width": width, "height": height}, color_scheme=color_scheme,
            java_script_enabled=javascript, reduced_motion=reduced_motion,
        )
        self.guard.attach(context)
        self.contexts.append(context)
        page = context.new_page()
        if path is not None:
            page.goto(path if path.startswith("http") else self.base_url + path.lstrip("/"))
        return page

    def close(self) -> list[str]:
        for context in self.contexts:
            context.close()
        return self.guard.problems()
