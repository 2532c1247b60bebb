import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { grantCredits, workbookRows } from "./billing-support";
import { sh, uniqueDomain, wizard } from "./orders-support";
import {
  activate,
  activationLink,
  expect,
  fillSignUp,
  signIn,
  signedInOperator,
  test,
  uniqueEmail,
  waitForMail,
} from "./support";

/// A Partner application approved by an operator in the console; the partner's administrator
/// activates and signs in on `page`. Returns the partner's organization name.
async function approvedPartner(browser: Browser, page: Page, email: string): Promise<string> {
  const organization = `Resell Partners ${Date.now()}`;
  await fillSignUp(page, { kind: "Partner", email, organization, name: "Priya Nair" });
  await expect(page.getByRole("heading", { name: "Application received" })).toBeVisible();
  const ops = await browser.newContext();
  const console = await ops.newPage();
  await signedInOperator(console);
  await console.goto("/operator/accounts?status=pending_approval");
  await console.getByRole("listitem", { name: organization }).getByRole("button", { name: "Approve application" }).click();
  await expect(console.getByRole("status")).toContainText("approved");
  await ops.close();
  await activate(page, activationLink(await waitForMail(email, 2)), "partner pass 42");
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(page, email, "partner pass 42");
  await expect(page.getByRole("banner")).toContainText("Partner");
  return organization;
}

test("a partner opens a sub-account with a price list, approves its order at the partner price and suspends it", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const partnerEmail = uniqueEmail("partner");
  const partnerName = await approvedPartner(browser, page, partnerEmail);
  await grantCredits(browser, partnerName, "500");

  // A price list: the sub-accounts on it pay 75.00 for a DV SSL certificate.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sub-accounts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sub-accounts" })).toBeVisible();
  await page.getByLabel("Name of a new price list").fill("Gold resellers");
  await page.getByRole("button", { name: "Create the price list" }).click();
  await expect(page.getByTestId("price-list-name")).toHaveText("Gold resellers");
  // The order form starts at the longest validity: 199 days.
  const dvRow = page.getByTestId("list-price-row").filter({ hasText: "DV SSL" }).filter({ hasText: "USD" }).filter({ hasText: "199 days" });
  const partnerPrice = (await dvRow.locator("td").nth(3).innerText()).trim();
  expect(partnerPrice).toMatch(/^USD \d+\.\d\d$/);
  // A price below zero is refused on its field and nothing is saved.
  await dvRow.getByLabel(/^Price of DV SSL/).fill("-1");
  await dvRow.getByRole("button", { name: "Set" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "cannot be below zero" })).toBeVisible();
  await page.goto(page.url().split("?")[0]);
  const row = page.getByTestId("list-price-row").filter({ hasText: "DV SSL" }).filter({ hasText: "USD" }).filter({ hasText: "199 days" });
  await row.getByLabel(/^Price of DV SSL/).fill("75");
  await row.getByRole("button", { name: "Set" }).click();
  await expect(page.getByRole("status")).toContainText("The price is saved");

  // The sub-account, on the list, with its own administrator.
  await page.getByRole("link", { name: "Back to the sub-accounts" }).click();
  const subName = `Kiran Traders ${Date.now()}`;
  const subEmail = uniqueEmail("kiran");
  const form = page.getByRole("region", { name: "Open a sub-account" });
  await form.getByLabel("Organization name").fill(subName);
  await form.getByLabel("Country").selectOption({ label: "India" });
  await form.getByLabel("Currency").selectOption("USD");
  await form.getByLabel("Administrator's name").fill("Kiran Rao");
  await form.getByLabel("Administrator's e-mail").fill(subEmail);
  await form.getByLabel("Price list").selectOption({ label: "Gold resellers" });
  await expect(form.getByLabel("Its orders wait for our approval before they are paid")).toBeChecked();
  await form.getByRole("button", { name: "Open the sub-account" }).click();
  await expect(page.getByRole("status")).toContainText("The sub-account is open");
  const subRow = page.getByTestId("sub-account-row").filter({ hasText: subName });
  await expect(subRow.getByTestId("sub-account-status")).toHaveText("Pending activation");

  // The sub-account's administrator activates and orders; the order waits for the partner.
  const subContext = await browser.newContext();
  const sub = await subContext.newPage();
  await activate(sub, activationLink(await waitForMail(subEmail)), "kiran pass 42");
  await signIn(sub, subEmail, "kiran pass 42");
  const domain = uniqueDomain("sub");
  await wizard(sub, async (p) => p.getByLabel("Submit the CSR later").check(), domain);
  await expect(sub.getByTestId("live-price")).toContainText("USD 75.00");
  await sub.getByRole("button", { name: "Submit for approval" }).click();
  await expect(sub.getByTestId("order-status")).toHaveText("Order pending for parent approval");
  const orderUrl = sub.url();
  const orderId = orderUrl.match(/\/orders\/(\d+)/)![1];

  // The partner is mailed, sees both prices, and approves: its balance pays its own price.
  const notice = await waitForMail(partnerEmail, 3);
  expect(notice.subject).toContain(`#${orderId}`);
  await page.goto("/sub-accounts");
  const waiting = page.getByTestId("waiting-order").filter({ hasText: `#${orderId}` });
  await expect(waiting.getByTestId("sub-price")).toHaveText("USD 75.00");
  await expect(waiting.getByTestId("partner-price")).toHaveText(partnerPrice);
  await waiting.getByRole("button", { name: "Approve and pay" }).click();
  await expect(page.getByRole("status")).toContainText("approved and paid");
  await expect(page.getByTestId("sub-account-order").filter({ hasText: `#${orderId}` })).toContainText("Order Accepted");
  await page.goto("/billing");
  await expect(page.getByRole("table", { name: "Statement" })).toContainText(`Order #${orderId}`);
  const paid = Number(partnerPrice.replace(/[^\d.]/g, ""));
  await expect(page.getByTestId("account-balance")).toHaveText(`USD ${(500 - paid).toFixed(2)}`);

  // The sub-account's document is the partner's statement at the sub-account's price.
  await sub.goto(orderUrl);
  await expect(sub.getByTestId("order-status")).toHaveText("Order Accepted");
  const invoice = sub.getByRole("region", { name: "Invoice" });
  await expect(invoice).toContainText("PS-");
  const href = (await invoice.getByRole("link", { name: "Download invoice (PDF)" }).getAttribute("href"))!;
  const response = await sub.request.get(href);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-sub-"));
  writeFileSync(path.join(dir, "statement.pdf"), await response.body());
  const text = sh(dir, "pdftotext", ["-layout", "statement.pdf", "-"]);
  expect(text).toMatch(/Statement PS-\d{6}/);
  expect(text).toContain("USD 75.00");
  expect(text).toContain(partnerName);
  expect(text).toMatch(/not\s+a\s+tax\s+invoice/);
  // The partner's own price is the partner's business, not the sub-account's.
  if (partnerPrice !== "USD 75.00") expect(text).not.toContain(partnerPrice);

  // The orders report has the order with both prices and the margin, as Excel.
  await page.goto("/sub-accounts");
  const report = page.getByRole("region", { name: "Orders report" });
  await report.getByLabel("Sub-account").selectOption({ label: subName });
  const download = page.waitForEvent("download");
  await report.getByRole("button", { name: "Download the report (Excel)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("rootline-sub-account-orders.xlsx");
  const rows = workbookRows(await file.path());
  expect(rows[0].slice(0, 2)).toEqual(["Order", "Sub-account"]);
  expect(rows.length).toBe(2);
  expect(rows[1][0]).toBe(orderId);
  expect(rows[1][1]).toBe(subName);
  expect(Number(rows[1][5])).toBe(75);
  expect(Number(rows[1][7])).toBe(paid);
  expect(Number(rows[1][9])).toBeCloseTo(75 - paid, 2);
  // The partner reads the sub-account's ledger on the statement page.
  await page.getByTestId("sub-account-row").filter({ hasText: subName }).getByRole("link", { name: `Statement of ${subName}` }).click();
  await expect(page.getByRole("heading", { name: `Statement of the sub-account ${subName}` })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Account", exact: true })).toHaveValue(/^\d+$/);
  // The partner paid for the order, so the sub-account's own balance never moved.
  await expect(page.getByText("No transactions match these filters.")).toBeVisible();
  await expect(page.getByTestId("statement-balance")).toHaveText("USD 0.00");

  // Ordering on behalf: the partner chooses the sub-account in the wizard; the order is the
  // sub-account's, paid at once from the partner's balance at the partner price.
  await page.goto("/orders/new");
  const orderFor = page.getByRole("region", { name: "Order for" });
  await expect(orderFor.getByLabel("Account")).toHaveValue(/^\d+$/);
  await orderFor.getByLabel("Account").selectOption({ label: subName });
  await orderFor.getByRole("button", { name: "Order for this account" }).click();
  await expect(page.getByRole("region", { name: "Order for" })).toContainText(`This order is for the sub-account. ${partnerName} pays for it`);
  await expect(page.getByRole("banner")).toContainText(subName);
  await wizard(page, async (p) => p.getByLabel("Submit the CSR later").check(), uniqueDomain("behalf"));
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page.getByTestId("order-status")).not.toHaveText("Order pending for parent approval");
  const behalfId = page.url().match(/\/orders\/(\d+)/)![1];
  // Back to the partner through the same choice: the order is among the sub-account's, paid by the partner.
  await page.goto("/orders/new");
  await page.getByRole("region", { name: "Order for" }).getByLabel("Account").selectOption({ label: `${partnerName} (your account)` });
  await page.getByRole("region", { name: "Order for" }).getByRole("button", { name: "Order for this account" }).click();
  await expect(page.getByRole("region", { name: "Order for" })).toContainText("Choose a sub-account to order on its behalf");
  await page.goto("/billing");
  await expect(page.getByRole("table", { name: "Statement" })).toContainText(`Order #${behalfId}`);
  await expect(page.getByTestId("account-balance")).toHaveText(`USD ${(500 - 2 * paid).toFixed(2)}`);
  await page.goto("/sub-accounts");
  await expect(page.getByTestId("sub-account-order").filter({ hasText: `#${behalfId}` })).toBeVisible();

  // Suspended, the sub-account's session stops at its next request; reactivated, it works.
  await page.goto("/sub-accounts");
  await page.getByTestId("sub-account-row").filter({ hasText: subName }).getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByRole("status")).toContainText("The sub-account is suspended");
  await sub.goto("/orders");
  await expect(sub).toHaveURL(/\/sign-in/);
  await page.getByTestId("sub-account-row").filter({ hasText: subName }).getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByRole("status")).toContainText("active again");
  await signIn(sub, subEmail, "kiran pass 42");
  await expect(sub.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  // The sub-account is no partner: its own sub-accounts page refuses.
  await sub.goto("/sub-accounts");
  await expect(sub.getByRole("alert")).toContainText("Only partner accounts have sub-accounts");
  await subContext.close();
});
