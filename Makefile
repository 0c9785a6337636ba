# Two commands set everything up on a fresh Debian machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
ADDRESS ?= 127.0.0.1

.PHONY: run test lint validate clean browser-deps bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime $@

# Debian's Chromium for the browser tests and Noto CJK so Korean renders; installed only where
# missing and apt is there.
browser-deps:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
	  if command -v apt-get >/dev/null; then \
	    SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	    $$SUDO apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else echo "apt-get not found: install Chromium and Noto CJK fonts yourself"; fi; \
	fi

## Serve the dashboard on the bundled data at http://localhost:$(PORT), bound to $(ADDRESS).
run: $(VENV)/.runtime
	$(BIN)/python -m streamlit run app.py --server.address $(ADDRESS) --server.port $(PORT) \
	  --server.headless true --browser.gatherUsageStats false

validate: $(VENV)/.runtime
	$(BIN)/python -m se_dashboard validate

lint: $(VENV)/.dev
	$(BIN)/ruff check .

## Lint, then the whole suite (unit, AppTest and browser tests).
test: $(VENV)/.dev browser-deps lint
	$(BIN)/python -m pytest

## Speed and memory for the bundled data and synthetic 10k / 100k folders; writes
## benchmarks/results.md. Then importing minutes of 100 and 2,000 turns: results-import.md.
bench: $(VENV)/.dev browser-deps
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/bench_import.py | tee benchmarks/results-import.md

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache tests/screenshots
