#!/usr/bin/env bash
# Serves the page at http://127.0.0.1:8080 (release build, rebuilt on change).
# Usage: bash scripts/serve.sh [extra trunk serve flags, e.g. --port 9000]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
bash scripts/tools.sh
section "trunk serve (http://127.0.0.1:8080)"
exec trunk serve --release --offline --address 127.0.0.1 --port 8080 --no-autoreload "$@"
