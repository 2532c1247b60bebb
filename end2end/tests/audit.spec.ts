import { expect, setRole, signedInAdministrator, test } from "./support";

test("an administrator reads, filters and pages their account's audit log", async ({ page }) => {
  const email = await signedInAdministrator(page, "audit", "Audit Trail Ltd");
  // Other accounts' activity must never show up here.
  const stranger = await (async () => {
    const other = await page.context().browser()!.newContext();
    const p = await other.newPage();
    const address = await signedInAdministrator(p, "stranger", "Someone Else Ltd");
    await other.close();
    return address;
  })();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const table = page.getByRole("table", { name: "Audit entries" });
  await expect(table).toContainText("sign_in");
  await expect(table).toContainText("activated");
  await expect(table).toContainText(email);
  await expect(table).not.toContainText(stranger);

  await page.getByLabel("Module").selectOption("identity");
  await page.getByLabel("User").fill(email.split("@")[0]);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/module=identity/);
  await expect(table).toContainText(email);

  // The filtered log downloads as an Excel workbook.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export to Excel" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("rootline-audit-log.xlsx");
  const bytes = require("node:fs").readFileSync(await file.path());
  expect(bytes.subarray(0, 2).toString()).toBe("PK");

  // A period with nothing in it, then a period that is backwards.
  await page.goto("/audit?from=2001-01-01&to=2001-01-31");
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  await page.goto("/audit?from=2026-12-31&to=2026-01-01");
  await expect(page.getByText("The end date must not be before the start date.")).toBeVisible();
});

test("a Basic User has no audit log link and the page and its server function refuse them", async ({
  page,
}) => {
  const email = await signedInAdministrator(page, "basic", "Basic Rights Ltd");
  setRole(email, "basic_user");
  await page.reload();
  await expect(page.getByRole("banner")).toContainText("Basic User");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByRole("alert")).toContainText("Your role does not allow");
  const response = await page.request.post("/api/access/audit-log", {
    form: { "query[page]": "1" },
    headers: { Accept: "application/json" },
  });
  expect(response.status()).toBe(403);
});
