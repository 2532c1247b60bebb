import type { Browser, Page } from "@playwright/test";
import { expect, signedInAdministrator, signedInOperator, test, waitForMail } from "./support";

/// The operator's payments queue, in a browser of the operator's own; `act` decides there.
async function asOperator(browser: Browser, act: (queue: Page) => Promise<void>) {
  const context = await browser.newContext();
  const queue = await context.newPage();
  await signedInOperator(queue);
  await queue.goto("/operator/payments");
  await act(queue);
  await context.close();
}

test("a bank transfer is credited once the operator approves it; a withdrawal is held, then paid out or released", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const organization = `Paying Customer ${Date.now()}`;
  const email = await signedInAdministrator(page, "payer", organization);

  // Online payment is not configured here, and the page says so rather than pretending.
  await page.goto("/billing/add-credits");
  await expect(page.getByText("Online payment is not configured on this portal")).toBeVisible();
  // A bank transfer: zero is refused on its field and records nothing.
  const offline = page.getByRole("region", { name: "Offline payment (bank transfer)" });
  await offline.getByLabel("Amount (USD)").fill("0");
  await offline.getByLabel("Date paid").fill("2026-12-01");
  await offline.getByLabel("Bank reference").fill("UTR0000001");
  await offline.getByRole("button", { name: "Submit offline payment" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /greater than zero|more than zero|above zero/i }).first()).toBeVisible();
  await page.goto("/billing/add-credits");
  await expect(page.getByRole("region", { name: "Your payments" })).toContainText("No payments yet.");
  const form = page.getByRole("region", { name: "Offline payment (bank transfer)" });
  await form.getByLabel("Amount (USD)").fill("250");
  await form.getByLabel("Date paid").fill("2026-12-01");
  await form.getByLabel("Bank reference").fill("UTR0000001");
  await form.getByRole("button", { name: "Submit offline payment" }).click();
  await expect(page.getByRole("status")).toContainText("your payment is recorded");
  await expect(page.getByRole("region", { name: "Your payments" })).toContainText("Pending");

  await asOperator(browser, async (queue) => {
    const row = queue.getByTestId("queued-payment").filter({ hasText: organization });
    await expect(row).toContainText("USD 250.00");
    await row.getByRole("button", { name: "Approve and credit" }).click();
    await expect(queue.getByRole("status")).toContainText("Decision saved");
  });
  await waitForMail(email, 2);
  await page.goto("/billing");
  await expect(page.getByTestId("account-balance")).toHaveText("USD 250.00");

  // A withdrawal needs bank details first; then more than the balance is refused.
  await page.goto("/billing/withdraw");
  await expect(page.getByText("Save your bank details before requesting a withdrawal.")).toBeVisible();
  const bank = page.getByRole("region", { name: "Bank details" });
  await bank.getByLabel("Account holder's name").fill("Paying Customer Ltd");
  await bank.getByLabel("Bank name").fill("Deutsche Bank");
  await bank.getByLabel("IBAN").fill("DE89 3704 0044 0532 0130 00");
  await bank.getByLabel("SWIFT/BIC").fill("DEUTDEFF");
  await bank.getByRole("button", { name: "Save bank details" }).click();
  await expect(page.getByRole("status")).toContainText("Bank details saved");
  const ask = async (amount: string) => {
    const region = page.getByRole("region", { name: "Request a withdrawal" });
    await region.getByLabel("Amount (USD)").fill(amount);
    await region.getByRole("button", { name: "Request withdrawal" }).click();
  };
  await ask("300");
  await expect(page.getByRole("alert").first()).toBeVisible();
  await page.goto("/billing/withdraw");
  await expect(page.getByTestId("held-balance")).toHaveText("USD 0.00");
  await ask("100");
  await expect(page.getByRole("status")).toContainText("Withdrawal requested");
  await expect(page.getByTestId("held-balance")).toHaveText("USD 100.00");
  await expect(page.getByTestId("account-balance")).toHaveText("USD 150.00");
  await ask("50");
  await expect(page.getByRole("status")).toContainText("Withdrawal requested");
  await expect(page.getByTestId("held-balance")).toHaveText("USD 150.00");

  // The operator pays out the first and rejects the second with a reason.
  await asOperator(browser, async (queue) => {
    const first = queue.getByTestId("queued-withdrawal").filter({ hasText: organization }).filter({ hasText: "USD 100.00" });
    await first.getByRole("button", { name: "Mark paid out" }).click();
    await expect(queue.getByRole("status")).toContainText("Decision saved");
    const second = queue.getByTestId("queued-withdrawal").filter({ hasText: organization }).filter({ hasText: "USD 50.00" });
    await second.locator("summary", { hasText: "Reject" }).click();
    await second.getByLabel("Reason the customer will read").fill("The IBAN belongs to another company.");
    await second.getByRole("button", { name: "Reject" }).click();
    await expect(queue.getByRole("status")).toContainText("Decision saved");
  });
  await page.goto("/billing/withdraw");
  // 250 credited, 100 paid out, 50 released back.
  await expect(page.getByTestId("held-balance")).toHaveText("USD 0.00");
  await expect(page.getByTestId("account-balance")).toHaveText("USD 150.00");
  const withdrawals = page.getByRole("region", { name: "Your withdrawals" });
  await expect(withdrawals).toContainText("Paid out");
  await expect(withdrawals).toContainText("Rejected (released)");
});
