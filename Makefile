# Accessible formats on request. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Re-install when the project's dependencies or its C extension change.
INSTALLED := $(VENV)/.installed-$(shell cat pyproject.toml setup.py workers/engine/*.h workers/engine/layout/*.c workers/engine/tagged_pdf/*.c | cksum | cut -d' ' -f1)

.PHONY: help run test lint typecheck system-packages test-packages services install bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

run: install ## install everything, then serve api + worker + beat at http://127.0.0.1:8000
	$(BIN)/accessible-formats serve

test: install test-packages services ## install everything, start Redis/PostgreSQL if needed, run lint, types and the whole suite
	$(BIN)/ruff check service workers tests bench
	$(BIN)/mypy
	$(BIN)/pytest -q -ra

lint: install ## ruff only
	$(BIN)/ruff check service workers tests bench

typecheck: install ## mypy only
	$(BIN)/mypy

system-packages: ## apt packages the service needs (WeasyPrint's Pango, fonts, poppler, a C compiler)
	PYTHON=$(PYTHON) bash scripts/install-system-packages.sh

test-packages: ## apt packages the tests' judges need (Chromium, a JDK)
	bash scripts/install-system-packages.sh --test

services: ## start PostgreSQL / Redis if they are installed but not running
	bash scripts/ensure-services.sh

install: $(INSTALLED) ## the virtualenv in .venv with the project and its test tools

$(INSTALLED): pyproject.toml setup.py $(wildcard workers/engine/*.h workers/engine/layout/*.c workers/engine/tagged_pdf/*.c)
	PYTHON=$(PYTHON) bash scripts/install-system-packages.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $@

bench: install ## time from POST to ready (see bench/README.md)
	$(BIN)/python bench/request_latency.py

clean: ## remove the virtualenv and local state (database, storage, private Redis)
	rm -rf $(VENV) var
