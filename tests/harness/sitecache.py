"""One build of each test site per source state, shared by every pytest session and every
xdist worker of this work tree, served at a fixed port.

The port is part of site_url, and site_url is baked into each page's Content-Security-Policy,
so a site built for one address cannot be served at another: a fixed port (one per work tree,
SITE_TEST_PORT to choose it) is what lets a build be reused. A build is kept under
.cache/test-sites/, named by a hash of everything it is made from: the sources, configs, pins
and build scripts, the installed packages, the generator and the address. An unchanged tree
reuses it; any change builds anew. SITE_TEST_CACHE=0 builds every session afresh.

The process that owns the run (pytest itself, or xdist's controller) holds the servers;
the builds happen where a test first asks for a site, under a lock, so there is one each."""

from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Callable

import pytest

from harness import tally
from harness.build import build_site
from harness.generator import generator
from steadyground.bench.static_server import SUBPATH, ServedDirectory, serve_directory

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".cache" / "test-sites"
KEEP = 3  # newest builds kept per site and generator (another session may still serve an older one)
# Top-level folders no site is built from (tests/ is not, except where a site lists its inputs).
NOT_SOURCES = {".git", ".venv", ".venv-zensical", ".cache", ".pytest_cache", ".zensical-stage", "tests",
               "tools", "site", "site-zensical", "bench-results", "node_modules", ".ci", ".github", ".vscode"}
QUIZ_MINISITE = REPO / "tests" / "quizkit" / "quiz_minisite.py"
HARNESS = (REPO / "tests" / "harness" / "build.py", REPO / "tests" / "harness" / "sitecache.py")


@dataclass(frozen=True)
class SiteSpec:
    name: str
    port_offset: int  # from the work tree's base port
    inputs: tuple[Path, ...] = ()  # besides the repo's sources (files or folders)


SITES = {
    "site": SiteSpec("site", 0),
    "quiz-site": SiteSpec("quiz-site", 1, (REPO / "tests" / "fixtures" / "quizzes" / "valid",
                                          REPO / "tests" / "fixtures" / "site",
                                          QUIZ_MINISITE)),
}


def base_port() -> int:
    """SITE_TEST_PORT, or a port from this work tree's path (below the ephemeral range), so the
    work trees on one machine rarely meet; a taken port falls back to a random one."""
    if os.environ.get("SITE_TEST_PORT"):
        return int(os.environ["SITE_TEST_PORT"])
    return 20000 + int(hashlib.sha256(str(REPO).encode()).hexdigest(), 16) % 5000 * 2


def _files(top: Path):
    for folder, dirs, names in os.walk(top):
        top_level = Path(folder) == REPO
        dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not (top_level and d in NOT_SOURCES))
        for name in sorted(names):
            if not name.endswith(".pyc"):
                yield Path(folder) / name


def _digest(paths) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(REPO).as_posix().encode() + b"\0")
        digest.update(os.readlink(path).encode() if path.is_symlink() else path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def source_state(spec: SiteSpec) -> str:
    """A hash of what the site is built from."""
    paths = list(_files(REPO)) + list(HARNESS)
    for extra in spec.inputs:
        paths += list(_files(extra)) if extra.is_dir() else [extra]
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    zensical = REPO / ".venv-zensical" / "pyvenv.cfg"
    return hashlib.sha256("\0".join([_digest(paths), sys.version, *packages,
                                     zensical.read_text() if zensical.exists() else ""]).encode()).hexdigest()


@dataclass
class Slot:
    """Where one site of this run is served, and the folder its build lives in."""

    spec: SiteSpec
    base_url: str
    entry: Path  # .cache/test-sites/<name>-<generator>-<hash>/, its site in site/

    @property
    def root(self) -> Path:
        return self.entry / "site"

    @property
    def origin(self) -> str:
        return "/".join(self.base_url.split("/")[:3])

    def as_dict(self) -> dict:
        return {"name": self.spec.name, "base_url": self.base_url, "entry": str(self.entry)}

    @classmethod
    def from_dict(cls, data: dict) -> "Slot":
        return cls(SITES[data["name"]], data["base_url"], Path(data["entry"]))


def _entry(spec: SiteSpec, base_url: str) -> Path:
    key = hashlib.sha256(f"{spec.name}\0{generator()}\0{base_url}\0{source_state(spec)}".encode()).hexdigest()
    name = f"{spec.name}-{generator()}-{key[:20]}"
    if os.environ.get("SITE_TEST_CACHE", "1") == "0":
        name += f"-{os.getpid()}-{time.time_ns()}"
    return CACHE / name


def serve(spec: SiteSpec) -> tuple[Slot, ServedDirectory]:
    """Listen at the fixed port for this site and serve where its build will be."""
    CACHE.mkdir(parents=True, exist_ok=True)
    served = serve_directory(CACHE / "nothing-yet", SUBPATH, port=base_port() + spec.port_offset)
    slot = Slot(spec, served.base_url, _entry(spec, served.base_url))
    served.serve(slot.root)
    return slot, served


SLOTS = pytest.StashKey[dict]()  # name -> Slot, set by tests/conftest.py's pytest_configure


def slot(config, name: str) -> Slot:
    """Where the named test site (SITES) is served in this run."""
    return config.stash[SLOTS][name]


@dataclass
class Built:
    returncode: int
    output: str
    seconds: float  # of the build that made it
    reused: bool


def ensure_built(slot: Slot, build: Callable[[Path], object]) -> Built:
    """The slot's site, built once: `build(dest)` runs (returning a BuildResult) only when no
    finished build of this source state exists. A failed build is not kept."""
    meta = slot.entry / "build.json"
    with open(CACHE / f"{slot.spec.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other worker waits, then reuses
        if meta.is_file():
            data = json.loads(meta.read_text(encoding="utf-8"))
            return Built(0, data["output"], data["seconds"], True)
        for stale in CACHE.glob(f"building-{slot.spec.name}-*"):  # a run stopped mid-build
            shutil.rmtree(stale, ignore_errors=True)
        work = CACHE / f"building-{slot.entry.name}"
        work.mkdir()
        result = build(work / "site")
        if result.returncode != 0:
            shutil.rmtree(work, ignore_errors=True)
            return Built(result.returncode, result.output, result.seconds, False)
        (work / "build.json").write_text(json.dumps({"output": result.output, "seconds": result.seconds}),
                                         encoding="utf-8")
        work.rename(slot.entry)
        _prune(slot)
        return Built(0, result.output, result.seconds, False)


def _prune(slot: Slot) -> None:
    prefix = f"{slot.spec.name}-{generator()}-"
    builds = sorted((p for p in CACHE.glob(prefix + "*") if p.is_dir()), key=lambda p: p.stat().st_mtime,
                    reverse=True)
    for old in builds[KEEP:]:
        if old != slot.entry:
            shutil.rmtree(old, ignore_errors=True)


def _build_quiz_site(dest: Path, base_url: str):
    """The quiz engine's fixture site (tests/quizkit/quiz_minisite.py), its project made in a
    temporary folder."""
    spec = importlib.util.spec_from_file_location("quiz_minisite", QUIZ_MINISITE)
    minisite = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(minisite)
    with tempfile.TemporaryDirectory(prefix="quiz-fixture-site-") as work:
        project = minisite.make_project(Path(work) / "project", quiz_dir=minisite.VALID_QUIZZES,
                                        site_url=base_url)
        return minisite.build(project, dest, base_url)


BUILDERS = {
    "site": lambda dest, base_url: build_site(dest, base_url),  # every language, as `make build`
    "quiz-site": _build_quiz_site,
}


def built(slot: Slot) -> Built:
    """The slot's site, built or reused (ensure_built), counted for the run's report."""
    result = ensure_built(slot, lambda dest: BUILDERS[slot.spec.name](dest, slot.base_url))
    tally.count("test sites reused from .cache/test-sites" if result.reused else "test sites built")
    return result


def prebuild(slots: list[Slot]) -> threading.Thread:
    """Build these in the background while the workers collect; a test that asks for one
    first waits on its lock, then reuses it. Join the thread before the run ends."""
    thread = threading.Thread(target=lambda: [built(slot) for slot in slots], daemon=True)
    thread.start()
    return thread
