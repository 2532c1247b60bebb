import {
  activate,
  expect,
  signIn,
  signUpAndGetLink,
  signedInAdministrator,
  test,
  uniqueEmail,
  waitForHydration,
  waitForMail,
} from "./support";

test("an enterprise signs up, activates from the e-mail, signs in, sees the portal and signs out", async ({
  page,
}) => {
  const email = uniqueEmail("asha");
  const link = await signUpAndGetLink(page, { email, name: "Asha Rao", organization: "Acme Widgets Ltd" });
  const mail = await waitForMail(email);
  expect(mail.subject).toBe("Activate your Rootline account");
  expect(mail.text).toContain("expires in 24 hours");

  await activate(page, link, "correct horse 42");
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
  await expect(page.getByRole("status")).toContainText("Your password is set");

  await signIn(page, email, "correct horse 42");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const header = page.getByRole("banner");
  await expect(header).toContainText("Acme Widgets Ltd");
  await expect(header).toContainText("Enterprise");
  await expect(header).toContainText("Asha Rao");
  await expect(header).toContainText("Administrator");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "Account" })).toContainText("Active");
  await expect(page.getByRole("region", { name: "Account" })).toContainText("India");
  await expect(page.getByRole("region", { name: "You", exact: true })).toContainText(email);

  const session = (await page.context().cookies()).find((c) => c.name === "rootline_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(session?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // A fresh load of the portal is rendered on the server with the session.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await waitForHydration(page);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
  await expect(page.getByRole("status")).toContainText("You have signed out");
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a form checks a field in the browser as soon as the user leaves it", async ({ page }) => {
  // The sign-up page is plain HTML (the server checks it, see no-js.spec.ts); the pages of
  // the running portal check in the browser too.
  await signedInAdministrator(page, "live-check", "Live Check Ltd");
  await page.goto("/users/new");
  await waitForHydration(page);
  await page.getByLabel("E-mail", { exact: true }).fill("not-an-address");
  await page.getByLabel("E-mail", { exact: true }).press("Tab");
  await expect(page.getByText("Enter an e-mail address like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("E-mail", { exact: true }).fill("fixed@example.com");
  await page.getByLabel("E-mail", { exact: true }).press("Tab");
  await expect(page.getByText("Enter an e-mail address like name@example.com.")).toHaveCount(0);
  await expect(page).toHaveURL(/\/users\/new$/);
});

test("a partner application waits for an operator and is confirmed by e-mail", async ({ page }) => {
  const email = uniqueEmail("reseller");
  await page.goto("/sign-up");
  await page.getByRole("radio", { name: /^Partner/ }).check();
  await page.getByLabel("Full name", { exact: true }).fill("Ravi Kumar");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Mobile number", { exact: true }).fill("+44 20 7946 0958");
  await page.getByLabel("Organization name", { exact: true }).fill("Reseller Networks LLP");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "United Kingdom" });
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Application received" })).toBeVisible();

  const mail = await waitForMail(email);
  expect(mail.subject).toContain("partner application");
  expect(mail.text).not.toContain("/activate/");

  // No password exists until an operator approves, so signing in fails like any wrong password.
  await signIn(page, email, "anything at all 1");
  await expect(page.getByRole("alert").filter({ hasText: /\S/ })).toHaveText(
    "The e-mail address or password is incorrect.",
  );
});

test("signing out shows its notice even when the sign-in page's code arrives after the session has ended", async ({
  page,
}) => {
  await signedInAdministrator(page, "late", "Late Chunks Ltd");
  // A fresh load of the portal: only the portal's page group is in the browser now.
  await page.goto("/");
  await waitForHydration(page);
  // The sign-in page's group comes slowly, so the portal page stays mounted after the session
  // ended and fetches it again meanwhile; it must not send the visitor on to plain /sign-in.
  await page.route("**/pkg/*/*.wasm", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("status")).toContainText("You have signed out");
  await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
});
