# China Briefings Archive: the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := DJANGO_DEBUG=1
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve-prod test test-sqlite test-postgres test-e2e lint format clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[dev]"
	touch $@

run: install
	mkdir -p var
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py import_briefings seeds/
	$(DEV_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install lint test-sqlite test-postgres test-e2e

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-sqlite: install
	env -u DATABASE_URL $(BIN)/python -m pytest

# On DATABASE_URL when one is set, else on a throwaway local PostgreSQL cluster.
test-postgres: install
	@if [ -n "$$DATABASE_URL" ]; then \
		$(BIN)/python -m pytest; \
	else \
		bash .ci/with-postgres $(BIN)/python -m pytest; \
	fi

# The production topology as bare processes (PostgreSQL + gunicorn, DEBUG off).
serve-prod: install
	bash .ci/serve-prod

# Smoke tests against that live production-mode server.
test-e2e: install
	bash .ci/serve-prod -- $(BIN)/python -m pytest tests/e2e

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) var/*.sqlite3 var/static .pytest_cache
