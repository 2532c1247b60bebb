#!/usr/bin/env bash
# Fuzzes the parsers that face the network, each for SECONDS (default 600), one after another,
# and prints executions and crashes per target. Targets: csr, acme_jws, ocsp_request, rest_json,
# server_fn_form (or name some: scripts/fuzz.sh 60 csr ocsp_request).
#
# cargo fuzz with --sanitizer none works on the stable toolchain; the code under test forbids
# unsafe, so what the fuzzer finds is panics, overflows (debug assertions are on) and timeouts.
# Corpora live in fuzz/corpus/<target> (seeded here, grown by each run, not committed); a crash
# leaves its input in fuzz/artifacts/<target>: turn it into a regression test, then fix it.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${1:-600}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(csr acme_jws ocsp_request rest_json server_fn_form)
fi
# Instrumented builds differ from the test builds: keep them apart (and warm between runs).
export CARGO_TARGET_DIR=${ROOTLINE_FUZZ_TARGET_DIR:-$HOME/.cache/rootline-fuzz-target}
STATE=fuzz/.state
export ROOTLINE_FUZZ_STATE="$PWD/$STATE/ca"

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "==> installing cargo-fuzz (once)"
  cargo install cargo-fuzz --locked
fi

seed() {
  local target=$1 file=$2
  mkdir -p "fuzz/corpus/$target"
  cp "$file" "fuzz/corpus/$target/seed-$(basename "$file")"
}

# The seeds: real requests made by OpenSSL, so the fuzzer starts from inputs that go deep.
if [ ! -f "$STATE/ready" ]; then
  echo "==> making the CA the OCSP target answers from, and the seed corpora"
  rm -rf "$STATE"
  mkdir -p "$ROOTLINE_FUZZ_STATE" "$STATE/seeds"
  # The plain server build of the tests (warm there), not an instrumented one.
  TEST_TARGET_DIR=${ROOTLINE_TEST_TARGET_DIR:-$HOME/.cache/rootline-target}
  CARGO_TARGET_DIR="$TEST_TARGET_DIR" cargo build -q -p server --bin server
  SERVER="$STATE/server"
  cp "$TEST_TARGET_DIR/debug/server" "$SERVER"
  export ROOTLINE_DATA_DIR="$ROOTLINE_FUZZ_STATE"
  "$SERVER" ca init >/dev/null
  s=$STATE/seeds
  for name in ec-P-256 rsa-2048; do
    case $name in
      ec-P-256) key=(-newkey ec -pkeyopt ec_paramgen_curve:P-256) ;;
      *) key=(-newkey rsa:2048) ;;
    esac
    openssl req -new "${key[@]}" -nodes -keyout "$s/$name.key" -subj "/CN=www.example.com" \
      -addext "subjectAltName=DNS:www.example.com,DNS:example.com" -out "$s/$name.csr"
    openssl req -in "$s/$name.csr" -outform DER -out "$s/$name.csr.der"
    seed csr "$s/$name.csr"
    seed csr "$s/$name.csr.der"
    "$SERVER" ca issue --profile tls-dv --csr "$s/$name.csr" --out "$s/$name.chain.pem" >/dev/null
    openssl x509 -in "$s/$name.chain.pem" -out "$s/$name.pem"
  done
  # The issuing CA is the second certificate of a chain.
  awk '/BEGIN/{n++} n==2' "$s/ec-P-256.chain.pem" >"$s/issuer.pem"
  serial=$(openssl x509 -in "$s/rsa-2048.pem" -noout -serial | cut -d= -f2)
  "$SERVER" ca revoke --serial "$serial" --reason keyCompromise >/dev/null
  for name in ec-P-256 rsa-2048; do
    openssl ocsp -issuer "$s/issuer.pem" -cert "$s/$name.pem" -reqout "$s/$name.ocsp" -no_nonce >/dev/null
    openssl ocsp -issuer "$s/issuer.pem" -cert "$s/$name.pem" -reqout "$s/$name.nonce.ocsp" >/dev/null
    seed ocsp_request "$s/$name.ocsp"
    seed ocsp_request "$s/$name.nonce.ocsp"
    base64 -w0 "$s/$name.ocsp" >"$s/$name.ocsp.b64"
    seed ocsp_request "$s/$name.ocsp.b64"
  done
  openssl ocsp -issuer "$s/issuer.pem" -cert "$s/ec-P-256.pem" -cert "$s/rsa-2048.pem" \
    -reqout "$s/both.ocsp" >/dev/null
  seed ocsp_request "$s/both.ocsp"
  cp -R fuzz/seeds/. fuzz/corpus/
  touch "$STATE/ready"
fi
mkdir -p fuzz/corpus
cp -Rn fuzz/seeds/. fuzz/corpus/ 2>/dev/null || true

echo "==> building the fuzz targets (instrumented, release)"
cargo fuzz build --sanitizer none --fuzz-dir fuzz

summary=()
status=0
for target in "${TARGETS[@]}"; do
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  log=$(mktemp)
  echo "==> $target for ${SECONDS_PER_TARGET}s"
  set +e
  cargo fuzz run --sanitizer none --fuzz-dir fuzz "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  corpus=$(find "fuzz/corpus/$target" -type f | wc -l)
  crashes=$(find "fuzz/artifacts/$target" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    tail -n 40 "$log"
  fi
  summary+=("$(printf '%-16s %12s execs %8s/s  corpus %6s  crashes %s' "$target" "${execs:-?}" "${rate:-?}" "$corpus" "$crashes")")
  rm -f "$log"
done

echo
echo "==> fuzzing summary (${SECONDS_PER_TARGET}s per target, $(date -u +%Y-%m-%d))"
printf '%s\n' "${summary[@]}"
exit $status
