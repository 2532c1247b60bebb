import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Browser } from "@playwright/test";

import { expect, signedInAdministrator, test, waitForHydration } from "./support";

const TLS_PORT = Number(process.env.E2E_TLS_PORT ?? 3443);
const TLS_ORIGIN = `https://127.0.0.1:${TLS_PORT}`;

type ClientCertificate = { dir: string; certPath: string; keyPath: string; derPath: string; pem: string };

/// A P-256 key and a self-signed client certificate, made by openssl in a new folder.
function clientCertificate(name: string): ClientCertificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rootline-client-cert-"));
  const config = path.join(dir, "client.cnf");
  // An explicit extension section: OpenSSL's default one would make a CA certificate.
  fs.writeFileSync(
    config,
    [
      "[req]",
      "distinguished_name = dn",
      "prompt = no",
      "x509_extensions = client",
      "[dn]",
      `CN = ${name}`,
      "[client]",
      "basicConstraints = critical, CA:FALSE",
      "keyUsage = critical, digitalSignature",
      "extendedKeyUsage = clientAuth",
      "",
    ].join("\n"),
  );
  const keyPath = path.join(dir, "key.pem");
  const certPath = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req", "-x509", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
      "-keyout", keyPath, "-out", certPath, "-days", "30", "-config", config,
    ],
    { stdio: "pipe" },
  );
  // The same certificate as a binary .cer file, as Windows exports it.
  const derPath = path.join(dir, "cert.cer");
  execFileSync("openssl", ["x509", "-in", certPath, "-outform", "DER", "-out", derPath], { stdio: "pipe" });
  return { dir, certPath, keyPath, derPath, pem: fs.readFileSync(certPath, "utf8") };
}

/// A browser that presents `cert` to the HTTPS listener (whose own certificate is self-signed).
async function presenting(browser: Browser, cert: ClientCertificate) {
  const context = await browser.newContext({
    clientCertificates: [{ origin: TLS_ORIGIN, certPath: cert.certPath, keyPath: cert.keyPath }],
    ignoreHTTPSErrors: true,
  });
  return { context, page: await context.newPage() };
}

test("a user registers a certificate on the profile and signs in with it over the HTTPS listener", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const mine = clientCertificate("Asha Rao (laptop)");
  const stranger = clientCertificate("Somebody Else");
  try {
    await page.goto("/sign-in");
    await expect(page.getByRole("link", { name: "Sign in with a certificate" })).toHaveAttribute(
      "href",
      `${TLS_ORIGIN}/sign-in/certificate`,
    );

    await signedInAdministrator(page, "cert", "Certificate Sign-In Ltd");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Profile" }).click();
    await expect(page.getByText("No certificates yet")).toBeVisible();

    // Garbage is refused with a clear message, and nothing is registered.
    await page.getByLabel("Certificate name", { exact: true }).fill("Laptop");
    await page.getByLabel("Certificate (PEM)", { exact: true }).fill("this is not a certificate at all");
    await page.getByRole("button", { name: "Register certificate" }).click();
    await expect(page.getByText("This is not an X.509 certificate.")).toBeVisible();
    await expect(page.getByText("No certificates yet")).toBeVisible();

    // A binary .cer file chosen in the form becomes the PEM text that is sent.
    await waitForHydration(page);
    await page.getByLabel("Certificate name", { exact: true }).fill("Laptop");
    await page.getByLabel(/Or choose the certificate file/).setInputFiles(mine.derPath);
    await expect(page.getByLabel("Certificate (PEM)", { exact: true })).toHaveValue(
      mine.pem.replace(/\r\n/g, "\n"),
    );
    await page.getByRole("button", { name: "Register certificate" }).click();
    await expect(page.getByRole("status")).toContainText("The certificate was registered");
    const table = page.getByRole("table", { name: "Sign-in certificates" });
    await expect(table).toContainText("Laptop");
    await expect(table).toContainText("CN=Asha Rao (laptop)");

    // The browser presents the certificate in the TLS handshake and lands in the portal.
    const signedIn = await presenting(browser, mine);
    await signedIn.page.goto(`${TLS_ORIGIN}/sign-in/certificate`);
    await expect(signedIn.page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(signedIn.page.getByRole("banner")).toContainText("Certificate Sign-In Ltd");
    await signedIn.context.close();

    // A certificate nobody registered is refused, with the reason on the sign-in page.
    const refused = await presenting(browser, stranger);
    await refused.page.goto(`${TLS_ORIGIN}/sign-in/certificate`);
    await expect(refused.page).toHaveURL(/\/sign-in\?certificate=unknown$/);
    await expect(refused.page.getByRole("alert").filter({ hasText: "not registered for sign-in" })).toBeVisible();
    await expect(refused.page.getByRole("heading", { level: 1, name: "Overview" })).toHaveCount(0);
    await refused.context.close();

    // Once removed from the profile, the certificate no longer signs in.
    await page.getByRole("button", { name: "Remove Laptop" }).click();
    await expect(page.getByRole("status")).toContainText("The certificate was removed");
    await expect(page.getByText("No certificates yet")).toBeVisible();
    const removed = await presenting(browser, mine);
    await removed.page.goto(`${TLS_ORIGIN}/sign-in/certificate`);
    await expect(removed.page).toHaveURL(/\/sign-in\?certificate=unknown$/);
    await removed.context.close();
  } finally {
    fs.rmSync(mine.dir, { recursive: true, force: true });
    fs.rmSync(stranger.dir, { recursive: true, force: true });
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the profile's certificate form refuses garbage and registers a certificate", async ({ page }) => {
    const mine = clientCertificate("Plain Forms");
    try {
      await signedInAdministrator(page, "certnojs", "Plain Certificates Ltd");
      await page.goto("/profile");
      await page.getByLabel("Certificate name", { exact: true }).fill("Desktop");
      await page.getByLabel("Certificate (PEM)", { exact: true }).fill("-----BEGIN CERTIFICATE-----\nMIIB");
      await page.getByRole("button", { name: "Register certificate" }).click();
      await expect(page.getByText("The certificate has no END CERTIFICATE line")).toBeVisible();
      await expect(page.getByText("No certificates yet")).toBeVisible();

      await page.getByLabel("Certificate name", { exact: true }).fill("Desktop");
      await page.getByLabel("Certificate (PEM)", { exact: true }).fill(mine.pem);
      await page.getByRole("button", { name: "Register certificate" }).click();
      await expect(page.getByRole("status")).toContainText("The certificate was registered");
      await expect(page.getByRole("table", { name: "Sign-in certificates" })).toContainText("CN=Plain Forms");
    } finally {
      fs.rmSync(mine.dir, { recursive: true, force: true });
    }
  });
});
