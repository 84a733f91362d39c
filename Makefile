# pagesplit: `make run` (the demo on a local Kafka) and `make test` work on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
UV := .cache/uvenv/bin/uv
KUSTOMIZE_VERSION := v5.5.0
KUSTOMIZE := .cache/bin/kustomize
KUSTOMIZE_STAMP := .cache/bin/.kustomize-$(KUSTOMIZE_VERSION)
PROMTOOL_VERSION := v0.316.0
PROMTOOL_STAMP := .cache/bin/.promtool-$(PROMTOOL_VERSION)
PY := .venv/bin/python
KAFKA := $(PY) tools/kafka_local.py
export UV_PYTHON ?= python3

.PHONY: help
help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(UV):
	python3 -m venv .cache/uvenv
	.cache/uvenv/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

# kustomize renders the overlays of deploy/ for lint-deploy and the tests; built from
# the Go module proxy once (about a minute and a half on two cores).
$(KUSTOMIZE_STAMP):
	mkdir -p .cache/bin
	GOBIN=$(CURDIR)/.cache/bin GOTOOLCHAIN=local go install sigs.k8s.io/kustomize/kustomize/v5@$(KUSTOMIZE_VERSION)
	touch $@

.PHONY: kustomize
kustomize: $(KUSTOMIZE_STAMP)  ## build the pinned kustomize into .cache/bin

# promtool (Prometheus 3.16) checks and unit-tests the alert rules; built without the
# service-discovery plugins, which the rule checks do not need (a few minutes, once).
$(PROMTOOL_STAMP):
	mkdir -p .cache/bin
	GOBIN=$(CURDIR)/.cache/bin GOTOOLCHAIN=local go install -tags remove_all_sd \
		github.com/prometheus/prometheus/cmd/promtool@$(PROMTOOL_VERSION)
	touch $@

.PHONY: promtool
promtool: $(PROMTOOL_STAMP)  ## build the pinned promtool into .cache/bin

# The project is installed editable, with service/extract/*.pyx compiled in place
# (setup.py); uv builds them again when a .pyx, a .pxd or the build files change
# ([tool.uv] cache-keys), so a changed .pyx is never shadowed by a stale module.
.venv/.synced: $(UV) pyproject.toml uv.lock setup.py $(wildcard service/*/*.pyx service/*/*.pxd)
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
lint: venv audit lint-deploy  ## ruff, mypy --strict, the dependency audit and lint-deploy
	.venv/bin/ruff check service tests tools bench
	.venv/bin/ruff format --check service tests tools bench
	.venv/bin/mypy

# Fails on a known vulnerability in the locked environment. Packages whose
# advisories the package index cannot give are listed as not audited.
.PHONY: audit
audit: venv  ## dependency audit (pip-audit) of the virtualenv
	.venv/bin/pip-audit --skip-editable --progress-spinner off

.PHONY: lint-deploy
lint-deploy: venv kustomize promtool  ## yamllint, hadolint, promtool, and the rendered overlays against the schemas
	.venv/bin/yamllint --strict deploy .yamllint
	.venv/bin/hadolint Dockerfile
	@for dir in deploy/overlays/*/ deploy/topics/; do \
		echo "kustomize build $$dir"; \
		$(KUSTOMIZE) build $$dir > /dev/null || exit 1; \
	done
	.cache/bin/promtool check rules deploy/compose/prometheus-rules.yaml
	.venv/bin/pytest -q -p no:cacheprovider tests/unit/deploy/test_manifests.py

.PHONY: test
test: venv kustomize promtool  ## unit and integration tests (starts its own Kafka unless KAFKA_BOOTSTRAP_SERVERS is set)
	$(KAFKA) fetch >/dev/null
	.venv/bin/pytest -q

.PHONY: bench-venv
bench-venv: $(UV)
	$(UV) sync --frozen --extra dev --extra bench
	rm -f .venv/.synced

.PHONY: bench-quality
bench-quality: bench-venv  ## article-body quality and CPU against trafilatura on ../shared/bench
	$(PY) -m bench.quality

.PHONY: bench-instructions
bench-instructions: bench-venv  ## CPU as instruction counts (valgrind): pagesplit, the bare parse, trafilatura
	$(PY) -m bench.instructions

.PHONY: bench-markup
bench-markup: bench-venv  ## body quality and teaser drift on the benchmark pages without class names, structured data or <p> and headings
	$(PY) -m bench.markup

.PHONY: bench
bench: bench-quality  ## every benchmark: extraction side by side, markup-free pages, costly pages, throughput, latency, memory (bench/results/)
	$(PY) -m bench.run_all

.PHONY: clean
clean:  ## remove the virtualenv, the compiled modules and the tools' caches (not the Kafka jars, uv, kustomize or promtool in .cache)
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache build *.egg-info
	rm -f service/*/*.c service/*/*.so
