# The two commands: `make run` (site with demo content on SQLite) and `make test` (whole suite,
# on SQLite and on a throwaway PostgreSQL server). Everything they need is installed by them.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
STAMPS := .stamps
export UV_PYTHON_DOWNLOADS := never
# Installed packages are compiled to bytecode once, at install. Where PYTHONDONTWRITEBYTECODE is set (it is on
# the machines we develop on) no .pyc is ever written, and every Python process compiled about 1,850 modules
# from source as it started: django.setup() took 5.2 s, 2.0 s compiled. The suite starts dozens (test servers, the task
# worker, gunicorn, manage.py), and so does every deployment's web server.
export UV_COMPILE_BYTECODE := 1

.PHONY: run test lint test-sqlite test-postgres install install-dev system-deps system-test-deps assets migrate demo clean

run: system-deps install assets migrate demo
	DJANGO_SETTINGS_MODULE=website.settings.dev bin/run-dev 127.0.0.1:8000  # the server and the task worker

test: lint system-test-deps assets
	bin/run-tests

# Lint and formatting (rules in pyproject.toml) and a check that every model change has its migration.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) manage.py makemigrations --check --dry-run

install: $(STAMPS)/python

install-dev: $(STAMPS)/python-dev

$(STAMPS)/python: pyproject.toml uv.lock
	@command -v uv >/dev/null || python3 -m pip install --quiet uv
	uv sync --frozen --quiet --inexact  # --inexact: keep the test extras if `make test` installed them
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/python-dev: pyproject.toml uv.lock
	@command -v uv >/dev/null || python3 -m pip install --quiet uv
	uv sync --frozen --quiet --extra dev
	@mkdir -p $(STAMPS) && touch $@ $(STAMPS)/python

# Debian libraries the site itself needs (WeasyPrint's Pango and HarfBuzz for the board report PDFs).
system-deps:
	bin/install-system-deps runtime

system-test-deps:
	bin/install-system-deps

# Front end: npm packages (pinned in package-lock.json) and the compiled stylesheet.
assets:
	bin/build-assets

migrate: install
	DJANGO_SETTINGS_MODULE=website.settings.dev $(PY) manage.py migrate --no-input -v0

demo: migrate
	DJANGO_SETTINGS_MODULE=website.settings.dev $(PY) manage.py load_demo
	DJANGO_SETTINGS_MODULE=website.settings.dev $(PY) manage.py load_open_data

clean:
	rm -rf $(VENV) $(STAMPS) db.sqlite3 staticfiles
