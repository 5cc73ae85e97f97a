# Precinct — the two set-up commands are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PRECINCT := $(BIN)/precinct
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
ASSETS := node_modules/.package-lock.json
DEMO_PASSWORD ?= precinct-demo
# The suite runs on both cores: the long test of the national demonstration data beside all the others.
TEST_WORKERS ?= 2

.PHONY: demo install assets messages test lint test-sqlite test-postgres browser-deps bench clean

demo: install assets messages
	$(PRECINCT) migrate --noinput
	$(PRECINCT) demo-users --password "$(DEMO_PASSWORD)"
	$(PRECINCT) demo-data --user admin
	$(PRECINCT) serve

$(STAMP): pyproject.toml
	test -x $(PY) || python3.11 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(STAMP)

$(ASSETS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: $(ASSETS)

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Debian's chromium drives the browser tests; install it when it is missing.
browser-deps:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# The interface's translations, compiled with gettext's msgfmt (installed when missing).
messages: install
	@command -v msgfmt >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext; }
	cd precinct && ../$(PRECINCT) compilemessages -v 0

lint: $(TEST_STAMP)
	$(BIN)/ruff check precinct
	$(BIN)/ruff format --check precinct
	$(PRECINCT) makemigrations --check --dry-run
	$(PRECINCT) check --deploy --fail-level ERROR

test: $(TEST_STAMP) assets browser-deps messages lint
	$(PRECINCT) collectstatic --noinput -v 0
	$(MAKE) test-sqlite
	@if [ -n "$$TEST_DATABASE_URL" ]; then $(MAKE) test-postgres; else echo "TEST_DATABASE_URL not set: PostgreSQL run skipped"; fi

test-sqlite:
	CONN_MAX_AGE=0 $(BIN)/pytest -q -n $(TEST_WORKERS) --dist worksteal

test-postgres:
	CONN_MAX_AGE=0 DATABASE_URL="$$TEST_DATABASE_URL" $(BIN)/pytest -q -n $(TEST_WORKERS) --dist worksteal

bench: $(TEST_STAMP) assets
	$(PY) -m precinct.bench

clean:
	rm -rf var/static var/test-*.sqlite3
