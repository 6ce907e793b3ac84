#!/usr/bin/env bash
# Tries cognito-tui on a fresh machine without an AWS account: installs moto if missing, starts it on
# a free loopback port, seeds a small "demo" pool (through cognito-tui's own commands) and a
# "demo-large" pool of 2,000 users, then opens the console on it, and stops moto when you quit.
#   scripts/demo.sh                                        # the console
#   scripts/demo.sh tour                                   # a short tour of the headless CLI
#   scripts/demo.sh users list --pool demo --output csv    # any CLI command
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/moto.sh
trap stop_moto EXIT
ensure_moto
cargo build --release --locked --quiet
start_moto demo
export AWS_ACCESS_KEY_ID=demo AWS_SECRET_ACCESS_KEY=demo AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER=$MOTO_STARTED_URL
bin=target/release/cognito-tui
api() { "$bin" api "$@" >/dev/null; }

pool=$("$bin" api CreateUserPool --input '{"PoolName":"demo","Schema":[{"Name":"tenant","AttributeDataType":"String","Mutable":true}]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["UserPool"]["Id"])')
for g in admins:1 support:5 customers:10; do
  api CreateGroup --input "{\"UserPoolId\":\"$pool\",\"GroupName\":\"${g%%:*}\",\"Precedence\":${g##*:}}"
done
for u in ann:admins bob:support carol:customers dave:customers erin:customers; do
  name=${u%%:*}
  printf 'Passw0rd!Tmp\n' | "$bin" users create --pool demo "$name" --attribute "email=$name@example.com" \
    --attribute "custom:tenant=acme" --temporary-password-stdin --suppress >/dev/null
  "$bin" users add-to-group --pool demo "$name" "${u##*:}" >/dev/null
done
"$bin" users disable --pool demo erin >/dev/null
echo "seeding 2,000 users into demo-large ..." >&2
"$VENV/bin/python" bench/seed_users.py "$MOTO_STARTED_URL" 2000 demo-large >/dev/null

if [ $# -eq 0 ]; then
  "$bin"
elif [ "$1" != tour ]; then
  "$bin" "$@"
else
  set -x
  "$bin" pools list
  "$bin" users list --pool demo
  "$bin" users list --pool demo --filter 'email ^= "c"' --output csv
  "$bin" users get --pool demo ann
  "$bin" groups list --pool demo
fi
