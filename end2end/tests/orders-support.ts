import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, waitForHydration } from "./support";

const DNS_FILE = path.join(__dirname, "..", ".run", "dns.json");

type Records = { txt?: Record<string, string[]>; caa?: Record<string, { flags: number; tag: string; value: string }[]> };

/// Publishes records on the test DNS server (it reads the file again for every query).
export function publish(update: (r: Records) => void) {
  const records: Records = JSON.parse(readFileSync(DNS_FILE, "utf8") || "{}");
  update(records);
  writeFileSync(DNS_FILE, JSON.stringify(records));
}

/// A public-looking name unique to this run: the test DNS server answers for it.
export function uniqueDomain(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}.rootline-e2e.com`;
}

export function sh(dir: string, cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { cwd: dir, stdio: "pipe" }).toString();
}

/// pkilint's findings at WARNING or above for `leaf.pem` in `dir` as certificate `type`. The
/// test server's CRL and AIA links point at 127.0.0.1, which pkilint rightly calls an internal
/// name; that one finding is left out, any other is returned (the service tests lint with a
/// public base URL).
export function pkilintFindings(dir: string, tool: string, type: string): string[] {
  const lint = spawnSync(tool, ["lint", "-t", type, "-s", "WARNING", "leaf.pem"], { cwd: dir });
  if (lint.error) throw lint.error;
  return lint.stdout
    .toString()
    .split("\n")
    .filter((l) => /\((FATAL|ERROR|WARNING)\)/.test(l))
    .filter((l) => !l.includes('cabf.internal_domain_name (ERROR): Internal domain name: "127.0.0.1"'));
}

/// Goes through the wizard's steps up to the summary; the CSR step is `csr`.
export async function wizard(
  page: Page,
  csr: (page: Page) => Promise<void>,
  names?: string,
  additional?: (page: Page) => Promise<void>,
  product?: {
    label: string;
    domains?: number;
    organization?: string;
    /// An EV product's contract signer and certificate approver, each `[name, e-mail]`.
    signatories?: { signer: [string, string]; approver: [string, string] };
  },
) {
  await page.goto("/orders/new");
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 2, name: "Product & validity" })).toBeVisible();
  if (product) {
    await page.getByLabel("Product", { exact: true }).selectOption({ label: product.label });
    if (product.domains) await page.getByLabel("Number of domains").fill(String(product.domains));
    if (product.organization) {
      await page.getByLabel("Organization (OV and EV products)").selectOption({ label: product.organization });
    }
  }
  await expect(page.getByTestId("live-price")).toContainText(/(USD|INR) [\d,]+\.\d\d/);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Requester" })).toBeVisible();
  if (product?.signatories) {
    await page.getByLabel("Contract signer's name").fill(product.signatories.signer[0]);
    await page.getByLabel("Contract signer's e-mail").fill(product.signatories.signer[1]);
    await page.getByLabel("Certificate approver's name").fill(product.signatories.approver[0]);
    await page.getByLabel("Certificate approver's e-mail").fill(product.signatories.approver[1]);
  }
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "CSR" })).toBeVisible();
  await csr(page);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Certificate details" })).toBeVisible();
  if (names) await page.getByLabel("Domain names (one per line; the first is the main one)").fill(names);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Additional information" })).toBeVisible();
  await page.getByLabel("Reporting tags (comma-separated)").fill("web, e2e");
  if (additional) await additional(page);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Summary & payment" })).toBeVisible();
}

/// An ECDSA P-256 key (`<file>.key`) and its CSR (`<file>.csr`) made by OpenSSL in `dir` for
/// `name` and any `more` names; returns the CSR's PEM.
export function csrFor(dir: string, name: string, file = "leaf", more: string[] = []): string {
  const san = [name, ...more].map((n) => `DNS:${n}`).join(",");
  sh(dir, "openssl", [
    "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
    "-keyout", `${file}.key`, "-out", `${file}.csr`, "-subj", `/CN=${name}`, "-addext", `subjectAltName=${san}`,
  ]);
  return readFileSync(path.join(dir, `${file}.csr`), "utf8");
}

