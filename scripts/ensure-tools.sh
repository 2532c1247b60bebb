#!/usr/bin/env bash
# Installs what the tests need and a fresh machine of this kind lacks: Debian's Chromium, the
# end-to-end test packages (with Stripe's Node SDK), Razorpay's Python SDK, nginx, Knot DNS, the
# wasm32 target, a running PostgreSQL. Each step runs only when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  echo "==> adding the wasm32-unknown-unknown target (the browser bundle)"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "==> installing Debian's chromium (for the Playwright tests)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi

if ! command -v softhsm2-util >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
  echo "==> installing SoftHSM2 and OpenSSL (the PKCS#11 tests and the oracle for what the CA issues)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q softhsm2 openssl
fi

if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdffonts >/dev/null 2>&1; then
  echo "==> installing poppler-utils (pdftotext and pdffonts read the invoices and credit notes back in tests)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q poppler-utils
fi

if ! command -v lego >/dev/null 2>&1 || ! command -v certbot >/dev/null 2>&1; then
  echo "==> installing the ACME clients the ACME tests drive (Debian's lego and certbot)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q lego certbot
fi

if ! command -v zopfli >/dev/null 2>&1; then
  echo "==> installing zopfli (the bundle's gzip files, 6 % smaller than gzip -9)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q zopfli
fi

# Knot's daemon and key tools live in /usr/sbin, which a non-root PATH may lack.
have_sbin() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ]; }
if ! have_sbin knotd || ! have_sbin keymgr || ! command -v kzonesign >/dev/null 2>&1 || ! command -v kdig >/dev/null 2>&1; then
  echo "==> installing Knot DNS (the signed zones the DNSSEC tests of DCV and CAA validate against)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q knot knot-dnsutils knot-dnssecutils
  # The tests start their own knotd on a free port; the packaged service is not needed.
  if command -v systemctl >/dev/null 2>&1; then as_root systemctl disable --now knot >/dev/null 2>&1 || true; fi
fi

if ! command -v nginx >/dev/null 2>&1; then
  echo "==> installing Debian's nginx (the load balancer in front of three nodes in the several-nodes test)"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx
fi

if ! command -v lint_cabf_serverauth_cert >/dev/null 2>&1; then
  echo "==> installing pkilint (CA/Browser Forum conformance of what the CA issues)"
  python3 -m pip install --quiet pkilint
fi

if ! command -v schemathesis >/dev/null 2>&1; then
  echo "==> installing schemathesis (checks the REST API against its OpenAPI document)"
  python3 -m pip install --quiet schemathesis
fi

if ! python3 -c 'import razorpay' >/dev/null 2>&1; then
  echo "==> installing the Razorpay SDK (confirms the webhook signatures the Razorpay adapter's tests check)"
  python3 -m pip install --quiet razorpay
fi

# The npm `stripe` package signs the Stripe adapter's test webhooks: an older checkout of
# end2end/node_modules without it needs `npm ci` again.
if [ ! -d end2end/node_modules/@playwright/test ] || [ ! -f end2end/node_modules/stripe/package.json ]; then
  echo "==> installing the end-to-end test packages (npm ci, no browser download; includes stripe)"
  (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "==> starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
