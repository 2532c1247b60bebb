import { BASE, expect, setRole, signedInAdministrator, test, waitForHydration } from "./support";

test("an administrator makes an ACME credential, sees its key once with the command lines, and revokes it", async ({
  page,
}) => {
  const email = await signedInAdministrator(page, "acmecred", "Automated Certificates Ltd");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "ACME APIs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ACME APIs" })).toBeVisible();
  await waitForHydration(page);
  const directory = `${BASE}/acme/directory`;
  await expect(page.getByTestId("acme-directory")).toHaveText(directory);
  await expect(page.getByText("No ACME credentials yet.")).toBeVisible();
  await expect(page.getByLabel("User")).toHaveValue(email);

  // Tags beyond the limit are refused beside their field, and nothing is made.
  await page.getByLabel("Tags").fill("x".repeat(501));
  await page.getByRole("button", { name: "Make credential" }).click();
  await expect(page.getByText("Tags are limited to 500 characters.")).toBeVisible();
  await expect(page.getByTestId("acme-created")).toHaveCount(0);
  await expect(page.getByText("No ACME credentials yet.")).toBeVisible();

  await page.getByLabel("Tags").fill("web, e2e");
  await page.getByRole("button", { name: "Make credential" }).click();
  const created = page.getByTestId("acme-created");
  await expect(created).toBeVisible();
  const keyId = (await page.getByTestId("acme-key-id").textContent()) ?? "";
  const hmac = (await page.getByTestId("acme-hmac-key").textContent()) ?? "";
  expect(keyId).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  expect(hmac).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId("acme-lego")).toHaveText(
    `lego --server ${directory} --eab --kid=${keyId} --hmac=${hmac} --email you@example.com --domains www.example.com --http run`,
  );
  await expect(page.getByTestId("acme-certbot")).toContainText(`--server ${directory} --eab-kid=${keyId} --eab-hmac-key=${hmac}`);

  const list = page.getByRole("table", { name: "ACME credentials" });
  const row = list.getByRole("row").filter({ hasText: keyId });
  await expect(row).toContainText(email);
  await expect(row).toContainText("Default");
  await expect(row).toContainText("web, e2e");
  await expect(row).toContainText("Not yet");
  await expect(list).not.toContainText(hmac);

  // Shown once: a reload lists the credential without its key.
  await page.reload();
  await waitForHydration(page);
  await expect(list.getByRole("row").filter({ hasText: keyId })).toBeVisible();
  await expect(page.getByTestId("acme-created")).toHaveCount(0);
  expect(await page.content()).not.toContain(hmac);

  // Revoking asks first; cancelling changes nothing.
  await list.getByRole("row").filter({ hasText: keyId }).getByRole("button", { name: "Revoke" }).click();
  await expect(list.getByText(`Revoke ${keyId}? ACME accounts bound with it stop working.`)).toBeVisible();
  await list.getByRole("button", { name: "Cancel" }).click();
  await expect(list.getByRole("button", { name: "Yes, revoke" })).toHaveCount(0);
  await list.getByRole("row").filter({ hasText: keyId }).getByRole("button", { name: "Revoke" }).click();
  await list.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByRole("status")).toContainText("The credential was revoked.");
  const revoked = list.getByRole("row").filter({ hasText: keyId });
  await expect(revoked).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d UTC.*\d{4}-\d\d-\d\d \d\d:\d\d UTC/);
  await expect(revoked.getByRole("button", { name: "Revoke" })).toHaveCount(0);
});

test("a Basic User has no ACME APIs link and the page and its server functions refuse them", async ({ page }) => {
  const email = await signedInAdministrator(page, "acmebasic", "No Automation Ltd");
  setRole(email, "basic_user");
  await page.reload();
  await expect(page.getByRole("banner")).toContainText("Basic User");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "ACME APIs" })).toHaveCount(0);
  await page.goto("/settings/acme");
  await expect(page.getByRole("alert")).toContainText("Your role does not allow");
  for (const [path, form] of [
    ["/api/settings/acme", {}],
    ["/api/settings/acme/create", { user: email, group: "", product: "1", tags: "" }],
    ["/api/settings/acme/revoke", { id: "1" }],
  ] as const) {
    const response = await page.request.post(path, { form, headers: { Accept: "application/json" } });
    expect(response.status(), path).toBe(403);
  }
});
