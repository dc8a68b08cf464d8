#!/usr/bin/env bash
# Benchmarks, printed side by side with the native tools on the same inputs in the same
# run (absolute times drift on shared machines; ratios travel better).
#
#   certificates: 1,000 government-shaped certificates in one PEM bundle, read and
#   validated by (a) the core in process, (b) the kyso CLI, (c) openssl printing every
#   one of them, (d) the page in headless Chromium (drop → all validated, first page
#   of cards drawn); the same certificates as N separate .cer files beside one bundle.
#   signed PDF: a 100 MB file signed by openssl (tests/e2e/make-big-pdf.mjs), verified
#   by pdfsig, the kyso CLI and the page (time to verdict, SHA throughput, memory).
#   batch of PDFs: 1,000 small signed PDFs dropped at once (time to the full summary
#   table, frame gaps, memory) is printed by tests/e2e/batch.test.mjs.
#   letters: a 500-row letter to DOCX and PDF in the page; natively: cargo bench --bench forms.
#   hostile PDF shapes: the full-size matrix of tests/pdf_many_updates.rs
#   (cargo bench --bench many_updates; fails if a change is ever reported allowed).
#   revocation: 200 signatures from 50 CAs, a CRL of 10,000 entries each in the /DSS,
#   the CRLs also given as user files (benches/make_revocation_bench.py, pyHanko);
#   time (target < 5 s) and CRL signature verifications (must be 50).
#
# Not a test: nothing here fails on a slow machine.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

out="$ROOT/target/bench"
mkdir -p "$out"
N="${N:-1000}"
bundle="$out/bundle$N.pem"
[ -s "$bundle" ] || python3 benches/make_cert_bundle.py "$N" "$bundle"

# median_ms CMD...: runs CMD 5 times, prints the median wall time in ms.
median_ms() {
    local times=()
    for _ in 1 2 3 4 5; do
        local t0 t1
        t0=$(date +%s%N)
        "$@" >/dev/null 2>&1 || true
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

section "certificates: core in process ($N)"
cargo bench --bench certs -- "$bundle" 10 2>/dev/null | tail -1

section "certificates: CLI vs openssl ($N, median of 5 runs)"
cargo build --quiet --profile release-native --bin kyso
kyso_ms=$(median_ms target/release-native/kyso cert --json --at 2026-01-01T00:00:00Z "$bundle")
openssl_ms=$(median_ms bash -c "openssl crl2pkcs7 -nocrl -certfile '$bundle' | openssl pkcs7 -print_certs -text -noout")
echo "kyso cert --json (parse, facts, chain validation, JSON): ${kyso_ms} ms"
echo "openssl crl2pkcs7 | openssl pkcs7 -print_certs -text (parse, print): ${openssl_ms} ms"

section "signed PDF (${PDF_MB:=100} MB): kyso verify vs pdfsig (median of 5 runs)"
big="$out/big$PDF_MB-signedattrs.pdf"
[ -s "$big" ] || node tests/e2e/make-big-pdf.mjs "$big" "$PDF_MB"
pdfsig_ms=$(median_ms pdfsig "$big")
kyso_pdf_ms=$(median_ms target/release-native/kyso verify --json "$big")
echo "pdfsig (Poppler, NSS):                 ${pdfsig_ms} ms"
echo "kyso verify --json (native):           ${kyso_pdf_ms} ms"
awk -v k="$kyso_pdf_ms" -v p="$pdfsig_ms" 'BEGIN { if (p > 0) printf "ratio kyso/pdfsig: %.2f (target <= 1.5)\n", k / p }'
/usr/bin/time -f "kyso peak memory: %M KB" target/release-native/kyso verify --json "$big" >/dev/null

section "hostile PDF shapes: 10,000 fields, 1,000-4,000 updates (change analysis, work budget)"
cargo bench --quiet --profile release-native --bench many_updates

if [ -f dist/index.html ]; then
    section "certificates: the page in headless Chromium ($N)"
    (cd tests/e2e && node bench.mjs "$bundle")
    section "certificates: one bundle vs $N separate .cer files (a folder dropped at once; read concurrently)"
    (cd tests/e2e && node bench-certs-files.mjs "$bundle")
    # Three runs each: times on this shared 2-core machine vary by ±15%.
    section "signed PDF ($PDF_MB MB): the page, SHA-256 in the worker while reading (pure WebAssembly, as on plain http)"
    for i in 1 2 3; do (cd tests/e2e && node bench-verify.mjs "$big" --wasm); done
    section "signed PDF ($PDF_MB MB): the page thread only (?hash=main: no worker, no WebCrypto)"
    for i in 1 2 3; do (cd tests/e2e && node bench-verify.mjs "$big" --main); done
    section "SHA-256 in the worker alone (100 MiB, no file read beside it)"
    (cd tests/e2e && node bench-sha.mjs)
    small="$out/big20-signedattrs.pdf"
    [ -s "$small" ] || node tests/e2e/make-big-pdf.mjs "$small" 20
    section "signed PDF (20 MB): WebCrypto (127.0.0.1 is a secure context), then the worker"
    (cd tests/e2e && node bench-verify.mjs "$small")
    (cd tests/e2e && node bench-verify.mjs "$small" --wasm)
    section "letters: 500 rows to DOCX and PDF in the page"
    (cd tests/e2e && node bench-forms.mjs 500)
else
    echo "(browser benchmarks: run scripts/test.sh or trunk build --release first)"
fi

section "revocation: 200 signatures sharing 50 CRLs of 10,000 entries (native)"
rev="$out/revocation"
[ -s "$rev/bench.pdf" ] || python3 benches/make_revocation_bench.py "$rev"
cargo bench --quiet --profile release-native --bench revocation -- "$rev" --user-crls
