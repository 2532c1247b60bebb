import { Page } from "@playwright/test";

import { expect, setRole, signedInAdministrator, test, waitForHydration } from "./support";

// A small but real PDF, as a scanner would save a certificate of incorporation.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/// Fills the add-organization form with a company registered in Karnataka.
async function fillOrganization(page: Page, legalName: string, representative: string) {
  await page.getByLabel("Legal name", { exact: true }).fill(legalName);
  await page.getByLabel("Organization type").selectOption({ label: "Private organization" });
  await page.getByLabel("Registration or incorporation number").fill("U72200KA2009PTC049889");
  await page.getByLabel("Registration agency").fill("Registrar of Companies, Bengaluru");
  await page.locator("#field-jurisdiction_country").selectOption("IN");
  await page.getByLabel("State or province (if registered there)").fill("Karnataka");
  await page.getByLabel("Street address").fill("12 MG Road");
  await page.getByLabel("City", { exact: true }).fill("Bengaluru");
  await page.getByLabel("Postal code").fill("560001");
  await page.locator("#field-country").selectOption("IN");
  await page.getByLabel("Organization phone number").fill("+91 80 4000 1234");
  await page.getByLabel("Full name").fill("Asha Rao");
  await page.locator("#field-rep_email").fill(representative);
  await page.locator("#field-rep_phone").fill("+91 98450 12345");
  await page.getByLabel("Designation").fill("Company Secretary");
}

test("an administrator adds an organization with its documents and sends it for validation", async ({ page }) => {
  const email = await signedInAdministrator(page, "org-admin", "Acme Widgets Private Limited");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organizations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organizations" })).toBeVisible();
  await expect(page.getByText(/No organizations match/)).toBeVisible();
  await page.getByRole("link", { name: "Add organization" }).click();
  await waitForHydration(page);

  // A legal name that cannot be a certificate's organization field is refused by name.
  await fillOrganization(page, "A".repeat(70), email);
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText(/holds at most 64 characters/)).toBeVisible();
  await page.getByLabel("Legal name", { exact: true }).fill("Acme Widgets Private Limited");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status")).toContainText("Organization saved as a draft");
  await expect(page.getByRole("heading", { name: "Acme Widgets Private Limited" })).toBeVisible();
  await expect(page.getByText("Draft", { exact: true })).toBeVisible();
  const organizationUrl = page.url().replace(/\?.*$/, "");

  // Sending it needs a document; a page saved as .pdf is not one.
  await page.getByRole("button", { name: "Send for validation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Add at least one registration document" })).toBeVisible();
  const upload = page.getByLabel("Registration document");
  await upload.setInputFiles({ name: "incorporation.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByText("Upload a PDF, PNG or JPEG file. The file's contents are checked, not its name.")).toBeVisible();
  await expect(page.getByText("No documents yet.")).toBeVisible();
  await page.getByLabel("Registration document").setInputFiles({ name: "incorporation.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByRole("status")).toContainText("Document added.");
  const documents = page.getByRole("table", { name: "Registration documents" });
  await expect(documents).toContainText("incorporation.pdf");
  await expect(documents).toContainText("PDF");

  // The document is served to the account as the PDF it is, shown inline.
  const href = await documents.getByRole("link", { name: "incorporation.pdf" }).getAttribute("href");
  const served = await page.request.get(href!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("application/pdf");
  expect(served.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(Buffer.from(await served.body()).equals(PDF)).toBe(true);

  // An alternate representative, with a bad address first.
  await page.locator("#alternate-name").fill("Ravi Kumar");
  await page.locator("#alternate-email").fill("ravi-at-acme");
  await page.locator("#alternate-phone").fill("+91 98450 54321");
  await page.locator("#alternate-designation").fill("Director");
  await page.getByRole("button", { name: "Add alternate representative" }).click();
  await expect(page.locator("#alternate-email-error")).not.toBeEmpty();
  await page.locator("#alternate-email").fill("ravi@acme-widgets.example.in");
  await page.getByRole("button", { name: "Add alternate representative" }).click();
  await expect(page.getByRole("status")).toContainText("Alternate representative added.");
  await expect(page.getByRole("table", { name: "Representatives" })).toContainText("Ravi Kumar");

  await page.getByRole("button", { name: "Send for validation" }).click();
  await expect(page.getByRole("status")).toContainText("Sent for validation");
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send for validation" })).toHaveCount(0);
  // With the validation team, its documents stay.
  await expect(page.getByRole("button", { name: /^Remove incorporation\.pdf$/ })).toHaveCount(0);

  // The list finds it by registration number and by status, and exports what it shows.
  await page.goto("/organizations?search=049889");
  const list = page.getByRole("table", { name: "Organizations" });
  await expect(list.getByRole("link", { name: "Acme Widgets Private Limited" })).toHaveAttribute("href", new URL(organizationUrl).pathname);
  await expect(list).toContainText("Submitted");
  await page.getByLabel("Status").selectOption({ label: "Draft" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(/No organizations match/)).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export to Excel" }).click();
  expect((await download).suggestedFilename()).toBe("organizations.xlsx");
});

test("an organization is added without JavaScript, and a refused post comes back filled in", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const email = await signedInAdministrator(page, "org-nojs", "Plain Forms Ltd");
  await page.goto("/organizations/new");
  await fillOrganization(page, "Plain Forms Limited", email);
  await page.locator("#field-country").selectOption("");
  await page.locator("form").first().evaluate((f: HTMLFormElement) => f.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("Choose a country.")).toBeVisible();
  await expect(page.getByLabel("Legal name", { exact: true })).toHaveValue("Plain Forms Limited");
  await page.locator("#field-country").selectOption("IN");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status")).toContainText("Organization saved as a draft");
  await page.getByLabel("Registration document").setInputFiles({ name: "registration.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByRole("status")).toContainText("Document added.");
  await page.getByRole("button", { name: "Send for validation" }).click();
  await expect(page.getByRole("status")).toContainText("Sent for validation");
  await context.close();
});

test("a basic user reads the organizations but cannot add one, and another account's is not found", async ({ page, browser }) => {
  const admin = await signedInAdministrator(page, "org-owner", "Owner Widgets Ltd");
  await page.goto("/organizations/new");
  await fillOrganization(page, "Owner Widgets Limited", admin);
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status")).toContainText("Organization saved as a draft");
  const theirs = new URL(page.url()).pathname;

  // Someone else's account: the same address answers "not found".
  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await signedInAdministrator(other, "org-stranger", "Stranger Things Ltd");
  await other.goto(theirs);
  await expect(other.getByText("We could not find that.")).toBeVisible();
  const document = await other.request.get(`${theirs}/documents/1`);
  expect(document.status()).toBe(404);
  await stranger.close();

  // The owner account's basic user sees the list, read-only.
  setRole(admin, "basic_user");
  await page.goto("/organizations");
  await expect(page.getByRole("table", { name: "Organizations" })).toContainText("Owner Widgets Limited");
  await expect(page.getByRole("link", { name: "Add organization" })).toHaveCount(0);
  await page.goto("/organizations/new");
  await expect(page.getByText(/does not allow you to add or change organizations/)).toBeVisible();
  await page.goto(theirs);
  await expect(page.getByRole("button", { name: "Send for validation" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
});
