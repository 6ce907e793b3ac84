# Sourced by scripts/test.sh and scripts/bench-list-users.sh: installs moto into .venv-moto and
# starts servers on free loopback ports. Servers started here are stopped on exit.
MOTO_VERSION=5.2.5
AWSCLI_VERSION=1.46.3
VENV="${VENV:-$PWD/.venv-moto}"
RUN_DIR="${RUN_DIR:-$PWD/.test-run}"
mkdir -p "$RUN_DIR"
MOTO_PIDS=()

ensure_moto() {
  if [ -x "$VENV/bin/moto_server" ] && "$VENV/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null \
     && [ -x "$VENV/bin/aws" ]; then
    return
  fi
  echo "installing moto $MOTO_VERSION and awscli $AWSCLI_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" "awscli==$AWSCLI_VERSION"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# start_moto NAME: starts a server, waits until ListUserPools answers, sets MOTO_STARTED_URL.
start_moto() {
  local name=$1 port pid
  port=$(free_port)
  "$VENV/bin/moto_server" -H 127.0.0.1 -p "$port" >"$RUN_DIR/moto-$name.log" 2>&1 &
  pid=$!
  MOTO_PIDS+=("$pid")
  python3 - "$port" "$pid" <<'PY' >&2 || { echo "moto ($1) did not start; see $RUN_DIR/moto-$1.log" >&2; return 1; }
import os, sys, time, urllib.request
port, pid = sys.argv[1], int(sys.argv[2])
deadline = time.time() + 60
while time.time() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("moto exited early")
    req = urllib.request.Request(
        f"http://127.0.0.1:{port}/", data=b'{"MaxResults":1}', method="POST",
        headers={"Content-Type": "application/x-amz-json-1.1",
                 "X-Amz-Target": "AWSCognitoIdentityProviderService.ListUserPools",
                 "Authorization": "AWS4-HMAC-SHA256 Credential=probe/20260101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=x"})
    try:
        urllib.request.urlopen(req, timeout=2).read()
        sys.exit(0)
    except Exception:
        time.sleep(0.2)
sys.exit("moto did not answer within 60 s")
PY
  MOTO_STARTED_URL="http://127.0.0.1:$port"
}

stop_moto() {
  for pid in "${MOTO_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${MOTO_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
