import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { grantCredits } from "./billing-support";
import { pkilintFindings, publish, sh, uniqueDomain, wizard } from "./orders-support";
import { PDF, fillOrganization } from "./organizations-support";
import { expect, mailCount, mailSubjects, setRole, signedInAdministrator, signedInOperator, test, waitForHydration, waitForMail } from "./support";

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
  const upload = page.getByLabel("Registration document", { exact: true });
  await upload.setInputFiles({ name: "incorporation.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByText("Upload a PDF, PNG or JPEG file. The file's contents are checked, not its name.")).toBeVisible();
  await expect(page.getByText("No documents yet.")).toBeVisible();
  await page.getByLabel("Registration document", { exact: true }).setInputFiles({ name: "incorporation.pdf", mimeType: "application/pdf", buffer: PDF });
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
  // Past the browser's own check of the required field, as an older browser would post it.
  await page
    .locator("form", { has: page.getByRole("button", { name: "Save as draft" }) })
    .evaluate((f: HTMLFormElement) => f.setAttribute("novalidate", ""));
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByText("Choose a country.")).toBeVisible();
  await expect(page.getByLabel("Legal name", { exact: true })).toHaveValue("Plain Forms Limited");
  await page.locator("#field-country").selectOption("IN");
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status")).toContainText("Organization saved as a draft");
  await page.getByLabel("Registration document", { exact: true }).setInputFiles({ name: "registration.pdf", mimeType: "application/pdf", buffer: PDF });
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
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
});

test("an OV order names an organization being vetted and takes an interim DV meanwhile; the desk verifies it OV item by item, the order issues and supersedes the interim certificate; a partner names the organization once its representative consents", async ({ page, browser }) => {
  // The customer's side: an organization with a document, sent for validation.
  const customer = await signedInAdministrator(page, "org-vetted", "Vetted Widgets Ltd");
  await page.goto("/organizations/new");
  await fillOrganization(page, "Vetted Widgets Private Limited", customer);
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status")).toContainText("Organization saved as a draft");
  const organizationPath = new URL(page.url()).pathname;
  const id = organizationPath.split("/").pop();
  await page.getByLabel("Registration document", { exact: true }).setInputFiles({ name: "incorporation.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByRole("status")).toContainText("Document added.");
  await page.getByRole("button", { name: "Send for validation" }).click();
  await expect(page.getByRole("status")).toContainText("Sent for validation");

  // The default group is limited to this organization (its OV orders may name only it).
  await page.goto("/groups");
  await page.getByRole("link", { name: "Users, domains and logo of Default group" }).click();
  await expect(page.getByTestId("group-organization-scope")).toContainText("All:");
  await page.getByLabel("Organization of the account").selectOption({ label: "Vetted Widgets Private Limited" });
  await page.getByRole("button", { name: "Limit the group to this organization" }).click();
  await expect(page.getByRole("status")).toContainText("The group now orders only for its listed organizations.");
  await expect(page.getByRole("list", { name: "Organizations of the group" })).toContainText("Vetted Widgets Private Limited");

  // Ordering need not wait for the desk: the organization being vetted is named now, with a key
  // made in the browser, and the order waits for the decision.
  await grantCredits(browser, "Vetted Widgets Ltd", "900.00");
  const domain = uniqueDomain("ov");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-ov-"));
  await wizard(
    page,
    async (p) => {
      await p.getByLabel("Generate the key in this browser").check();
      await p.getByLabel("Domain names for the key (one per line)").fill(domain);
      await p.getByRole("button", { name: "Generate key and CSR" }).click();
      await expect(p.getByTestId("key-ready")).toContainText("ECDSA P-256");
      const download = p.waitForEvent("download");
      await p.getByRole("button", { name: "Save private key (PEM)" }).click();
      await (await download).saveAs(path.join(dir, "key.pem"));
      await expect(p.getByTestId("key-saved")).toBeVisible();
    },
    undefined,
    undefined,
    { label: "OV SSL", organization: "Vetted Widgets Private Limited (being vetted: the order waits for it)" },
  );
  await expect(page.getByRole("definition").filter({ hasText: "Vetted Widgets Private Limited" })).toBeVisible();
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  const orderId = page.url().match(/\/orders\/(\d+)/)![1];
  await expect(page.getByRole("link", { name: "Vetted Widgets Private Limited" })).toBeVisible();
  const track = await (await browser.newContext()).newPage();
  await track.goto((await page.getByTestId("tracking-link").getAttribute("href"))!);
  const value = (await track.getByTestId("dcv-value").textContent())!.trim();
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [domain]: [value] };
  });
  await waitForHydration(track);
  await track.getByRole("button", { name: "Verify Now" }).click();
  await expect(track.getByRole("status")).toContainText("Domain control verified");
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId("organization-in-vetting")).toContainText("Waiting for the vetting of Vetted Widgets Private Limited");
  await expect(page.getByTestId("order-status")).not.toHaveText("Order Fulfilled");

  // Meanwhile an interim DV certificate for the same names and key, at no charge.
  await waitForHydration(page);
  await page.getByRole("button", { name: "Get the interim DV certificate" }).click();
  await expect(page.getByRole("status")).toContainText("The interim DV certificate was issued");
  const interim = await (await page.request.get(`/orders/${orderId}/interim/pem`)).text();
  const [interimLeaf, issuing] = interim.split(/(?<=-----END CERTIFICATE-----\n)/);
  writeFileSync(path.join(dir, "interim.pem"), interimLeaf);
  writeFileSync(path.join(dir, "cas.pem"), (await (await page.request.get("/ca/root.crt")).text()) + issuing);
  writeFileSync(path.join(dir, "tls.pem"), issuing);
  expect(sh(dir, "openssl", ["x509", "-in", "interim.pem", "-noout", "-ext", "certificatePolicies"])).toContain("2.23.140.1.2.1");
  expect(sh(dir, "openssl", ["x509", "-in", "interim.pem", "-noout", "-subject", "-nameopt", "RFC2253"])).not.toContain("O=");
  expect(sh(dir, "openssl", ["x509", "-in", "interim.pem", "-noout", "-ext", "subjectAltName"])).toContain(`DNS:${domain}`);
  expect(sh(dir, "openssl", ["x509", "-in", "interim.pem", "-noout", "-pubkey"])).toBe(sh(dir, "openssl", ["pkey", "-in", "key.pem", "-pubout"]));
  const ocsp = () =>
    sh(dir, "openssl", ["ocsp", "-issuer", "tls.pem", "-cert", "interim.pem", "-no_nonce", "-url", new URL("/ocsp", page.url()).toString(), "-CAfile", "cas.pem"]);
  expect(ocsp()).toContain("interim.pem: good");

  // The operator's side: the queue, the checklist, a document opened from the desk.
  const desk = await browser.newContext();
  const ops = await desk.newPage();
  await signedInOperator(ops);
  await ops.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Vetting desk" }).click();
  await ops.getByRole("table", { name: "Vetting desk" }).getByRole("link", { name: "Vetted Widgets Private Limited" }).click();
  await expect(ops).toHaveURL(new RegExp(`/operator/vetting/${id}$`));
  const doc = await ops.getByRole("list", { name: "Registration documents" }).getByRole("link", { name: "incorporation.pdf" }).getAttribute("href");
  const served = await ops.request.get(doc!);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("application/pdf");
  // A customer cannot open the desk's route.
  expect((await page.request.get(doc!)).status()).toBe(403);

  // Verifying before every OV item is checked is not offered.
  await expect(ops.getByRole("button", { name: "Verify as OV" })).toBeDisabled();
  await ops.getByLabel("Item").selectOption({ label: "Identity and address" });
  await ops.getByLabel("Source").fill("MCA21 company master data, CIN U72200KA2009PTC049889");
  await ops.getByRole("button", { name: "Mark checked" }).click();
  await expect(ops.getByRole("status")).toContainText("Check recorded.");
  const checklist = ops.getByRole("table", { name: "Checklist" });
  await expect(checklist.getByRole("row", { name: /Identity and address/ })).toContainText("MCA21 company master data");
  await expect(ops.getByRole("button", { name: "Verify as OV" })).toBeDisabled();

  // The authentication code goes to the representative, who enters it through the link.
  const before = await mailCount(customer);
  await ops.getByRole("button", { name: "Send authentication code" }).click();
  await expect(ops.getByRole("status")).toContainText("was mailed to the representative");
  const mail = await waitForMail(customer, before + 1);
  expect(mail.subject).toContain("Your authentication code for Vetted Widgets Private Limited");
  const code = mail.text.match(/code is (\d{6})\./)![1];
  const link = mail.text.match(/http:\/\/\S+\/organizations\/verify\/[A-Za-z0-9_-]{43}/)![0];
  const outsider = await browser.newContext({ javaScriptEnabled: false });
  const rep = await outsider.newPage();
  await rep.goto(link);
  await expect(rep.getByText(/is verifying Vetted Widgets Private Limited/)).toBeVisible();
  await rep.getByLabel("Authentication code").fill(code === "000000" ? "111111" : "000000");
  await rep.getByRole("button", { name: "Confirm" }).click();
  await expect(rep.getByText(/That code is not right/)).toBeVisible();
  await rep.getByLabel("Authentication code").fill(code);
  await rep.getByRole("button", { name: "Confirm" }).click();
  await expect(rep.getByText("Thank you. The code was accepted")).toBeVisible();
  await rep.goto(link);
  await expect(rep.getByText("We could not find that.")).toBeVisible();
  await outsider.close();

  await ops.reload();
  await expect(checklist.getByRole("row", { name: /Verified method of communication/ })).toContainText("entered through its link");
  await ops.getByRole("button", { name: "Verify as OV" }).click();
  await expect(ops.getByRole("status")).toContainText("Organization verified.");
  await expect(ops.getByRole("list", { name: "History" })).toContainText("Verified OV");
  await desk.close();

  // The decision and the certificate of the order that waited for it are both mailed.
  await waitForMail(customer, before + 3);
  const subjects = (await mailSubjects(customer)).slice(before);
  expect(subjects).toContain("Vetted Widgets Private Limited is verified (OV)");
  await page.goto(organizationPath);
  await expect(page.getByText("Verified OV", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId("order-status")).toHaveText("Order Fulfilled");
  await expect(page.getByTestId("organization-in-vetting")).toHaveCount(0);
  // The OV certificate supersedes the interim one (this server's grace period is zero).
  await expect(page.getByTestId("interim-dv")).toContainText("revoked as superseded");
  await expect.poll(ocsp).toContain("interim.pem: revoked");
  expect(ocsp()).toContain("Reason: superseded");


  // The certificate names the vetted organization, is OV by its policy, and pkilint finds
  // nothing at WARNING or above.
  const pem = await (await page.request.get(`/orders/${orderId}/certificate/pem`)).text();
  const [leaf] = pem.split(/(?<=-----END CERTIFICATE-----\n)/);
  writeFileSync(path.join(dir, "leaf.pem"), leaf);
  const subject = sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-subject", "-nameopt", "RFC2253"]);
  // The address has a city and no state: the subject carries what the record holds.
  expect(subject.trim()).toBe("subject=O=Vetted Widgets Private Limited,L=Bengaluru,C=IN");
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-ext", "certificatePolicies"])).toContain("2.23.140.1.2.2");
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-pubkey"])).toBe(sh(dir, "openssl", ["pkey", "-in", "key.pem", "-pubout"]));
  expect(pkilintFindings(dir, "lint_cabf_serverauth_cert", "OV-FINAL-CERTIFICATE")).toEqual([]);

  // An ACME credential with an OV product orders OV only when bound to the organization.
  await page.goto("/settings/acme");
  await waitForHydration(page);
  await page.getByLabel("Product", { exact: true }).selectOption({ label: "OV SSL" });
  await page.getByRole("button", { name: "Make credential" }).click();
  await expect(page.getByText("An OV product's ACME orders name an organization")).toBeVisible();
  await expect(page.getByTestId("acme-created")).toHaveCount(0);
  await page.getByLabel("Organization (OV products)").selectOption({ label: "Vetted Widgets Private Limited" });
  await page.getByRole("button", { name: "Make credential" }).click();
  await expect(page.getByTestId("acme-created")).toBeVisible();
  const keyId = (await page.getByTestId("acme-key-id").textContent()) ?? "";
  await expect(page.getByRole("table", { name: "ACME credentials" }).getByRole("row").filter({ hasText: keyId })).toContainText(
    "Vetted Widgets Private Limited",
  );

  // A partner's account asks the representative to share the organization; it can name it
  // only once the representative allows it through the mailed link.
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await signedInAdministrator(partner, "org-partner", "Partner Resellers Ltd");
  await partner.goto("/organizations");
  await waitForHydration(partner);
  await expect(partner.getByText("No other account's organization is shared with this account.")).toBeVisible();
  const mailsBefore = await mailCount(customer);
  await partner.getByLabel("Representative's e-mail").fill(customer.toUpperCase());
  await partner.getByRole("button", { name: "Ask for consent" }).click();
  await expect(partner.getByRole("status")).toContainText("If an organization of another account has that representative");
  const consentMail = await waitForMail(customer, mailsBefore + 1);
  expect(consentMail.subject).toBe("Partner Resellers Ltd asks to name Vetted Widgets Private Limited in its certificates");
  const consentLink = consentMail.text.match(/http:\/\/\S+\/organizations\/consent\/[A-Za-z0-9_-]{43}/)![0];
  await partner.reload();
  await expect(partner.getByTestId("shared-organizations")).toHaveCount(0);
  const repContext = await browser.newContext({ javaScriptEnabled: false });
  const representative = await repContext.newPage();
  await representative.goto(consentLink);
  await expect(representative.getByText("The account Partner Resellers Ltd asks to name Vetted Widgets Private Limited")).toBeVisible();
  await representative.getByRole("button", { name: "Allow this account" }).click();
  await expect(representative.getByText("You allowed it.")).toBeVisible();
  await repContext.close();
  await partner.reload();
  await expect(partner.getByTestId("shared-organizations")).toContainText("Vetted Widgets Private Limited");
  await partner.goto("/orders/new");
  await waitForHydration(partner);
  await partner.getByLabel("Product", { exact: true }).selectOption({ label: "OV SSL" });
  await expect(partner.getByLabel("Organization (OV and EV products)").locator("option", { hasText: "Vetted Widgets Private Limited (verified OV)" })).toHaveCount(1);
  await partnerContext.close();
});
