import { expect, signIn, signedInAdministrator, test, waitForMail, type Mail } from "./support";

function invitationLink(mail: Mail): string {
  const match = mail.text.match(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[0];
}

test("a user of another account joins only by accepting the mailed invitation, then switches between accounts", async ({
  page,
  browser,
}) => {
  // Meera runs her own account...
  const theirs = await browser.newContext();
  const meeraPage = await theirs.newPage();
  const meera = await signedInAdministrator(meeraPage, "meera", `Meera Consulting ${Date.now()}`);
  await theirs.close();

  // ...and Asha's administrator adds her address as a Standard User: she is only invited.
  const ashaOrg = `Asha Holdings ${Date.now()}`;
  await signedInAdministrator(page, "asha", ashaOrg);
  await page.goto("/users/new");
  await page.getByLabel("Full name", { exact: true }).fill("Typed By Asha");
  await page.getByLabel("E-mail", { exact: true }).fill(meera);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 98450 00001");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Standard User" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("they were invited by e-mail");
  const invitations = page.getByRole("table", { name: "Invitations" });
  await expect(invitations).toContainText(meera);
  await expect(invitations).toContainText("Invited");
  await expect(page.getByRole("table", { name: "Users" })).not.toContainText(meera);
  const invitation = await waitForMail(meera, 2);
  expect(invitation.subject).toContain(ashaOrg);
  const link = invitationLink(invitation);

  // She opens the link, signs in from it and accepts.
  const again = await browser.newContext();
  const m = await again.newPage();
  await m.goto(link);
  await expect(m.getByRole("main")).toContainText(ashaOrg);
  await m.getByRole("link", { name: "Sign in to answer" }).click();
  await m.getByLabel("E-mail", { exact: true }).fill(meera);
  await m.getByLabel("Password", { exact: true }).fill("correct horse 42");
  await m.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(m).toHaveURL(/\/invitation\//);
  await m.getByRole("button", { name: "Accept and join" }).click();
  await expect(m).toHaveURL(/\/choose-account\?joined=1$/);
  await expect(m.getByRole("status")).toContainText("You accepted the invitation");

  const choice = m.getByRole("listitem", { name: ashaOrg });
  await expect(choice).toContainText("Standard User");
  await choice.getByRole("button", { name: "Use this account" }).click();
  await expect(m.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await expect(m.getByRole("banner")).toContainText(ashaOrg);
  await expect(m.getByRole("banner")).toContainText("Standard User");
  await m.getByRole("link", { name: "Switch account" }).click();
  await expect(m.getByRole("listitem", { name: ashaOrg })).toContainText("You are working in this account");

  // The link worked once.
  await m.goto(link);
  await expect(m.getByRole("alert")).toContainText("already been answered");
  await again.close();

  // Asha's administrator now sees Meera, with her own name, and cannot rewrite it.
  await page.goto("/users");
  const table = page.getByRole("table", { name: "Users" });
  await expect(table).toContainText(meera);
  await expect(table).not.toContainText("Typed By Asha");
  // Both users signed up under the same default name: pick Meera's row by her address.
  await table.getByRole("row").filter({ hasText: meera }).getByRole("link").first().click();
  await expect(page.getByText("their name, mobile number and designation are theirs to change")).toBeVisible();
  await expect(page.getByLabel("Full name", { exact: true })).toHaveCount(0);
});

test("an invited user may decline, and the inviting account gets nothing", async ({ page, browser }) => {
  const theirs = await browser.newContext();
  const ravi = await signedInAdministrator(await theirs.newPage(), "ravi", `Ravi Traders ${Date.now()}`);
  await theirs.close();

  const org = `Declined Co ${Date.now()}`;
  await signedInAdministrator(page, "dana", org);
  await page.goto("/users/new");
  await page.getByLabel("Full name", { exact: true }).fill("Ravi Kumar");
  await page.getByLabel("E-mail", { exact: true }).fill(ravi);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 98450 00002");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Basic User" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("they were invited by e-mail");
  const link = invitationLink(await waitForMail(ravi, 2));

  const again = await browser.newContext();
  const r = await again.newPage();
  await signIn(r, ravi, "correct horse 42");
  await expect(r.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await r.goto(link);
  await r.getByRole("button", { name: "Decline" }).click();
  await expect(r).toHaveURL(/\/choose-account\?declined=1$/);
  await expect(r.getByRole("listitem", { name: org })).toHaveCount(0);
  await again.close();

  await page.goto("/audit");
  await expect(page.getByRole("main")).toContainText("declined the invitation");
});

test("switching into an account that enforces two-factor sign-in asks a user without an app to enrol first", async ({
  page,
  browser,
}) => {
  // Two accounts signed up and activated, an invitation mailed and accepted: past the default
  // minute on a busy two-core CI machine.
  test.setTimeout(120_000);
  const theirs = await browser.newContext();
  const meera = await signedInAdministrator(await theirs.newPage(), "nofa", `No Second Factor ${Date.now()}`);
  await theirs.close();

  const org = `Strict Co ${Date.now()}`;
  await signedInAdministrator(page, "strict", org);
  await page.goto("/users/new");
  await page.getByLabel("Full name", { exact: true }).fill("Meera Iyer");
  await page.getByLabel("E-mail", { exact: true }).fill(meera);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 98450 00003");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Standard User" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("they were invited by e-mail");
  const link = invitationLink(await waitForMail(meera, 2));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Two-factor sign-in" }).click();
  await page.getByLabel("Enforce 2FA via T-OTP").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toContainText("saved");

  const again = await browser.newContext();
  const m = await again.newPage();
  await signIn(m, meera, "correct horse 42");
  await expect(m.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await m.goto(link);
  await m.getByRole("button", { name: "Accept and join" }).click();
  await expect(m).toHaveURL(/\/choose-account\?joined=1$/);
  await m.getByRole("listitem", { name: org }).getByRole("button", { name: "Use this account" }).click();
  await expect(m).toHaveURL(/\/sign-in\/two-factor\/enrol$/);
  await expect(m.getByRole("img", { name: "QR code with the secret" })).toBeVisible();
  // Until she enrols the session works nowhere.
  await m.goto("/users");
  await expect(m).toHaveURL(/\/sign-in/);
  await again.close();
});
