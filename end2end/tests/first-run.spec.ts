import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import {
  activate,
  expect,
  type Mail,
  signIn,
  signedInAdministrator,
  test,
  uniqueEmail,
  waitForHydration,
} from "./support";
import { publish, sh, uniqueDomain, wizard } from "./orders-support";

// A server of its own, started as `make run` starts one: a fresh data folder, the embedded
// defaults (software keys) and nobody running `server ca init`. It shares the suite's mail
// sink and DNS server, and listens beside the suite's server.
const ROOT = path.resolve(__dirname, "..", "..");
const SERVER_BIN = process.env.ROOTLINE_BIN ?? path.join(ROOT, "target", "debug", "server");
const PORT = Number(process.env.E2E_PORT ?? 3101) + 50;
const BASE = `http://127.0.0.1:${PORT}`;
const SMTP = Number(process.env.E2E_SMTP ?? 2525);
const MAIL_HTTP = Number(process.env.E2E_MAIL_HTTP ?? 2580);
const DNS_PORT = Number(process.env.E2E_DNS_PORT ?? 5353);
const DCV_HTTP_PORT = Number(process.env.E2E_DCV_HTTP_PORT ?? 5380);
const HIERARCHY = ["root", "tls", "smime", "client", "codesign", "docsign"];

let server: ChildProcess | undefined;
let stderr = "";
let dataDir = "";

/// The environment of the runner without any Rootline setting, so nothing configured for
/// another server (a PKCS#11 module, a database) leaks into this one.
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("ROOTLINE_")));
}

function serverEnv(): NodeJS.ProcessEnv {
  return {
    ...cleanEnv(),
    ROOTLINE_LISTEN: `127.0.0.1:${PORT}`,
    ROOTLINE_PUBLIC_URL: BASE,
    ROOTLINE_DATA_DIR: dataDir,
    ROOTLINE_SMTP_URL: `smtp://127.0.0.1:${SMTP}`,
    ROOTLINE_SITE_ROOT: path.join(ROOT, "target", "site"),
    ROOTLINE_DNS_RESOLVER: `127.0.0.1:${DNS_PORT}`,
    ROOTLINE_DNSSEC_TRUST_ANCHOR: path.join(ROOT, "server", "tests", "dev-dns.anchor"),
    ROOTLINE_DCV_HTTP_PORT: String(DCV_HTTP_PORT),
    ROOTLINE_DCV_HTTP_HOST: "127.0.0.1",
    ROOTLINE_DCV_ALLOW_PRIVATE_ADDRESSES: "true",
    ROOTLINE_CAA_IDENTITIES: "rootline.test",
    ROOTLINE_CLIENT_LIMIT_SCALE: "100",
    RUST_LOG: "info,sqlx=warn,sea_orm=warn",
    NO_COLOR: "1",
  };
}

/// The server binary's command line against this server's data folder.
function cli(...args: string[]): string {
  return execFileSync(SERVER_BIN, args, { env: { ...serverEnv(), RUST_LOG: "warn" } }).toString();
}

/// Waits for the first message to `to` whose subject matches.
async function mailTo(to: string, subject: RegExp): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const res = await fetch(`http://127.0.0.1:${MAIL_HTTP}/messages?to=${encodeURIComponent(to)}`);
    const found = ((await res.json()) as Mail[]).find((m) => subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail to ${to} matching ${subject} within 15 s`);
}

/// An operator of this server grants credits in the operator console.
async function grantCredits(browser: Browser, organization: string, amount: string) {
  const ops = uniqueEmail("firstops");
  const link = cli("create-operator", "--email", ops).match(/http:\/\/\S+\/activate\/[A-Za-z0-9_-]{43}/)![0];
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  await activate(page, link, "operator pass 42");
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(page, ops, "operator pass 42");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.goto("/operator/accounts");
  await page.getByRole("link", { name: `Credits of ${organization}` }).click();
  await page.locator("#grant-amount").fill(amount);
  await page.locator("#grant-remarks").fill("Opening balance on a fresh server");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.getByRole("status")).toContainText("The credits were granted.");
  await context.close();
}

test.use({ baseURL: BASE });

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "rootline-first-run-"));
  server = spawn(SERVER_BIN, ["serve"], { env: serverEnv(), stdio: ["ignore", "ignore", "pipe"] });
  server.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server stopped at start:\n${stderr}`);
    try {
      if ((await fetch(`${BASE}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`no /healthz within 60 s:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const stopped = new Promise((r) => server!.once("exit", r));
    server.kill("SIGTERM");
    await stopped;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("a fresh server creates its CA hierarchy at first start, says so, and issues a DV order without `ca init`", async ({
  page,
  browser,
}) => {
  // The log names what it created; the CAs are served at once.
  const log = stderr.replace(/\x1b\[[0-9;]*m/g, "");
  expect(log).toContain(`first start: created the CA hierarchy ${HIERARCHY.join(", ")} (software keys, ECDSA P-256`);
  const listed = cli("ca", "list");
  for (const name of HIERARCHY) expect(listed).toContain(name);
  for (const name of HIERARCHY) expect((await page.request.get(`/ca/${name}.crt`)).status()).toBe(200);

  const org = `First Run ${Date.now()}`;
  const admin = await signedInAdministrator(page, "firstrun", org);
  await grantCredits(browser, org, "500.00");

  const domain = uniqueDomain("first");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-first-order-"));
  sh(dir, "openssl", [
    "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
    "-keyout", "key.pem", "-out", "req.csr", "-subj", `/CN=${domain}`, "-addext", `subjectAltName=DNS:${domain}`,
  ]);
  await wizard(
    page,
    async (p: Page) => {
      await p.getByLabel("Paste a CSR").check();
      await p.getByLabel("CSR (PEM)").fill(readFileSync(path.join(dir, "req.csr"), "utf8"));
      await p.getByLabel("CSR (PEM)").blur();
    },
    domain,
  );
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  const orderId = page.url().match(/\/orders\/(\d+)/)![1];

  // Domain control through DNS on the tracking page, as the confirmation mail tells.
  const mail = await mailTo(admin, new RegExp(`Order #${orderId} received`));
  const link = mail.text.match(/http:\/\/\S+\/track\/[A-Za-z0-9_-]{43}/)![0];
  expect(link.startsWith(BASE)).toBe(true);
  const track = await (await browser.newContext({ baseURL: BASE })).newPage();
  await track.goto(link);
  const value = (await track.getByTestId("dcv-value").textContent())!.trim();
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [domain]: [value] };
  });
  // The check's outcome is shown by the wasm, as the other tracking-page tests wait for.
  await waitForHydration(track);
  await track.getByRole("button", { name: "Verify Now" }).click();
  await expect(track.getByRole("status")).toContainText("Domain control verified");
  await expect(track.getByTestId("tracking-status")).toHaveText("Order Fulfilled");

  // The certificate chains to this server's own root and carries the ordered name and key.
  const pem = await (await page.request.get(`/orders/${orderId}/certificate/pem`)).text();
  writeFileSync(path.join(dir, "chain.pem"), pem);
  const [leaf] = pem.split(/(?<=-----END CERTIFICATE-----\n)/);
  writeFileSync(path.join(dir, "leaf.pem"), leaf);
  writeFileSync(path.join(dir, "root.pem"), await (await page.request.get("/ca/root.crt")).text());
  expect(sh(dir, "openssl", ["verify", "-CAfile", "root.pem", "-untrusted", "chain.pem", "leaf.pem"]).trim()).toBe("leaf.pem: OK");
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-ext", "subjectAltName"])).toContain(`DNS:${domain}`);
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-pubkey"])).toBe(
    sh(dir, "openssl", ["pkey", "-in", "key.pem", "-pubout"]),
  );

  // The operator's `server ca init` finds the whole hierarchy there and creates nothing.
  const init = cli("ca", "init");
  for (const name of HIERARCHY) expect(init).toMatch(new RegExp(`exists\\s+${name}\\b`));
  expect(init).not.toContain("created");
});
