import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { PORT } from "../playwright.config";
import { expect, signedInAdministrator, test, uniqueEmail, waitForHydration, waitForMail } from "./support";
import { grantCredits } from "./billing-support";
import { csrFor, publish, sh, uniqueDomain, wizard } from "./orders-support";

/// A new P-256 key and a CSR naming `name` (and `more`), made by OpenSSL in `dir`.
/// Validates every pending name of an order through its tracking link.
async function validateThroughTracking(browser: Browser, page: Page, domain: string) {
  const link = (await page.getByTestId("tracking-link").getAttribute("href"))!;
  const track = await (await browser.newContext()).newPage();
  await track.goto(link);
  const value = (await track.getByTestId("dcv-value").textContent())!.trim();
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [domain]: [value] };
  });
  await waitForHydration(track);
  await track.getByRole("button", { name: "Verify Now" }).click();
  await expect(track.getByTestId("tracking-status")).toHaveText("Order Fulfilled");
  await track.context().close();
}

test("a DV order's delegate downloads with the mailed PIN, a reissue is a linked order, and a revocation shows in OpenSSL's OCSP answer", async ({
  page,
  browser,
}) => {
  // Two validations, a mailed PIN, a PKCS#12 built in the browser, a reissue and a revocation:
  // 40 s on an idle 2-core machine, over the default minute when the machine is busy.
  test.setTimeout(120_000);
  const org = `Lifecycle ${Date.now()}`;
  await signedInAdministrator(page, "life", org);
  await grantCredits(browser, org, "500.00");
  const domain = uniqueDomain("life");
  const delegate = uniqueEmail("delegate");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-life-"));

  await wizard(
    page,
    async (p) => {
      await p.getByLabel("Paste a CSR").check();
      await p.getByLabel("CSR (PEM)").fill(csrFor(dir, domain, "first"));
      await p.getByLabel("CSR (PEM)").blur();
    },
    undefined,
    async (p) => {
      await p.getByLabel("Download delegate name (optional)").fill("Dev Ops");
      await p.getByLabel("Download delegate e-mail (gets a PIN to download the certificate)").fill(delegate);
    },
  );
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  const orderId = page.url().match(/\/orders\/(\d+)/)![1];
  await expect(page.getByText(delegate)).toBeVisible();
  await validateThroughTracking(browser, page, domain);
  await page.reload();
  await expect(page.getByTestId("certificate-state")).toHaveText("Valid");
  // 200 days of validity: renewal is not open yet, and the page says when it opens.
  await expect(page.getByTestId("renew-hint")).toContainText("Renewal opens on");
  await expect(page.getByRole("button", { name: "Renew Certificate" })).toHaveCount(0);

  // The delegate's PIN arrives by mail; a wrong PIN is refused, the right one downloads.
  const pinMail = await waitForMail(delegate);
  expect(pinMail.subject).toContain(`order #${orderId}`);
  const pin = pinMail.text.match(/PIN: (\d{8})/)![1];
  const wrong = pin === "00000000" ? "11111111" : "00000000";
  const pub = await (await browser.newContext()).newPage();
  const tryPin = async (value: string) => {
    await pub.goto("/download");
    await pub.getByLabel("Order number").fill(orderId);
    await pub.getByLabel("PIN").fill(value);
  };
  await tryPin(wrong);
  await pub.getByRole("button", { name: "Download" }).click();
  await expect(pub.getByRole("alert")).toHaveText("The order number or the PIN is wrong.");
  await tryPin(pin);
  const download = pub.waitForEvent("download");
  await pub.getByRole("button", { name: "Download" }).click();
  const saved = path.join(dir, "delegated.pem");
  await (await download).saveAs(saved);
  expect(readFileSync(saved, "utf8")).toContain("BEGIN CERTIFICATE");
  // Guessing is cut short: after five wrong PINs even the right one waits.
  for (let i = 0; i < 5; i++) {
    await tryPin(wrong);
    await pub.getByRole("button", { name: "Download" }).click();
    await expect(pub.getByRole("alert")).toBeVisible();
  }
  await tryPin(pin);
  await pub.getByRole("button", { name: "Download" }).click();
  await expect(pub.getByRole("alert")).toContainText("Too many wrong PINs");

  // PKCS#12 from the user's own key, built in the browser; OpenSSL opens it.
  await page.goto(`/orders/${orderId}`);
  await waitForHydration(page);
  await page.getByText("PKCS#12 with your private key (built in this browser)").click();
  await page.getByLabel("Private key (PEM, unencrypted PKCS#8)").fill(readFileSync(path.join(dir, "first.key"), "utf8"));
  await page.getByLabel("PKCS#12 password (at least 8 characters)").fill("p12 secret 42");
  const p12 = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save PKCS#12" }).click();
  await (await p12).saveAs(path.join(dir, "bundle.p12"));
  const inside = sh(dir, "openssl", ["pkcs12", "-in", "bundle.p12", "-passin", "pass:p12 secret 42", "-nodes"]);
  expect(inside).toContain("BEGIN PRIVATE KEY");
  expect(inside.match(/BEGIN CERTIFICATE/g) ?? []).toHaveLength(2);

  // Reissue with a new key: a new order, linked to the original, issued at once.
  await page.locator("summary", { hasText: "Reissue certificate" }).click();
  await page.getByLabel("Reason", { exact: true }).selectOption("Private key lost or compromised");
  await page.getByLabel("New CSR (PEM)", { exact: true }).fill(csrFor(dir, domain, "second"));
  await page.getByRole("button", { name: "Request reissue" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=reissued$/);
  const reissueId = page.url().match(/\/orders\/(\d+)/)![1];
  expect(reissueId).not.toBe(orderId);
  await expect(page.getByTestId("order-status")).toHaveText("Order Fulfilled");
  await expect(page.getByRole("region", { name: "Linked orders" })).toContainText(`Reissue of order #${orderId}`);
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole("region", { name: "Linked orders" })).toContainText(`Reissued as order #${reissueId}`);

  // Revoke the reissued certificate; OpenSSL asks the OCSP responder and hears "revoked".
  await page.goto(`/orders/${reissueId}`);
  await waitForHydration(page);
  await page.locator("summary", { hasText: "Revoke certificate" }).click();
  await page.getByLabel("Reason (RFC 5280)").selectOption({ label: "Key compromise" });
  await page.locator("#revoke-remarks").fill("The laptop was stolen");
  await page.getByRole("button", { name: "Continue to revoke" }).click();
  await page.getByLabel(`Type ${domain} to confirm that its private key is compromised`).fill(domain);
  await page.getByRole("button", { name: "Revoke certificate" }).click();
  await expect(page).toHaveURL(/done=revoked$/);
  await expect(page.getByTestId("certificate-state")).toHaveText("Revoked");
  await expect(page.locator("summary", { hasText: "Revoke certificate" })).toHaveCount(0);
  const pem = await (await page.request.get(`/orders/${reissueId}/certificate/pem`)).text();
  const [leaf, issuer] = pem.split(/(?<=-----END CERTIFICATE-----\n)/);
  writeFileSync(path.join(dir, "leaf.pem"), leaf);
  writeFileSync(path.join(dir, "issuer.pem"), issuer);
  writeFileSync(path.join(dir, "cas.pem"), (await (await page.request.get("/ca/root.crt")).text()) + issuer);
  const answer = sh(dir, "openssl", [
    "ocsp", "-issuer", "issuer.pem", "-cert", "leaf.pem", "-no_nonce", "-url", `http://127.0.0.1:${PORT}/ocsp`, "-CAfile", "cas.pem",
  ]);
  expect(answer).toContain("leaf.pem: revoked");
  expect(answer).toContain("Reason: keyCompromise");
  // The original order's certificate is untouched.
  writeFileSync(path.join(dir, "original.pem"), readFileSync(saved, "utf8").split(/(?<=-----END CERTIFICATE-----\n)/)[0]);
  expect(
    sh(dir, "openssl", ["ocsp", "-issuer", "issuer.pem", "-cert", "original.pem", "-no_nonce", "-url", `http://127.0.0.1:${PORT}/ocsp`, "-CAfile", "cas.pem"]),
  ).toContain("original.pem: good");
  // The order's history records it.
  await expect(page.getByRole("region", { name: "History" })).toContainText("Certificate revoked");
});

test("a short private certificate renews into a linked order, and a cancelled paid order gives a refund and a credit note", async ({
  page,
  browser,
}) => {
  const org = `Renewals ${Date.now()}`;
  await signedInAdministrator(page, "renew", org);
  await grantCredits(browser, org, "500.00");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-renew-"));
  await page.goto("/settings/private-cas");
  await page.getByLabel("CA name").fill("Lab");
  await page.getByRole("button", { name: "Create CA" }).click();
  await expect(page.getByRole("status")).toContainText("The private CA was created.");
  await page.goto("/settings/products");
  await page.getByLabel("Product name").fill("Lab servers");
  await page.getByLabel("Validity (days)").fill("30");
  await page.getByLabel("Template").selectOption({ label: "Server TLS" });
  await page.getByLabel("Approve orders automatically").check();
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("list", { name: "Private products" })).toContainText("Lab servers");

  await page.goto("/orders/new");
  await waitForHydration(page);
  await page.getByLabel("Product", { exact: true }).selectOption({ label: "Lab servers" });
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Paste a CSR").check();
  await page.getByLabel("CSR (PEM)").fill(csrFor(dir, "build.lab", "lab"));
  await page.getByLabel("CSR (PEM)").blur();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  await expect(page.getByTestId("order-status")).toHaveText("Order Fulfilled");
  const orderId = page.url().match(/\/orders\/(\d+)/)![1];

  // 30 days of validity: inside the 60-day window, so renewal is offered at once.
  await waitForHydration(page);
  await page.locator("summary", { hasText: "Renew certificate" }).click();
  await page.getByRole("button", { name: "Renew Certificate" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=renewed$/);
  const renewalId = page.url().match(/\/orders\/(\d+)/)![1];
  expect(renewalId).not.toBe(orderId);
  await expect(page.getByRole("region", { name: "Linked orders" })).toContainText(`Renewal of order #${orderId}`);
  await expect(page.getByRole("region", { name: "Next step" }).getByRole("button", { name: "Submit CSR" })).toBeVisible();
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole("region", { name: "Linked orders" })).toContainText(`Renewed as order #${renewalId}`);
  await expect(page.getByRole("button", { name: "Renew Certificate" })).toHaveCount(0);

  // A paid DV order cancelled before issuance: refunded, with a credit note to download.
  const domain = uniqueDomain("refund");
  await wizard(page, async (p) => p.getByLabel("Submit the CSR later").check(), domain);
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Order Accepted");
  const dvId = page.url().match(/\/orders\/(\d+)/)![1];
  await waitForHydration(page);
  await page.locator("summary", { hasText: "Cancel order" }).click();
  await page.getByLabel("Cancellation remarks").fill("Ordered the wrong domain");
  await page.getByRole("button", { name: "Cancel order" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Order Cancelled");
  const notes = page.getByRole("region", { name: "Credit notes" });
  await expect(notes).toContainText("CN-");
  await expect(notes).toContainText("Ordered the wrong domain");
  const href = (await notes.getByRole("link", { name: "Download Credit Note" }).getAttribute("href"))!;
  // The credit note and the invoice are PDFs that Poppler reads back.
  const pdfDir = mkdtempSync(path.join(tmpdir(), "rootline-pdf-"));
  const pdfText = async (url: string, file: string) => {
    const response = await page.request.get(url);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    writeFileSync(path.join(pdfDir, file), await response.body());
    return sh(pdfDir, "pdftotext", ["-layout", file, "-"]);
  };
  const note = await pdfText(href, "note.pdf");
  expect(note).toMatch(/Credit note CN-\d{6}/);
  expect(note).toContain(`#${dvId}`);
  expect(note).toContain("Ordered the wrong domain");
  const invoice = page.getByRole("region", { name: "Invoice" });
  await expect(invoice).toContainText("RL/");
  const invoiceText = await pdfText((await invoice.getByRole("link", { name: "Download invoice (PDF)" }).getAttribute("href"))!, "invoice.pdf");
  // A USD invoice carries no GST, but is numbered in the financial year like every invoice.
  expect(invoiceText).toMatch(/Invoice RL\/\d{4}-\d{2}\/\d{5}/);
  expect(invoiceText).toContain(domain);
  await page.goto("/billing");
  await expect(page.getByRole("table", { name: "Statement" })).toContainText(`Refund of order ${dvId}`);
  // The account was made today: its only monthly invoice is this month's, with the order's
  // charge and its refund.
  const months = page.getByRole("list", { name: "Monthly invoices" });
  await expect(months.getByRole("link")).toHaveCount(1);
  const monthly = await pdfText((await months.getByRole("link").first().getAttribute("href"))!, "monthly.pdf");
  expect(monthly).toMatch(/Monthly invoice MI-\d{6}-\d{4}-\d{2}/);
  expect(monthly).toContain(`Order #${dvId}`);
  expect(monthly).toMatch(/Refunded: USD [1-9]/);
});

test("a UCC order's names are changed: the added name is paid, reuses the verified domain and issues a linked certificate", async ({
  page,
  browser,
}) => {
  const org = `Many Names ${Date.now()}`;
  await signedInAdministrator(page, "ucc", org);
  await grantCredits(browser, org, "500.00");
  const domain = uniqueDomain("ucc");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-ucc-"));
  await wizard(
    page,
    async (p) => {
      await p.getByLabel("Paste a CSR").check();
      await p.getByLabel("CSR (PEM)").fill(csrFor(dir, domain, "first", [`www.${domain}`]));
      await p.getByLabel("CSR (PEM)").blur();
    },
    `${domain}\nwww.${domain}`,
    undefined,
    { label: "DV UCC SSL", domains: 3 },
  );
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  const orderId = page.url().match(/\/orders\/(\d+)/)![1];
  // Each name has its domain to validate: publish every value at both.
  const track = await (await browser.newContext()).newPage();
  await track.goto((await page.getByTestId("tracking-link").getAttribute("href"))!);
  const values = (await track.getByTestId("dcv-value").allTextContents()).map((v) => v.trim());
  expect(values).toHaveLength(2);
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [domain]: values, [`www.${domain}`]: values };
  });
  await waitForHydration(track);
  // The main domain first: its DNS TXT proof covers the www. sub-domain as well.
  await track.getByRole("button", { name: "Verify Now" }).first().click();
  await expect(track.getByTestId("tracking-status")).toHaveText("Order Fulfilled");
  await expect(track.getByRole("button", { name: "Verify Now" })).toHaveCount(0);
  await track.context().close();
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByTestId("certificate-state")).toHaveText("Valid");

  await page.locator("summary", { hasText: "Add or remove names (SANs)" }).click();
  const change = page.getByRole("region", { name: "Add or remove names" });
  await expect(change).toContainText("Each added name costs USD 20.00");
  await expect(change.getByLabel("Names (one per line; the first is the main one)")).toHaveValue(`${domain}\nwww.${domain}`);

  // Unchanged names are refused; then www goes and api comes.
  await change.getByLabel("Reason for the change").selectOption("Certificate details changed");
  await change.getByLabel("CSR for the new names (PEM)").fill(csrFor(dir, domain, "same", [`www.${domain}`]));
  await change.getByRole("button", { name: "Change names" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "These are the certificate's names already" })).toBeVisible();
  await change.getByLabel("Names (one per line; the first is the main one)").fill(`${domain}\napi.${domain}`);
  await change.getByLabel("CSR for the new names (PEM)").fill(csrFor(dir, domain, "second", [`api.${domain}`]));
  await change.getByRole("button", { name: "Change names" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=names$/);
  const newId = page.url().match(/\/orders\/(\d+)/)![1];
  expect(newId).not.toBe(orderId);
  // The sub-domain is covered by the verified domain, so it issues at once.
  await expect(page.getByTestId("order-status")).toHaveText("Order Fulfilled");
  await expect(page.getByRole("region", { name: "Linked orders" })).toContainText(`Names changed from order #${orderId}`);
  await expect(page.locator("dl.details").first()).toContainText("USD 20.00");
  const pem = await (await page.request.get(`/orders/${newId}/certificate/pem`)).text();
  writeFileSync(path.join(dir, "names.pem"), pem.split(/(?<=-----END CERTIFICATE-----\n)/)[0]);
  const sans = sh(dir, "openssl", ["x509", "-in", "names.pem", "-noout", "-ext", "subjectAltName"]);
  expect(sans).toContain(`DNS:api.${domain}`);
  expect(sans).not.toContain(`DNS:www.${domain}`);
  await page.goto(`/orders/${orderId}`);
  await expect(page.getByRole("region", { name: "Linked orders" })).toContainText(`Names changed as order #${newId}`);
  await expect(page.getByTestId("certificate-state")).toHaveText("Valid");

  // The next request offers the verified domain: one click puts it in the names, once.
  await page.goto("/orders/new");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Submit the CSR later").check();
  await page.getByRole("button", { name: "Next" }).click();
  const verified = page.getByRole("group", { name: "Pre-verified domains" });
  await verified.getByRole("button", { name: `Use ${domain}`, exact: true }).click();
  await verified.getByRole("button", { name: `Use ${domain}`, exact: true }).click();
  await expect(page.getByLabel("Domain names (one per line; the first is the main one)")).toHaveValue(domain);
});
