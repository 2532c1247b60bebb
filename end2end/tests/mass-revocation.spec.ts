import { X509Certificate } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "@playwright/test";
import { grantCredits } from "./billing-support";
import { expect, mailSubjects, signedInAdministrator, signedInOperator, test, waitForHydration } from "./support";
import { DCV_HTTP_PORT, PORT } from "../playwright.config";

/// RFC 9773's certID of a PEM certificate: base64url(AKI keyIdentifier) "." base64url(serial).
function certId(pem: string): string {
  const cert = new X509Certificate(pem);
  const text = execFileSync("openssl", ["x509", "-noout", "-ext", "authorityKeyIdentifier"], { input: pem }).toString();
  const aki = text
    .split("\n")
    .slice(1)
    .join("")
    .replace(/keyid:/i, "")
    .replace(/[^0-9A-Fa-f]/g, "");
  let serial = cert.serialNumber;
  if (serial.length % 2) serial = `0${serial}`;
  if (parseInt(serial.slice(0, 2), 16) >= 0x80) serial = `00${serial}`;
  const b64 = (hex: string) => Buffer.from(hex, "hex").toString("base64url");
  return `${b64(aki)}.${b64(serial)}`;
}

/// A new account whose administrator orders a certificate for `domain` with lego (ACME,
/// HTTP-01); the administrator's address and the certificate (PEM).
async function issuedThroughAcme(browser: Browser, prefix: string, domain: string): Promise<{ email: string; pem: string }> {
  const page = await (await browser.newContext()).newPage();
  const org = `Mass ${prefix} ${Date.now()}`;
  const email = await signedInAdministrator(page, prefix, org);
  await grantCredits(browser, org, "100.00");
  await page.goto("/settings/acme");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Make credential" }).click();
  await expect(page.getByTestId("acme-created")).toBeVisible();
  const keyId = (await page.getByTestId("acme-key-id").textContent()) ?? "";
  const hmac = (await page.getByTestId("acme-hmac-key").textContent()) ?? "";
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-mass-"));
  execFileSync(
    "lego",
    [
      "--accept-tos",
      "--server",
      `http://127.0.0.1:${PORT}/acme/directory`,
      "--eab",
      "--kid",
      keyId,
      "--hmac",
      hmac,
      "--email",
      "ops@example.com",
      "--domains",
      domain,
      "--http",
      "--http.port",
      `127.0.0.1:${DCV_HTTP_PORT}`,
      "--path",
      dir,
      "run",
    ],
    { stdio: "pipe" },
  );
  const bundle = readFileSync(path.join(dir, "certificates", `${domain}.crt`), "utf8");
  await page.context().close();
  return { email, pem: bundle.split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n" };
}

test("an operator finds two accounts' certificates by a name suffix and revokes them for key compromise", async ({
  page,
  browser,
}) => {
  // Two sign-ups and two lego runs before the revocation itself.
  test.setTimeout(180_000);
  const suffix = `mass-${Date.now()}.rootline-e2e.com`;
  const first = await issuedThroughAcme(browser, "massa", `shop.${suffix}`);
  const second = await issuedThroughAcme(browser, "massb", `api.${suffix}`);

  await signedInOperator(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mass revocation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mass revocation" })).toBeVisible();
  const search = page.getByRole("form", { name: "Search certificates" });
  await search.getByLabel("Name", { exact: true }).fill(suffix);
  await search.getByLabel("Name match").selectOption("suffix");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/name_match=suffix/);

  // Both accounts' certificates, and nothing else.
  await expect(page.getByTestId("revocations-found")).toContainText("2 certificates found, 2 of all the matches valid");
  const table = page.getByRole("table", { name: "Certificates found" });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table).toContainText(`shop.${suffix}`);
  await expect(table).toContainText(`api.${suffix}`);
  const boxes = table.getByRole("checkbox");
  await expect(boxes).toHaveCount(2);
  for (const box of await boxes.all()) await box.check();

  // A wrong count is refused, and nothing is revoked.
  await page.getByLabel("Reason").selectOption("keyCompromise");
  await page.getByLabel(/^Comment/).fill("Keys from a flawed generator (test)");
  await page.getByLabel("Number of certificates you are revoking").fill("3");
  await page.getByRole("button", { name: "Revoke certificates" }).click();
  await expect(page.getByText("You typed 3, but 2 of the chosen certificates can be revoked now.")).toBeVisible();
  await expect(page).toHaveURL(/\/operator\/revocations\?/);

  await page.getByRole("table", { name: "Certificates found" }).getByRole("checkbox").first().check();
  await page.getByRole("table", { name: "Certificates found" }).getByRole("checkbox").last().check();
  await page.getByLabel("Reason").selectOption("keyCompromise");
  await page.getByLabel(/^Comment/).fill("Keys from a flawed generator (test)");
  await page.getByLabel("Number of certificates you are revoking").fill("2");
  await page.getByRole("button", { name: "Revoke certificates" }).click();
  await expect(page).toHaveURL(/\/operator\/revocations\/\d+$/);
  await expect(page.getByTestId("batch-reason")).toHaveText("Key compromise");

  // The runner works in the background: the page's Refresh shows it finish.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("batch-progress")).toHaveText("2 of 2 revoked", { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("batch-done")).toBeVisible();
  await expect(page.getByTestId("batch-item-outcome")).toHaveText(["Revoked", "Revoked"]);
  await expect(page.getByTestId("batch-failed")).toHaveText("0");

  // ACME clients asking for renewal information are told to renew now.
  const ari = await (await page.request.get(`/acme/renewal-info/${certId(first.pem)}`)).json();
  expect(Date.parse(ari.suggestedWindow.start)).toBeLessThanOrEqual(Date.now() + 1000);

  // Each subscriber has one mail listing their certificate.
  for (const who of [first, second]) {
    await expect
      .poll(async () => (await mailSubjects(who.email)).filter((s) => s.includes("revoked by the certificate authority")).length, {
        timeout: 15_000,
      })
      .toBe(1);
  }

  // The search now finds them revoked.
  await page.getByRole("link", { name: "Back to the search" }).click();
  await page.goto(`/operator/revocations?name=${suffix}&name_match=suffix&state=revoked`);
  const revoked = page.getByRole("table", { name: "Certificates found" });
  await expect(revoked.getByRole("row")).toHaveCount(3);
  await expect(revoked).toContainText("Revoked (Key compromise)");
  await expect(revoked.getByRole("checkbox")).toHaveCount(0);
});
