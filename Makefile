# eventwire: `make run` sets up .venv and analyses the sample corpus; `make test` runs tests and the eval gate.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= eventwire.duckdb
STAMP  := $(VENV)/.installed

.PHONY: install run test lint typecheck pytest eval eval-update bench clean lock

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("eventwire needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

run: install
	$(BIN)/eventwire run examples/news --db $(DB)
	$(BIN)/eventwire stats --db $(DB)
	$(BIN)/eventwire events --db $(DB) --limit 25

test: install lint typecheck pytest eval

lint: install
	$(BIN)/ruff check src tests eval benchmarks

typecheck: install
	$(BIN)/mypy src

pytest: install
	$(BIN)/pytest -q

eval: install
	$(BIN)/python -m eval.gate

eval-update: install
	$(BIN)/python -m eval.gate --update

bench: install
	$(BIN)/python benchmarks/throughput.py

lock:
	$(PYTHON) -m uv pip compile pyproject.toml --extra api --extra distributed --extra dev \
		--generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache
