import { expect, signedInAdministrator, test } from "./support";

test("an IP rule that allows the administrator's address, then one that blocks it after a warning", async ({
  page,
}) => {
  await signedInAdministrator(page, "iprules", "Fenced Networks Ltd");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "IP restrictions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "IP restrictions" })).toBeVisible();
  await expect(page.getByText("Your address: 127.0.0.1")).toBeVisible();

  // Malformed input is refused beside the field.
  await page.getByLabel("Start address").fill("127.0.0.300");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByText("is not an IPv4 or IPv6 address")).toBeVisible();

  // A rule that includes this address: the portal keeps working.
  await page.getByLabel("Start address").fill("127.0.0.1");
  await page.getByLabel("End address").fill("");
  await page.getByLabel("Description").fill("This machine");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByRole("status")).toContainText("saved");
  const rules = page.getByRole("table", { name: "IP rules" });
  await expect(rules).toContainText("This machine");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // A rule for another network, then disabling the one that allows us: a warning first.
  await page.goto("/settings/ip-rules");
  await page.getByLabel("Start address").fill("10.0.0.0");
  await page.getByLabel("End address").fill("10.0.0.255");
  await page.getByLabel("Description").fill("Head office");
  await page.getByRole("button", { name: "Add rule" }).click();
  await expect(rules).toContainText("Head office");
  const mine = rules.getByRole("row").filter({ hasText: "This machine" });
  await mine.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText("This would shut you out")).toBeVisible();
  await expect(rules.getByRole("row").filter({ hasText: "This machine" })).toContainText("Enabled");

  await rules.getByRole("row").filter({ hasText: "This machine" }).getByLabel("I may lock myself out").check();
  // Wait for the change to be saved: navigating at once could abort it before it is sent.
  const saved = page.waitForResponse(
    (r) => r.url().endsWith("/api/settings/ip-rules/change") && r.request().method() === "POST",
  );
  await rules.getByRole("row").filter({ hasText: "This machine" }).getByRole("button", { name: "Disable" }).click();
  // The form posts itself, and the server sends the browser back to the page.
  expect((await saved).status()).toBe(302);
  // Every request is now refused, pages and server functions alike.
  const blocked = await page.goto("/");
  expect(blocked?.status()).toBe(403);
  await expect(page.getByText("Your address 127.0.0.1 is not allowed")).toBeVisible();
  const api = await page.request.post("/api/auth/current-session", { headers: { Accept: "application/json" } });
  expect(api.status()).toBe(403);
});
