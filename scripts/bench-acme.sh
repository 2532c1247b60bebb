#!/usr/bin/env bash
# The ACME benchmark: Debian's lego (HTTP-01, P-256) obtains certificates N times one after the
# other and with 4 parallel loops, against Rootline (release build, SQLite, EAB not required)
# and, in the same run with the same client and settings, against Debian's Pebble. Prints
# certificates per second for each; asserts nothing.
#
# Both servers resolve names through Rootline's test DNS server (every name is 127.0.0.1, no
# CAA) and
# fetch HTTP-01 answers from one static web server that all lego processes write into
# (`--http.webroot`), so parallel clients do not fight over a port. Pebble runs with
# PEBBLE_VA_NOSLEEP=1 (no artificial validation delay) and never sends Retry-After, so lego
# polls it at its default interval; Rootline sends Retry-After: 1.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
N=${N:-8}
PARALLEL=${PARALLEL:-4}

scripts/ensure-tools.sh >/dev/null
for tool in lego pebble; do
  command -v "$tool" >/dev/null || {
    echo "==> installing Debian's lego and pebble"
    if [ "$(id -u)" = 0 ]; then apt-get install -y -q lego pebble >/dev/null; else sudo apt-get install -y -q lego pebble >/dev/null; fi
    break
  }
done
# SERVER_BIN runs a server already built (e.g. the debug one `make test` leaves).
if [ -n "${SERVER_BIN:-}" ]; then
  SERVER=$SERVER_BIN
else
  echo "==> building the server (release)"
  cargo build --release -p server -q
  SERVER="$(cd "$TARGET_DIR" && pwd)/release/server"
fi

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

DNS_PORT=18053
WEB_PORT=15002
ROOTLINE_PORT=14100
PEBBLE_PORT=14000

# Every name the loops below ask for resolves to 127.0.0.1 and has no CAA record.
python3 - "$WORK/dns.json" "$N" "$PARALLEL" <<'PY'
import json, sys
path, n, parallel = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
names = {
    f"{server}-{loops}-{l}-{i}.bench.example.com": "127.0.0.1"
    for server in ("rootline", "pebble")
    for loops in {1, parallel}
    for l in range(1, loops + 1)
    for i in range(1, n + 1)
}
json.dump({"a": names}, open(path, "w"))
PY
"$SERVER" dns-serve --listen "127.0.0.1:$DNS_PORT" --records "$WORK/dns.json" >"$WORK/dns.log" 2>&1 &
PIDS+=($!)
mkdir -p "$WORK/webroot"
python3 -m http.server "$WEB_PORT" --bind 127.0.0.1 --directory "$WORK/webroot" >"$WORK/web.log" 2>&1 &
PIDS+=($!)

# Rootline: a fresh data directory, an activated operator (ACME accounts without a binding
# order for the operator's account), EAB not required.
export ROOTLINE_DATA_DIR="$WORK/rootline" ROOTLINE_LISTEN="127.0.0.1:$ROOTLINE_PORT" \
  ROOTLINE_PUBLIC_URL="http://127.0.0.1:$ROOTLINE_PORT" ROOTLINE_ACME_EAB_REQUIRED=false \
  ROOTLINE_DNS_RESOLVER="127.0.0.1:$DNS_PORT" ROOTLINE_DNSSEC_TRUST_ANCHOR="$PWD/server/tests/dev-dns.anchor" ROOTLINE_DCV_HTTP_PORT="$WEB_PORT" \
  ROOTLINE_DCV_HTTP_HOST=127.0.0.1 ROOTLINE_DCV_ALLOW_PRIVATE_ADDRESSES=true \
  ROOTLINE_CAA_IDENTITIES=rootline.test RUST_LOG=error
"$SERVER" ca init >/dev/null
"$SERVER" serve >"$WORK/rootline.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$ROOTLINE_PORT/healthz" >/dev/null && break; sleep 0.2; done
LINK=$("$SERVER" create-operator --email ops@bench.test | grep -o 'http[^ ]*/activate/[^ ]*' | head -n1)
TOKEN=${LINK##*/}
curl -fs -o /dev/null -H "Origin: http://127.0.0.1:$ROOTLINE_PORT" \
  --data-urlencode "token=$TOKEN" --data-urlencode "password=bench horse 42" \
  --data-urlencode "password_confirmation=bench horse 42" \
  "http://127.0.0.1:$ROOTLINE_PORT/api/auth/activate"

# Pebble: its listener needs a certificate; lego trusts it through LEGO_CA_CERTIFICATES.
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=localhost \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$WORK/pebble-key.pem" \
  -out "$WORK/pebble-cert.pem" 2>/dev/null
cat >"$WORK/pebble.json" <<JSON
{"pebble": {"listenAddress": "127.0.0.1:$PEBBLE_PORT", "managementListenAddress": "127.0.0.1:15000",
  "certificate": "$WORK/pebble-cert.pem", "privateKey": "$WORK/pebble-key.pem",
  "httpPort": $WEB_PORT, "tlsPort": 15001, "ocspResponderURL": "", "externalAccountBindingRequired": false}}
JSON
PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 pebble -config "$WORK/pebble.json" \
  -dnsserver "127.0.0.1:$DNS_PORT" >"$WORK/pebble.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 100); do curl -fsk "https://127.0.0.1:$PEBBLE_PORT/dir" >/dev/null && break; sleep 0.2; done

# One loop: `count` certificates for fresh names, one after the other.
loop() {
  local server=$1 tag=$2 count=$3
  for i in $(seq 1 "$count"); do
    LEGO_CA_CERTIFICATES="$WORK/pebble-cert.pem" lego --accept-tos --server "$server" \
      --email "bench@bench.test" --key-type ec256 --domains "$tag-$i.bench.example.com" \
      --http --http.webroot "$WORK/webroot" --path "$WORK/lego-$tag" run >>"$WORK/lego-$tag.log" 2>&1 ||
      { echo "lego failed against $server; see below" >&2; tail -n 20 "$WORK/lego-$tag.log" >&2; return 1; }
  done
}

# Certificates per second for `loops` parallel loops of `per` certificates each.
measure() {
  local name=$1 server=$2 loops=$3 per=$4
  local start end
  start=$(date +%s.%N)
  local jobs=()
  for l in $(seq 1 "$loops"); do
    loop "$server" "$name-$loops-$l" "$per" &
    jobs+=($!)
  done
  for j in "${jobs[@]}"; do wait "$j"; done
  end=$(date +%s.%N)
  python3 -c "import sys; n=$loops*$per; t=$end-$start; print(f'{sys.argv[1]:<10} {sys.argv[2]:<22} {n:>4} certificates in {t:7.2f} s = {n/t:6.2f} certificates/s')" \
    "$name" "$loops loop(s) x $per"
}

echo "==> lego (HTTP-01, P-256): $N sequential, then $PARALLEL parallel loops of $N"
measure rootline "http://127.0.0.1:$ROOTLINE_PORT/acme/directory" 1 "$N"
measure pebble "https://127.0.0.1:$PEBBLE_PORT/dir" 1 "$N"
measure rootline "http://127.0.0.1:$ROOTLINE_PORT/acme/directory" "$PARALLEL" "$N"
measure pebble "https://127.0.0.1:$PEBBLE_PORT/dir" "$PARALLEL" "$N"
