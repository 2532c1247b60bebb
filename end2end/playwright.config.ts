import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const runDir = path.join(__dirname, ".run");
export const PORT = Number(process.env.E2E_PORT ?? 3101);
export const MAIL_HTTP = Number(process.env.E2E_MAIL_HTTP ?? 2580);
const SMTP = Number(process.env.E2E_SMTP ?? 2525);
// The HTTPS listener for certificate sign-in.
export const TLS_PORT = Number(process.env.E2E_TLS_PORT ?? 3443);
// The test DNS server that domain validation and CAA checks ask (records in .run/dns.json).
export const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 5353);
// Where the server fetches HTTP validation files and ACME HTTP-01 answers (lego listens there).
export const DCV_HTTP_PORT = Number(process.env.E2E_DCV_HTTP_PORT ?? 5380);
const serverBin = process.env.ROOTLINE_BIN ?? path.join(root, "target/debug/server");
/// The server binary the tests run, and the folder their servers keep their data in.
export const SERVER_BIN = serverBin;
export const RUN_DIR = runDir;

// Two Certificate Transparency logs of two operators (`server ct-log serve`, keys made by
// OpenSSL once per checkout): every public TLS certificate the suite issues is logged as a
// precertificate first and carries both logs' SCTs.
export const CT_PORTS = [0, 1].map((i) => Number(process.env.E2E_CT_PORT ?? 6962) + i);
function ctLogKey(i: number): { key: string; spki: string } {
  const dir = path.join(runDir, "ct");
  fs.mkdirSync(dir, { recursive: true });
  const key = path.join(dir, `log${i}.key`);
  if (!fs.existsSync(key)) {
    execFileSync("openssl", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key]);
  }
  const spki = execFileSync("openssl", ["pkey", "-in", key, "-pubout", "-outform", "DER"]).toString("base64");
  return { key, spki };
}
export const CT_LOGS = CT_PORTS.map((_, i) => ctLogKey(i));

/// The environment of a Rootline test server listening on `port` with its data in `dataDir`:
/// the suite's SMTP sink, test DNS server and validation settings. A spec that needs a server
/// configured otherwise (tests/payments-online.spec.ts) starts one with this and its own
/// additions.
export function rootlineEnv(port: number, dataDir: string): Record<string, string> {
  return {
    ROOTLINE_LISTEN: `127.0.0.1:${port}`,
    ROOTLINE_PUBLIC_URL: `http://127.0.0.1:${port}`,
    ROOTLINE_DATA_DIR: dataDir,
    ROOTLINE_SMTP_URL: `smtp://127.0.0.1:${SMTP}`,
    ROOTLINE_SITE_ROOT: path.join(root, "target/site"),
    ROOTLINE_DNS_RESOLVER: `127.0.0.1:${DNS_PORT}`,
    // The test DNS signs its answers under a test root: validate DNSSEC to that root's key.
    ROOTLINE_DNSSEC_TRUST_ANCHOR: path.join(root, "server/tests/dev-dns.anchor"),
    ROOTLINE_DCV_HTTP_PORT: String(DCV_HTTP_PORT),
    ROOTLINE_DCV_HTTP_HOST: "127.0.0.1",
    // The challenge servers listen on loopback, which validation refuses by default.
    ROOTLINE_DCV_ALLOW_PRIVATE_ADDRESSES: "true",
    ROOTLINE_CAA_IDENTITIES: "rootline.test",
    // An interim DV certificate is revoked as soon as its order's own certificate issues.
    ROOTLINE_INTERIM_DV_GRACE_HOURS: "0",
    // The operator is registered for GST in Maharashtra (27): INR orders carry GST.
    ROOTLINE_GSTIN: "27AAPFU0939F1ZV",
    // Every test signs up and tracks orders from 127.0.0.1: the per-client allowances
    // (ten sign-ups an hour…) are meant for one person, not the whole suite.
    ROOTLINE_CLIENT_LIMIT_SCALE: "100",
    ROOTLINE_CT_LOGS: CT_LOGS.map((l, i) => `e2e-log${i} e2e-operator${i} http://127.0.0.1:${CT_PORTS[i]}/ ${l.spki}`).join(","),
    RUST_LOG: "info,sqlx=warn,sea_orm=warn",
  };
}

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // One worker: the tests share one server whose sign-in throttle counts per client address.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: [
    {
      command: "node mail-sink.mjs",
      url: `http://127.0.0.1:${MAIL_HTTP}/`,
      env: { SMTP_PORT: String(SMTP), HTTP_PORT: String(MAIL_HTTP) },
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `mkdir -p "${runDir}" && echo '{}' > "${runDir}/dns.json" && exec "${serverBin}" dns-serve --listen 127.0.0.1:${DNS_PORT} --records "${runDir}/dns.json"`,
      port: DNS_PORT,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    ...CT_LOGS.map((log, i) => ({
      command: `exec "${serverBin}" ct-log serve --listen 127.0.0.1:${CT_PORTS[i]} --key "${log.key}"`,
      port: CT_PORTS[i],
      reuseExistingServer: false,
      stdout: "ignore" as const,
    })),
    {
      command: `rm -rf "${runDir}/data" && mkdir -p "${runDir}" && exec "${serverBin}" serve`,
      url: `http://127.0.0.1:${PORT}/healthz`,
      env: {
        ...rootlineEnv(PORT, path.join(runDir, "data")),
        // Browsers refuse passkeys for an IP address; the passkey tests use this host name.
        ROOTLINE_PASSKEY_ORIGIN: `http://localhost:${PORT}`,
        ROOTLINE_TLS_LISTEN: `127.0.0.1:${TLS_PORT}`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
