#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs moto (and awscli) into .venv-moto if missing,
# starts two moto servers on free loopback ports (one with SigV4 checking switched on), runs
# `cargo test` against them, and stops them. Extra arguments go to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
# One build from scratch: incremental state would add gigabytes that a single run never reuses.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
source scripts/moto.sh
trap stop_moto EXIT

# The end-to-end tests drive the real binary in tmux (CI runs as root on Debian).
command -v tmux >/dev/null || { apt-get update -qq && apt-get install -y -qq tmux; }

ensure_moto
start_moto plain
MOTO_URL=$MOTO_STARTED_URL
start_moto auth
MOTO_AUTH_URL=$MOTO_STARTED_URL

# Signature checking is opt-in: the next 3 calls pass unchecked; they create an IAM user with a key
# allowed cognito-idp:*. From then on that server verifies every signature.
curl -sf -X POST -H "Content-Type: text/plain" --data-binary 3 "$MOTO_AUTH_URL/moto-api/reset-auth" >/dev/null
iam() {
  AWS_ACCESS_KEY_ID=bootstrap AWS_SECRET_ACCESS_KEY=bootstrap AWS_DEFAULT_REGION=us-east-1 \
    "$VENV/bin/aws" --endpoint-url "$MOTO_AUTH_URL" iam "$@"
}
iam create-user --user-name cognito-tui-tester >/dev/null
KEY_JSON=$(iam create-access-key --user-name cognito-tui-tester --output json)
iam put-user-policy --user-name cognito-tui-tester --policy-name cognito \
  --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cognito-idp:*","Resource":"*"}]}' >/dev/null
read -r KEY_ID KEY_SECRET < <(python3 -c 'import json,sys; k=json.load(sys.stdin)["AccessKey"]; print(k["AccessKeyId"], k["SecretAccessKey"])' <<<"$KEY_JSON")

export COGNITO_TUI_TEST_MOTO="$MOTO_URL"
export COGNITO_TUI_TEST_MOTO_AUTH="$MOTO_AUTH_URL"
export COGNITO_TUI_TEST_AUTH_KEY_ID="$KEY_ID"
export COGNITO_TUI_TEST_AUTH_SECRET="$KEY_SECRET"
# The AWS CLI, to show other tools work against `cognito-tui local-server`.
export COGNITO_TUI_TEST_AWS_CLI="$VENV/bin/aws"
# The credential chain must never wait on instance metadata.
export AWS_EC2_METADATA_DISABLED=true
echo "moto: $MOTO_URL (plain), $MOTO_AUTH_URL (signature checking)" >&2
cargo test --locked "$@"
