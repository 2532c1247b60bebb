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

test("an administrator builds a custom role whose holder sees and may do exactly what it grants", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signedInAdministrator(page, "roles", "Custom Roles Ltd");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Roles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Roles" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Built-in roles" })).toContainText("Discovery User");

  // No permission ticked: refused beside the list, nothing saved.
  const add = page.getByRole("region", { name: "Add a custom role" });
  await add.getByLabel("Role name").fill("Auditor");
  await add.getByRole("button", { name: "Add role" }).click();
  await expect(add.getByText("Choose at least one permission.")).toBeVisible();

  await add.getByLabel("See the audit log").check();
  await add.getByLabel("See reports").check();
  await add.getByRole("button", { name: "Add role" }).click();
  await expect(page.getByRole("status")).toContainText("The role was saved.");
  const auditor = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Auditor" }) });
  await expect(auditor).toContainText("See the audit log, See reports");

  // The role is offered on the user form; its holder gets the audit log and nothing else.
  await page.goto("/users/new");
  const email = uniqueEmail("auditor");
  await page.getByLabel("Full name", { exact: true }).fill("Ira Auditor");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 98450 00002");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Auditor" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("table", { name: "Users" })).toContainText("Auditor");

  const theirs = await browser.newContext();
  const ira = await theirs.newPage();
  await activate(ira, activationLink(await waitForMail(email)), "correct horse 42");
  await expect(ira).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(ira, email, "correct horse 42");
  await expect(ira.getByRole("banner")).toContainText("Auditor");
  const nav = ira.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Audit log" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(0);
  await ira.goto("/users");
  await expect(ira.getByText("Your role does not allow you to manage users.")).toBeVisible();
  await theirs.close();

  // A role someone holds cannot be deleted.
  await page.goto("/settings/roles");
  await page.getByRole("button", { name: "Delete role Auditor" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "1 user(s) have the role Auditor" })).toBeVisible();
});
