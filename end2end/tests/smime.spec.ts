import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  DB_FILE,
  expect,
  signedInAdministrator,
  test,
  uniqueEmail,
  waitForHydration,
  waitForMail,
} from "./support";
import { grantCredits } from "./billing-support";
import { pkilintFindings, sh } from "./orders-support";

function verificationLink(text: string): string {
  const match = text.match(/http:\/\/\S+\/smime\/verify\/[A-Za-z0-9_-]{43}/);
  if (!match) throw new Error(`no verification link in: ${text}`);
  return match[0];
}

/// Moves the verification links of an address 26 years into the past, as if a day had gone
/// by, by editing the server's SQLite file.
function expireVerificationLinks(email: string) {
  const script = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n = db.execute(
  "UPDATE smime_mailboxes SET value_sent_at = '2000' || substr(value_sent_at, 5) WHERE email = ?",
  (sys.argv[2],)).rowcount
db.commit()
print(n)
`;
  const out = execFileSync("python3", ["-c", script, DB_FILE, email.toLowerCase()]).toString().trim();
  if (out === "0") throw new Error(`no verification link to expire for ${email}`);
}

test("Certum-style S/MIME activation: order and pay, provide the address, verify it from the mailed link (an expired link is refused), generate the key in the browser, activate, download and build the PKCS#12", async ({
  page,
  browser,
}) => {
  const org = `Mailbox Matters ${Date.now()}`;
  const admin = await signedInAdministrator(page, "smimeadmin", org);
  await grantCredits(browser, org, "100.00");
  const mailbox = uniqueEmail("mailbox");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-smime-"));

  // emSign's ordering: product and validity, requester, the address later, the CSR skipped.
  await page.goto("/orders/smime/new");
  await waitForHydration(page);
  await expect(page.getByTestId("smime-price")).toContainText("29.00");
  await page.getByLabel("Skip: provide the CSR").check();
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\/smime\?done=placed$/);
  const orderId = page.url().match(/\/orders\/(\d+)\/smime/)![1];
  await waitForHydration(page);
  await expect(page.getByTestId("order-status")).toHaveText("Order Accepted");
  await expect(page.getByTestId("email-step")).toHaveText("Waiting for data");
  await expect(page.getByTestId("activation-step")).toHaveText("Not available yet");
  // The first mail was the account activation.
  const confirmation = await waitForMail(admin, 2);
  expect(confirmation.subject).toContain(`Order #${orderId} received`);

  // Certum's first step: provide the address; the link goes to it.
  await page.getByLabel("E-mail address*").fill(mailbox);
  await page.getByRole("button", { name: "Provide e-mail address" }).click();
  await expect(page.getByTestId("email-step")).toHaveText("Waiting for verification");
  const first = await waitForMail(mailbox);
  expect(first.subject).toBe(`Verify ${mailbox} for an S/MIME certificate`);
  expect(first.to).toEqual([mailbox]);

  // A link after 24 hours is refused with a clear message, and nothing changes.
  expireVerificationLinks(mailbox);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(verificationLink(first.text));
  await waitForHydration(reader);
  await reader.getByRole("button", { name: "Verify" }).click();
  await expect(reader.getByRole("alert")).toContainText("This verification link has expired");
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByTestId("email-step")).toHaveText("Waiting for verification");

  // Resend; the new link verifies.
  await page.getByRole("button", { name: "Send the verification link again" }).click();
  await expect(page.getByRole("status").filter({ hasText: "A new verification link went to" })).toBeVisible();
  const second = await waitForMail(mailbox, 2);
  await reader.goto(verificationLink(second.text));
  await waitForHydration(reader);
  await reader.getByRole("button", { name: "Verify" }).click();
  await expect(reader.getByTestId("smime-verified")).toContainText(`Control of ${mailbox} is verified`);

  // Certum's activation: certificate data → generation method → key pair → summary.
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByTestId("email-step")).toHaveText("Verified");
  await expect(page.getByTestId("activation-step")).toHaveText("Waiting for data");
  await expect(page.getByText(`E-mail address [E]: ${mailbox}`).first()).toBeVisible();
  await expect(page.getByText(`Common name: ${mailbox}`)).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Generate the key pair in this browser").check();
  await page.getByRole("button", { name: "Next" }).click();
  // Without a saved key the step refuses to go on.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "save the private key" })).toBeVisible();
  await page.getByRole("button", { name: "Generate key pair" }).click();
  await expect(page.getByTestId("smime-key-ready")).toContainText("An ECDSA P-256 key pair");
  const keyDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save private key (PEM)" }).click();
  await (await keyDownload).saveAs(path.join(dir, "key.pem"));
  await expect(page.getByTestId("smime-key-saved")).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  // The statements are required.
  await page.getByRole("button", { name: "Activate certificate" }).click();
  await expect(page.getByText("Mark the required statements to complete the activation.")).toBeVisible();
  await page.getByTestId("smime-statement-0").check();
  await page.getByTestId("smime-statement-1").check();
  await page.getByRole("button", { name: "Activate certificate" }).click();
  await expect(page.getByTestId("activation-step")).toHaveText("Verified");
  await expect(page.getByTestId("order-status")).toHaveText("Order Fulfilled");
  await expect(page.getByTestId("smime-serial")).toContainText("Serial");

  // PEM (with the chain) and DER; OpenSSL verifies it for S/MIME signing, pkilint finds nothing.
  const pem = await (await page.request.get(`/orders/${orderId}/certificate/pem`)).text();
  writeFileSync(path.join(dir, "chain.pem"), pem);
  const [leaf] = pem.split(/(?<=-----END CERTIFICATE-----\n)/);
  writeFileSync(path.join(dir, "leaf.pem"), leaf);
  writeFileSync(path.join(dir, "root.pem"), await (await page.request.get("/ca/root.crt")).text());
  expect(
    sh(dir, "openssl", ["verify", "-CAfile", "root.pem", "-untrusted", "chain.pem", "-purpose", "smimesign", "leaf.pem"]).trim(),
  ).toBe("leaf.pem: OK");
  const der = await (await page.request.get(`/orders/${orderId}/certificate/der`)).body();
  writeFileSync(path.join(dir, "leaf.der"), der);
  expect(sh(dir, "openssl", ["x509", "-inform", "DER", "-in", "leaf.der", "-noout", "-ext", "subjectAltName"])).toContain(
    `email:${mailbox}`,
  );
  // Certum's E and CN: both the mailbox.
  expect(sh(dir, "openssl", ["x509", "-inform", "DER", "-in", "leaf.der", "-noout", "-subject", "-nameopt", "RFC2253"]).trim()).toBe(
    `subject=emailAddress=${mailbox},CN=${mailbox}`,
  );
  expect(pkilintFindings(dir, "lint_cabf_smime_cert", "MAILBOX-STRICT")).toEqual([]);
  // The certificate carries the key saved from the browser.
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-pubkey"])).toBe(
    sh(dir, "openssl", ["pkey", "-in", "key.pem", "-pubout"]),
  );

  // The private key is never on screen: no field holds it and no text shows it; it is
  // offered as a file made in this browser.
  await expect(page.getByTestId("smime-key-source")).toContainText("generated in this browser");
  const fieldValues = await page
    .locator("textarea, input")
    .evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement | HTMLTextAreaElement).value));
  expect(fieldValues.filter((v) => v.includes("PRIVATE KEY"))).toEqual([]);
  expect(await page.locator("body").innerText()).not.toContain("PRIVATE KEY");
  const keyAgain = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download private key (PEM)" }).click();
  await (await keyAgain).saveAs(path.join(dir, "key-again.pem"));
  expect(sh(dir, "openssl", ["pkey", "-in", "key-again.pem", "-pubout"])).toBe(
    sh(dir, "openssl", ["pkey", "-in", "key.pem", "-pubout"]),
  );

  // PKCS#12 built in the browser from the key generated there and the certificate chain.
  await page.getByLabel("PKCS#12 password").fill("p12 password 42");
  const p12Download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PKCS#12" }).click();
  await (await p12Download).saveAs(path.join(dir, "cert.p12"));
  await expect(page.getByTestId("smime-p12-done")).toBeVisible();
  const p12 = sh(dir, "openssl", ["pkcs12", "-in", "cert.p12", "-passin", "pass:p12 password 42", "-nokeys"]);
  expect(p12).toContain(mailbox);
  expect(p12).toContain("BEGIN CERTIFICATE");
  // It holds the key, encrypted with the password.
  const p12Key = sh(dir, "openssl", ["pkcs12", "-in", "cert.p12", "-passin", "pass:p12 password 42", "-nocerts", "-nodes"]);
  writeFileSync(path.join(dir, "p12-key.pem"), p12Key);
  expect(sh(dir, "openssl", ["pkey", "-in", "p12-key.pem", "-pubout"])).toBe(
    sh(dir, "openssl", ["pkey", "-in", "key.pem", "-pubout"]),
  );

  // The order is in the order list under its address.
  await page.goto(`/orders`);
  await expect(page.getByRole("table", { name: "Orders" })).toContainText(`#${orderId}`);
  await expect(page.getByRole("table", { name: "Orders" })).toContainText(mailbox);
});
