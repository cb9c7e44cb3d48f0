#!/usr/bin/env bash
# API fuzzing: schemathesis against the committed OpenAPI document (schemas/openapi.json),
# on a live `sentra serve` over loopback, once with an admin key and once with a viewer key.
# Every check is on (no 5xx, statuses, content types and bodies as documented, errors in
# the one error shape, negative data rejected, stateful links); see schemathesis.toml.
#
#   tests/api-fuzz/run.sh            short profile: 25 examples per operation (CI, minutes)
#   tests/api-fuzz/run.sh --long     long profile: 500 examples per operation (an hour or so)
#
# The seed is fixed, so a run is repeatable; SEED=<n> picks another. JUnit reports land in
# target/api-fuzz/. Python tools come from PyPI into target/api-fuzz-venv.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCHEMATHESIS_VERSION=4.32.5
examples=25
[ "${1:-}" = "--long" ] && examples=500
examples=${EXAMPLES:-$examples}
seed=${SEED:-20261127}

venv=target/api-fuzz-venv
if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  echo "installing schemathesis $SCHEMATHESIS_VERSION into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

cargo build --quiet --bin sentra
sentra=$PWD/target/debug/sentra
work=$(mktemp -d)
out=$PWD/target/api-fuzz
mkdir -p "$out"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The server scans a copy of a small fixture tree with findings in several languages.
mkdir -p "$work/root"
cp -r tests/fixtures/soak/. "$work/root/"
state=$work/state
admin=$("$sentra" keys create --role admin --name fuzz-admin --state-dir "$state" 2>/dev/null)
viewer=$("$sentra" keys create --role viewer --name fuzz-viewer --state-dir "$state" 2>/dev/null)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$sentra" serve --host 127.0.0.1 --port "$port" --root "$work/root" --state-dir "$state" --rate-limit 0 \
  >"$out/server.log" 2>&1 &
server_pid=$!
python3 - "$port" <<'PY'
import sys, time, urllib.request
for _ in range(300):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/health", timeout=1)
        break
    except OSError:
        time.sleep(0.1)
else:
    sys.exit("the server did not answer /health")
PY

status=0
for role in admin viewer; do
  key=$admin
  [ "$role" = viewer ] && key=$viewer
  echo "== schemathesis as $role ($examples examples per operation, seed $seed)"
  "$venv/bin/schemathesis" --config-file tests/api-fuzz/schemathesis.toml run schemas/openapi.json \
    --url "http://127.0.0.1:$port" -H "X-API-Key: $key" \
    --checks all --max-examples "$examples" --seed "$seed" --workers 1 --no-color \
    --report junit --report-dir "$out/$role" || status=1
done
kill -0 "$server_pid" 2>/dev/null || { echo "the server died during the run; see $out/server.log"; status=1; }
exit $status
