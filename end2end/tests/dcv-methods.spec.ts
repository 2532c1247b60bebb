import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { RUN_DIR, SERVER_BIN, rootlineEnv } from "../playwright.config";
import { publish, uniqueDomain } from "./orders-support";
import { expect, signedInAdministrator, test, waitForHydration, waitForMail } from "./support";

// The validation methods of issue 24 through the portal: the persistent DNS record (TLS BR
// 3.2.2.4.22) on the suite's shared server, published on the test DNS server and verified;
// and the e-mail to the DNS CAA contact (3.2.2.4.13) on a second server whose operator turned
// the DNS contact methods on (ROOTLINE_DCV_EMAIL_CONTACT_METHODS), as the shared one has not.
// The test clock is the real one: on these dates the e-mail methods are discouraged, so the
// page warns beside the choice; the date rules themselves are tested in the service tests.

/// The domains table's row of `domain`.
function row(page: Page, domain: string) {
  return page.getByRole("table", { name: "Domains" }).getByRole("row", { name: new RegExp(domain.replace(/\./g, "\\.")) });
}

async function addDomain(page: Page, domain: string, method: string) {
  await page.getByLabel("Domain name").fill(domain);
  await page.getByLabel("Validation method", { exact: true }).selectOption({ label: method });
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByRole("table", { name: "Domains" })).toContainText(domain);
}

test.describe("on the shared server", () => {
  test("a persistent DNS record verifies a domain, and the page shows the account's accounturi", async ({ page }) => {
    await signedInAdministrator(page, "persist", "Persist Ltd");
    await page.goto("/domains");
    await waitForHydration(page);

    // The account's values, to copy: this CA's issuer domain name and the account URI.
    const card = page.getByRole("region", { name: "Persistent DNS record" });
    await expect(card).toBeVisible();
    await expect(card.getByTestId("persist-issuer")).toHaveText("rootline.test");
    const accountUri = (await card.getByTestId("persist-account-uri").textContent())!.trim();
    expect(accountUri).toMatch(/^acct:\d+@127\.0\.0\.1$/);
    await expect(card.getByRole("button", { name: "Copy the value of Your account URI (accounturi)" })).toBeVisible();

    // The DNS contact e-mails are not offered here (the operator has not enabled them); the
    // constructed e-mail still is, with the warning beside the choice.
    const choice = page.getByLabel("Validation method", { exact: true });
    const options = await choice.locator("option").allTextContents();
    expect(options).toContain("Persistent DNS record");
    expect(options).toContain("Persistent DNS record, sub-domains included");
    expect(options).not.toContain("E-mail to the CAA contact");
    expect(options).not.toContain("E-mail to the DNS TXT contact");
    await expect(page.locator("#dcv-email-sunset")).toContainText("should not be used since");
    await expect(choice).toHaveAttribute("aria-describedby", "dcv-email-sunset");

    const domain = uniqueDomain("persist");
    await addDomain(page, domain, "Persistent DNS record");
    const mine = row(page, domain);
    const expected = `rootline.test; accounturi=${accountUri}`;
    await expect(mine.locator(".mono")).toContainText(`_validation-persist.${domain}: ${expected}`);

    // Nothing published: not yet.
    await mine.getByRole("button", { name: "Verify Now" }).click();
    await expect(page.getByRole("alert").filter({ hasText: `No TXT record was found at _validation-persist.${domain}` })).toBeVisible();

    // Another account's record does not do; the account's own does.
    publish((r) => {
      r.txt = { ...(r.txt ?? {}), [`_validation-persist.${domain}`]: [`rootline.test; accounturi=${accountUri}0`] };
    });
    await row(page, domain).getByRole("button", { name: "Verify Now" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "names another account" })).toBeVisible();
    publish((r) => {
      r.txt = { ...(r.txt ?? {}), [`_validation-persist.${domain}`]: [expected] };
    });
    await row(page, domain).getByRole("button", { name: "Verify Now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Domain control verified" })).toBeVisible();
    const verified = row(page, domain);
    await expect(verified).toContainText("Verified");
    await expect(verified).toContainText("TLS BR 3.2.2.4.22 (DNS TXT record with persistent value)");
    // The record stays in place and the page keeps showing it.
    await expect(verified.locator(".mono")).toContainText(expected);
  });

  test("the domains page works without JavaScript and on a phone", async ({ browser }) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await ctx.newPage();
    await signedInAdministrator(page, "persist-nojs", "Persist NoJS Ltd");
    await page.goto("/domains");
    const domain = uniqueDomain("persist-nojs");
    await addDomain(page, domain, "Persistent DNS record, sub-domains included");
    const card = page.getByRole("region", { name: "Persistent DNS record" });
    const accountUri = (await card.getByTestId("persist-account-uri").textContent())!.trim();
    publish((r) => {
      r.txt = {
        ...(r.txt ?? {}),
        [`_validation-persist.${domain}`]: [`rootline.test; accounturi=${accountUri}; policy=wildcard`],
      };
    });
    await row(page, domain).getByRole("button", { name: "Verify Now" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Domain control verified" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await ctx.close();
  });
});

const CONTACT_PORT = Number(process.env.E2E_DCV_CONTACT_PORT ?? 3104);
const CONTACT = `http://127.0.0.1:${CONTACT_PORT}`;
const CONTACT_DATA = path.join(RUN_DIR, "dcv-contact-data");

test.describe("where the operator enables the DNS contact e-mails", () => {
  test.use({ baseURL: CONTACT });
  let server: ChildProcess | undefined;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    mkdirSync(RUN_DIR, { recursive: true });
    rmSync(CONTACT_DATA, { recursive: true, force: true });
    const log = path.join(RUN_DIR, "dcv-contact-server.log");
    const out = openSync(log, "w");
    server = spawn(SERVER_BIN, ["serve"], {
      env: { ...process.env, ...rootlineEnv(CONTACT_PORT, CONTACT_DATA), ROOTLINE_DCV_EMAIL_CONTACT_METHODS: "true" },
      stdio: ["ignore", out, out],
    });
    closeSync(out);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`the server stopped:\n${readFileSync(log, "utf8").slice(-3000)}`);
      try {
        if ((await fetch(`${CONTACT}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`the server did not answer within 90 s:\n${readFileSync(log, "utf8").slice(-3000)}`);
  });

  test.afterAll(async () => {
    const child = server;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  });

  test("the e-mail to the CAA contact is offered with the warning, sent, and confirmed by its link", async ({ page }) => {
    await signedInAdministrator(page, "caa-contact", "Contact Ltd");
    await page.goto("/domains");
    await waitForHydration(page);
    const choice = page.getByLabel("Validation method", { exact: true });
    const options = await choice.locator("option").allTextContents();
    expect(options).toContain("E-mail to the CAA contact");
    expect(options).toContain("E-mail to the DNS TXT contact");
    await expect(page.locator("#dcv-email-sunset")).toContainText("may not be used at all");

    const domain = uniqueDomain("caa-contact");
    const contact = `dns-owner.${Date.now()}@example.com`;
    publish((r) => {
      r.caa = {
        ...(r.caa ?? {}),
        [domain]: [
          { flags: 0, tag: "issue", value: "rootline.test" },
          { flags: 0, tag: "contactemail", value: contact },
        ],
      };
    });
    await addDomain(page, domain, "E-mail to the CAA contact");
    await row(page, domain).getByRole("button", { name: "Send the e-mail" }).click();
    await expect(page.getByRole("status").filter({ hasText: `The validation e-mail went to ${contact}` })).toBeVisible();

    const mail = await waitForMail(contact);
    expect(mail.text).toContain("contactemail property of the CAA records");
    expect(mail.text).toContain("30 days");
    const link = mail.text.split(/\s+/).find((w) => w.includes("/dcv/confirm/"))!;
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText(`Control of ${domain} is confirmed`)).toBeVisible();

    await page.goto("/domains");
    const verified = row(page, domain);
    await expect(verified).toContainText("Verified");
    await expect(verified).toContainText("TLS BR 3.2.2.4.13 (e-mail to DNS CAA contact)");
  });

  test("the e-mail to the DNS TXT contact goes to the address at _validation-contactemail and is confirmed by its link", async ({
    page,
  }) => {
    await signedInAdministrator(page, "txt-contact", "Txt Contact Ltd");
    await page.goto("/domains");
    await waitForHydration(page);
    const domain = uniqueDomain("txt-contact");
    const contact = `dns-txt-owner.${Date.now()}@example.com`;
    publish((r) => {
      r.txt = { ...(r.txt ?? {}), [`_validation-contactemail.${domain}`]: [contact] };
    });
    await addDomain(page, domain, "E-mail to the DNS TXT contact");
    await row(page, domain).getByRole("button", { name: "Send the e-mail" }).click();
    await expect(page.getByRole("status").filter({ hasText: `The validation e-mail went to ${contact}` })).toBeVisible();

    const mail = await waitForMail(contact);
    expect(mail.text).toContain(`the TXT records at _validation-contactemail.${domain}`);
    const link = mail.text.split(/\s+/).find((w) => w.includes("/dcv/confirm/"))!;
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByText(`Control of ${domain} is confirmed`)).toBeVisible();

    await page.goto("/domains");
    const verified = row(page, domain);
    await expect(verified).toContainText("Verified");
    await expect(verified).toContainText("TLS BR 3.2.2.4.14");
  });
});
