import { activate, expect, serverCli, signIn, test, uniqueEmail } from "./support";

test("create-operator prints a one-time link with which the operator activates and signs in", async ({ page }) => {
  const email = uniqueEmail("ops");
  const out = serverCli("create-operator", "--email", email, "--name", "Priya Operator");
  const link = out.match(/http:\/\/\S+\/activate\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(link, out).toBeTruthy();

  await activate(page, link!, "operator pass 42");
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(page, email, "operator pass 42");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Rootline operator");
  await expect(page.getByRole("region", { name: "Account" })).toContainText("Operator");

  // The same address twice is refused with a clear message and a failing exit code.
  expect(() => serverCli("create-operator", "--email", email)).toThrow(/already exists/);
});
