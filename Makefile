# Two commands do all the set-up: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint clean

$(BIN)/mdnet: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/mdnet

demo: $(BIN)/mdnet  ## check and report on sample-vault/
	-$(BIN)/mdnet check sample-vault --today 2026-11-23
	$(BIN)/mdnet due sample-vault --today 2026-11-23
	$(BIN)/mdnet report sample-vault --today 2026-11-23 -o report.html

lint: $(BIN)/mdnet
	$(BIN)/ruff check mdnet tests benchmarks
	$(BIN)/ruff format --check mdnet tests benchmarks
	$(BIN)/mypy

test: lint  ## the whole test suite: lint, types, tests
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache report.html
