import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { PHONE, activate, expect, serverCli, signIn, signedInAdministrator, test, waitForHydration } from "../tests/support";
import { grantCredits } from "../tests/billing-support";
import { csrFor, publish, uniqueDomain, wizard } from "../tests/orders-support";

const OUT = path.join(__dirname, "..", "..", "docs", "screenshots");

/// The page as it is, at desktop width (1280 px) and on a phone (390 px), full length.
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(OUT, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(OUT, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("the tour's pages", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/sign-in");
  await shoot(page, "sign-in");

  const org = "Example Retail Pvt Ltd";
  await signedInAdministrator(page, "tour", org);
  await grantCredits(browser, org, "500.00");
  await page.goto("/");
  await shoot(page, "overview");

  const domain = uniqueDomain("shop");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-tour-"));
  await wizard(page, async (p) => {
    await p.getByLabel("Paste a CSR").check();
    await p.getByLabel("CSR (PEM)").fill(csrFor(dir, domain));
    await p.getByLabel("CSR (PEM)").blur();
  });
  await shoot(page, "new-request-summary");
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  const id = page.url().match(/\/orders\/(\d+)/)![1];
  await shoot(page, "order-pending");

  const next = page.getByRole("region", { name: "Next step" });
  const name = (await next.getByTestId("record-name").textContent())!.trim().replace(/\.$/, "");
  const value = (await next.getByTestId("record-value").textContent())!.trim();
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [name]: [value] };
  });
  await waitForHydration(page);
  await next.getByRole("button", { name: "Verify now" }).click();
  await expect(page.getByTestId("certificate-state")).toHaveText("Valid");
  await shoot(page, "order-issued");

  await page.locator("summary", { hasText: "Revoke certificate" }).click();
  await page.getByLabel("Reason (RFC 5280)").selectOption({ label: "Superseded" });
  await page.locator("#revoke-remarks").fill("Replaced by a new key");
  await page.getByRole("button", { name: "Continue to revoke" }).click();
  await expect(page.getByTestId("confirm-reason")).toHaveText("Superseded");
  await shoot(page, "revoke-confirm");
  await page.getByRole("button", { name: "Revoke certificate" }).click();
  await expect(page).toHaveURL(new RegExp(`/orders/${id}\\?done=revoked$`));

  await page.goto("/orders");
  await shoot(page, "orders");
  await page.goto("/domains");
  await shoot(page, "domains");
  await page.goto("/billing");
  await shoot(page, "billing");

  // The phone's menu, opened.
  await page.setViewportSize(PHONE);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).locator("summary", { hasText: "Menu" }).click();
  await page.screenshot({ path: path.join(OUT, "menu-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The design catalogue, as an operator sees it.
  const email = `tour.ops.${Date.now()}@example.com`;
  const link = serverCli("create-operator", "--email", email).match(/http:\/\/\S+\/activate\/[A-Za-z0-9_-]{43}/)![0];
  const context = await browser.newContext();
  const ops = await context.newPage();
  await activate(ops, link, "operator pass 42");
  // Signing in before the activation's answer arrived would abandon it.
  await expect(ops).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(ops, email, "operator pass 42");
  await expect(ops.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await ops.goto("/design");
  await shoot(ops, "design");
  await context.close();
});
