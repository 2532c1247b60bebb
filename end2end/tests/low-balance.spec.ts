import type { Page } from "@playwright/test";
import { grantCredits } from "./billing-support";
import { expect, mailCount, signedInAdministrator, test, uniqueEmail, waitForMail } from "./support";

/// Requests a withdrawal of `amount` (USD): the amount is held at once, so the balance drops.
async function withdraw(page: Page, amount: string) {
  await page.goto("/billing/withdraw");
  const region = page.getByRole("region", { name: "Request a withdrawal" });
  await region.getByLabel("Amount (USD)").fill(amount);
  await region.getByRole("button", { name: "Request withdrawal" }).click();
  await expect(page.getByRole("status")).toContainText("Withdrawal requested");
}

test("an administrator's low balance alert mails once when the balance drops below it, and every page shows the banner", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const organization = `Low Balance ${Date.now()}`;
  await signedInAdministrator(page, "lowbal", organization);
  await grantCredits(browser, organization, "100");
  const alerts = uniqueEmail("alerts");

  // Bad input is refused on its fields, and the form comes back as typed.
  await page.goto("/settings/low-balance-alerts");
  await expect(page.getByRole("heading", { level: 1, name: "Low balance alerts" })).toBeVisible();
  const account = page.getByRole("region", { name: "Account balance" });
  await expect(account).toContainText("USD 100.00");
  await account.getByLabel("Threshold amount (USD)").fill("0");
  await account.getByLabel("Notification e-mail addresses").fill("not-an-address");
  await account.getByRole("button", { name: "Save alert" }).click();
  const refused = page.getByRole("region", { name: "Account balance" });
  await expect(refused.getByText("Enter an amount greater than zero.")).toBeVisible();
  await expect(refused.getByText('"not-an-address" is not an e-mail address.')).toBeVisible();
  await expect(refused.getByLabel("Threshold amount (USD)")).toHaveValue("0");
  await expect(refused.getByLabel("Notification e-mail addresses")).toHaveValue("not-an-address");
  await expect(refused.getByText("Not set", { exact: true })).toBeVisible();

  // A threshold of 50 with one address.
  await refused.getByLabel("Send low account balance alerts").check();
  await refused.getByLabel("Threshold amount (USD)").fill("50");
  await refused.getByLabel("Notification e-mail addresses").fill(alerts);
  await refused.getByRole("button", { name: "Save alert" }).click();
  await expect(page.getByRole("status")).toContainText("The low balance alert was saved.");
  const saved = page.getByRole("region", { name: "Account balance" });
  await expect(saved.getByLabel("Threshold amount (USD)")).toHaveValue("50.00");
  await expect(saved.getByLabel("Notification e-mail addresses")).toHaveValue(alerts);
  await expect(saved.getByText("On", { exact: true })).toBeVisible();
  await expect(page.getByTestId("low-balance-banner")).toHaveCount(0);

  // Withdrawals need bank details; a hold of 60 takes the balance from 100 to 40.
  await page.goto("/billing/withdraw");
  const bank = page.getByRole("region", { name: "Bank details" });
  await bank.getByLabel("Account holder's name").fill("Low Balance Ltd");
  await bank.getByLabel("Bank name").fill("Deutsche Bank");
  await bank.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  await bank.getByLabel("SWIFT/BIC").fill("DEUTDEFF");
  await bank.getByRole("button", { name: "Save bank details" }).click();
  await expect(page.getByRole("status")).toContainText("Bank details saved");
  await withdraw(page, "60");

  const mail = await waitForMail(alerts);
  expect(mail.subject).toContain("Low balance");
  expect(mail.text).toContain("USD 40.00");
  expect(mail.text).toContain("USD 50.00");
  expect(mail.text).toContain(`/billing/add-credits`);

  // Every page says so, with the way to add credits.
  await page.goto("/");
  const banner = page.getByTestId("low-balance-banner");
  await expect(banner).toHaveText("Your balance (USD 40.00) is below the alert threshold (USD 50.00). Add credits");
  await page.goto("/orders");
  await expect(banner).toBeVisible();
  const addCredits = banner.getByRole("link", { name: "Add credits", exact: true });
  await expect(addCredits).toHaveAttribute("href", "/billing/add-credits");
  await addCredits.click();
  await expect(page).toHaveURL(/\/billing\/add-credits$/);
  await expect(page.getByRole("heading", { level: 1, name: "Add credits" })).toBeVisible();

  // Still below after the next hold: no second mail.
  await withdraw(page, "10");
  await expect(page.getByTestId("low-balance-banner")).toContainText("USD 30.00");
  await page.waitForTimeout(3_000);
  expect(await mailCount(alerts)).toBe(1);

  await page.goto("/settings/low-balance-alerts");
  await expect(page.getByRole("region", { name: "Account balance" })).toContainText("Below threshold: alert sent");
});
