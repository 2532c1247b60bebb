import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, signedInAdministrator, test, waitForHydration } from "./support";
import { publish, uniqueDomain } from "./orders-support";

// Multi-Perspective Issuance Corroboration (TLS BR 3.2.2.9) as a customer meets it: a Rootline
// server of its own, configured with five remote perspectives (`server perspective serve`, each
// asking its own `server dns-serve`), over mutual TLS with certificates made here by OpenSSL.
// A perspective's DNS can be made to answer otherwise, as a hijack seen from one network would.
// The server is a private CA (`ROOTLINE_PUBLIC_TRUST` unset); five perspectives are enough for
// the quorum on any date, so their outcome decides.
const ROOT = path.resolve(__dirname, "..", "..");
const SERVER_BIN = process.env.ROOTLINE_BIN ?? path.join(ROOT, "target", "debug", "server");
const PORT = Number(process.env.E2E_PORT ?? 3101) + 60;
const BASE = `http://127.0.0.1:${PORT}`;
const SMTP = Number(process.env.E2E_SMTP ?? 2525);
const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 5353);
const PERSPECTIVE_PORT = PORT + 100;
const PERSPECTIVE_DNS_PORT = DNS_PORT + 200;
const REGIONS = ["arin", "ripe", "apnic", "arin", "ripe"];

let dir = "";
const processes: ChildProcess[] = [];
let serverLog = "";

/// What perspective `i`'s DNS server answers.
function perspectiveRecords(i: number, txt: Record<string, string[]>) {
  writeFileSync(path.join(dir, `dns-${i}.json`), JSON.stringify({ txt }));
}

function openssl(...args: string[]) {
  execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
}

/// A CA, and a leaf it issues with `extensions` (OpenSSL's extension-file syntax).
function makeCertificates() {
  const key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
  for (const ca of ["perspectives-ca", "primary-ca"]) {
    openssl("req", "-x509", ...key, "-keyout", `${ca}.key`, "-out", `${ca}.pem`, "-days", "2", "-subj", `/CN=${ca}`);
  }
  const leaf = (name: string, ca: string, extensions: string) => {
    openssl("req", "-new", ...key, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", `/CN=${name}`);
    writeFileSync(path.join(dir, `${name}.ext`), extensions);
    openssl(
      "x509", "-req", "-in", `${name}.csr`, "-CA", `${ca}.pem`, "-CAkey", `${ca}.key`,
      "-CAcreateserial", "-days", "2", "-out", `${name}.pem`, "-extfile", `${name}.ext`,
    );
  };
  leaf("perspective", "perspectives-ca", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
  leaf("primary", "primary-ca", "extendedKeyUsage=clientAuth\n");
}

/// Starts `args` of the server binary and keeps its output for the failure message.
function start(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(SERVER_BIN, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    serverLog += chunk.toString();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  processes.push(child);
  return child;
}

async function waitUntil(what: string, ready: () => Promise<boolean>) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (processes.some((p) => p.exitCode !== null)) throw new Error(`a process stopped while waiting for ${what}:\n${serverLog}`);
    try {
      if (await ready()) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${what} not ready within 60 s:\n${serverLog}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ROOTLINE_")));
}

test.use({ baseURL: BASE });

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "rootline-mpic-"));
  makeCertificates();
  const env = { ...cleanEnv(), RUST_LOG: "warn", NO_COLOR: "1" };
  const listening: string[] = [];
  for (let i = 0; i < REGIONS.length; i++) {
    perspectiveRecords(i, {});
    start(["dns-serve", "--listen", `127.0.0.1:${PERSPECTIVE_DNS_PORT + i}`, "--records", path.join(dir, `dns-${i}.json`)], env);
    start(
      [
        "perspective", "serve", "--name", `p${i}`, "--region", REGIONS[i],
        "--listen", `127.0.0.1:${PERSPECTIVE_PORT + i}`,
        "--cert", path.join(dir, "perspective.pem"), "--key", path.join(dir, "perspective.key"),
        "--client-ca", path.join(dir, "primary-ca.pem"),
        "--dns", `127.0.0.1:${PERSPECTIVE_DNS_PORT + i}`,
      ],
      env,
    );
    listening.push(`p${i}:${REGIONS[i]}:https://127.0.0.1:${PERSPECTIVE_PORT + i}`);
  }
  await waitUntil("the perspectives", async () =>
    REGIONS.every((_, i) => serverLog.includes(`Perspective p${i} (${REGIONS[i]}) answering`)),
  );
  const server = start(["serve"], {
    ...cleanEnv(),
    ROOTLINE_LISTEN: `127.0.0.1:${PORT}`,
    ROOTLINE_PUBLIC_URL: BASE,
    ROOTLINE_DATA_DIR: path.join(dir, "data"),
    ROOTLINE_SMTP_URL: `smtp://127.0.0.1:${SMTP}`,
    ROOTLINE_SITE_ROOT: path.join(ROOT, "target", "site"),
    ROOTLINE_DNS_RESOLVER: `127.0.0.1:${DNS_PORT}`,
    ROOTLINE_DNSSEC_TRUST_ANCHOR: path.join(ROOT, "server", "tests", "dev-dns.anchor"),
    ROOTLINE_DCV_HTTP_HOST: "127.0.0.1",
    ROOTLINE_DCV_ALLOW_PRIVATE_ADDRESSES: "true",
    ROOTLINE_CAA_IDENTITIES: "rootline.test",
    ROOTLINE_CLIENT_LIMIT_SCALE: "100",
    ROOTLINE_PERSPECTIVES: listening.join(","),
    ROOTLINE_PERSPECTIVES_CA: path.join(dir, "perspectives-ca.pem"),
    ROOTLINE_PERSPECTIVE_CLIENT_CERT: path.join(dir, "primary.pem"),
    ROOTLINE_PERSPECTIVE_CLIENT_KEY: path.join(dir, "primary.key"),
    RUST_LOG: "warn",
    NO_COLOR: "1",
  });
  void server;
  await waitUntil("the server", async () => (await fetch(`${BASE}/healthz`)).ok);
});

test.afterAll(async () => {
  for (const p of processes) {
    if (p.exitCode === null) {
      const stopped = new Promise((r) => p.once("exit", r));
      p.kill("SIGTERM");
      await stopped;
    }
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/// Adds `domain` (DNS TXT) on the domains page; returns its value.
async function addDomain(page: Page, domain: string): Promise<string> {
  await page.goto("/domains");
  await waitForHydration(page);
  await page.getByLabel("Domain name", { exact: true }).fill(domain);
  await page.getByRole("button", { name: "Add domain" }).click();
  const row = page.getByRole("row").filter({ hasText: domain });
  await expect(row).toBeVisible();
  const how = (await row.locator(".mono").innerText()).trim();
  return how.split(": ").pop()!.trim();
}

/// Publishes `value` at the primary's DNS and at every perspective's, except that the
/// perspectives in `hijacked` see an attacker's value.
function publishEverywhere(domain: string, value: string, hijacked: number[]) {
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [domain]: [value] };
  });
  for (let i = 0; i < REGIONS.length; i++) {
    perspectiveRecords(i, { [domain]: [hijacked.includes(i) ? "the-attackers-value" : value] });
  }
}

test("a domain is validated only when the remote perspectives see what the CA sees, and each one's answer is shown", async ({ page }) => {
  await signedInAdministrator(page, "mpic", "Corroborated Ltd");
  // A private installation says so on every page.
  await expect(page.getByTestId("private-ca-note")).toContainText("not publicly trusted");

  // One perspective of five sees another value: outvoted, the domain is verified.
  const seen = uniqueDomain("mpic-seen");
  publishEverywhere(seen, await addDomain(page, seen), [1]);
  const row = page.getByRole("row").filter({ hasText: seen });
  await row.getByRole("button", { name: "Verify Now" }).click();
  const verified = page.getByRole("row").filter({ hasText: seen });
  await expect(verified).toContainText("Verified");
  const round = verified.getByTestId("corroboration");
  await expect(round.locator("summary")).toContainText(/DNS TXT record: [45] of 5 remote perspectives agreed \(corroborated\)/);
  await round.locator("summary").click();
  const answers = round.getByRole("list", { name: "Checked from other networks" });
  await expect(answers.getByRole("listitem").filter({ hasText: "Saw the same" }).first()).toBeVisible();
  await expect(answers).toContainText(/p0 \(arin\)|p2 \(apnic\)/);

  // Two of five see another value: the validation is refused and says what they saw.
  const hijacked = uniqueDomain("mpic-hijacked");
  publishEverywhere(hijacked, await addDomain(page, hijacked), [1, 2]);
  await page.getByRole("row").filter({ hasText: hijacked }).getByRole("button", { name: "Verify Now" }).click();
  const refused = page.getByRole("row").filter({ hasText: hijacked });
  await expect(refused).toContainText(/remote network perspectives saw the same, fewer than the rules allow/);
  await expect(refused).toContainText("p1 (ripe)");
  await expect(refused).not.toContainText("Verified");
  await expect(refused.getByTestId("corroboration").locator("summary")).toContainText("(not corroborated)");
});
