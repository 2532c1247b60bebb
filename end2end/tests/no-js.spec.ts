import { activationLink, expect, test, uniqueEmail, waitForMail } from "./support";

// Every form works before (or without) the wasm: plain HTML form posts to the server functions.
test.use({ javaScriptEnabled: false });

test("without JavaScript a person can still sign up, see errors, activate, sign in and out", async ({ page }) => {
  const email = uniqueEmail("nojs");
  await page.goto("/sign-up");
  await page.getByLabel("Full name", { exact: true }).fill("Meera Iyer");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 99000 11111");
  await page.getByLabel("Organization name", { exact: true }).fill("Plain Forms Pvt Ltd");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "India" });
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Accept the terms of service and subscriber agreement to continue.")).toBeVisible();

  // The refused form comes back as it was typed.
  await expect(page.getByLabel("Full name", { exact: true })).toHaveValue("Meera Iyer");
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("Mobile number", { exact: true })).toHaveValue("+91 99000 11111");
  await expect(page.getByLabel("Organization name", { exact: true })).toHaveValue("Plain Forms Pvt Ltd");
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("IN");
  // Once: a later visit starts empty.
  await page.reload();
  await expect(page.getByLabel("Full name", { exact: true })).toHaveValue("");
  await page.getByLabel("Full name", { exact: true }).fill("Meera Iyer");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 99000 11111");
  await page.getByLabel("Organization name", { exact: true }).fill("Plain Forms Pvt Ltd");
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "India" });
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();

  await page.goto(activationLink(await waitForMail(email)));
  await page.getByLabel("New password", { exact: true }).fill("plain forms 2026");
  await page.getByLabel("Confirm password", { exact: true }).fill("plain forms 2026");
  await page.getByRole("button", { name: "Set password and activate" }).click();
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);

  // A wrong password: the page comes back with the address kept, the password not.
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("not the password 1");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("The e-mail address or password is incorrect.")).toBeVisible();
  await expect(page.getByLabel("E-mail", { exact: true })).toHaveValue(email);
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await page.getByLabel("Password", { exact: true }).fill("plain forms 2026");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText("Plain Forms Pvt Ltd");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
});
