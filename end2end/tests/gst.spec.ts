import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { grantCredits } from "./billing-support";
import { sh, uniqueDomain, wizard } from "./orders-support";
import { DB_FILE, expect, signedInAdministrator, test, waitForHydration } from "./support";

/// Makes the account an address administers pay in INR, as an operator would set it up, by
/// editing the server's SQLite file.
function payInInr(email: string) {
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute(
  "UPDATE accounts SET currency = 'INR' WHERE id IN (SELECT account_id FROM memberships "
  "WHERE user_id = (SELECT id FROM users WHERE email = ?))", (sys.argv[2],)).rowcount
db.commit()
print(n)
`;
  const out = execFileSync("python3", ["-c", script, DB_FILE, email.toLowerCase()]).toString().trim();
  if (out === "0") throw new Error(`no account for ${email}`);
}

/// An INR account in `state` with credits, which orders a DV certificate and returns the text
/// of its invoice as Poppler reads it.
async function invoiceFrom(page: Page, browser: Browser, state: string): Promise<string> {
  const organization = `GST Buyer ${state} ${Date.now()}`;
  const email = await signedInAdministrator(page, "gst", organization);
  payInInr(email);
  await grantCredits(browser, organization, "20000");
  await page.goto("/billing");
  const tax = page.getByRole("region", { name: "GST details" });
  await tax.getByLabel("State (place of supply)").selectOption({ label: state });
  // A GSTIN of another state is refused on its field and nothing is saved.
  await tax.getByLabel("GSTIN (if registered)").fill("27AAPFU0939F1ZW");
  await tax.getByRole("button", { name: "Save GST details" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "valid 15-character GSTIN" })).toBeVisible();
  await page.goto("/billing");
  await page.getByRole("region", { name: "GST details" }).getByLabel("State (place of supply)").selectOption({ label: state });
  await page.getByRole("region", { name: "GST details" }).getByRole("button", { name: "Save GST details" }).click();
  await expect(page.getByRole("status")).toContainText("Your GST details are saved");

  const domain = uniqueDomain("gst");
  await wizard(page, async (p) => p.getByLabel("Submit the CSR later").check(), domain);
  await expect(page.getByTestId("summary-gst")).toContainText("INR");
  await expect(page.getByTestId("summary-grand-total")).toContainText("INR");
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Order Accepted");
  await waitForHydration(page);
  const invoice = page.getByRole("region", { name: "Invoice" });
  await expect(invoice).toContainText("RL/");
  const href = (await invoice.getByRole("link", { name: "Download invoice (PDF)" }).getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-gst-"));
  writeFileSync(path.join(dir, "invoice.pdf"), await response.body());
  return sh(dir, "pdftotext", ["-layout", "invoice.pdf", "-"]);
}

test("an INR invoice shows CGST and SGST within the operator's state and IGST from another", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const within = await invoiceFrom(page, browser, "Maharashtra (27)");
  expect(within).toMatch(/Tax invoice RL\/\d{4}-\d{2}\/\d{5}/);
  expect(within).toContain("CGST at 9%");
  expect(within).toContain("SGST at 9%");
  expect(within).not.toContain("IGST");
  expect(within).toContain("27AAPFU0939F1ZV");
  expect(within).toContain("Maharashtra (27)");
  // The S/MIME order form shows the same GST beside its price, and a total that adds up.
  await page.goto("/orders/smime/new");
  await waitForHydration(page);
  const amount = async (id: string) => Number((await page.getByTestId(id).innerText()).replace(/[^\d.]/g, ""));
  await expect(page.getByTestId("smime-gst")).toContainText(/INR [\d,]+\.\d\d/);
  const [price, gst, total] = [await amount("smime-price"), await amount("smime-gst"), await amount("smime-grand-total")];
  expect(gst).toBeCloseTo(Math.round(price * 18) / 100, 2);
  expect(total).toBeCloseTo(price + gst, 2);

  const context = await browser.newContext();
  const other = await context.newPage();
  const across = await invoiceFrom(other, browser, "Karnataka (29)");
  expect(across).toContain("IGST at 18%");
  expect(across).not.toContain("CGST");
  expect(across).toContain("Karnataka (29)");
  // Numbered one after the other in the financial year.
  const number = (text: string) => Number(text.match(/RL\/\d{4}-\d{2}\/(\d{5})/)![1]);
  expect(number(across)).toBeGreaterThan(number(within));
  await context.close();
});
