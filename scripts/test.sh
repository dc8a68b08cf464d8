#!/usr/bin/env bash
# Everything CI runs, in order; stops at the first failure.
#
#   tools (installs what is missing) · rustfmt · clippy (native and wasm32) ·
#   native tests · wasm tests in headless Chromium · release build of the page ·
#   size budget of the .wasm · end-to-end tests of the built page in Chromium
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

# Size budget of the release .wasm (bytes), about 25% above what it measured when set.
# 2026-11-21, certificates only: 757,786 raw / 304,108 gzip. With PDF verification and
# the letters (PDF reader, CMS, DOCX/PDF writers, font subsetter): ~1,510,000 raw /
# ~631,000 gzip, wasm-opt -Oz. Splitting the letters into a second, lazily loaded
# module is the next step if the first load must shrink.
# 2026-12-03, with the 66 built-in CA certificates (104,192 bytes of DER, src/trust/
# builtin/): 1,507,413 → 1,631,985 raw, 635,467 → 707,269 gzip (+124,572 / +71,802).
# 2026-12-03, the verification record, the batch summary and its CSV/XLSX writers
# (src/record, web/verify_summary.rs, web/verify_record.rs): 1,681,877 → 1,754,110
# raw, 726,181 → 755,062 gzip; first load (wasm + js + css, gzip) 739,738 → 768,888.
# 2026-12-03, all of session 4 merged (the English words of the page, the trust
# folder, the one revocation engine, the RFC 5280 profile, the letters' wording,
# rules and CA sheet, the record and summary): 1,913,121 raw / 816,215 gzip, over the
# 1.9 MB / 800 KB budget by 0.7% / 2%. The budget is raised once, to about 5% above
# that, so that growth past it is still caught; bringing the first load back under
# 800 KB gzip means loading the letters' and the record's writers (DOCX, PDF, XLSX,
# font subsetter) as a second, lazily loaded module: issue 11 stays open for it.
# 2026-12-03, the writers (DOCX, PDF and its font subsetter, the XLSX sheets, the ZIP
# compressor) moved to a second wasm module loaded at the first download (kyso-writer,
# src/web/writer_client.rs): 1,924,455 → 1,777,544 raw, 820,997 → 749,943 gzip; first
# load (wasm + js + css, gzip) 835,010 → 764,018. Back to the original budget.
WASM_BUDGET_RAW="${WASM_BUDGET_RAW:-1900000}"
WASM_BUDGET_GZIP="${WASM_BUDGET_GZIP:-800000}"
# The SHA-256 worker (src/web/hash_worker.rs): 28,174 raw when set; it must stay small,
# since every page load fetches it.
WORKER_BUDGET_RAW="${WORKER_BUDGET_RAW:-60000}"
WORKER_BUDGET_GZIP="${WORKER_BUDGET_GZIP:-30000}"
# The writer module (src/web/writer_worker.rs, src/writer.rs): 316,892 raw / 150,985
# gzip when set (2026-12-03), about 25% above. Not part of the first load (the service
# worker fetches it in the background), but the clerk waits for it at the first download.
WRITER_BUDGET_RAW="${WRITER_BUDGET_RAW:-400000}"
WRITER_BUDGET_GZIP="${WRITER_BUDGET_GZIP:-190000}"

bash scripts/tools.sh

section "rustfmt"
cargo fmt --check

section "clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings

section "clippy (wasm32: library, web app, browser tests)"
cargo clippy --target wasm32-unknown-unknown --lib --bin kyso-web --bin kyso-hash-worker --bin kyso-writer --test web -- -D warnings

section "native tests"
cargo test

section "conformance: NIST PKITS per section (already run above; printed here)"
cargo test --quiet --test pkits -- --nocapture --exact pkits

section "wasm tests in headless Chromium (tests/web.rs)"
cargo test --target wasm32-unknown-unknown --test web

section "release build of the page (trunk build --release)"
trunk build --release --offline

section "size budget"
budget() { # FILE RAW_BUDGET GZIP_BUDGET
    local raw gz
    raw=$(stat -c %s "$1")
    gz=$(gzip -9 -c "$1" | wc -c)
    printf '%s\n  raw:  %9d bytes (budget %d)\n  gzip: %9d bytes (budget %d)\n' "$1" "$raw" "$2" "$gz" "$3"
    if [ "$raw" -gt "$2" ] || [ "$gz" -gt "$3" ]; then
        echo "$1 is over its size budget (scripts/test.sh)" >&2
        exit 1
    fi
}
budget "$(ls dist/kyso-web-*_bg.wasm)" "$WASM_BUDGET_RAW" "$WASM_BUDGET_GZIP"
budget dist/kyso-hash-worker_bg.wasm "$WORKER_BUDGET_RAW" "$WORKER_BUDGET_GZIP"
budget dist/kyso-writer_bg.wasm "$WRITER_BUDGET_RAW" "$WRITER_BUDGET_GZIP"

section "end-to-end tests (tests/e2e, Chromium via playwright-core)"
(cd tests/e2e && node --test *.test.mjs)

section "all green"
