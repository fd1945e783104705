"""The guard behind every browser test really catches what it promises to catch, so
"no request to another host, no console error, no CSP violation" cannot pass vacuously."""

from __future__ import annotations


def test_guard_records_other_hosts_console_errors_and_csp_violations(open_page, page_guard):
    page = open_page("")
    page.evaluate("() => { const img = new Image(); img.src = 'https://tracker.invalid/pixel.png';"
                  " document.body.append(img); }")
    page.wait_for_timeout(300)
    assert page_guard.csp_violations or page_guard.foreign_requests  # CSP blocks it first
    page.evaluate("() => console.error('boom')")
    page.wait_for_timeout(100)
    assert any("boom" in error for error in page_guard.console_errors)
    assert page_guard.problems()
    # Leave the guard clean so this test's own teardown passes.
    page_guard.foreign_requests.clear()
    page_guard.csp_violations.clear()
    page_guard.console_errors.clear()
