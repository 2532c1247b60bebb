import { activate, activationLink, expect, fillSignUp, serverCli, signIn, test, uniqueEmail, waitForMail } from "./support";

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

test("an operator approves one Partner application and rejects another with a reason", async ({ page, browser }) => {
  const applicant = await browser.newContext();
  const partner = await applicant.newPage();
  const apply = async (email: string, organization: string) => {
    await fillSignUp(partner, { kind: "Partner", email, organization, name: "Ravi Kumar" });
    await expect(partner.getByRole("heading", { name: "Application received" })).toBeVisible();
  };
  const approved = uniqueEmail("approved");
  const rejected = uniqueEmail("rejected");
  const approvedOrg = `Approved Resellers ${Date.now()}`;
  const rejectedOrg = `Doubtful Resellers ${Date.now()}`;
  await apply(approved, approvedOrg);
  await apply(rejected, rejectedOrg);

  const ops = uniqueEmail("ops");
  const link = serverCli("create-operator", "--email", ops).match(/http:\/\/\S+\/activate\/[A-Za-z0-9_-]{43}/)![0];
  await activate(page, link, "operator pass 42");
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(page, ops, "operator pass 42");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Accounts" }).click();
  await page.getByLabel("Status").selectOption({ label: "Waiting for operator approval" });
  await page.getByRole("button", { name: "Filter" }).click();

  const toReject = page.getByRole("listitem", { name: rejectedOrg });
  await toReject.getByRole("button", { name: "Reject application" }).click();
  await expect(toReject.getByText("Give the applicant a reason")).toBeVisible();
  await toReject.getByLabel("Reason for rejecting").fill("We could not verify the business registration.");
  await toReject.getByRole("button", { name: "Reject application" }).click();
  await expect(page.getByRole("status")).toContainText("rejected");
  const no = await waitForMail(rejected, 2);
  expect(no.text).toContain("We could not verify the business registration.");

  await page.goto("/operator/accounts?status=pending_approval");
  const toApprove = page.getByRole("listitem", { name: approvedOrg });
  await toApprove.getByRole("button", { name: "Enable multiple groups" }).click();
  await expect(page.getByRole("status")).toContainText("options were saved");
  await page.goto("/operator/accounts?status=pending_approval");
  await expect(page.getByRole("listitem", { name: approvedOrg })).toContainText("Enabled");
  await page.getByRole("listitem", { name: approvedOrg }).getByRole("button", { name: "Approve application" }).click();
  await expect(page.getByRole("status")).toContainText("approved");

  // The approved applicant now gets the activation e-mail and can sign in.
  const yes = await waitForMail(approved, 2);
  await activate(partner, activationLink(yes), "partner pass 42");
  await expect(partner).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(partner, approved, "partner pass 42");
  await expect(partner.getByRole("banner")).toContainText(approvedOrg);
  await expect(partner.getByRole("banner")).toContainText("Partner");
  // A customer cannot open the console.
  await partner.goto("/operator/accounts");
  await expect(partner.getByText("Only operator users")).toBeVisible();
  await applicant.close();
});
