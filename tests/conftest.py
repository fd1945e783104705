"""Shared fixtures: one strict build of the site per run, served statically under a
GitHub-Pages-like subpath, and Chromium contexts that fail a test on any request to
another host, any console error and any CSP violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

from harness.browser import CHROMIUM_FLAGS, GuardedPages, PageGuard, chromium_path
from harness.build import build_site
from harness.config import exit_url, spanish_exit_url
from harness.generator import generator, in_zensical_suite
from harness.pages import not_found_pages, sitemap_urls
from harness.server import serve_directory


def pytest_collection_modifyitems(config, items):
    """Mark the tests that also run on a Zensical build (harness/generator.py)."""
    for item in items:
        relative = item.path.relative_to(config.rootpath).as_posix()
        if in_zensical_suite(relative):
            item.add_marker(pytest.mark.zensical)


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
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("built-site")
    served = serve_directory(root)
    build = build_site(root, served.base_url)
    if build.returncode != 0:
        served.stop()
        pytest.fail(f"strict {generator()} build of the site failed:\n{build.output}", pytrace=False)
    yield SiteUnderTest(served, build)
    served.stop()


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
