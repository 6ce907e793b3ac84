#!/usr/bin/env bash
# Export of a pool's local index to CSV at several sizes, to show the time and that memory stays
# flat in the export's size. For each size: the local server seeded with `big:N`, `users index`,
# then `users export --query ... --format csv --out FILE` (a query no ListUsers filter answers, so
# the export reads the index, not the server), timed with /usr/bin/time: wall seconds, CPU seconds
# (user + system), peak RSS. Everything lives in a temp dir (data dir, HOME, config): the real data
# dir is never touched. Usage: bench/export.sh [SIZES...] (default 10000 100000 300000)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(10000 100000 300000)
cargo build --release --locked --quiet
BIN=${CARGO_TARGET_DIR:-target}/release/cognito-tui
WORK=$(mktemp -d)
SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$WORK/home"
export HOME="$WORK/home" XDG_DATA_HOME="$WORK/home/.local/share" XDG_CONFIG_HOME="$WORK/home/.config"
export COGNITO_TUI_DATA_DIR="$WORK/data" COGNITO_TUI_CONFIG="$WORK/config.toml"
export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
POOL=us-east-1_BigPool001
# Everyone was created after 2000: the index answers, and every user is exported.
QUERY='created > 2000-01-01'

timed() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >"$WORK/stdout.txt"
  awk -v label="$label" '{ printf "%-8s wall=%6.2fs cpu=%6.2fs (user %.2f + sys %.2f) max_rss=%6.1f MiB\n", label, $1, $2 + $3, $2, $3, $4 / 1024 }' "$WORK/time.txt"
}

for n in "${SIZES[@]}"; do
  echo "== $n users ($(uptime | sed 's/.*load/load/'))"
  "$BIN" local-server --port 0 --state "$WORK/server-$n.sqlite3" --seed "big:$n" >"$WORK/url.txt" 2>"$WORK/server.log" &
  SERVER=$!
  for _ in $(seq 1 600); do [ -s "$WORK/url.txt" ] && break; sleep 0.5; done
  URL=$(head -1 "$WORK/url.txt")
  [ -n "$URL" ] || { cat "$WORK/server.log" >&2; exit 1; }
  timed index "$BIN" --endpoint-url "$URL" users index --pool "$POOL"
  for run in 1 2 3; do
    timed "export$run" "$BIN" --endpoint-url "$URL" users export --pool "$POOL" --query "$QUERY" \
      --format csv --out "$WORK/users.csv"
  done
  echo "         $(( $(wc -l <"$WORK/users.csv") - 1 )) users, $(( $(stat -c %s "$WORK/users.csv") / 1024 / 1024 )) MiB of CSV"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=
  rm -f "$WORK"/server-"$n".sqlite3* "$WORK/users.csv"
  rm -rf "$WORK/data"
done
