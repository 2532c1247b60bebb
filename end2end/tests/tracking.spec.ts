import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { grantCredits } from "./billing-support";
import { publish, sh, uniqueDomain, wizard } from "./orders-support";
import { expect, signedInAdministrator, test, uniqueEmail, waitForHydration, waitForMail } from "./support";

const LINK = /http:\/\/\S+\/track\/[A-Za-z0-9_-]{43}/;

test("every recipient gets a tracking link of their own, and a copy's link is a read-only view", async ({
  page,
  browser,
}) => {
  const org = `Tracking ${Date.now()}`;
  await signedInAdministrator(page, "track", org);
  await grantCredits(browser, org, "500.00");
  const domain = uniqueDomain("track");
  const copy = uniqueEmail("copy");
  const tech = uniqueEmail("tech");
  await wizard(
    page,
    async (p) => {
      await p.getByLabel("Submit the CSR later").check();
    },
    domain,
    async (p) => {
      await p.getByLabel("Technical contact name").fill("Tess Tech");
      await p.getByLabel("Technical contact e-mail").fill(tech);
      await p.getByLabel("Additional e-mail recipients").fill(copy);
    },
  );
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Order Accepted");
  const requesterLink = (await page.getByTestId("tracking-link").getAttribute("href"))!;
  const copyMail = await waitForMail(copy);
  expect(copyMail.text).toContain("additional recipient");
  const copyLink = copyMail.text.match(LINK)![0];
  const techLink = (await waitForMail(tech)).text.match(LINK)![0];
  expect(new Set([requesterLink, copyLink, techLink]).size, "three different links").toBe(3);

  // The additional recipient sees the order and its DCV value, but no action.
  const viewer = await (await browser.newContext()).newPage();
  await viewer.goto(copyLink);
  await expect(viewer.getByTestId("tracking-status")).toHaveText("Order Accepted");
  await expect(viewer.getByTestId("tracking-scope")).toContainText("Read-only view");
  await expect(viewer.getByTestId("dcv-value")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Verify Now" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Use this method" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Submit CSR" })).toHaveCount(0);
  // Calling the endpoint anyway is refused by the server, which says who can act.
  const refused = await viewer.request.post("/api/track/csr", {
    form: { token: copyLink.split("/").pop()!, csr: "-----BEGIN CERTIFICATE REQUEST-----" },
  });
  expect(refused.status()).toBe(409);
  expect(await refused.text()).toContain("read-only");

  // The requester's link validates the domain and submits the missing CSR: the order is issued.
  const requester = await (await browser.newContext()).newPage();
  await requester.goto(requesterLink);
  await expect(requester.getByTestId("tracking-scope")).toContainText("Requester's link");
  const value = (await requester.getByTestId("dcv-value").textContent())!.trim();
  // The page is plain HTML: Verify Now posts the form and the page comes back saying what the
  // check found, here that the record is not there yet.
  await requester.getByRole("button", { name: "Verify Now" }).click();
  await expect(requester.getByRole("alert").filter({ hasText: "Not verified yet" })).toBeVisible();
  await expect(requester.getByTestId("tracking-status")).not.toHaveText("Order Fulfilled");
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [domain]: [value] };
  });
  await waitForHydration(requester);
  await requester.getByRole("button", { name: "Verify Now" }).click();
  await expect(requester.getByRole("status")).toContainText("Domain control verified");
  const dir = mkdtempSync(path.join(tmpdir(), "rootline-track-"));
  sh(dir, "openssl", [
    "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
    "-keyout", "k.pem", "-out", "r.csr", "-subj", `/CN=${domain}`, "-addext", `subjectAltName=DNS:${domain}`,
  ]);
  // A refused CSR comes back as pasted, with what is wrong, on the plain HTML page.
  await requester.getByLabel("CSR (PEM)").fill("-----BEGIN CERTIFICATE REQUEST-----\nnot a request\n-----END CERTIFICATE REQUEST-----");
  await requester.getByRole("button", { name: "Submit CSR" }).click();
  await expect(requester.getByRole("alert").filter({ hasText: /\S/ }).first()).toBeVisible();
  await expect(requester.getByLabel("CSR (PEM)")).toHaveValue(/not a request/);
  await requester.getByLabel("CSR (PEM)").fill(readFileSync(path.join(dir, "r.csr"), "utf8"));
  await requester.getByRole("button", { name: "Submit CSR" }).click();
  await expect(requester.getByTestId("tracking-status")).toHaveText("Order Fulfilled");
  // Issued, the order has a CSR: the requester's link offers no CSR form any more.
  await expect(requester.getByRole("button", { name: "Submit CSR" })).toHaveCount(0);

  // The copy's link shows the issued order, says until when it works and downloads it.
  await viewer.reload();
  await expect(viewer.getByTestId("tracking-status")).toHaveText("Order Fulfilled");
  await expect(viewer.getByTestId("tracking-until")).toContainText("This link works until");
  const pem = await viewer.request.get(`${copyLink}/certificate/pem`);
  expect(pem.status()).toBe(200);
  expect(await pem.text()).toContain("-----BEGIN CERTIFICATE-----");

  // A made-up link opens nothing and says what to do.
  await viewer.goto(copyLink.replace(/.{4}$/, "AAAA"));
  await expect(viewer.getByRole("alert")).toContainText("does not open an order");
  await expect(viewer.getByRole("alert")).toContainText("Sign in to Rootline");
});
