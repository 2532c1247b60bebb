import { grantCredits, workbookRows } from "./billing-support";
import { expect, setRole, signedInAdministrator, test } from "./support";

test("an administrator reads the statement, filters it by type and period, and exports the same lines to Excel", async ({
  page,
  browser,
}) => {
  const organization = `Statement Traders ${Date.now()}`;
  await signedInAdministrator(page, "statement", organization);
  await grantCredits(browser, organization, "300");

  // The menu and the billing page both lead to the statement.
  await page.goto("/billing");
  await page.getByRole("link", { name: "Open the full statement with filters and Excel export" }).click();
  await expect(page).toHaveURL(/\/billing\/statement$/);
  await expect(page.getByRole("heading", { level: 1, name: "Statement" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statement", exact: true })).toBeVisible();
  const table = page.getByRole("table", { name: "Statement" });
  await expect(table).toContainText("Credits granted");
  await expect(table).toContainText("Opening balance for the end-to-end test");
  await expect(page.getByTestId("statement-opening")).toHaveText("USD 0.00");
  await expect(page.getByTestId("statement-credits")).toHaveText("USD 300.00");
  await expect(page.getByTestId("statement-closing")).toHaveText("USD 300.00");

  // One type: the grant is not an order charge.
  await page.getByLabel("Type").selectOption({ label: "Order charged" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(page).toHaveURL(/kind=order_charge/);
  await expect(page.getByText("No transactions match these filters.")).toBeVisible();
  await page.getByLabel("Type").selectOption({ label: "Credits granted" });
  await page.getByRole("button", { name: "Show", exact: true }).click();
  await expect(table).toContainText("Credits granted");

  // A period: today has the grant; a period that ends before it starts is refused on its field.
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(`/billing/statement?from=${today}&to=${today}`);
  await expect(table).toContainText("Credits granted");
  await page.goto(`/billing/statement?from=${today}&to=2020-01-01`);
  await expect(page.getByText("The end of the period is before its start.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Statement" })).toHaveCount(0);

  // The export is the statement with the same filters.
  await page.goto("/billing/statement?kind=grant");
  const link = page.getByRole("link", { name: "Export to Excel" });
  await expect(link).toHaveAttribute("href", "/billing/statement.xlsx?kind=grant");
  const download = page.waitForEvent("download");
  await link.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("rootline-statement.xlsx");
  const rows = workbookRows(await file.path());
  expect(rows[0].slice(0, 9)).toEqual([
    "Time (UTC)",
    "Type",
    "Remarks",
    "Group",
    "Order",
    "Currency",
    "Credit",
    "Debit",
    "Account balance after",
  ]);
  expect(rows.length).toBe(2);
  expect(rows[1][1]).toBe("Credits granted");
  expect(rows[1][2]).toBe("Opening balance for the end-to-end test");
  expect(Number(rows[1][6])).toBe(300);
  expect(Number(rows[1][8])).toBe(300);

  // In Polish, the same statement in Polish words.
  await page.goto("/billing/statement");
  await page.getByRole("button", { name: "Polski" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Wyciąg" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Wyciąg" })).toContainText("Przyznane środki");
});

test("a Basic User has no statement, its server function and export refuse them, and another account's id is not found", async ({
  page,
}) => {
  const email = await signedInAdministrator(page, "statement-basic", `No Statement ${Date.now()}`);
  // An administrator asking for another account's statement by its id is told it does not exist.
  const other = await page.request.get("/billing/statement.xlsx?account=1");
  expect(other.status()).toBe(404);
  setRole(email, "basic_user");
  await page.reload();
  await expect(page.getByRole("banner")).toContainText("Basic User");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Statement", exact: true })).toHaveCount(0);
  await page.goto("/billing/statement");
  await expect(page.getByRole("alert")).toContainText("Your role does not allow you to see balances and the statement.");
  const answer = await page.request.post("/api/billing/statement", {
    form: { "query[kind]": "grant" },
    headers: { Accept: "application/json" },
  });
  expect(answer.status()).toBe(403);
  const file = await page.request.get("/billing/statement.xlsx");
  expect(file.status()).toBe(403);
});
