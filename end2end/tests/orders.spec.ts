import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import {
  activate,
  activationLink,
  expect,
  signIn,
  signedInAdministrator,
  test,
  uniqueEmail,
  waitForHydration,
  waitForMail,
} from "./support";
import { grantCredits } from "./billing-support";
import { publish, sh, uniqueDomain, wizard } from "./orders-support";

/// A Standard User added to the administrator's account, activated and signed in elsewhere.
async function standardUser(page: Page, browser: Browser): Promise<{ email: string; page: Page }> {
  const email = uniqueEmail("requester");
  await page.goto("/users/new");
  await page.getByLabel("Full name", { exact: true }).fill("Ravi Requester");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 98450 00002");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Standard User" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("The user was added");
  const theirs = await (await browser.newContext()).newPage();
  await activate(theirs, activationLink(await waitForMail(email)), "correct horse 42");
  await expect(theirs).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(theirs, email, "correct horse 42");
  await expect(theirs.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  return { email, page: theirs };
}

test("a Standard User orders DV with a key made in the browser, an administrator approves, DNS TXT validates it and the certificate matches the key", async ({
  page,
  browser,
}) => {
  const org = `Order Matters ${Date.now()}`;
  await signedInAdministrator(page, "dvadmin", org);
  await grantCredits(browser, org, "500.00");
  const { email: requester, page: ravi } = await standardUser(page, browser);
  const domain = uniqueDomain("shop");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-order-"));

  // Nothing the browser sends may carry a private key.
  const bodies: string[] = [];
  // Bodies are form-encoded; read them as text.
  const decode = (b: string) => {
    try {
      return decodeURIComponent(b.replace(/\+/g, " "));
    } catch {
      return b;
    }
  };
  ravi.on("request", (r) => bodies.push(decode(r.postData() ?? "")));

  await wizard(ravi, async (p) => {
    await p.getByLabel("Generate the key in this browser").check();
    await p.getByLabel("Domain names for the key (one per line)").fill(domain);
    // Next without a key is refused: the key must be made and saved first.
    await p.getByRole("button", { name: "Next" }).click();
    await expect(p.getByRole("alert").filter({ hasText: "save it" })).toBeVisible();
    await p.getByRole("button", { name: "Generate key and CSR" }).click();
    await expect(p.getByTestId("key-ready")).toContainText("ECDSA P-256");
    const download = p.waitForEvent("download");
    await p.getByRole("button", { name: "Save private key (PEM)" }).click();
    await (await download).saveAs(path.join(dir, "key.pem"));
    await expect(p.getByTestId("key-saved")).toBeVisible();
  });
  await expect(ravi.getByTestId("summary-total")).toContainText("USD");
  await ravi.getByRole("button", { name: "Submit for approval" }).click();
  await expect(ravi).toHaveURL(/\/orders\/\d+\?done=placed$/);
  const orderId = ravi.url().match(/\/orders\/(\d+)/)![1];
  await expect(ravi.getByTestId("order-status")).toHaveText("Order Pending for Approval");
  expect(bodies.filter((b) => b.includes("PRIVATE KEY")), "a request carried the private key").toEqual([]);
  expect(bodies.some((b) => b.includes("BEGIN CERTIFICATE REQUEST")), "the CSR was sent").toBe(true);

  // The administrator approves, which pays.
  await page.goto(`/orders/${orderId}`);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Order Accepted");

  // The requester follows the tracking link from the confirmation e-mail (after the activation).
  const mail = await waitForMail(requester, 2);
  expect(mail.subject).toContain(`Order #${orderId} received`);
  const link = mail.text.match(/http:\/\/\S+\/track\/[A-Za-z0-9_-]{43}/)![0];
  const track = await (await browser.newContext()).newPage();
  await track.goto(link);
  await expect(track.getByTestId("tracking-status")).toHaveText("Order Accepted");
  await expect(track.getByTestId("dcv-instructions")).toContainText("TXT record");
  const value = (await track.getByTestId("dcv-value").textContent())!.trim();
  // Verify Now before the record exists says what is missing (the wasm shows the outcome).
  await waitForHydration(track);
  await track.getByRole("button", { name: "Verify Now" }).click();
  await expect(track.getByRole("alert")).toContainText("No TXT record was found");
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [domain]: [value] };
  });
  await track.getByRole("button", { name: "Verify Now" }).click();
  await expect(track.getByRole("status")).toContainText("Domain control verified");
  await expect(track.getByTestId("tracking-status")).toHaveText("Order Fulfilled");

  // Download from the order page; OpenSSL verifies it and its key is the saved one.
  const pem = await (await page.request.get(`/orders/${orderId}/certificate/pem`)).text();
  writeFileSync(path.join(dir, "chain.pem"), pem);
  const [leaf] = pem.split(/(?<=-----END CERTIFICATE-----\n)/);
  writeFileSync(path.join(dir, "leaf.pem"), leaf);
  writeFileSync(path.join(dir, "root.pem"), await (await page.request.get("/ca/root.crt")).text());
  expect(sh(dir, "openssl", ["verify", "-CAfile", "root.pem", "-untrusted", "chain.pem", "leaf.pem"]).trim()).toBe("leaf.pem: OK");
  const certKey = sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-pubkey"]);
  const savedKey = sh(dir, "openssl", ["pkey", "-in", "key.pem", "-pubout"]);
  expect(certKey).toBe(savedKey);
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-ext", "subjectAltName"])).toContain(`DNS:${domain}`);
  const p7 = await (await page.request.get(`/orders/${orderId}/certificate/p7b`)).body();
  writeFileSync(path.join(dir, "chain.p7b"), p7);
  // The leaf (whose DV subject is empty) and the issuing CA.
  const p7text = sh(dir, "openssl", ["pkcs7", "-inform", "DER", "-in", "chain.p7b", "-print_certs", "-noout"]);
  expect(p7text.match(/^subject=/gm) ?? []).toHaveLength(2);

  // The account's statement shows the debit of the order.
  await page.goto("/billing");
  await expect(page.getByRole("table", { name: "Statement" })).toContainText(`#${orderId}`);
  await expect(page.getByTestId("account-balance")).not.toContainText("500.00");
  // So does the history of the group that paid.
  await page.goto("/groups");
  await page.getByRole("link", { name: "Users, domains and logo of Default group" }).click();
  await expect(page.getByRole("table", { name: "Credit history" })).toContainText(`#${orderId}`);

  // The order list finds it by domain and tag.
  await page.goto(`/orders?domain=${domain}&tag=e2e`);
  await expect(page.getByRole("table", { name: "Orders" })).toContainText(`#${orderId}`);
});

test("an administrator without credits is refused at payment and nothing is ordered", async ({ page }) => {
  await signedInAdministrator(page, "broke", "Empty Wallet Ltd");
  const domain = uniqueDomain("broke");
  const later = async (p: Page) => {
    await p.getByLabel("Submit the CSR later").check();
  };
  await wizard(page, later, domain);
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Insufficient balance" })).toBeVisible();
  // The refusal says who adds credit while the portal takes no payments.
  await expect(page.getByRole("alert").filter({ hasText: "Insufficient balance" })).toContainText(
    "the Rootline operator adds credit to your account (Operator, Accounts, your account, Credits)",
  );
  await page.goto("/orders");
  await expect(page.getByText("No orders match this search.")).toBeVisible();
});

test("a CAA record naming another CA refuses issuance with a clear message; a skipped CSR is submitted later", async ({
  page,
  browser,
}) => {
  const org = `Careful ${Date.now()}`;
  await signedInAdministrator(page, "caa", org);
  await grantCredits(browser, org, "500.00");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-caa-"));
  const place = async (domain: string) => {
    await wizard(
      page,
      async (p) => {
        await p.getByLabel("Submit the CSR later").check();
      },
      domain,
    );
    await page.getByRole("button", { name: "Pay Now" }).click();
    await expect(page.getByTestId("order-status")).toHaveText("Order Accepted");
    return (await page.getByTestId("tracking-link").getAttribute("href"))!;
  };
  const blocked = uniqueDomain("blocked");
  const allowed = uniqueDomain("allowed");
  publish((r) => {
    r.caa = { ...(r.caa ?? {}), [blocked]: [{ flags: 0, tag: "issue", value: "other-ca.example" }] };
  });
  for (const [domain, ok] of [
    [blocked, false],
    [allowed, true],
  ] as const) {
    const link = await place(domain);
    const track = await (await browser.newContext()).newPage();
    await track.goto(link);
    const value = (await track.getByTestId("dcv-value").textContent())!.trim();
    publish((r) => {
      r.txt = { ...(r.txt ?? {}), [domain]: [value] };
    });
    await waitForHydration(track);
    await track.getByRole("button", { name: "Verify Now" }).click();
    await expect(track.getByRole("status")).toContainText("Domain control verified");
    // The CSR, skipped in the wizard, is submitted on the tracking page.
    sh(dir, "openssl", ["req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "k.pem", "-out", "r.csr", "-subj", `/CN=${domain}`, "-addext", `subjectAltName=DNS:${domain}`]);
    await track.getByLabel("CSR (PEM)").fill(readFileSync(path.join(dir, "r.csr"), "utf8"));
    await track.getByRole("button", { name: "Submit CSR" }).click();
    if (ok) {
      await expect(track.getByTestId("tracking-status")).toHaveText("Order Fulfilled");
    } else {
      await expect(track.getByRole("alert").filter({ hasText: "CAA does not allow issuance" })).toBeVisible();
      await expect(track.getByTestId("tracking-status")).not.toHaveText("Order Fulfilled");
    }
  }
});

test("a private Server TLS product with auto-approve is issued at once for an internal name", async ({ page }) => {
  await signedInAdministrator(page, "private", "Inside Jobs Ltd");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-private-"));
  await page.goto("/settings/private-cas");
  await page.getByLabel("CA name").fill("Intranet");
  await page.getByRole("button", { name: "Create CA" }).click();
  await expect(page.getByRole("status")).toContainText("The private CA was created.");

  await page.goto("/settings/products");
  await page.getByLabel("Product name").fill("Intranet servers");
  await page.getByLabel("Validity (days)").fill("90");
  await page.getByLabel("Template").selectOption({ label: "Server TLS" });
  // The organization is given with each request.
  await page.getByLabel("Organization (O)", { exact: true }).selectOption("required");
  await page.getByLabel("Approve orders automatically").check();
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("list", { name: "Private products" })).toContainText("Intranet servers");

  await page.goto("/orders/new");
  // The live price is the wasm's: wait until the page's chunk has arrived and hydrated it.
  await waitForHydration(page);
  await page.getByLabel("Product", { exact: true }).selectOption({ label: "Intranet servers" });
  await expect(page.getByTestId("live-price")).toContainText("USD 0.00");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Domain names for the key (one per line)").fill("db.corp");
  await page.getByRole("button", { name: "Generate key and CSR" }).click();
  await expect(page.getByTestId("key-ready")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Save private key (PEM)" }).click();
  await (await download).saveAs(path.join(dir, "key.pem"));
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Certificate details" })).toBeVisible();
  await page.getByLabel("Organization (O)").fill("Inside Jobs Ltd");
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page).toHaveURL(/\/orders\/\d+\?done=placed$/);
  await expect(page.getByTestId("order-status")).toHaveText("Order Fulfilled");
  const orderId = page.url().match(/\/orders\/(\d+)/)![1];
  const pem = await (await page.request.get(`/orders/${orderId}/certificate/pem`)).text();
  writeFileSync(path.join(dir, "chain.pem"), pem);
  const [leaf] = pem.split(/(?<=-----END CERTIFICATE-----\n)/);
  writeFileSync(path.join(dir, "leaf.pem"), leaf);
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-ext", "subjectAltName"])).toContain("DNS:db.corp");
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-subject"])).toContain("O = Inside Jobs Ltd");
  expect(sh(dir, "openssl", ["x509", "-in", "leaf.pem", "-noout", "-pubkey"])).toBe(
    sh(dir, "openssl", ["pkey", "-in", "key.pem", "-pubout"]),
  );
});
