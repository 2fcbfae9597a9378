# Two commands matter: `make run` (the dashboard on demo data) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: run serve test lint format bench bench-quick soak demo geometry plotly-bundle export-embeds clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[test]"
	touch $(STAMP)

run: $(STAMP)  ## the dashboard on the built-in demo data (or DATA_PATH) at http://127.0.0.1:8050
	$(PY) app.py --host $(HOST) --port $(PORT)

serve: $(STAMP)  ## production server: gunicorn with gunicorn.conf.py
	$(VENV)/bin/gunicorn --config gunicorn.conf.py app:server

test: $(STAMP)  ## the whole suite, browser tests included (needs Debian chromium + chromium-driver)
	$(PY) -m pytest --headless $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): pyproject.toml | $(STAMP)
	$(PY) -m pip install --quiet ".[test,bench]"
	touch $(BENCH_STAMP)

bench: $(BENCH_STAMP)  ## 10k, 100k, 1M rows against a baseline in the same run; writes bench/RESULTS.md; never part of `make test`
	$(PY) -m bench

bench-quick: $(BENCH_STAMP)  ## 10k and 100k rows, a 20 s load test: the table in under 2 minutes
	$(PY) -m bench --quick

soak: $(BENCH_STAMP)  ## 5 minutes under load with a data reload (SIGHUP) half-way; writes bench/SOAK.md; never part of `make test`
	$(PY) -m bench.soak

EMBED_URLS ?= /embed/map /embed/timeline /embed/sentences /embed/counters
EMBED_OUT ?= dist/embeds
export-embeds: $(STAMP)  ## static embed pages for a CDN: make export-embeds EMBED_URLS="/embed/map?article=207.3&lang=en" EMBED_OUT=dist/embeds EMBED_BASE_URL=https://example.org
	$(PY) app.py export-embeds $(EMBED_URLS) --out $(EMBED_OUT) $(if $(EMBED_BASE_URL),--base-url $(EMBED_BASE_URL))

demo: $(STAMP)  ## write the demo dataset as canonical CSV
	$(PY) -m data demo --out demo.csv

geometry: $(STAMP)  ## rebuild assets/geo/ from Natural Earth (needs Debian's qgis-common)
	$(PY) -m data.build_geometry

plotly-bundle: $(STAMP)  ## rebuild assets/plotly-bundle.min.js from npm plotly.js (needs node and npm)
	cd tools/plotly-bundle && npm ci --no-audit --no-fund && npm run build

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
