# Kompetencebeviser. `make run` for the demo, `make test` for the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV := DJANGO_DEBUG=1

.PHONY: run test install lint benchmark messages

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed: apt-get install python3.11 python3.11-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $(STAMP)

install: $(STAMP)
	@$(BIN)/python scripts/check_system.py

run: install
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py seed_demo
	$(DEV) $(BIN)/python manage.py credential_keys
	$(DEV) $(BIN)/python manage.py credential_export
	$(DEV) $(BIN)/python manage.py demo_signins
	$(DEV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	@$(BIN)/python scripts/check_system.py --browser
	@[ -f node_modules/vnu-jar/build/dist/vnu.jar ] || ! command -v npm >/dev/null || npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; [ $$status -eq 5 ] && exit 1 || exit $$status

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(DEV) $(BIN)/python manage.py makemigrations --check --dry-run

# Translations: the Danish catalogue is locale/da/LC_MESSAGES/django.po; the compiled .mo
# is committed so that running the app needs no gettext tools.
messages: install
	$(DEV) $(BIN)/python manage.py makemessages -l da --ignore=.venv --ignore=node_modules --ignore=tests --ignore=scripts --no-obsolete
	msgfmt --check -o locale/da/LC_MESSAGES/django.mo locale/da/LC_MESSAGES/django.po
