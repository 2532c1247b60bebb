import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type BrowserContext, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import path from "node:path";

const MAIL_HTTP = Number(process.env.E2E_MAIL_HTTP ?? 2580);
export const DATA_DIR = path.join(__dirname, "..", ".run", "data");
export const DB_FILE = path.join(DATA_DIR, "rootline.db");
const SERVER_BIN = process.env.ROOTLINE_BIN ?? path.join(__dirname, "..", "..", "target", "debug", "server");
const PORT = Number(process.env.E2E_PORT ?? 3101);
/// The test server's own address (E2E_PORT moves it, so several suites can run at once).
export const BASE = `http://127.0.0.1:${PORT}`;

/// Runs the server binary's command line against the test server's database.
export function serverCli(...args: string[]): string {
  return execFileSync(SERVER_BIN, args, {
    env: {
      ...process.env,
      ROOTLINE_DATA_DIR: DATA_DIR,
      ROOTLINE_PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      RUST_LOG: "warn",
    },
  }).toString();
}

/// Every test fails on a browser console error (hydration mismatches are logged there).
export const test = base.extend<{ consoleErrors: string[]; fitsPhone: void }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        // A refused request (4xx) is an answer the page shows; a 5xx or a script error is a fault.
        const refused = /^Failed to load resource: the server responded with a status of 4\d\d/;
        if (msg.type() === "error" && !refused.test(msg.text())) errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      // The Content-Security-Policy is enforced: anything it blocks (an inline script without
      // the response's nonce, a style, an outside host) fails the test, not just the feature.
      // Chromium logs most violations as console errors; the event catches the rest.
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          console.error(`Content Security Policy violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
        });
      });
      await use(errors);
      expect(errors, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
  // Every page a test visits must also work on a 390 px phone: after the test, each address
  // it saw is opened again at that width, in the same browser context (same session), and
  // must not scroll sideways; where the portal's menu is, it must open from its button. "This
  // server" is the test's baseURL (a spec running a server of its own sets it with test.use).
  fitsPhone: [
    async ({ context, browser, baseURL }, use, testInfo) => {
      const visited = new Map<BrowserContext, Set<string>>();
      const watch = (ctx: BrowserContext) => {
        const urls = new Set<string>();
        visited.set(ctx, urls);
        const onPage = (p: Page) =>
          p.on("framenavigated", (frame) => {
            if (frame === p.mainFrame()) urls.add(frame.url());
          });
        ctx.pages().forEach(onPage);
        ctx.on("page", onPage);
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const ctx = await newContext(options);
        watch(ctx);
        return ctx;
      };
      await use();
      browser.newContext = newContext;
      // A test that failed already says why; a second complaint would only hide it.
      if (testInfo.status !== testInfo.expectedStatus) return;
      for (const [ctx, urls] of visited) {
        await expectFitsPhone(ctx, [...urls], baseURL ?? BASE);
      }
    },
    { auto: true },
  ],
});
export { expect };

export const PHONE = { width: 390, height: 844 };

/// Opens each address of the server at `base` in `ctx` at phone width and checks it fits: no
/// sideways scrolling (`scrollWidth` ≤ the viewport), and the menu reachable from its button.
export async function expectFitsPhone(ctx: BrowserContext, urls: string[], base = BASE) {
  const own = urls.filter((u) => u.startsWith(`${base}/`) || u === base);
  if (own.length === 0) return;
  let phone: Page;
  try {
    phone = await ctx.newPage();
  } catch {
    return; // the test closed its context
  }
  try {
    await phone.setViewportSize(PHONE);
    for (const url of own) {
      let response;
      try {
        response = await phone.goto(url);
      } catch {
        continue; // a download, not a page
      }
      if (!response || !(response.headers()["content-type"] ?? "").includes("text/html")) continue;
      await expectPageFitsPhone(phone, url);
      await expectAccessible(phone, url);
    }
  } finally {
    await phone.close();
  }
}

/// The page as it is now, at its current (phone) width: nothing wider than the viewport, and
/// the portal's menu opens from its button.
export async function expectPageFitsPhone(page: Page, what = page.url()) {
  const { scrollWidth, viewport, widest } = await page.evaluate(() => {
    const viewport = window.innerWidth;
    // What sticks out, leaving out what scrolls inside its own box (a wide table's cells).
    const scrolls = (e: Element) => {
      for (let p = e.parentElement; p; p = p.parentElement) {
        if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) return true;
      }
      return false;
    };
    const widest = [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > viewport + 1 && !scrolls(e))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} (${Math.round(e.getBoundingClientRect().right)} px)`);
    return { scrollWidth: document.documentElement.scrollWidth, viewport, widest };
  });
  expect(scrollWidth, `${what} is ${scrollWidth} px wide on a ${viewport} px phone: ${widest.join(", ")}`).toBeLessThanOrEqual(viewport);
  const nav = page.getByRole("navigation", { name: "Main" });
  if ((await nav.count()) === 1) {
    const menu = nav.locator("summary", { hasText: "Menu" });
    await expect(menu, `${what}: the phone menu's button`).toBeVisible();
    await expect(nav.getByRole("link", { name: "Overview" })).toBeHidden();
    await menu.click();
    await expect(nav.getByRole("link", { name: "Overview" }), `${what}: the menu opens`).toBeVisible();
  }
}

/// The pages axe has checked in this worker, by address with every number as `N`: one order's
/// page stands for all, but each page and each state its address names (`?done=…`) is checked.
const axeChecked = new Set<string>();

/// axe-core finds no serious or critical accessibility violation on the page as it is now
/// (with the phone menu open, when there is one).
export async function expectAccessible(page: Page, what = page.url()) {
  const url = new URL(what);
  const key = `${url.pathname}${url.search}`.replace(/\d+/g, "N");
  if (axeChecked.has(key)) return;
  let results;
  try {
    results = await new AxeBuilder({ page }).analyze();
  } catch (e) {
    // axe is a script: a context with JavaScript off cannot run it (its pages are the same
    // markup, which the tests with JavaScript check).
    if (String(e).includes("Frame cannot run scripts")) return;
    throw e;
  }
  axeChecked.add(key);
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

let counter = 0;
export function uniqueEmail(prefix = "user"): string {
  counter += 1;
  return `${prefix}.${Date.now()}.${counter}@example.com`;
}

export type Mail = { to: string[]; subject: string; text: string };

/// Waits for the n-th message (1-based) to an address to arrive at the SMTP sink.
export async function waitForMail(to: string, count = 1): Promise<Mail> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const res = await fetch(`http://127.0.0.1:${MAIL_HTTP}/messages?to=${encodeURIComponent(to)}`);
    const list = (await res.json()) as Mail[];
    if (list.length >= count) return list[count - 1];
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no mail #${count} for ${to} within 15 s`);
}

/// The subjects of every mail sent to `to`, in the order the sink got them.
export async function mailSubjects(to: string): Promise<string[]> {
  const res = await fetch(`http://127.0.0.1:${MAIL_HTTP}/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as Mail[]).map((m) => m.subject);
}

export async function mailCount(to: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${MAIL_HTTP}/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as Mail[]).length;
}

export function activationLink(mail: Mail): string {
  const match = mail.text.match(/https?:\/\/\S+\/activate\/[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error(`no activation link in: ${mail.text}`);
  return match[0];
}

export type SignUp = {
  kind?: "Enterprise" | "Partner";
  name?: string;
  email: string;
  mobile?: string;
  organization?: string;
  country?: string;
  acceptTerms?: boolean;
};

/// Fills and submits the sign-up form the way a person would: by labels.
export async function fillSignUp(page: Page, s: SignUp) {
  await page.goto("/sign-up");
  await fillOpenSignUp(page, s);
}

/// Fills and submits the sign-up form already open on `page`, without loading it again.
export async function fillOpenSignUp(page: Page, s: SignUp) {
  await page.getByRole("radio", { name: new RegExp(`^${s.kind ?? "Enterprise"}`) }).check();
  await page.getByLabel("Full name", { exact: true }).fill(s.name ?? "Asha Rao");
  await page.getByLabel("E-mail", { exact: true }).fill(s.email);
  await page.getByLabel("Mobile number", { exact: true }).fill(s.mobile ?? "+91 98450 12345");
  await page.getByLabel("Organization name", { exact: true }).fill(s.organization ?? "Example Pvt Ltd");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: s.country ?? "India" });
  if (s.acceptTerms ?? true) {
    await page.getByLabel(/I accept the terms/).check();
  }
  await page.getByRole("button", { name: "Create account" }).click();
}

/// Signs up as an Enterprise and returns the activation link from the e-mail.
export async function signUpAndGetLink(page: Page, s: SignUp): Promise<string> {
  await fillSignUp(page, s);
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  return activationLink(await waitForMail(s.email));
}

export async function activate(page: Page, link: string, password: string, confirmation = password) {
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Activate your account" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password", { exact: true }).fill(confirmation);
  await page.getByRole("button", { name: "Set password and activate" }).click();
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await submitSignIn(page, email, password);
}

/// The sign-in form's password label and button, in each language the portal speaks.
const SIGN_IN_FORM = {
  en: { password: "Password", button: "Sign in" },
  pl: { password: "Hasło", button: "Zaloguj się" },
} as const;

/// Fills in and submits the sign-in form already on the page, labelled in `lang`.
export async function submitSignIn(page: Page, email: string, password: string, lang: keyof typeof SIGN_IN_FORM = "en") {
  const form = SIGN_IN_FORM[lang];
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel(form.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: form.button, exact: true }).click();
}

/// Moves an address's activation links 26 years into the past, as if a day had gone by,
/// by editing the server's SQLite file (Python's sqlite3, which ships with Python).
export function expireActivationLinks(email: string) {
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute(
  "UPDATE user_tokens SET expires_at = '2000' || substr(expires_at, 5) "
  "WHERE user_id = (SELECT id FROM users WHERE email = ?)", (sys.argv[2],)).rowcount
db.commit()
print(n)
`;
  const out = execFileSync("python3", ["-c", script, DB_FILE, email.toLowerCase()]).toString().trim();
  if (out === "0") throw new Error(`no activation link to expire for ${email}`);
}

/// Waits until the page is ready for a person: the wasm has hydrated it, so browser-side
/// checks are live, or it is one of the plain HTML pages that load no wasm at all.
export async function waitForHydration(page: Page) {
  // The app marks <html data-hydrated> once the wasm has taken the page over; the server
  // marks <html data-static> on a page it serves without the bundle.
  await page.locator("html[data-hydrated], html[data-static]").waitFor({ state: "attached" });
  await page.waitForLoadState("networkidle");
}

/// Gives a user a built-in role in all their accounts by editing the server's SQLite file
/// (until the users page can do it).
export function setRole(email: string, role: string) {
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute(
  "UPDATE memberships SET role = ? WHERE user_id = (SELECT id FROM users WHERE email = ?)",
  (sys.argv[3], sys.argv[2])).rowcount
db.commit()
print(n)
`;
  const out = execFileSync("python3", ["-c", script, DB_FILE, email.toLowerCase(), role]).toString().trim();
  if (out === "0") throw new Error(`no membership for ${email}`);
}

/// A new Enterprise administrator, activated and signed in; returns the address.
export async function signedInAdministrator(page: Page, prefix: string, organization: string) {
  const email = uniqueEmail(prefix);
  const link = await signUpAndGetLink(page, { email, organization });
  await activate(page, link, "correct horse 42");
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(page, email, "correct horse 42");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  return email;
}

/// Turns on "multiple groups" for the account an address administers, as an operator would in
/// the console (tested there), by editing the server's SQLite file.
export function enableMultipleGroups(email: string) {
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute(
  "UPDATE accounts SET multiple_groups = 1 WHERE id IN (SELECT account_id FROM memberships "
  "WHERE user_id = (SELECT id FROM users WHERE email = ?))", (sys.argv[2],)).rowcount
db.commit()
print(n)
`;
  const out = execFileSync("python3", ["-c", script, DB_FILE, email.toLowerCase()]).toString().trim();
  if (out === "0") throw new Error(`no account for ${email}`);
}

/// A new operator user, created with the CLI as an operator would, activated and signed in on
/// `page`; returns their address.
export async function signedInOperator(page: Page): Promise<string> {
  const ops = uniqueEmail("ops");
  const link = serverCli("create-operator", "--email", ops).match(/http:\/\/\S+\/activate\/[A-Za-z0-9_-]{43}/)![0];
  await activate(page, link, "operator pass 42");
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(page, ops, "operator pass 42");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  return ops;
}
