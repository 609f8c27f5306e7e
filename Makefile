# SCPO Field. On a fresh machine (Debian, rustup with Rust 1.95, node 20+ with npm) two commands:
#   make serve   install what is missing, build the app and the team server, serve both on
#                http://127.0.0.1:8080 with a demo team (enrolment codes printed)
#   make test    install what is missing (Chromium too), then run every test (scripts/test.sh)
# Installs are done by scripts/setup.sh and skipped when already done.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# wasm-opt (npm binaryen) and the Playwright CLI live in node_modules/.bin; trunk and wasm-bindgen
# in cargo's bin directory, which is not on PATH in every shell.
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

SERVE_HOST ?= 127.0.0.1
SERVE_PORT ?= 8080

.PHONY: bench-server bench-desk help serve serve-static test setup setup-test build test-native test-server test-wasm test-e2e bench icons clean

help: ## List the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{ printf "  make %-12s %s\n", $$1, $$2 }'

serve: build ## Install what is missing, build the app and the team server; serve both on 127.0.0.1:8080 with a demo team
	cargo build --release -p scpo-server
	target/release/scpo-server --data-dir data serve --demo --dist dist --listen $(SERVE_HOST):$(SERVE_PORT)

serve-static: build ## The app alone from a static server (scripts/serve.mjs), no team server
	node scripts/serve.mjs --dir dist --host $(SERVE_HOST) --port $(SERVE_PORT)

test: setup-test ## Install what is missing, then run every test: native, wasm (Chromium), e2e
	scripts/test.sh native wasm server build e2e

setup: ## Install the build tools (wasm target, Trunk, wasm-bindgen-cli, npm packages)
	scripts/setup.sh build

setup-test: ## Install the build tools and Chromium + ChromeDriver
	scripts/setup.sh test

build: setup ## Release build into dist/ (trunk build --release --offline)
	trunk build --release --offline

test-native: ## cargo test (domain unit tests)
	scripts/test.sh native

test-server: setup-test ## The team server's tests on SQLite and a throwaway PostgreSQL cluster
	scripts/test.sh server

test-wasm: setup-test ## tests/*.rs in headless Chromium through wasm-bindgen-test-runner
	scripts/test.sh wasm

test-e2e: setup-test ## Release build, then the Playwright tests in tests/e2e/
	scripts/test.sh build e2e

bench: setup-test build ## Release build, then the benchmark: sizes, cached start, search, writes (not a test)
	node scripts/bench.mjs $(BENCH_ARGS)

bench-server: setup-test ## Team server benchmark (not a test): 200 phones push and pull, on SQLite and PostgreSQL
	cargo build --release -p scpo-server --example bench
	env="$$(scripts/pg.sh start)"; eval "$$env"; \
	for n in 1 16; do \
	  BENCH_IN_FLIGHT=$$n target/release/examples/bench sqlite; \
	  BENCH_IN_FLIGHT=$$n target/release/examples/bench postgres; \
	done; \
	scripts/pg.sh stop "$$SCPO_PG_DIR"

bench-desk: setup-test ## Desk benchmark (not a test): pages p95 with 162 nominals and 20,000 records, and a cohort change seen by a pull, on SQLite and PostgreSQL
	cargo build --release -p scpo-server --example bench_desk
	env="$$(scripts/pg.sh start)"; eval "$$env"; \
	target/release/examples/bench_desk sqlite; \
	target/release/examples/bench_desk postgres; \
	scripts/pg.sh stop "$$SCPO_PG_DIR"

icons: ## Regenerate public/icons/*.png from public/icons/icon.svg (needs Chromium)
	node scripts/icons.mjs

clean: ## Remove build output (keeps installed tools and node_modules)
	rm -rf dist target test-results playwright-report
