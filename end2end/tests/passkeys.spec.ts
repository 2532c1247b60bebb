import type { BrowserContext, Page } from "@playwright/test";

import { PORT } from "../playwright.config";
import { expect, signedInAdministrator, test, waitForHydration } from "./support";

/// Passkeys answer to http://localhost (browsers refuse them for an IP address), so these
/// tests work there; the rest of the suite uses 127.0.0.1.
const HOST = `http://localhost:${PORT}`;

/// Chromium's virtual authenticator (CDP WebAuthn domain): a platform authenticator that
/// stores discoverable credentials and verifies its user without asking.
async function virtualAuthenticator(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function signInAtHost(page: Page, email: string) {
  await page.goto(`${HOST}/sign-in`);
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("correct horse 42");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a passkey is registered on the profile, confirms a password sign-in and signs in without one", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const email = await signedInAdministrator(page, "passkey", "Passkey Works Ltd");
  const { cdp, authenticatorId } = await virtualAuthenticator(context, page);

  await signInAtHost(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await page.goto(`${HOST}/profile`);
  await waitForHydration(page);
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await page.getByLabel("Name for a new passkey").fill("Test laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("status")).toContainText("The passkey \u201cTest laptop\u201d was added.");
  const table = page.getByRole("table", { name: "Passkeys" });
  await expect(table.getByRole("row", { name: /Test laptop/ })).toContainText("Never");
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);

  // With a passkey, the password alone no longer signs in: the passkey completes it.
  await page.getByRole("button", { name: "Sign out" }).click();
  await signInAtHost(page, email);
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/);
  await waitForHydration(page);
  await expect(page.getByLabel("Code")).toHaveCount(0);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  // Without e-mail or password: the authenticator names the user.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto(`${HOST}/sign-in`);
  await waitForHydration(page);
  // The sign-in page is plain HTML; its link opens the page that asks for the passkey.
  await page.getByRole("link", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  // Renamed, used, then removed.
  await page.goto(`${HOST}/profile`);
  await waitForHydration(page);
  await expect(table.getByRole("row", { name: /Test laptop/ })).not.toContainText("Never");
  await page.getByLabel("New name for Test laptop").fill("Work laptop");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("status")).toContainText("The passkey was renamed.");
  await expect(table.getByRole("row", { name: /Work laptop/ })).toBeVisible();
  await page.getByRole("button", { name: "Remove passkey Work laptop" }).click();
  await expect(page.getByRole("status")).toContainText("The passkey was removed.");
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();

  // The authenticator still holds the credential, but the portal no longer knows it.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto(`${HOST}/sign-in`);
  await waitForHydration(page);
  // The sign-in page is plain HTML; its link opens the page that asks for the passkey.
  await page.getByRole("link", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "This passkey is not registered here." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/passkey$/);
  // The page offers the prompt again, and the way back to a password.
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toBeEnabled();
  await expect(page.getByRole("link", { name: "Sign in with e-mail and password instead" })).toHaveAttribute("href", "/sign-in");
});

test("at an IP address passkeys are not offered: a note says why and links to where they work, and nothing is stored", async ({
  page,
  context,
}) => {
  await page.goto("/sign-in");
  await waitForHydration(page);
  await expect(page.getByRole("link", { name: "Sign in with a passkey" })).toHaveCount(0);
  const note = page.getByTestId("passkeys-off");
  await expect(note).toContainText("browsers allow them only at a host name, not at an IP address");
  await expect(note.getByRole("link")).toHaveAttribute("href", `${HOST}/sign-in`);

  // At the passkey origin the button is there.
  await page.goto(`${HOST}/sign-in`);
  await expect(page.getByRole("link", { name: "Sign in with a passkey" })).toBeVisible();
  await expect(page.getByTestId("passkeys-off")).toHaveCount(0);

  // The profile offers no registration at the IP address either (the browser would refuse
  // the relying party), and no passkey is kept.
  await signedInAdministrator(page, "passkey-ip", "Numeric Address Ltd");
  await virtualAuthenticator(context, page);
  await page.goto("/profile");
  await expect(page.getByText("You have no passkeys yet.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Passkeys" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a passkey" })).toHaveCount(0);
  await expect(page.getByTestId("passkeys-off")).toContainText("not at an IP address");
  await expect(page.getByTestId("passkeys-off").getByRole("link")).toHaveAttribute("href", `${HOST}/profile`);
});
