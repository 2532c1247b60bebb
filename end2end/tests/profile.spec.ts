import { expect, signIn, signedInAdministrator, test } from "./support";

test("a user edits their details and changes their password, which ends their other sessions", async ({
  page,
  browser,
}) => {
  const email = await signedInAdministrator(page, "profile", "Own Details Ltd");
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await signIn(elsewhere, email, "correct horse 42");
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
  await page.getByLabel("Full name", { exact: true }).fill("Asha R. Rao");
  await page.getByLabel("Designation", { exact: true }).fill("CISO");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("status")).toContainText("Your profile was saved");
  await expect(page.getByRole("banner")).toContainText("Asha R. Rao");

  await page.getByLabel("Current password", { exact: true }).fill("not my password 1");
  await page.getByLabel("New password", { exact: true }).fill("brand new horse 7");
  await page.getByLabel("Confirm new password", { exact: true }).fill("brand new horse 7");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is not your current password.")).toBeVisible();

  await page.getByLabel("Current password", { exact: true }).fill("correct horse 42");
  await page.getByLabel("New password", { exact: true }).fill("brand new horse 7");
  await page.getByLabel("Confirm new password", { exact: true }).fill("brand new horse 7");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("other sessions have ended");

  await elsewhere.goto("/");
  await expect(elsewhere).toHaveURL(/\/sign-in/);
  await signIn(elsewhere, email, "brand new horse 7");
  await expect(elsewhere.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await other.close();
});
