import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, signedInAdministrator, test, waitForHydration } from "./support";
import { grantCredits } from "./billing-support";
import { csrFor, publish, uniqueDomain, wizard } from "./orders-support";

/// The orders whose names include `domain`, as the order list finds them.
async function ordersFor(page: Page, domain: string): Promise<number> {
  await page.goto(`/orders?domain=${encodeURIComponent(domain)}`);
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  return page.locator("table tbody tr").count();
}

test("without JavaScript a DV certificate is ordered step by step with a pasted CSR and issued; the last step posted again places nothing twice", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const org = `Plain Order ${Date.now()}`;
  await signedInAdministrator(page, "plainorder", org);
  await grantCredits(browser, org, "300.00");
  const domain = uniqueDomain("plain");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-plain-"));

  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto("/orders/new");
  const heading = (name: string) => plain.getByRole("heading", { level: 2, name });
  await expect(heading("Product & validity")).toBeVisible();
  await plain.getByRole("button", { name: "Next" }).click();
  // Each step is a post answered with a redirect: a reload shows the same step, never a resubmission.
  await expect(plain).toHaveURL(/\/orders\/new\?form=[A-Za-z0-9_-]+$/);
  const token = new URL(plain.url()).searchParams.get("form")!;
  await expect(heading("Requester")).toBeVisible();
  await plain.reload();
  await expect(heading("Requester")).toBeVisible();
  await plain.getByRole("button", { name: "Next" }).click();
  await expect(heading("CSR")).toBeVisible();

  // The key cannot be made here without script, and the step says what to do instead.
  await expect(plain.getByText("needs JavaScript, which is off")).toBeVisible();
  await plain.getByRole("button", { name: "Next" }).click();
  await expect(heading("CSR")).toBeVisible();
  await expect(plain.locator(".field-error", { hasText: "Paste the CSR, upload its file, or submit it later" })).toBeVisible();

  await plain.getByLabel("Paste a CSR").check();
  await plain.getByLabel("CSR (PEM)").fill(csrFor(dir, domain));
  await plain.getByRole("button", { name: "Next" }).click();
  await expect(heading("Certificate details")).toBeVisible();
  // Back keeps what was typed: the CSR is still there.
  await plain.getByRole("button", { name: "Back" }).click();
  await expect(heading("CSR")).toBeVisible();
  await expect(plain.getByLabel("CSR (PEM)")).toHaveValue(/BEGIN CERTIFICATE REQUEST/);
  await plain.getByRole("button", { name: "Next" }).click();
  await plain.getByLabel("Domain names (one per line; the first is the main one)").fill(domain);
  await plain.getByRole("button", { name: "Next" }).click();
  await expect(heading("Additional information")).toBeVisible();
  await plain.getByLabel("Reporting tags (comma-separated)").fill("plain, e2e");
  await plain.getByRole("button", { name: "Next" }).click();
  await expect(heading("Summary & payment")).toBeVisible();
  await expect(plain.locator("dl.details")).toContainText(domain);
  await plain.getByRole("button", { name: "Pay Now" }).click();
  await expect(plain).toHaveURL(/\/orders\/\d+\?done=placed$/);
  const id = plain.url().match(/\/orders\/(\d+)/)![1];

  // The last step posted again, twice at once (a double click, a retry): the same order each time.
  const again = () =>
    plain.request.post("/api/orders/wizard-step", {
      multipart: { form_token: token, step: "5", go: "pay", product_id: "0", names: domain },
      // As a browser posts a form: it asks for a page, and is sent on with a redirect.
      headers: { accept: "text/html" },
      maxRedirects: 0,
    });
  for (const response of await Promise.all([again(), again()])) {
    expect([302, 303]).toContain(response.status());
    expect(response.headers()["location"]).toBe(`/orders/${id}?done=placed`);
  }
  // Back to the summary: the page says the form placed its order and offers no second payment.
  await plain.goto(`/orders/new?form=${token}`);
  await expect(plain.getByTestId("form-placed")).toContainText(`order #${id}`);
  await expect(plain.getByRole("button", { name: "Pay Now" })).toHaveCount(0);
  expect(await ordersFor(plain, domain)).toBe(1);

  // The order page, still without script, leads with the record; Verify now issues the certificate.
  await plain.goto(`/orders/${id}`);
  const next = plain.getByRole("region", { name: "Next step" });
  const name = (await next.getByTestId("record-name").textContent())!.trim().replace(/\.$/, "");
  const value = (await next.getByTestId("record-value").textContent())!.trim();
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [name]: [value] };
  });
  await next.getByRole("button", { name: "Verify now" }).click();
  await expect(plain).toHaveURL(new RegExp(`/orders/${id}\\?done=verified$`));
  await expect(plain.getByTestId("order-status")).toHaveText("Order Fulfilled");
  await expect(plain.getByTestId("certificate-serial")).not.toBeEmpty();
  await noJs.close();
});

test("with JavaScript a Pay Now the browser sends twice places one order", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const org = `Twice Paid ${Date.now()}`;
  await signedInAdministrator(page, "twicepaid", org);
  await grantCredits(browser, org, "300.00");
  const domain = uniqueDomain("twice");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-twice-"));
  await wizard(page, async (p) => {
    await p.getByLabel("Paste a CSR").check();
    await p.getByLabel("CSR (PEM)").fill(csrFor(dir, domain));
    await p.getByLabel("CSR (PEM)").blur();
  });
  await waitForHydration(page);
  // The browser's post of the order reaches the server twice (a retry on a flaky network).
  const placed: number[] = [];
  await page.route("**/api/orders/place", async (route) => {
    const first = await route.fetch();
    const second = await route.fetch();
    for (const r of [first, second]) placed.push((await r.json()).id);
    await route.fulfill({ response: second });
  });
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  expect(placed).toHaveLength(2);
  expect(placed[0]).toBe(placed[1]);
  expect(page.url()).toContain(`/orders/${placed[0]}?`);
  expect(await ordersFor(page, domain)).toBe(1);
});

test("without JavaScript an S/MIME order is placed from its form; a refused post keeps what was typed and says why", async ({
  page,
  browser,
}) => {
  const org = `Plain Mailbox ${Date.now()}`;
  await signedInAdministrator(page, "plainmail", org);
  await grantCredits(browser, org, "100.00");
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto("/orders/smime/new");
  await expect(plain.getByTestId("smime-price")).toContainText("29.00");
  // The CSR fields stay out of the way while "later" is chosen, without script too.
  await expect(plain.getByLabel("CSR (PEM)")).toBeHidden();
  await plain.getByLabel("E-mail ID for the certificate").fill("not an address");
  await plain.locator("#smime-remarks").fill("Für Zażółć");
  await plain.getByRole("button", { name: "Place order and pay" }).click();
  await expect(plain).toHaveURL(/\/orders\/smime\/new\?form=[A-Za-z0-9_-]+$/);
  await expect(plain.locator(".field-error").first()).toBeVisible();
  await expect(plain.getByLabel("E-mail ID for the certificate")).toHaveValue("not an address");
  await expect(plain.locator("#smime-remarks")).toHaveValue("Für Zażółć");

  const mailbox = `mailbox-${Date.now()}@example.com`;
  await plain.getByLabel("E-mail ID for the certificate").fill(mailbox);
  await plain.getByRole("button", { name: "Place order and pay" }).click();
  await expect(plain).toHaveURL(/\/orders\/\d+\/smime\?done=placed$/);
  const id = plain.url().match(/\/orders\/(\d+)\/smime/)![1];
  await expect(plain.locator("body")).toContainText(mailbox);
  // The same form opened again offers no second payment.
  await plain.goBack();
  await expect(plain.getByTestId("form-placed")).toContainText(`order #${id}`);
  await noJs.close();
});
