import { enableMultipleGroups, expect, signedInAdministrator, test, waitForHydration } from "./support";
import { uniqueDomain, wizard } from "./orders-support";

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
  await page.getByRole("link", { name: "Users, domains and logo of Default group" }).click();
  const users = page.getByRole("table", { name: "Users of the group" });
  await expect(users).toContainText("Access to all groups");

  // Restricted: the administrator (access to all groups) no longer uses it until added.
  await page.goto("/groups");
  // Exact: the menu's "Add credits" contains "edit" too.
  await page.getByText("Edit", { exact: true }).click();
  await page.getByLabel("Only users added to the group use it").check();
  await page.getByRole("button", { name: "Save group" }).click();
  await expect(page.getByRole("status")).toContainText("The group was saved.");
  await page.getByRole("link", { name: "Users, domains and logo of Default group" }).click();
  await expect(page.getByText("Only users added to the group use it.")).toBeVisible();
  await expect(users.getByRole("row")).toHaveCount(1);
  await page.getByRole("button", { name: "Add to the group" }).click();
  await expect(page.getByRole("status")).toContainText("The user was added to the group.");
  await expect(users).toContainText("Added to the group");
  await page.getByRole("button", { name: /^Remove .* from the group$/ }).click();
  await expect(page.getByRole("status")).toContainText("The user was removed from the group.");
  await expect(users.getByRole("row")).toHaveCount(1);
});

// A real 1x1 PNG, as a browser would pick it from disk.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("a group limited to a specific domain refuses orders for other names, and carries an uploaded logo", async ({ page }) => {
  await signedInAdministrator(page, "group-domains", "Scoped Teams Ltd");
  const domain = uniqueDomain("scoped");
  await page.goto("/domains");
  await waitForHydration(page);
  await page.getByLabel("Domain name").fill(domain);
  await page.getByRole("button", { name: "Add domain" }).click();
  await expect(page.getByRole("table", { name: "Domains" })).toContainText(domain);

  await page.goto("/groups");
  await expect(page.getByRole("listitem", { name: "Default group" })).toContainText("All domains of the account");
  await page.getByRole("link", { name: "Users, domains and logo of Default group" }).click();
  await waitForHydration(page);
  const domains = page.getByRole("region", { name: "Domains" });
  await expect(domains.getByTestId("group-domain-scope")).toContainText("All:");
  await domains.getByLabel("Domain of the account").selectOption(domain);
  await domains.getByRole("button", { name: "Limit the group to this domain" }).click();
  await expect(page.getByRole("status")).toContainText("The group now orders only for its listed domains.");
  await expect(domains.getByTestId("group-domain-scope")).toContainText("Specific:");
  await expect(domains.getByRole("list", { name: "Domains of the group" })).toContainText(domain);

  // The logo: a file that is not a PNG or JPEG is refused in the browser; a PNG is saved and served.
  // The form above posted itself and the page came back: its logo island reads files once hydrated.
  await waitForHydration(page);
  const logo = page.getByRole("region", { name: "Logo" });
  await logo.getByLabel("Logo file (PNG or JPEG, at most 200 KB)").setInputFiles({
    name: "logo.svg",
    mimeType: "image/svg+xml",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
  });
  await expect(logo.getByText("The logo must be a PNG or JPEG image.")).toBeVisible();
  await expect(logo.getByRole("button", { name: "Upload logo" })).toBeDisabled();
  await logo.getByLabel("Logo file (PNG or JPEG, at most 200 KB)").setInputFiles({
    name: "logo.png",
    mimeType: "image/png",
    buffer: PNG,
  });
  await logo.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("status")).toContainText("The logo was saved.");
  const image = logo.getByRole("img", { name: "Logo of Default group" });
  await expect(image).toBeVisible();
  const src = (await image.getAttribute("src"))!;
  const served = await page.request.get(src);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(Buffer.from(await served.body()).equals(PNG)).toBe(true);
  // Without the session, the logo is not served.
  const anonymous = await page.context().browser()!.newContext();
  expect((await anonymous.request.get(new URL(src, page.url()).toString())).status()).toBe(401);
  await anonymous.close();

  // An order for a name outside the group's domain is refused at payment, naming the domain.
  const other = uniqueDomain("outside");
  await wizard(page, async (p) => {
    await p.getByLabel("Submit the CSR later").check();
  }, other);
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page.getByText(`The group Default group orders only for ${domain}`)).toBeVisible();
  await page.goto("/orders");
  await expect(page.getByText("No orders match this search.")).toBeVisible();

  // Taking the domain off frees the group again; the logo can go too.
  await page.goto("/groups");
  await page.getByRole("link", { name: "Users, domains and logo of Default group" }).click();
  await page.getByRole("button", { name: `Remove ${domain} from the group` }).click();
  await expect(page.getByRole("status")).toContainText("The domain was taken off the group.");
  await expect(domains.getByTestId("group-domain-scope")).toContainText("All:");
  await logo.getByRole("button", { name: "Remove the logo" }).click();
  await expect(page.getByRole("status")).toContainText("The logo was removed.");
  await expect(logo.getByText("The group has no logo.")).toBeVisible();
});
