# pagesplit: `make run` (the demo on a local Kafka) and `make test` work on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
UV := .cache/uvenv/bin/uv
PY := .venv/bin/python
KAFKA := $(PY) tools/kafka_local.py
export UV_PYTHON ?= python3

.PHONY: help
help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(UV):
	python3 -m venv .cache/uvenv
	.cache/uvenv/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

.venv/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --extra dev
	touch $@

.PHONY: venv
venv: .venv/.synced  ## build the virtualenv from the lock

.PHONY: kafka-up
kafka-up: venv  ## start the local single-node Kafka (prints its bootstrap servers)
	@$(KAFKA) up

.PHONY: kafka-down
kafka-down: venv  ## stop the local Kafka
	@$(KAFKA) down

.PHONY: run
run: venv  ## demo: local Kafka, demo crawl events, the service until they are processed
	@if [ -n "$$KAFKA_BOOTSTRAP_SERVERS" ]; then \
		PAGESPLIT_KAFKA_BOOTSTRAP_SERVERS=$$KAFKA_BOOTSTRAP_SERVERS $(PY) -m service demo; \
	else \
		trap '$(KAFKA) down' EXIT; \
		bootstrap=$$($(KAFKA) up) || exit 1; \
		echo "local Kafka at $$bootstrap"; \
		PAGESPLIT_KAFKA_BOOTSTRAP_SERVERS=$$bootstrap $(PY) -m service demo; \
	fi

.PHONY: lint
lint: venv  ## ruff and mypy --strict
	.venv/bin/ruff check service tests tools bench
	.venv/bin/ruff format --check service tests tools bench
	.venv/bin/mypy

.PHONY: test
test: venv  ## unit and integration tests (starts its own Kafka unless KAFKA_BOOTSTRAP_SERVERS is set)
	$(KAFKA) fetch >/dev/null
	.venv/bin/pytest -q

.PHONY: bench-venv
bench-venv: $(UV)
	$(UV) sync --frozen --extra dev --extra bench
	rm -f .venv/.synced

.PHONY: bench-quality
bench-quality: bench-venv  ## article-body quality and CPU against trafilatura on ../shared/bench
	$(PY) -m bench.quality

.PHONY: bench
bench: bench-quality  ## every benchmark: extraction side by side, throughput, latency, memory (bench/results/)
	$(PY) -m bench.run_all

.PHONY: clean
clean:  ## remove the virtualenv and caches (not the Kafka jars)
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache
