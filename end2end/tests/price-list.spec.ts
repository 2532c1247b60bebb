import { workbookRows } from "./billing-support";
import { expect, setRole, signedInAdministrator, test } from "./support";

test("an administrator reads the price list, filters it by currency and downloads it for Excel", async ({ page }) => {
  await signedInAdministrator(page, "prices", "Price List Ltd");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Product price list" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Product price list" })).toBeVisible();
  // The operator's default products, priced in both currencies.
  const table = page.getByRole("table", { name: "Product prices" });
  await expect(table).toContainText("DV SSL");
  await expect(table).toContainText("DV single domain");
  await expect(table).toContainText("USD");
  await expect(table).toContainText("INR");

  await page.getByLabel("Currency").selectOption("INR");
  await page.getByLabel("Product", { exact: true }).fill("dv ssl");
  await page.getByRole("button", { name: "Filter", exact: true }).click();
  await expect(page).toHaveURL(/currency=INR/);
  await expect(page.getByLabel("Currency")).toHaveValue("INR");
  await expect(table).toContainText("DV SSL");
  await expect(table).toContainText("INR");
  await expect(table).not.toContainText("USD");
  await expect(table).not.toContainText("OV SSL");

  // The export is the list with the same filters.
  const link = page.getByRole("link", { name: "Export to Excel" });
  await expect(link).toHaveAttribute("href", "/billing/price-list.xlsx?currency=INR&product=dv%20ssl");
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("rootline-price-list.xlsx");
  const rows = workbookRows(await file.path());
  expect(rows[0]).toEqual([
    "Product",
    "Product type",
    "Validity (days)",
    "Currency",
    "Base price",
    "Per extra domain",
    "Included domains",
  ]);
  const prices = rows.slice(1);
  expect(prices.length).toBeGreaterThan(0);
  expect(prices.map((r) => r[0])).toContain("DV SSL");
  for (const row of prices) {
    expect(row[0]).toBe("DV SSL");
    expect(row[1]).toBe("DV single domain");
    expect(row[3]).toBe("INR");
    expect(Number(row[4])).toBeGreaterThan(0);
  }

  // A filter that makes no sense is refused on its field, and nothing is listed.
  await page.goto("/billing/price-list?currency=EUR");
  await expect(page.getByText("Choose USD, INR or all currencies.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Product prices" })).toHaveCount(0);

  // The billing page leads here too.
  await page.goto("/billing");
  await page.getByRole("link", { name: "Open the product price list" }).click();
  await expect(page).toHaveURL(/\/billing\/price-list$/);
  await expect(page.getByRole("table", { name: "Product prices" })).toContainText("DV SSL");
});

test("a Basic User has no price list in the menu, and the page, its server function and the export refuse them", async ({
  page,
}) => {
  const email = await signedInAdministrator(page, "prices-basic", "No Prices Ltd");
  setRole(email, "basic_user");
  await page.reload();
  await expect(page.getByRole("banner")).toContainText("Basic User");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Product price list" })).toHaveCount(0);
  await page.goto("/billing/price-list");
  await expect(page.getByRole("alert")).toContainText("Your role does not allow you to see the account's prices.");
  const answer = await page.request.post("/api/billing/price-list", {
    form: { "query[currency]": "USD" },
    headers: { Accept: "application/json" },
  });
  expect(answer.status()).toBe(403);
  const file = await page.request.get("/billing/price-list.xlsx");
  expect(file.status()).toBe(403);
});
