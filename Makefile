# eventwire: `make run` sets up .venv and analyses the sample corpus; `make test` runs tests and the eval gate.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= eventwire.duckdb
STAMP  := $(VENV)/.installed
VENDOR := src/eventwire/web/static/vendor

.PHONY: install run test lint typecheck pytest eval eval-update bench clean lock train

install: $(STAMP)

$(STAMP): requirements.lock requirements-sources.lock requirements-export.lock requirements-web.lock pyproject.toml package-lock.json
	$(PYTHON) -c 'import sys; sys.exit("eventwire needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-sources.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-export.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-web.lock
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/topojson-client/dist/topojson-client.min.js node_modules/world-atlas/countries-110m.json \
		node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css $(VENDOR)/
	touch $(STAMP)

run: install
	$(BIN)/eventwire run examples/news --db $(DB)
	$(BIN)/eventwire stats --db $(DB)
	$(BIN)/eventwire events --db $(DB) --merged --limit 15
	@echo "Next: $(BIN)/eventwire events --db $(DB) --actor serbia | articles --db $(DB) |"
	@echo "      export --db $(DB) --format csv -o events.csv | sql --db $(DB) \"SELECT root, count(*) FROM events GROUP BY 1\""

test: install lint typecheck pytest eval

lint: install
	$(BIN)/ruff check src tests eval benchmarks train

typecheck: install
	$(BIN)/mypy src

pytest: install
	$(BIN)/pytest -q

eval: install
	$(BIN)/python -m eval.gate

eval-update: install
	$(BIN)/python -m eval.gate --update

# Retrain the learned event model from train/events/labels (parses ~1,500 shared documents: ~4 min).
train: install
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements-train.lock
	$(BIN)/python -m train.events.fit --report train/events/report.json
	$(BIN)/python -m train.events.calibrate

bench: install
	$(BIN)/python benchmarks/throughput.py

lock:
	$(PYTHON) -m uv pip compile pyproject.toml --extra api --extra distributed --extra dev \
		--generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) $(DB) node_modules $(VENDOR) .pytest_cache .mypy_cache .ruff_cache
