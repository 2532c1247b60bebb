import { X509Certificate } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { grantCredits } from "./billing-support";
import { uniqueDomain } from "./orders-support";
import { expect, signedInAdministrator, test, waitForHydration } from "./support";
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
  // A DER INTEGER keeps a leading zero byte when the high bit is set.
  if (parseInt(serial.slice(0, 2), 16) >= 0x80) serial = `00${serial}`;
  const b64 = (hex: string) => Buffer.from(hex, "hex").toString("base64url");
  return `${b64(aki)}.${b64(serial)}`;
}

test("lego orders with a credential from the portal, and an administrator renews its certificate early through ARI", async ({
  page,
  browser,
}) => {
  const org = `Lego Renewals ${Date.now()}`;
  await signedInAdministrator(page, "acmelego", org);
  await grantCredits(browser, org, "100.00");

  await page.goto("/settings/acme");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Make credential" }).click();
  await expect(page.getByTestId("acme-created")).toBeVisible();
  const keyId = (await page.getByTestId("acme-key-id").textContent()) ?? "";
  const hmac = (await page.getByTestId("acme-hmac-key").textContent()) ?? "";

  // Debian's lego answers HTTP-01 on the port the server validates (ROOTLINE_DCV_HTTP_PORT).
  const domain = uniqueDomain("lego");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-lego-"));
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
  const leaf = bundle.split("-----END CERTIFICATE-----")[0] + "-----END CERTIFICATE-----\n";
  const id = certId(leaf);
  // Logged in Certificate Transparency first: both of the suite's logs' SCTs are embedded.
  const text = execFileSync("openssl", ["x509", "-noout", "-text"], { input: leaf }).toString();
  expect(text).toContain("CT Precertificate SCTs");
  expect(text.match(/Signed Certificate Timestamp:/g)?.length).toBe(2);

  // The renewal window lies ahead while the certificate is young.
  const before = await (await page.request.get(`/acme/renewal-info/${id}`)).json();
  expect(Date.parse(before.suggestedWindow.start)).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);

  // The portal lists the order as ACME's; its page offers "Renew early (ARI)".
  await page.goto("/orders");
  const row = page.getByRole("table", { name: "Orders" }).getByRole("row").filter({ hasText: domain });
  await expect(row).toContainText("ACME");
  await expect(row).toContainText("Order Fulfilled");
  await row.getByRole("link").first().click();
  await waitForHydration(page);
  // lego asked for no profile: the order says it got the default one.
  await expect(page.getByTestId("acme-profile")).toHaveText("classic: the product's certificate");
  await page.locator("summary", { hasText: "Renew early (ARI)" }).click();
  const renew = page.getByRole("region", { name: "Renew early" });
  await expect(renew).toBeVisible();
  await expect(page.getByTestId("renewal-marked")).toHaveCount(0);
  await renew.getByRole("button", { name: "Renew early (ARI)" }).click();
  await expect(page.getByTestId("renewal-marked")).toContainText(/Marked for early renewal on \d{4}-\d\d-\d\d/);
  await expect(page.locator("summary", { hasText: "Renew early (ARI)" })).toHaveCount(0);

  // The client that asks now is told to renew now.
  const after = await (await page.request.get(`/acme/renewal-info/${id}`)).json();
  expect(Date.parse(after.suggestedWindow.start)).toBeLessThanOrEqual(Date.now() + 1000);
  expect(Date.parse(after.suggestedWindow.end)).toBeGreaterThan(Date.now());
});
