# Two commands do all the set-up: `make demo` and `make test`.
# Every package comes from uv.lock (exact versions and hashes); uv itself from requirements/uv.txt.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := .uv/bin/uv
# uv must use this machine's Python and never download one.
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: demo test lint test-latest test-oldest lock clean mutation

$(UV): requirements/uv.txt
	$(PY) -m venv .uv
	.uv/bin/pip install --quiet --require-hashes -r requirements/uv.txt
	touch $(UV)

$(BIN)/mdnet: $(UV) pyproject.toml uv.lock
	$(UV) sync --quiet --locked --extra test --python $(PY)
	touch $(BIN)/mdnet

demo: $(BIN)/mdnet  ## check, due and report on sample-vault/
	@echo '# mdnet check exits 1 when it finds problems; sample-vault has 18 on purpose.'
	$(BIN)/mdnet check sample-vault --today 2026-11-23 || test $$? -eq 1
	$(BIN)/mdnet due sample-vault --today 2026-11-23
	$(BIN)/mdnet report sample-vault --today 2026-11-23 -o report.html

lint: $(BIN)/mdnet
	$(BIN)/ruff check mdnet tests benchmarks scripts
	$(BIN)/ruff format --check mdnet tests benchmarks scripts
	$(BIN)/mypy

test: lint  ## the whole test suite: lint, types, tests
	$(BIN)/pytest

# Not run by CI: the suite against the newest release of every dependency, in its own
# environment, to see what the next `make lock` will bring.
test-latest: $(UV)
	$(UV) venv --quiet --allow-existing --python $(PY) .venv-latest
	VIRTUAL_ENV=.venv-latest $(UV) pip install --quiet --upgrade --no-cache -e '.[test]'
	.venv-latest/bin/pytest -p no:cacheprovider

# Not run by CI: the suite against the lowest versions pyproject.toml allows.
test-oldest: $(UV)
	$(UV) venv --quiet --allow-existing --python $(PY) .venv-oldest
	VIRTUAL_ENV=.venv-oldest $(UV) pip install --quiet --resolution lowest-direct --no-cache -e '.[test]'
	.venv-oldest/bin/pytest -p no:cacheprovider

# Not run by CI: mutation testing (mutmut, configured in pyproject.toml) of dates.py,
# textscan.py and rules/goals.py, each against its own tests only, in a scratch copy under
# build/mutation (where the G rules lose their @rule decorator, which mutmut would skip:
# tests/mutation/undecorate.py). Prints the share of mutants killed per module; fails under
# 95%. Equivalent mutants are listed, with why, in tests/mutation/equivalent.txt. ~10 min.
MUTATE ?= mdnet.dates mdnet.textscan mdnet.rules.goals
mutation: $(BIN)/mdnet
	rm -rf build/mutation
	mkdir -p build/mutation
	cp -R mdnet tests pyproject.toml build/mutation/
	$(BIN)/python tests/mutation/undecorate.py build/mutation/mdnet/rules/goals.py
	cd build/mutation && for module in $(MUTATE); do \
	    echo "mutmut: $$module"; \
	    ../../$(BIN)/mutmut run --max-children 2 "$$module.*" > mutmut-$$module.log 2>&1 \
	        || { tail -c 2000 mutmut-$$module.log; exit 1; }; \
	done
	$(BIN)/python tests/mutation/report.py --mutants build/mutation/mutants

# Refresh the lock deliberately, in its own commit, with `make test` green.
lock: $(UV)
	$(UV) lock --upgrade --python $(PY)

clean:
	rm -rf $(VENV) .venv-latest .venv-oldest .uv .pytest_cache .mypy_cache report.html
