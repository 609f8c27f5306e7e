#!/usr/bin/env bash
# Installs what building and testing SCPO Field needs, skipping whatever is already there.
# Called by the Makefile; safe to run again and again (a no-op run takes a few seconds).
#
#   scripts/setup.sh build   Rust wasm target, Trunk, wasm-bindgen-cli, npm packages, crates
#   scripts/setup.sh test    all of the above, plus Debian's Chromium and ChromeDriver, and PostgreSQL
#
# Needs rustup (rustc 1.95), node 20+ with npm, and apt-get (root, or sudo) for Chromium.
# Reaches only crates.io, the npm registry and Debian's archive: no prebuilt binaries are fetched.
set -euo pipefail

cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14 # Trunk 0.22 needs rustc 1.96
WASM_TARGET=wasm32-unknown-unknown

log() { printf '==> %s\n' "$*"; }
die() {
  printf 'setup: %s\n' "$*" >&2
  exit 1
}

# ~/.cargo/bin is not on PATH in every non-login shell.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# wasm-bindgen's version in Cargo.lock: wasm-bindgen-cli must be exactly this version.
lockfile_wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { found = 1; next }
       found && /^version = / { gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

# A quoted value from the [tools] table of Trunk.toml, e.g. trunk_tool wasm_opt -> version_132.
trunk_tool() {
  sed -n "s/^$1 *= *\"\([^\"]*\)\".*/\1/p" Trunk.toml
}

# First line of `$1 --version`, or nothing when $1 is not installed.
version_of() {
  if command -v "$1" >/dev/null 2>&1; then
    "$1" --version 2>/dev/null | head -n 1 || true
  fi
}

# cargo install with thin local LTO and 16 codegen units instead of the tools' own fat-LTO, one-unit
# release profiles: Trunk compiles in ~7.5 min instead of ~18 on 2 cores, and the app it builds is
# byte-identical (measured). These are build tools, so their own speed barely matters.
fast_tool_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 cargo install "$@"
}

setup_rust() {
  command -v cargo >/dev/null || die "cargo not found: install Rust 1.95 with rustup first"
  command -v rustup >/dev/null || die "rustup not found: the wasm target is added with rustup"

  # Checked first, so a mismatch fails in a second rather than after the installs.
  local bindgen
  bindgen="$(lockfile_wasm_bindgen_version)"
  [[ -n "$bindgen" ]] || die "no wasm-bindgen in Cargo.lock"
  if [[ "$(trunk_tool wasm_bindgen)" != "$bindgen" ]]; then
    die "Trunk.toml has wasm_bindgen = \"$(trunk_tool wasm_bindgen)\" but Cargo.lock has wasm-bindgen $bindgen: make them agree"
  fi

  # (grep without -q reads all its input: no SIGPIPE for rustup under pipefail)
  if ! rustup target list --installed | grep -x "$WASM_TARGET" >/dev/null; then
    log "Adding Rust target $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi

  if [[ "$(version_of trunk)" != "trunk $TRUNK_VERSION" ]]; then
    log "Installing Trunk $TRUNK_VERSION from crates.io (about 7 minutes on 2 cores)"
    fast_tool_install --locked trunk --version "$TRUNK_VERSION"
  fi

  if [[ "$(version_of wasm-bindgen)" != "wasm-bindgen $bindgen" ||
    "$(version_of wasm-bindgen-test-runner)" != "wasm-bindgen-test-runner $bindgen" ]]; then
    log "Installing wasm-bindgen-cli $bindgen from crates.io (about 5 minutes on 2 cores)"
    # --locked fails for wasm-bindgen-cli on this toolchain; the version is pinned all the same.
    fast_tool_install wasm-bindgen-cli --version "$bindgen"
  fi

  # trunk build --offline passes --offline to cargo: have every crate in Cargo.lock downloaded.
  cargo fetch --quiet
}

setup_node() {
  command -v npm >/dev/null || die "npm not found: install node 20+ with npm first"
  # npm ci when node_modules is missing or was installed from another package-lock.json.
  local stamp=node_modules/.package-lock.sha256
  local want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    log "Installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
    echo "$want" >"$stamp"
  fi

  local wasm_opt
  wasm_opt="$(PATH="$PWD/node_modules/.bin:$PATH" version_of wasm-opt)"
  # e.g. "wasm-opt version 132 (version_132)"
  if [[ "$wasm_opt" != *"($(trunk_tool wasm_opt))"* ]]; then
    die "wasm-opt from node_modules reports '$wasm_opt'; Trunk.toml wants $(trunk_tool wasm_opt) (package.json's binaryen)"
  fi
}

setup_browser() {
  if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
    return
  fi
  command -v apt-get >/dev/null || die "Chromium is missing and there is no apt-get: install chromium and chromedriver"
  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null || die "installing Chromium needs root (or sudo)"
    sudo=(sudo)
  fi
  log "Installing Debian's chromium and chromium-driver"
  "${sudo[@]}" apt-get update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
}

# The server's tests need PostgreSQL's initdb and pg_ctl (scripts/pg.sh runs a throwaway cluster).
setup_postgres() {
  if compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null; then
    return
  fi
  command -v apt-get >/dev/null || die "PostgreSQL is missing and there is no apt-get: install postgresql"
  local sudo=()
  if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null || die "installing PostgreSQL needs root (or sudo)"
    sudo=(sudo)
  fi
  log "Installing Debian's postgresql (for the server's tests)"
  "${sudo[@]}" apt-get update
  # The package's own cluster is not used; tests start their own.
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
}

case "${1:-}" in
  build)
    setup_rust
    setup_node
    ;;
  test)
    setup_rust
    setup_node
    setup_browser
    setup_postgres
    ;;
  *)
    die "usage: $0 build|test"
    ;;
esac
