import { enableMultipleGroups, expect, signedInAdministrator, test } from "./support";

test("an account starts with a default group and adds more once multiple groups are enabled", async ({ page }) => {
  const email = await signedInAdministrator(page, "groups", "Many Teams Ltd");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Groups" }).click();
  const list = page.getByRole("list", { name: "Groups" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Default group (default)");
  await expect(page.getByText("Your account has one group.")).toBeVisible();

  enableMultipleGroups(email);
  await page.reload();
  const add = page.getByRole("region", { name: "Add a group" });
  await add.getByLabel("Group name").fill("Engineering");
  await add.getByLabel("Finance mode").selectOption({ label: "Deduct from the group balance" });
  await add.getByLabel("Spend limit").fill("2,500.5");
  await add.getByLabel("Renewal e-mail addresses").fill("pki@example.com, not-an-address");
  await add.getByRole("button", { name: "Add group" }).click();
  await expect(add.getByText('"not-an-address" is not an e-mail address.')).toBeVisible();
  await add.getByLabel("Renewal e-mail addresses").fill("pki@example.com");
  await add.getByRole("button", { name: "Add group" }).click();
  await expect(page.getByRole("status")).toContainText("The group was saved");
  const engineering = page.getByRole("listitem", { name: "Engineering" });
  await expect(engineering).toContainText("Deduct from the group balance");
  await expect(engineering).toContainText("2500.50");
  await expect(engineering).toContainText("pki@example.com");
});

test("a group's page lists who uses it; a restricted group only its members", async ({ page }) => {
  await signedInAdministrator(page, "group-view", "Restricted Teams Ltd");
  await page.goto("/groups");
  await page.getByRole("link", { name: "Users of Default group" }).click();
  const users = page.getByRole("table", { name: "Users of the group" });
  await expect(users).toContainText("Access to all groups");

  // Restricted: the administrator (access to all groups) no longer uses it until added.
  await page.goto("/groups");
  await page.getByText("Edit").click();
  await page.getByLabel("Only users added to the group use it").check();
  await page.getByRole("button", { name: "Save group" }).click();
  await expect(page.getByRole("status")).toContainText("The group was saved.");
  await page.getByRole("link", { name: "Users of Default group" }).click();
  await expect(page.getByText("Only users added to the group use it.")).toBeVisible();
  await expect(users.getByRole("row")).toHaveCount(1);
  await page.getByRole("button", { name: "Add to the group" }).click();
  await expect(page.getByRole("status")).toContainText("The user was added to the group.");
  await expect(users).toContainText("Added to the group");
  await page.getByRole("button", { name: /^Remove .* from the group$/ }).click();
  await expect(page.getByRole("status")).toContainText("The user was removed from the group.");
  await expect(users.getByRole("row")).toHaveCount(1);
});
