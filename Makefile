# Two commands for a fresh machine: `make serve` (the site on 127.0.0.1:8000) and
# `make test` (every test). `make build` is the strict production build, `make bench`
# prints speed and size figures. GENERATOR=zensical builds and previews with Zensical
# (Material for MkDocs' successor) instead of MkDocs; see README "Two generators".

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
GENERATOR ?= mkdocs
ZVENV := .venv-zensical
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build verify test test-quick check bench check-quizzes clean

# Test-only tools from npm, pinned in tools/package-lock.json: the W3C Nu Html Checker and
# axe-core (run in Chromium by tests/harness/axe.py). NODE_TOOLS, npm's own record of the
# install, is newer than the pins once they are installed.
# --ignore-scripts: vnu-jar's install script would download a Java; Debian's is used.
VNU_JAR := tools/node_modules/vnu-jar/build/dist/vnu.jar
NODE_TOOLS := tools/node_modules/.package-lock.json

# Stamp files record which pinned set is installed, so pip runs only when a pin changes.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site-deps: requirements/site.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/site.txt
	touch $@

$(VENV)/.test-deps: requirements/site.txt requirements/test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/test.txt
	touch $@

# Zensical in its own environment: its pins differ from MkDocs' and must not mix.
$(ZVENV)/.deps: requirements/zensical.txt
	$(PYTHON) -m venv $(ZVENV)
	$(ZVENV)/bin/python -m pip install --quiet -r requirements/zensical.txt
	touch $@

$(NODE_TOOLS): tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

ifeq ($(GENERATOR),mkdocs)
# --no-strict: while previewing, a broken save shows its problems on every page instead of
# stopping (scripts/steadyground/build/preview.py); `make build` and `make check` stay strict.
# SITE_LANGUAGE=es previews the Spanish site (mkdocs.es.yml) instead; its "In English" link then
# leads nowhere, since one preview serves one language (make build has both).
serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve -f $(if $(filter es,$(SITE_LANGUAGE)),mkdocs.es.yml,mkdocs.yml) --dev-addr 127.0.0.1:8000 --livereload --no-strict

# English into $(SITE_DIR), Spanish into $(SITE_DIR)/es/, each a strict build with its own
# config (scripts/steadyground/languages/sites.py), then one gate over the whole folder.
build: $(VENV)/.site-deps
	$(BIN)/python scripts/build_site.py $(SITE_DIR)
	$(BIN)/python scripts/verify_site.py $(SITE_DIR)
else ifeq ($(GENERATOR),zensical)
# Zensical runs no MkDocs hooks: scripts/build_zensical.py runs their steps around it, for each
# language like scripts/build_site.py (English in SITE_DIR, Spanish in es/); serve previews one
# language, English unless SITE_LANGUAGE=es, as above.
serve: $(VENV)/.site-deps $(ZVENV)/.deps
	$(BIN)/python scripts/build_zensical.py serve -f $(if $(filter es,$(SITE_LANGUAGE)),mkdocs.es.yml,mkdocs.yml) --dev-addr 127.0.0.1:8000

build: $(VENV)/.site-deps $(ZVENV)/.deps
	$(BIN)/python scripts/build_zensical.py build --site-dir $(SITE_DIR)
	$(BIN)/python scripts/verify_site.py $(SITE_DIR)
else
$(error GENERATOR must be mkdocs or zensical, not "$(GENERATOR)")
endif

# The safety gate over a built site (scripts/steadyground/safety/gate.py): one line per problem.
verify: $(VENV)/.site-deps
	$(BIN)/python scripts/verify_site.py $(SITE_DIR)

# Stops with a clear message when no Chromium or Java can be found or installed: the
# browser and HTML validity tests are never skipped silently. The full suite runs on
# MkDocs, then the tests marked `zensical` (tests/harness/generator.py) on a Zensical build.
# Each site is built once per source state (tests/harness/sitecache.py, kept in .cache/) and
# the tests are spread over TEST_WORKERS processes (pytest-xdist; `auto`: one per core).
# Each pass ends with its parts' times and the builds and axe runs it made.
TEST_WORKERS ?= auto
PYTEST_PARALLEL = -n $(TEST_WORKERS) --dist loadgroup
test: $(VENV)/.test-deps $(ZVENV)/.deps $(NODE_TOOLS)
	chromium="$$(scripts/ensure-chromium.sh)" && java="$$(scripts/ensure-java.sh)" && \
	  export CHROMIUM="$$chromium" JAVA="$$java" VNU_JAR="$(CURDIR)/$(VNU_JAR)" && \
	  $(BIN)/python -m pytest $(PYTEST_PARALLEL) && \
	  SITE_GENERATOR=zensical $(BIN)/python -m pytest $(PYTEST_PARALLEL) -m zensical

# Every author-facing rule (AUTHORING.md), from the sources, in seconds: path:LINE:COL lines.
check: $(VENV)/.site-deps
	$(BIN)/python scripts/check_site.py

# For authors: every test that needs no browser (the `browser` marker is set from the
# folder tests/browser/ and the browser fixture, tests/conftest.py): make check's rules as
# tests, the quiz library, the strict builds, the safety gate and the HTML checker.
test-quick: $(VENV)/.test-deps $(ZVENV)/.deps $(NODE_TOOLS)
	java="$$(scripts/ensure-java.sh)" && export JAVA="$$java" VNU_JAR="$(CURDIR)/$(VNU_JAR)" && \
	  $(BIN)/python -m pytest -q $(PYTEST_PARALLEL) -m "not browser"

# The quiz part of make check: the quiz rules, quiz wording and links (one file:
# .venv/bin/python scripts/check_quizzes.py quizzes/<slug>.yml for the quiz file rules alone).
check-quizzes: $(VENV)/.site-deps
	$(BIN)/python scripts/check_site.py --area quizzes

bench: $(VENV)/.test-deps $(ZVENV)/.deps
	chromium="$$(scripts/ensure-chromium.sh)" && CHROMIUM="$$chromium" $(BIN)/python scripts/bench.py

clean:
	rm -rf $(SITE_DIR) .pytest_cache .zensical-stage
