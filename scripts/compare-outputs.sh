#!/bin/bash
# Runs two kyso binaries over every PDF (corpora and fixtures) and every certificate
# fixture, `kyso verify` / `kyso cert`, JSON and terminal text, in Vietnamese and
# English, at one fixed validation time, and lists every output that differs.
#
# For a change that must not change what users read (a refactoring of the report's
# types, a move of words between i18n tables): build the old binary first, keep a
# copy, then compare.
#
#   cp "$CARGO_TARGET_DIR/debug/kyso" /tmp/kyso-old      # before the change
#   scripts/compare-outputs.sh /tmp/kyso-old "$CARGO_TARGET_DIR/debug/kyso"
#
# Exits 1 when an output differs. Run from the repository root (../shared must exist).
set -u
old=$1
new=$2
at=${AT:-2026-06-01T00:00:00Z}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runs=0
differ=0
while IFS= read -r f; do
  case "$f" in
    *.pdf | *.PDF) cmd=verify ;;
    *) cmd=cert ;;
  esac
  for lang in vi en; do
    for json in --json ""; do
      for side in old new; do
        bin=$old
        [ "$side" = new ] && bin=$new
        # shellcheck disable=SC2086 # an empty $json is no argument
        "$bin" "$cmd" $json --at "$at" --lang "$lang" "$f" >"$tmp/$side" 2>&1
        echo "exit $?" >>"$tmp/$side"
      done
      runs=$((runs + 1))
      if ! cmp -s "$tmp/old" "$tmp/new"; then
        differ=$((differ + 1))
        echo "differs: kyso $cmd ${json:-(text)} --lang $lang $f"
        diff "$tmp/old" "$tmp/new" | head -8
      fi
    done
  done
done < <(
  (find ../shared/corpora tests/fixtures -iname '*.pdf'; find tests/fixtures/certs -type f) | sort
)
echo "$runs runs, $differ differ"
[ "$differ" -eq 0 ]
