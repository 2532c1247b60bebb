import {
  activate,
  activationLink,
  expect,
  signIn,
  signedInAdministrator,
  test,
  uniqueEmail,
  waitForMail,
} from "./support";

test("an administrator adds a user who activates and signs in, edits them, then deactivates them", async ({
  page,
  browser,
}) => {
  await signedInAdministrator(page, "admin", "People Matter Ltd");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await page.getByRole("link", { name: "Add user" }).click();

  const email = uniqueEmail("meera");
  await page.getByLabel("Full name", { exact: true }).fill("Meera Iyer");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 98450 00001");
  await page.getByLabel("Designation", { exact: true }).fill("PKI engineer");
  await page.getByLabel("Employee ID", { exact: true }).fill("E-1024");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Standard User" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("The user was added");
  const table = page.getByRole("table", { name: "Users" });
  await expect(table).toContainText(email);
  await expect(table).toContainText("Pending activation");

  // The new user activates from the e-mail and signs in, in their own browser.
  const theirs = await browser.newContext();
  const meera = await theirs.newPage();
  await activate(meera, activationLink(await waitForMail(email)), "correct horse 42");
  await expect(meera).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(meera, email, "correct horse 42");
  await expect(meera.getByRole("banner")).toContainText("Standard User");
  await expect(meera.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  // Adding the same address again is refused beside the field.
  await page.goto("/users/new");
  await page.getByLabel("Full name", { exact: true }).fill("Meera Again");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 98450 00001");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Basic User" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByText("already belongs to this account")).toBeVisible();

  await page.goto("/users");
  await page.getByRole("searchbox", { name: "Search" }).fill("meera");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: "Meera Iyer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit user" })).toBeVisible();
  await page.getByLabel("Designation", { exact: true }).fill("Team lead");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("The changes were saved");
  await expect(table).toContainText("Team lead");

  await page.getByRole("link", { name: "Meera Iyer" }).click();
  await page.getByRole("button", { name: "Deactivate user" }).click();
  await expect(page.getByRole("status")).toContainText("deactivated");
  await expect(table).toContainText("Deactivated");

  // Her session ended: the next page sends her to sign in, and signing in again fails.
  await meera.goto("/");
  await expect(meera).toHaveURL(/\/sign-in/);
  await signIn(meera, email, "correct horse 42");
  await expect(meera.getByText(/An administrator has deactivated your user/)).toBeVisible();
  await theirs.close();
});
