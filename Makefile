# fitrec — `make run` starts the app, `make test` runs every check. Both bootstrap .venv.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
SAMPLE := examples/sample-workout.txt

.PHONY: run test lint typecheck pytest system-deps install install-test bench clean web-assets

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

## run: create .venv, install, apply migrations and start the app (PORT, FITREC_DATABASE_URL)
run: install web-assets
	$(BIN)/fitrec db upgrade
	$(BIN)/fitrec serve --host 127.0.0.1 --port $${PORT:-8000}

## system-deps: Debian packages the tests drive (PostgreSQL server, headless Chromium, curl and jq for the docs' walkthrough)
system-deps:
	@ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	@{ test -x /usr/bin/curl && test -x /usr/bin/jq; } || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl jq; }

## web-assets: third-party browser files from the npm registry (pinned by package-lock.json)
VENDOR := src/fitrec/web/static/vendor
web-assets: $(VENDOR)/.stamp

$(VENDOR)/.stamp: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	npm run --silent vendor
	touch $@

lint: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: install-test
	$(BIN)/mypy

pytest: install-test system-deps web-assets
	$(BIN)/pytest

## test: everything CI runs
test: lint typecheck pytest

## bench: every benchmark (scripts, not tests; figures go to bench/RESULTS.md with --write)
BENCHES := lint_startup plan_startup simulation review log_set analytics import_strong import_jefit import_gymbook api_load session_read history_render web_pages catalog_lookup
bench: install-test web-assets
	@for b in $(BENCHES); do echo "== bench/$$b.py"; $(BIN)/python bench/$$b.py || exit 1; done

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
