# China Briefings Archive: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DJANGO_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve-prod browser test test-sqlite test-postgres test-e2e lint format clean load-test bench

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

# var/dev.env makes the README's `python manage.py …` commands run in development
# mode too (archive_site/devenv.py); production never reads it.
run: install
	mkdir -p var
	@[ -f var/dev.env ] || printf '# Written by make run: development settings for manage.py.\nDJANGO_DEBUG=1\n' > var/dev.env
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py import_briefings seeds/
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install lint test-sqlite test-postgres test-e2e

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test-sqlite: install
	env -u DATABASE_URL $(BIN)/python -m pytest --durations=15

# On DATABASE_URL when one is set, else on a throwaway local PostgreSQL cluster.
test-postgres: install
	@if [ -n "$$DATABASE_URL" ]; then \
		$(BIN)/python -m pytest --durations=15; \
	else \
		bash .ci/with-postgres $(BIN)/python -m pytest --durations=15; \
	fi

# The production topology as bare processes (PostgreSQL + gunicorn, DEBUG off).
serve-prod: install
	bash .ci/serve-prod

# What the browser tests need: Debian's Chromium (never a downloaded browser) and
# axe-core from npm, pinned in tests/e2e/package-lock.json.
browser:
	@command -v chromium >/dev/null || { \
		[ "$$(id -u)" = 0 ] || { echo "browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; }; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@[ -f tests/e2e/node_modules/axe-core/axe.min.js ] || npm ci --prefix tests/e2e --no-audit --no-fund --silent

# Smoke, browser and accessibility tests against the live production-mode server.
test-e2e: install browser
	bash .ci/serve-prod -- $(BIN)/python -m pytest tests/e2e

# A bounded load test on loopback (not part of `make test`): results go to
# docs/BENCHMARKS.md by hand.
load-test: install
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
	bash .ci/serve-prod -- bash bench/load_test.sh

# The scale benchmark (not part of `make test`; 1M articles take long): import/export
# throughput and memory, /search/ latency against Datasette; see docs/BENCHMARKS.md.
# Subsets: make bench BENCH_SIZES=100000 BENCH_DATABASES=sqlite BENCH_FLAGS=--skip-datasette
BENCH_SIZES ?= 100000 1000000
BENCH_DATABASES ?= sqlite postgresql
BENCH_REPEAT ?= 3
BENCH_SEED ?= 1
BENCH_FLAGS ?=
bench: install
	$(BIN)/python bench/run.py --sizes $(BENCH_SIZES) --databases $(BENCH_DATABASES) \
		--repeat $(BENCH_REPEAT) --seed $(BENCH_SEED) $(BENCH_FLAGS)

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var/*.sqlite3 var/static .pytest_cache
