import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Browser, Page } from "@playwright/test";

import { grantCredits } from "./billing-support";
import { pkilintFindings, publish, sh, uniqueDomain, wizard } from "./orders-support";
import { PDF, fillOrganization } from "./organizations-support";
import { expect, mailCount, signedInAdministrator, signedInOperator, test, waitForHydration, waitForMail } from "./support";

/// The desk checks every EV item of organization `name` (the communication item through the
/// code the representative enters) and verifies it EV.
async function vetAsEv(browser: Browser, name: string, representative: string) {
  const desk = await browser.newContext();
  const ops = await desk.newPage();
  await signedInOperator(ops);
  await ops.goto("/operator/vetting");
  await ops.getByRole("table", { name: "Vetting desk" }).getByRole("link", { name }).click();
  for (const item of ["Identity and address", "Physical existence", "Operational existence", "Contract signer and certificate approver"]) {
    await ops.getByLabel("Item").selectOption({ label: item });
    await ops.getByLabel("Source").fill(`Checked for ${item}: MCA21 company master data`);
    await ops.getByRole("button", { name: "Mark checked" }).click();
    await expect(ops.getByRole("status")).toContainText("Check recorded.");
  }
  await expect(ops.getByRole("button", { name: "Verify as EV" })).toBeDisabled();
  const before = await mailCount(representative);
  await ops.getByRole("button", { name: "Send authentication code" }).click();
  await expect(ops.getByRole("status")).toContainText("was mailed to the representative");
  const mail = await waitForMail(representative, before + 1);
  const code = mail.text.match(/code is (\d{6})\./)![1];
  const link = mail.text.match(/http:\/\/\S+\/organizations\/verify\/[A-Za-z0-9_-]{43}/)![0];
  const outsider = await browser.newContext({ javaScriptEnabled: false });
  const rep = await outsider.newPage();
  await rep.goto(link);
  await rep.getByLabel("Authentication code").fill(code);
  await rep.getByRole("button", { name: "Confirm" }).click();
  await expect(rep.getByText("Thank you. The code was accepted")).toBeVisible();
  await outsider.close();
  await ops.reload();
  await ops.getByRole("button", { name: "Verify as EV" }).click();
  await expect(ops.getByRole("status")).toContainText("Organization verified.");
  await desk.close();
}

/// The newest EV link mailed to `to`, opened in a browser without script.
async function openEvLink(browser: Browser, to: string): Promise<[Page, () => Promise<void>]> {
  let link: string | undefined;
  const deadline = Date.now() + 15_000;
  while (!link && Date.now() < deadline) {
    const count = await mailCount(to);
    for (let n = count; n >= 1 && !link; n--) {
      link = (await waitForMail(to, n)).text.match(/http:\/\/\S+\/ev\/[A-Za-z0-9_-]{43}/)?.[0];
    }
    if (!link) await new Promise((r) => setTimeout(r, 200));
  }
  if (!link) throw new Error(`no EV link mailed to ${to}`);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(link);
  return [page, () => context.close()];
}

test("an EV order issues after the requester's consent, the signer's agreement and the approver's approval, each through its mailed link", async ({ page, browser }) => {
  const customer = await signedInAdministrator(page, "ev-admin", "Evident Widgets Ltd");
  const signer = customer.replace("ev-admin", "ev-signer");
  const approver = customer.replace("ev-admin", "ev-approver");
  await page.goto("/organizations/new");
  await fillOrganization(page, "Evident Widgets Private Limited", customer);
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("status")).toContainText("Organization saved as a draft");
  await page.getByLabel("Registration document", { exact: true }).setInputFiles({ name: "incorporation.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Upload document" }).click();
  await expect(page.getByRole("status")).toContainText("Document added.");
  await page.getByRole("button", { name: "Send for validation" }).click();
  await expect(page.getByRole("status")).toContainText("Sent for validation");
  await vetAsEv(browser, "Evident Widgets Private Limited", customer);

  await grantCredits(browser, "Evident Widgets Ltd", "900.00");
  const domain = uniqueDomain("ev");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-ev-"));
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
    {
      label: "EV SSL",
      organization: "Evident Widgets Private Limited (verified EV)",
      signatories: { signer: ["Ravi Kumar", signer], approver: ["Meera Iyer", approver] },
    },
  );
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  const orderId = page.url().match(/\/orders\/(\d+)/)![1];
  const steps = page.getByTestId("ev-steps");
  await expect(steps).toContainText("Requester's consent");
  await expect(steps).toContainText(`Meera Iyer <${approver}> — waiting for an answer`);

  // Domain control first: the order still waits for its three answers.
  const track = await (await browser.newContext()).newPage();
  await track.goto((await page.getByTestId("tracking-link").getAttribute("href"))!);
  const value = (await track.getByTestId("dcv-value").textContent())!.trim();
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [domain]: [value] };
  });
  await waitForHydration(track);
  await track.getByRole("button", { name: "Verify Now" }).click();
  await expect(track.getByRole("status")).toContainText("Domain control verified");
  await expect(track.getByTestId("ev-steps")).toContainText("EV request approval — waiting for an answer");
  await page.reload();
  await expect(page.getByTestId("order-status")).not.toHaveText("Order Fulfilled");

  // The account's EV Request Approvals page lists it; the administrator is not its approver.
  await page.goto("/ev-approvals");
  const row = page.getByTestId("ev-approvals").getByRole("listitem").filter({ hasText: `#${orderId}` });
  await expect(row.getByTestId("ev-approval-status")).toHaveText("Waiting for the approver");
  await expect(row.getByRole("button", { name: "Approve the request" })).toHaveCount(0);

  // The requester confirms (the customer placed it for themselves).
  const [consent, closeConsent] = await openEvLink(browser, customer);
  await expect(consent.getByText(/was requested in your name/)).toBeVisible();
  await consent.getByRole("button", { name: "I made this request" }).click();
  await expect(consent.getByText("Thank you: your answer was recorded.")).toBeVisible();
  await closeConsent();

  // The contract signer reads the subscriber agreement and accepts it.
  const [agreement, closeAgreement] = await openEvLink(browser, signer);
  await expect(agreement.getByTestId("ev-organization")).toHaveText("Evident Widgets Private Limited");
  await expect(agreement.getByRole("heading", { name: /\(version \d+\)/ })).toBeVisible();
  await expect(agreement.getByTestId("ev-agreement-text")).not.toBeEmpty();
  await agreement.getByRole("button", { name: "I accept the agreement for the organization" }).click();
  await expect(agreement.getByText("Thank you: your answer was recorded.")).toBeVisible();
  await closeAgreement();

  // The approver: a rejection needs a reason; then the approval issues the certificate.
  const [approval, closeApproval] = await openEvLink(browser, approver);
  await approval.getByRole("button", { name: "Reject the request" }).click();
  await expect(approval.getByText("Say why you reject the request")).toBeVisible();
  await approval.getByRole("button", { name: "Approve the request" }).click();
  await expect(approval.getByText("Thank you: your answer was recorded.")).toBeVisible();
  // The link was for one answer: opened again, it only says so.
  await approval.reload();
  await expect(approval.getByRole("button", { name: "Approve the request" })).toHaveCount(0);
  await closeApproval();

  await page.goto(`/orders/${orderId}`);
  await expect(page.getByTestId("order-status")).toHaveText("Order Fulfilled");
  await expect(page.getByTestId("ev-steps")).not.toContainText("waiting for an answer");
  const pem = await (await page.request.get(`/orders/${orderId}/certificate/pem`)).text();
  const [leaf] = pem.split(/(?<=-----END CERTIFICATE-----\n)/);
  writeFileSync(path.join(dir, "leaf.pem"), leaf);
  const subject = sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-subject", "-nameopt", "RFC2253"]);
  expect(subject).toContain("O=Evident Widgets Private Limited");
  expect(subject).toContain("businessCategory=Private Organization");
  expect(subject).toContain("serialNumber=U72200KA2009PTC049889");
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-ext", "certificatePolicies"])).toContain("2.23.140.1.1");
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-pubkey"])).toBe(sh(dir, "openssl", ["pkey", "-in", "key.pem", "-pubout"]));
  expect(pkilintFindings(dir, "lint_cabf_serverauth_cert", "EV-FINAL-CERTIFICATE")).toEqual([]);
});
