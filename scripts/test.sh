#!/usr/bin/env bash
# Runs the named test steps in order, keeps going when one fails, prints a summary with times and
# exits non-zero if any step failed. `make test` runs all of them; install first (scripts/setup.sh).
#
#   native  cargo test: domain unit tests and everything else that runs natively
#   wasm    tests/*.rs in headless Chromium (wasm-bindgen-test-runner through chromedriver)
#   server  the team server's tests (server/), on SQLite and on a throwaway PostgreSQL cluster
#   build   trunk build --release --offline into dist/ and its size check (scripts/size-check.mjs),
#           the team server and the synthetic cohort example (release)
#   e2e     Playwright tests (tests/e2e/) against dist/ on 127.0.0.1 (skipped if build failed)
#
# Usage: scripts/test.sh native wasm server build e2e
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step_native() {
  cargo test
}

step_wasm() {
  # Without CHROMEDRIVER the runner would prefer a geckodriver found on PATH.
  # Timeouts and Chromium flags come from .cargo/config.toml [env].
  CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}" \
    cargo test --target wasm32-unknown-unknown --test '*'
}

step_server() {
  # A PostgreSQL cluster of its own for this run (scripts/pg.sh), stopped however the tests end
  # (the EXIT trap below covers an interrupted run).
  local env status=0
  env="$(scripts/pg.sh start)" || return 1
  eval "$env"
  cargo test -p scpo-server || status=$?
  scripts/pg.sh stop "$SCPO_PG_DIR"
  unset SCPO_PG_DIR
  return "$status"
}
trap '[[ -n "${SCPO_PG_DIR:-}" ]] && scripts/pg.sh stop "$SCPO_PG_DIR"' EXIT

step_build() {
  # Each command stops the step when it fails: the step runs inside `if`, where `set -e` does
  # not apply (a size check over budget used to pass unnoticed this way).
  trunk build --release --offline || return 1
  node scripts/size-check.mjs dist || return 1
  # The sync end-to-end tests serve dist/ with the team server; the cohort list's test imports a
  # synthetic cohort of 120 nominals.
  cargo build --release -p scpo-server || return 1
  cargo build --release --no-default-features --example synthetic_cohort
}

step_e2e() {
  local status=0
  playwright test --config tests/e2e/playwright.config.ts || status=$?
  playwright test --config tests/e2e/playwright.sync.config.ts || status=$?
  return "$status"
}

(($# > 0)) || set -- native wasm server build e2e

results=()
failed=0
build_failed=0
for step in "$@"; do
  declare -F "step_$step" >/dev/null || {
    echo "test.sh: unknown step '$step' (native, wasm, server, build, e2e)" >&2
    exit 2
  }
  if [[ "$step" == e2e && "$build_failed" == 1 ]]; then
    results+=("$(printf '%-7s skipped (build failed)' "$step")")
    failed=1
    continue
  fi
  printf '\n==> %s\n' "$step"
  start=$SECONDS
  if "step_$step"; then
    status=ok
  else
    status=FAILED
    failed=1
    [[ "$step" != build ]] || build_failed=1
  fi
  elapsed=$((SECONDS - start))
  results+=("$(printf '%-7s %-6s %dm%02ds' "$step" "$status" $((elapsed / 60)) $((elapsed % 60)))")
done

printf '\n==> summary\n'
printf '%s\n' "${results[@]}"
if ((failed)); then
  echo "Some test steps FAILED (see above)."
  exit 1
fi
echo "All test steps succeeded."
