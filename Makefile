# Two commands for a fresh machine: `make serve` (the site on 127.0.0.1:8000) and
# `make test` (every test). `make build` is the strict production build, `make bench`
# prints speed and size figures.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SITE_DIR ?= site
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build verify test bench check-quizzes clean

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

# Zensical in a venv of its own (its pins differ from Material's): the tests check that the
# gate refuses what a plain `zensical build` of this repository makes.
ZENSICAL_VENV := .venv-zensical
$(ZENSICAL_VENV)/.zensical-deps: requirements/zensical.txt
	test -x $(ZENSICAL_VENV)/bin/python || $(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet -r requirements/zensical.txt
	touch $@

serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# Never add --quiet here: it hides the warnings that --strict must count.
build: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict --clean --site-dir $(SITE_DIR)
	$(BIN)/python scripts/verify_site.py $(SITE_DIR)

# The safety gate over a built site (scripts/sitekit/gate.py): one line per problem.
verify: $(VENV)/.site-deps
	$(BIN)/python scripts/verify_site.py $(SITE_DIR)

# Stops with a clear message when no Chromium can be found or installed: the browser
# tests are never skipped silently.
test: $(VENV)/.test-deps $(ZENSICAL_VENV)/.zensical-deps
	chromium="$$(scripts/ensure-chromium.sh)" && CHROMIUM="$$chromium" $(BIN)/python -m pytest

check-quizzes: $(VENV)/.site-deps
	$(BIN)/python scripts/check_quizzes.py

bench: $(VENV)/.test-deps
	chromium="$$(scripts/ensure-chromium.sh)" && CHROMIUM="$$chromium" $(BIN)/python scripts/bench.py

clean:
	rm -rf $(SITE_DIR) .pytest_cache
