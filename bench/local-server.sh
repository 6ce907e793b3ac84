#!/usr/bin/env bash
# The local server against moto in the same run: AdminCreateUser one after another and a full
# ListUsers crawl at several sizes on the local server (state in a file), 8 in flight, in-process,
# then the same sequential creates and crawl against moto. Usage: bench/local-server.sh [USERS]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/moto.sh
trap stop_moto EXIT
ensure_moto
start_moto bench
COGNITO_TUI_BENCH_USERS=${1:-10000} COGNITO_TUI_BENCH_MOTO=$MOTO_STARTED_URL \
  cargo bench --locked --bench local_server
