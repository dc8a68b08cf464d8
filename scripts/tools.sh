#!/usr/bin/env bash
# Installs what building and testing kyso needs, and only what is missing: a second
# run does nothing but check versions. Safe to run any time.
#
#   rustup target wasm32-unknown-unknown
#   trunk 0.21.14, wasm-bindgen-cli 0.2.130      (cargo install, into ~/.cargo/bin)
#   binaryen (wasm-opt) into tools/node_modules   (npm ci, from tools/package-lock.json)
#   playwright-core into tests/e2e/node_modules   (npm ci; drives the system Chromium)
#   axe-core into tests/e2e/node_modules          (npm ci; the accessibility test)
#   chromium, chromium-driver, poppler-utils,     (apt-get, when missing)
#   unzip, libreoffice-writer-nogui, python3-openpyxl,
#   nginx-light, apache2                          (the deploy samples' test)
#   every crate of Cargo.lock in cargo's cache    (cargo fetch, so Trunk can build offline)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

section "tools: Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "present"
else
    rustup target add wasm32-unknown-unknown
fi

section "tools: trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
    echo "present"
else
    cargo install --locked "trunk@$TRUNK_VERSION"
fi

section "tools: wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
    && command -v wasm-bindgen-test-runner >/dev/null; then
    echo "present"
else
    # The CLI's own Cargo.lock pins webpki-roots 1.0.11, which some crates.io mirrors
    # do not carry; fall back to resolving its dependencies afresh (same CLI version).
    cargo install --locked "wasm-bindgen-cli@$WASM_BINDGEN_VERSION" \
        || cargo install "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

section "tools: Chromium, chromedriver, poppler-utils, unzip, LibreOffice Writer, openpyxl, nginx, Apache (apt)"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
# The letters' tests unzip the DOCX and have LibreOffice open it (an independent reader).
command -v unzip >/dev/null || missing+=(unzip)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
# The verification summary's XLSX is read back with openpyxl (tests/verify_summary.rs).
/usr/bin/python3 -c 'import openpyxl' 2>/dev/null || missing+=(python3-openpyxl)
# The deploy guide's nginx and Apache samples are run as written (tests/e2e/deploy.test.mjs).
command -v nginx >/dev/null || missing+=(nginx-light)
command -v apache2 >/dev/null || missing+=(apache2)
if [ ${#missing[@]} -eq 0 ]; then
    echo "present"
else
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    # Update the package lists only when installing from the current ones fails.
    $SUDO apt-get install -y --no-install-recommends "${missing[@]}" \
        || { $SUDO apt-get update && $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; }
fi

# npm_ci DIR PACKAGE: installs DIR's lockfile unless PACKAGE is already there at the
# locked version.
npm_ci() {
    local dir="$1" pkg="$2" want have
    want="$(node -p "require('./$dir/package-lock.json').packages['node_modules/$pkg'].version")"
    have="$(node -p "try { require('./$dir/node_modules/$pkg/package.json').version } catch { '' }")"
    if [ "$want" = "$have" ]; then
        echo "$pkg $have present"
    else
        (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts)
    fi
}

section "tools: Node.js"
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$node_major" -lt 20 ]; then
    echo "Node.js >= 20 is needed (found: $(node --version 2>/dev/null || echo none))" >&2
    exit 1
fi
node --version

section "tools: wasm-opt (npm binaryen, tools/)"
npm_ci tools binaryen
wasm-opt --version

section "tools: playwright-core and axe-core (tests/e2e/)"
npm_ci tests/e2e playwright-core
npm_ci tests/e2e axe-core

section "tools: crates (cargo fetch)"
cargo fetch --quiet
echo "done"
