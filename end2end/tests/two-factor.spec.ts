import crypto from "node:crypto";

import { expect, signIn, signedInAdministrator, test, waitForHydration } from "./support";

/// RFC 6238 with SHA-1, 6 digits, 30-second steps: what an authenticator app computes.
function totp(secretBase32: string, at = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of secretBase32.replace(/=+$/, "")) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = crypto.createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

test("with 2FA enforced a user enrols an app, keeps recovery codes, and signs in with fresh codes only", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const email = await signedInAdministrator(page, "totp", "Second Factor Ltd");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Two-factor sign-in" }).click();
  await page.getByLabel("Enforce 2FA via T-OTP").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("saved");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, email, "correct horse 42");
  await expect(page).toHaveURL(/\/sign-in\/two-factor\/enrol$/);
  await expect(page.getByRole("img", { name: "QR code with the secret" })).toBeVisible();
  const secret = (await page.getByLabel("Secret key").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel("Code from the app").fill("000000");
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  const used = totp(secret);
  await page.getByLabel("Code from the app").fill(used);
  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("link", { name: "Continue to Rootline" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // The next sign-in asks for a code; the one already used is refused.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, "correct horse 42");
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  await page.getByLabel("Code").fill(used);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That code was already used")).toBeVisible();

  // The app's next code works.
  while (totp(secret) === used) await page.waitForTimeout(1000);
  await page.getByLabel("Code").fill(totp(secret));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
});

test("a user sets up an authenticator app from the profile, makes new recovery codes and removes it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const email = await signedInAdministrator(page, "own-app", "Own App Ltd");
  await page.goto("/profile");
  await waitForHydration(page);
  const section = page.getByRole("region", { name: "Authenticator app" });
  await expect(section).toContainText("Not set up.");
  await section.getByRole("button", { name: "Set up an authenticator app" }).click();
  const secret = (await section.getByLabel("Secret key").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await section.getByLabel("Code from the app").fill("000000");
  await section.getByRole("button", { name: "Confirm" }).click();
  await expect(section.getByText("That code is not right")).toBeVisible();
  await section.getByLabel("Code from the app").fill(totp(secret));
  await section.getByRole("button", { name: "Confirm" }).click();
  const codes = section.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.first().textContent())!.trim();
  await expect(section).toContainText("Set up. 10 unused recovery codes.");

  // The next sign-in asks for a code; a recovery code does.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, email, "correct horse 42");
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  await page.getByLabel("Code").fill(recovery);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // Removing it needs the password.
  await page.goto("/profile");
  await waitForHydration(page);
  await expect(section).toContainText("Set up. 9 unused recovery codes.");
  await section.getByText("Remove the authenticator app").click();
  await section.getByLabel("Your password").fill("not my password 1");
  await section.getByRole("button", { name: "Remove the app" }).click();
  await expect(section.getByText("That is not your current password.")).toBeVisible();
  await section.getByLabel("Your password").fill("correct horse 42");
  await section.getByRole("button", { name: "Remove the app" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The authenticator app was removed." })).toBeVisible();
  await expect(section).toContainText("Not set up.");
});
