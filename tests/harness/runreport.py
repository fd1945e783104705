"""The end of a test run's report: the run's wall time, each part's time (the summed time
of its tests, per folder of tests/), and the builds, axe runs and Nu checker runs it made
(harness/tally.py). With xdist each worker sends its counts to the controller. A pytest
plugin, loaded by tests/conftest.py; figures are printed, never asserted."""

from __future__ import annotations

import time
from collections import Counter

import pytest

from harness import tally

_PART_TIMES = pytest.StashKey[Counter]()
_PART_TESTS = pytest.StashKey[Counter]()
_WORKER_COUNTS = pytest.StashKey[Counter]()
_STARTED = pytest.StashKey[float]()
# Fixtures every xdist worker may hold its own of: cheap, or shared through harness/sitecache.py.
SHARED_FIXTURES = {"site", "quiz_site", "browser", "tmp_path_factory", "worker_id", "testrun_uid"}


def _part(nodeid: str) -> str:
    folders = nodeid.split("::")[0].split("/")
    return "/".join(folders[:2]) if len(folders) > 2 else folders[0]


_config = None  # hooks without a config argument (pytest_runtest_logreport) find it here


def pytest_configure(config):
    global _config
    _config = config
    config.stash[_PART_TIMES], config.stash[_PART_TESTS] = Counter(), Counter()
    config.stash[_WORKER_COUNTS] = Counter()
    config.stash[_STARTED] = time.perf_counter()


def pytest_runtest_logreport(report):
    config = _config
    if config is None:
        return
    config.stash[_PART_TIMES][_part(report.nodeid)] += report.duration
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        config.stash[_PART_TESTS][_part(report.nodeid)] += 1


def pytest_sessionfinish(session):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["tally"] = dict(tally.COUNTS)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    node.config.stash[_WORKER_COUNTS].update(getattr(node, "workeroutput", {}).get("tally", {}))


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    group_for_xdist(config, items)


def group_for_xdist(config, items) -> None:
    """Under xdist (--dist loadgroup), keep together the tests that share a costly fixture
    no cache shares: a module's (or class's) fixture on one worker, and each session fixture
    outside SHARED_FIXTURES on one worker. Every other test goes wherever a worker is free."""
    if not hasattr(config, "workerinput"):
        return
    for item in items:
        info = getattr(item, "_fixtureinfo", None)
        if info is None:
            continue
        group = None
        for name, definitions in info.name2fixturedefs.items():
            scope = definitions[-1].scope
            if scope == "session" and name not in SHARED_FIXTURES and not name.startswith("_"):
                group = f"session fixture {name}"
                break
            if scope in ("module", "class", "package") and group is None:
                group = item.nodeid.split("::")[0]
        if group:
            item.add_marker(pytest.mark.xdist_group(group))


def pytest_terminal_summary(terminalreporter, config):
    counts = Counter(tally.COUNTS) + config.stash[_WORKER_COUNTS]
    times, tests = config.stash[_PART_TIMES], config.stash[_PART_TESTS]
    if not tests:
        return
    write = terminalreporter.write_line
    terminalreporter.section("time and work")
    wall = time.perf_counter() - config.stash[_STARTED]
    write(f"{'wall time of this run':<52}{wall:9.1f} s")
    for part, seconds in sorted(times.items(), key=lambda kv: -kv[1]):
        write(f"  {part + ' (' + str(tests[part]) + ' tests)':<50}{seconds:9.1f} s of test time")
    for what in sorted(counts):
        write(f"{what:<52}{counts[what]:9d}")
