import type { Browser } from "@playwright/test";
import { expect, signedInOperator } from "./support";

/// An operator grants credits to a customer account, in the operator console, in a browser of
/// their own.
export async function grantCredits(browser: Browser, organization: string, amount: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signedInOperator(page);
  await page.goto("/operator/accounts");
  await page.getByRole("link", { name: `Credits of ${organization}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Credits" })).toBeVisible();
  await page.locator("#grant-amount").fill(amount);
  await page.locator("#grant-remarks").fill("Opening balance for the end-to-end test");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.getByRole("status")).toContainText("The credits were granted.");
  await context.close();
}
