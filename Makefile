# ft-sanitizer: `make run` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
UV := $(PYTHON) -m uv
OUT ?= out

.PHONY: help install run test test-fast eval bench serve stop system-deps lint clean

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/ft-sanitizer: pyproject.toml uv.lock
	@$(PYTHON) -m uv --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

install: $(BIN)/ft-sanitizer  ## build .venv with every dependency (uv, from uv.lock)

run: install  ## sanitize every file in data-samples/ into out/ (no outside service)
	@rm -rf $(OUT)
	$(BIN)/ft-sanitizer sanitize data-samples --out $(OUT)
	@echo "outputs: $(OUT)/<name>/{<name>.sanitized.jsonl,<name>.quarantine.jsonl,report.json,report.html}"

system-deps:  ## Debian packages the tests need (headless chromium, without recommended extras)
	@if command -v chromium >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" -ne 0 ]; then \
	  echo "make system-deps: chromium (Debian package) is missing and installing it needs root;" \
	       "run: sudo apt-get install --no-install-recommends chromium  (or: sudo make system-deps)" >&2; \
	  exit 1; \
	fi; \
	echo "installing Debian's chromium (headless browser for the report and Prefect UI tests)"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null

test: install system-deps  ## run the whole test suite
	$(BIN)/python -m pytest -q

test-fast: install  ## unit tests only (no servers, no browser)
	$(BIN)/python -m pytest -q -m "not slow"

eval: install  ## detection quality: the generated labeled set, then the public corpora in ../shared/eval-data
	$(BIN)/python -m benchmarks.eval.run --check

bench: install  ## throughput and memory, side by side with plain Presidio
	$(BIN)/python benchmarks/bench.py

serve: install  ## local Prefect server, ft-sanitizer-pool, deployments and a worker (UI: http://127.0.0.1:4200)
	scripts/serve.sh

stop:  ## stop what `make serve` started, by PID (worker first)
	scripts/stop.sh

lint: install
	$(BIN)/ruff check pipelines sanitizers schemas tests benchmarks

clean:
	rm -rf $(OUT) .pytest_cache .hypothesis
