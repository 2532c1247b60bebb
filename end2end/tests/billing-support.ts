import type { Browser } from "@playwright/test";
import { activate, expect, serverCli, signIn, uniqueEmail } from "./support";

/// An operator grants credits to a customer account, in the operator console, in a browser of
/// their own.
export async function grantCredits(browser: Browser, organization: string, amount: string) {
  const ops = uniqueEmail("ops");
  const link = serverCli("create-operator", "--email", ops).match(/http:\/\/\S+\/activate\/[A-Za-z0-9_-]{43}/)![0];
  const context = await browser.newContext();
  const page = await context.newPage();
  await activate(page, link, "operator pass 42");
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(page, ops, "operator pass 42");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.goto("/operator/accounts");
  await page.getByRole("link", { name: `Credits of ${organization}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Credits" })).toBeVisible();
  await page.locator("#grant-amount").fill(amount);
  await page.locator("#grant-remarks").fill("Opening balance for the end-to-end test");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.getByRole("status")).toContainText("The credits were granted.");
  await context.close();
}
