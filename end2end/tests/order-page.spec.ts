import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, signedInAdministrator, test, waitForHydration } from "./support";
import { grantCredits } from "./billing-support";
import { csrFor, publish, uniqueDomain, wizard } from "./orders-support";

/// Places a paid DV order for `domain` with a pasted CSR; returns its id.
async function placeOrder(page: Page, dir: string, domain: string, file: string): Promise<string> {
  await wizard(page, async (p) => {
    await p.getByLabel("Paste a CSR").check();
    await p.getByLabel("CSR (PEM)").fill(csrFor(dir, domain, file));
    await p.getByLabel("CSR (PEM)").blur();
  });
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  return page.url().match(/\/orders\/(\d+)/)![1];
}

test("a pending DV order leads with the exact DNS record to publish, and Verify now issues it", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const org = `Next step ${Date.now()}`;
  await signedInAdministrator(page, "next", org);
  await grantCredits(browser, org, "200.00");
  const domain = uniqueDomain("next");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-next-"));
  const id = await placeOrder(page, dir, domain, "leaf");

  const next = page.getByRole("region", { name: "Next step" });
  await expect(next).toBeVisible();
  await expect(next.getByTestId("record-record-type")).toHaveText("TXT");
  const name = (await next.getByTestId("record-name").textContent())!.trim();
  const value = (await next.getByTestId("record-value").textContent())!.trim();
  expect(name.replace(/\.$/, "")).toContain(domain);
  expect(value.length).toBeGreaterThan(20);
  // No empty CSR box and no red button lead the page: the CSR is in, cancelling is behind its own button.
  await expect(page.getByLabel("CSR (PEM)")).toBeHidden();
  await expect(page.getByRole("button", { name: "Cancel order" })).toBeHidden();

  // Pressed before the record exists: an error that says so, never a success banner.
  await waitForHydration(page);
  await next.getByRole("button", { name: "Verify now" }).click();
  const failed = page.getByRole("alert").filter({ hasText: "Not verified yet" });
  await expect(failed).toBeVisible();
  await expect(failed).toHaveClass(/alert-error/);

  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [name.replace(/\.$/, "")]: [value] };
  });
  await page.getByRole("region", { name: "Next step" }).getByRole("button", { name: "Verify now" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${id}\\?done=verified$`));
  await expect(page.getByRole("status")).toContainText("Domain control verified.");
  await expect(page.getByTestId("certificate-state")).toHaveText("Valid");
  await expect(page.getByRole("region", { name: "Next step" })).toHaveCount(0);
});

test("revoking asks again on a page that names the certificate and the reason; key compromise needs the name typed", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const org = `Revoke ${Date.now()}`;
  await signedInAdministrator(page, "revoke", org);
  await grantCredits(browser, org, "300.00");
  const domain = uniqueDomain("revoke");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-revoke-"));
  const id = await placeOrder(page, dir, domain, "first");
  const next = page.getByRole("region", { name: "Next step" });
  const name = (await next.getByTestId("record-name").textContent())!.trim().replace(/\.$/, "");
  const value = (await next.getByTestId("record-value").textContent())!.trim();
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [name]: [value] };
  });
  await waitForHydration(page);
  await next.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByTestId("certificate-state")).toHaveText("Valid");
  const serial = (await page.getByTestId("certificate-serial").textContent())!.trim();

  // With script: the disclosure opens the form; Continue leads to the confirm page, nothing revoked yet.
  await page.locator("summary", { hasText: "Revoke certificate" }).click();
  await page.getByLabel("Reason (RFC 5280)").selectOption({ label: "Key compromise" });
  await page.locator("#revoke-remarks").fill("The laptop was stolen");
  await page.getByRole("button", { name: "Continue to revoke" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${id}/revoke\\?`));
  await expect(page.getByTestId("confirm-serial")).toHaveText(serial);
  await expect(page.getByTestId("confirm-names")).toHaveText(domain);
  await expect(page.getByTestId("confirm-reason")).toHaveText("Key compromise");
  await waitForHydration(page);
  await page.getByLabel(`Type ${domain} to confirm that its private key is compromised`).fill("not the name");
  await page.getByRole("button", { name: "Revoke certificate" }).click();
  await expect(page.getByRole("alert")).toContainText(`Type ${domain} to confirm`);
  await page.goto(`/orders/${id}`);
  await expect(page.getByTestId("certificate-state")).toHaveText("Valid");

  await page.goBack();
  await waitForHydration(page);
  await page.getByLabel(`Type ${domain} to confirm that its private key is compromised`).fill(domain);
  await page.getByRole("button", { name: "Revoke certificate" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${id}\\?done=revoked$`));
  const state = page.getByTestId("certificate-state");
  await expect(state).toHaveText("Revoked");
  await expect(state).toHaveClass(/badge-danger/);
  await expect(page.getByTestId("revocation-note")).toHaveClass(/alert-danger/);
  await expect(page.locator("summary", { hasText: "Revoke certificate" })).toHaveCount(0);

  // The order list shows the revocation beside "fulfilled".
  await page.goto("/orders");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `#${id}` }) });
  await expect(row.getByTestId("order-certificate-state")).toHaveText("Certificate revoked");

  // Without script: a second certificate for the same (now verified) domain, revoked through the same two pages.
  const second = await placeOrder(page, dir, domain, "second");
  await expect(page.getByTestId("certificate-state")).toHaveText("Valid");
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto(`/orders/${second}`);
  await plain.locator("summary", { hasText: "Revoke certificate" }).click();
  await plain.getByLabel("Reason (RFC 5280)").selectOption({ label: "Superseded" });
  await plain.locator("#revoke-remarks").fill("Replaced by a new key");
  await plain.getByRole("button", { name: "Continue to revoke" }).click();
  await expect(plain.getByTestId("confirm-reason")).toHaveText("Superseded");
  await expect(plain.getByRole("textbox")).toHaveCount(0);
  await plain.getByRole("button", { name: "Revoke certificate" }).click();
  await expect(plain).toHaveURL(new RegExp(`/orders/${second}\\?done=revoked$`));
  await expect(plain.getByTestId("certificate-state")).toHaveText("Revoked");
  await noJs.close();
});
