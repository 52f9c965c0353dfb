# Two commands on a fresh machine: `make run` (the portal on SQLite with demo data) and `make test` (the suite).
# Each prepares what it needs: virtualenv, packages, database, data. Finished steps are skipped on a second run.

PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1:8000

.PHONY: run test smoke install migrate data worker beat lint format messages bench bench-national bench-imports clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

data: migrate
	$(PY) manage.py import_regions --skip-if-loaded
	$(PY) manage.py seed_demo
	$(PY) manage.py seed_demo_notaries

run: data
	@echo "Portal: http://$(HOST)/  (Ctrl+C untuk berhenti)"
	$(PY) manage.py runserver $(HOST)

# In parallel, one process per CPU (pytest-xdist; each with its own test database and Redis database);
# PYTEST_WORKERS=0 runs in this process.
PYTEST_WORKERS ?= auto
test: install
	DJANGO_SETTINGS_MODULE=registry.settings.test $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# Production settings end to end: collectstatic, gunicorn, the first pages (.ci/smoke). Needs PostgreSQL and Redis.
smoke: install
	bash .ci/smoke

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Needs REDIS_URL (and DATABASE_URL for PostgreSQL); without REDIS_URL tasks run inside the web process.
worker: install
	$(VENV)/bin/celery -A registry worker --loglevel=INFO --concurrency=2

beat: install
	$(VENV)/bin/celery -A registry beat --loglevel=INFO --schedule=var/celerybeat-schedule

# Refresh the translation catalogues (needs GNU gettext for extraction) and compile them with Python (polib).
messages: install
	$(PY) manage.py makemessages --locale id --locale en --no-obsolete --no-location --ignore ".venv/*" --ignore "var/*"
	$(PY) -m registry.i18n_compile

# On SQLite: the small bench (region import, demo pages) on a scratch database. On PostgreSQL: the national one.
bench: install
	@case "$$DATABASE_URL" in \
		postgres://*|postgresql://*) $(MAKE) --no-print-directory bench-national ;; \
		*) DJANGO_SETTINGS_MODULE=registry.settings.test $(PY) -m tests.benchmarks ;; \
	esac

# National scale (issue 8) on the scratch database BENCH_DATABASE (default kdmp_bench) of DATABASE_URL's server:
# regions, `seed_national` when not seeded (about 80 s), then the big pages for three roles. Writes bench/results.json.
# Then the dashboards under 16 concurrent clients through gunicorn, cached beside live (bench/dashboards.json).
bench-national: install
	DJANGO_SETTINGS_MODULE=registry.settings.test $(PY) -m tests.benchmarks.national
	DJANGO_SETTINGS_MODULE=registry.settings.test $(PY) -m tests.benchmarks.dashboards

# Only the spreadsheet import (issue 10: 10,000 founder rows) on the same scratch database; part of bench-national.
bench-imports: install
	DJANGO_SETTINGS_MODULE=registry.settings.test $(PY) -m tests.benchmarks.imports

clean:
	rm -rf $(VENV) var .pytest_cache
