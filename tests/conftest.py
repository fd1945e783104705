"""Shared fixtures: one strict build of the site per source state (harness/sitecache.py),
served statically under a GitHub-Pages-like subpath, and Chromium contexts that fail a test
on any request to another host, any console error and any CSP violation. The run's report
ends with each part's time and the builds and axe runs it made (harness/runreport.py)."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from harness import sitecache, tally
from harness.browser import CHROMIUM_FLAGS, GuardedPages, PageGuard, chromium_path
from harness.config import exit_url, spanish_exit_url
from harness.generator import generator, in_zensical_suite
from harness.pages import not_found_pages, sitemap_urls
from harness.tampered import expected, tampered  # noqa: F401 (fixtures of the gate's tests)

pytest_plugins = ["harness.runreport"]  # the report's last section; xdist groups

BROWSER_FOLDER = "tests/browser/"
_SERVERS = pytest.StashKey[list]()
_PREBUILD = pytest.StashKey[object]()


def pytest_configure(config):
    """The process that owns the run listens for the test sites at their fixed ports; an
    xdist worker is told where (pytest_configure_node)."""
    tally.start()
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        slots = [sitecache.Slot.from_dict(d) for d in workerinput["test_sites"]]
        config.stash[sitecache.SLOTS] = {slot.spec.name: slot for slot in slots}
        return
    slots, servers = {}, []
    for spec in sitecache.SITES.values():
        slot, served = sitecache.serve(spec)
        slots[spec.name] = slot
        servers.append(served)
    config.stash[sitecache.SLOTS], config.stash[_SERVERS] = slots, servers
    whole_suite = config.args_source != pytest.Config.ArgsSource.ARGS  # as make test and test-quick run
    if config.getoption("numprocesses", None) and whole_suite:  # xdist: build while the workers collect
        browsers = "not browser" not in (config.option.markexpr or "")
        wanted = [slots["site"]] + ([slots["quiz-site"]] if browsers else [])
        config.stash[_PREBUILD] = sitecache.prebuild(wanted)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    """No test starts before the prebuild is done: a Zensical build stages in the work tree's
    .zensical-stage/, where a test's own `make serve` would stage too."""
    if _PREBUILD in node.config.stash:
        node.config.stash[_PREBUILD].join()


def pytest_unconfigure(config):
    if _PREBUILD in config.stash:
        config.stash[_PREBUILD].join()
    for served in config.stash.get(_SERVERS, []):
        served.stop()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):  # xdist: each worker builds (or reuses) and the controller serves
    node.workerinput["test_sites"] = [slot.as_dict() for slot in node.config.stash[sitecache.SLOTS].values()]


def pytest_collection_modifyitems(config, items):
    """Mark the tests that also run on a Zensical build (harness/generator.py), and every test
    that drives Chromium `browser`: those in tests/browser/ and any that uses the browser
    fixture (so `-m "not browser"` leaves exactly the tests that need no browser)."""
    relative_paths = {}
    for item in items:
        if item.path not in relative_paths:
            relative_paths[item.path] = item.path.relative_to(config.rootpath).as_posix()
        relative = relative_paths[item.path]
        if in_zensical_suite(relative):
            item.add_marker(pytest.mark.zensical)
        if relative.startswith(BROWSER_FOLDER) or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


def pytest_report_header(config):
    return f"site generator: {generator()} (SITE_GENERATOR)"


class SiteUnderTest:
    def __init__(self, served, build):
        self.root = served.root
        self.base_url = served.base_url
        self.origin = served.origin
        self.build_seconds = build.seconds
        self.exit_url = exit_url()
        self.spanish_exit_url = spanish_exit_url()
        self.generator = generator()

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")

    def page_urls(self) -> list[str]:
        return sitemap_urls(self.root) + [self.url(path) for path in not_found_pages(self.root)]


@pytest.fixture(scope="session")
def site(request):
    slot = sitecache.slot(request.config, "site")
    build = sitecache.built(slot)
    if build.returncode != 0:
        pytest.fail(f"strict {generator()} build of the site failed:\n{build.output}", pytrace=False)
    return SiteUnderTest(slot, build)


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.fail(
            "No Chromium found. Run `make test` (it installs Debian's chromium when it can), "
            "or install one (`apt-get install chromium`) or set CHROMIUM=/path/to/chromium.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page_guard(site):
    return PageGuard(site_origin=site.origin, exit_url=site.exit_url, other_exit_urls=(site.spanish_exit_url,))


@pytest.fixture
def open_page(site, browser, page_guard):
    """open_page(path, width=, height=, color_scheme=, javascript=, reduced_motion=) -> Page."""
    pages = GuardedPages(browser, page_guard, site.base_url)
    yield pages.open
    problems = pages.close()
    if problems:
        pytest.fail("the browser did something a reader's browser must never do:\n" + "\n".join(problems), pytrace=False)
