import { expect, signIn, signedInAdministrator, test, waitForMail } from "./support";

test("a user of two accounts chooses one after sign-in and switches between them", async ({ page, browser }) => {
  // Meera runs her own account...
  const theirs = await browser.newContext();
  const meeraPage = await theirs.newPage();
  const meera = await signedInAdministrator(meeraPage, "meera", `Meera Consulting ${Date.now()}`);
  await theirs.close();

  // ...and is added to Asha's as a Standard User.
  const ashaOrg = `Asha Holdings ${Date.now()}`;
  await signedInAdministrator(page, "asha", ashaOrg);
  await page.goto("/users/new");
  await page.getByLabel("Full name", { exact: true }).fill("Meera Iyer");
  await page.getByLabel("E-mail", { exact: true }).fill(meera);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 98450 00001");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Standard User" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("The user was added");
  const notice = await waitForMail(meera, 2);
  expect(notice.subject).toContain(ashaOrg);

  const again = await browser.newContext();
  const m = await again.newPage();
  await signIn(m, meera, "correct horse 42");
  await expect(m).toHaveURL(/\/choose-account$/);
  const choice = m.getByRole("listitem", { name: ashaOrg });
  await expect(choice).toContainText("Standard User");
  await choice.getByRole("button", { name: "Use this account" }).click();
  await expect(m.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(m.getByRole("banner")).toContainText(ashaOrg);
  await expect(m.getByRole("banner")).toContainText("Standard User");
  await m.getByRole("link", { name: "Switch account" }).click();
  await expect(m.getByRole("listitem", { name: ashaOrg })).toContainText("You are working in this account");
  await again.close();
});
