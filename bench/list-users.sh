#!/usr/bin/env bash
# Lists 10,000 users from moto with `cognito-tui users list --output json` and with
# `aws cognito-idp list-users` (awscli, same venv), same server, same run; prints wall seconds,
# CPU seconds (user + system) and peak RSS of each run. Usage: bench/list-users.sh [USERS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-10000}
RUNS=${2:-3}
source scripts/moto.sh
trap stop_moto EXIT
ensure_moto
cargo build --release --locked --quiet
start_moto bench
URL=$MOTO_STARTED_URL
echo "seeding $USERS users into moto at $URL ..." >&2
started=$(date +%s)
POOL=$("$VENV/bin/python" bench/seed_users.py "$URL" "$USERS")
echo "seeded pool $POOL in $(( $(date +%s) - started )) s" >&2

export AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
OUT="$RUN_DIR/bench-out.json"
measure() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$RUN_DIR/time.txt" "$@" >"$OUT"
  local count
  count=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["Users"]) if isinstance(d, dict) else len(d))' "$OUT")
  awk -v label="$label" -v count="$count" '{ printf "%-12s users=%-6s wall=%6.2fs cpu=%6.2fs (user %.2f + sys %.2f) max_rss=%6.1f MiB\n", label, count, $1, $2 + $3, $2, $3, $4 / 1024 }' "$RUN_DIR/time.txt"
}
for run in $(seq 1 "$RUNS"); do
  echo "run $run" >&2
  measure cognito-tui target/release/cognito-tui --endpoint-url "$URL" users list --pool "$POOL" --output json
  measure aws-cli "$VENV/bin/aws" --endpoint-url "$URL" cognito-idp list-users --user-pool-id "$POOL" --page-size 60 --output json
done
