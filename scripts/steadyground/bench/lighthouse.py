"""Lighthouse 12 (npm), installed by the bench into its cache dir outside the repository,
run with its default mobile preset (simulated throttling: a mid-range phone on slow 4G)
against a gzip server, with the Chromium flags from shared/research/toolchain.md §5."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from steadyground.bench.common import CACHE, log, median

PACKAGE = "lighthouse@12"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")


@dataclass
class Scores:
    categories: dict[str, int]  # 0-100, median of runs
    fcp_ms: float
    lcp_ms: float
    tbt_ms: float
    runs: int
    failing: list[str]  # weighted audits below full marks in categories under 100, any run
    blocking: list[str]  # render-blocking files with Lighthouse's estimated cost, last run


def install() -> tuple[Path | None, str | None]:
    """(path of lighthouse's cli, None) or (None, why it is not available)."""
    cli = CACHE / "node_modules" / "lighthouse" / "cli" / "index.js"
    if cli.is_file():
        return cli, None
    if not (shutil.which("node") and shutil.which("npm")):
        return None, "node and npm are not installed"
    CACHE.mkdir(parents=True, exist_ok=True)
    log(f"lighthouse: npm install {PACKAGE} into {CACHE}")
    done = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), PACKAGE],
        capture_output=True, text=True, timeout=900,
    )
    if done.returncode != 0 or not cli.is_file():
        lines = [line for line in (done.stderr + done.stdout).splitlines() if "ERR" in line]
        return None, f"npm install {PACKAGE} failed: {(lines or ['(no output)'])[-1]}"
    return cli, None


def _run_once(cli: Path, url: str, chromium: str) -> dict:
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as folder:
        report = Path(folder) / "report.json"
        done = subprocess.run(
            ["node", str(cli), url, f"--chrome-flags={CHROME_FLAGS}", "--output=json",
             f"--output-path={report}", "--quiet"],
            capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": chromium},
        )
        if done.returncode != 0 or not report.is_file():
            raise RuntimeError(f"lighthouse failed on {url}: {(done.stderr or done.stdout).strip()[-400:]}")
        return json.loads(report.read_text(encoding="utf-8"))


def _failing(report: dict) -> list[str]:
    found = []
    for name in CATEGORIES:
        category = report["categories"][name]
        if (category["score"] or 0) >= 1:
            continue
        for ref in category["auditRefs"]:
            audit = report["audits"].get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                found.append(f"{name}: {ref['id']}")
    return found


def _blocking(report: dict) -> list[str]:
    items = (report["audits"].get("render-blocking-resources") or {}).get("details", {}).get("items", [])
    return [f"{item['url'].rsplit('/', 1)[-1]} {item.get('wastedMs', 0):.0f} ms" for item in items]


def measure(cli: Path, url: str, chromium: str, runs: int) -> Scores:
    reports = [_run_once(cli, url, chromium) for _ in range(runs)]
    categories = {
        name: round(median([(r["categories"][name]["score"] or 0) * 100 for r in reports])) for name in CATEGORIES
    }
    return Scores(
        categories=categories,
        fcp_ms=median([r["audits"]["first-contentful-paint"]["numericValue"] for r in reports]),
        lcp_ms=median([r["audits"]["largest-contentful-paint"]["numericValue"] for r in reports]),
        tbt_ms=median([r["audits"]["total-blocking-time"]["numericValue"] for r in reports]),
        runs=runs,
        failing=sorted({f for r in reports for f in _failing(r)}),
        blocking=_blocking(reports[-1]),
    )
