#!/usr/bin/env bash
# OCSP latency while the delegate's PIN download is flooded (finding 9 of issue 18): each PIN
# attempt costs an Argon2 check, and a flood of them used to keep the async workers busy
# hashing while OCSP requests waited. Measures OCSP POST latency (p50, p99, max over N
# requests) at rest and under FLOOD concurrent PIN posts for unknown orders; prints figures,
# asserts nothing. The per-client allowance is scaled up (ROOTLINE_CLIENT_LIMIT_SCALE) so the
# flood reaches Argon2 instead of being refused at the door.
#
#   SERVER_BIN=target/debug/server scripts/bench-ocsp-flood.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET_DIR=${CARGO_TARGET_DIR:-target}
N=${N:-300}
FLOOD=${FLOOD:-32}
PORT=${PORT:-14300}
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

export ROOTLINE_DATA_DIR="$WORK/data" ROOTLINE_LISTEN="127.0.0.1:$PORT" \
  ROOTLINE_PUBLIC_URL="http://127.0.0.1:$PORT" ROOTLINE_CLIENT_LIMIT_SCALE=10000 \
  ROOTLINE_SITE_ROOT="$WORK/site" RUST_LOG=warn
mkdir -p "$WORK/site"
"$SERVER" ca init >/dev/null 2>&1
"$SERVER" ca list >/dev/null 2>&1
"$SERVER" serve >"$WORK/server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$PORT/ca/tls.crt" -o "$WORK/tls.pem"
# A request for a serial the CA never issued, with a nonce, so every answer is signed afresh
# (nonce-less answers are kept in memory and would measure the cache instead).
openssl ocsp -issuer "$WORK/tls.pem" -serial 0x0102030405060708 -reqout "$WORK/req.der" >/dev/null 2>&1

python3 - "$PORT" "$N" "$FLOOD" "$WORK/req.der" <<'PY'
import sys, time, threading, http.client, statistics, random
port, n, flood, req_path = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
req = open(req_path, "rb").read()

def ocsp_latencies():
    conn = http.client.HTTPConnection("127.0.0.1", port)
    out = []
    for _ in range(n):
        t = time.perf_counter()
        conn.request("POST", "/ocsp", body=req, headers={"Content-Type": "application/ocsp-request"})
        r = conn.getresponse(); r.read()
        assert r.status == 200, r.status
        out.append((time.perf_counter() - t) * 1000)
    return sorted(out)

def figures(name, xs):
    p = lambda q: xs[min(len(xs) - 1, int(q * len(xs)))]
    print(f"{name:<28} p50 {p(0.50):7.1f} ms   p99 {p(0.99):7.1f} ms   max {xs[-1]:7.1f} ms")

figures("OCSP at rest", ocsp_latencies())

stop = threading.Event()
attempts = [0]
def flooder():
    conn = http.client.HTTPConnection("127.0.0.1", port)
    while not stop.is_set():
        body = f"order_id={random.randint(100000, 999999)}&pin=12345678&format=pem"
        conn.request("POST", "/download/certificate", body=body,
                     headers={"Content-Type": "application/x-www-form-urlencoded",
                              "Origin": f"http://127.0.0.1:{port}"})
        r = conn.getresponse(); r.read()
        attempts[0] += 1
threads = [threading.Thread(target=flooder, daemon=True) for _ in range(flood)]
for t in threads: t.start()
time.sleep(2)
started, before = time.perf_counter(), attempts[0]
figures(f"OCSP under {flood} PIN floods", ocsp_latencies())
rate = (attempts[0] - before) / (time.perf_counter() - started)
stop.set()
print(f"PIN attempts answered during the flood: {rate:.0f}/s")
PY
