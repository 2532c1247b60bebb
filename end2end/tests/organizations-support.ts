import { Page } from "@playwright/test";

// A small but real PDF, as a scanner would save a certificate of incorporation.
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/// Fills the add-organization form with a company registered in Karnataka.
export async function fillOrganization(page: Page, legalName: string, representative: string) {
  await page.getByLabel("Legal name", { exact: true }).fill(legalName);
  await page.getByLabel("Organization type").selectOption({ label: "Private organization" });
  await page.getByLabel("Registration or incorporation number").fill("U72200KA2009PTC049889");
  await page.getByLabel("Registration agency").fill("Registrar of Companies, Bengaluru");
  await page.locator("#field-jurisdiction_country").selectOption("IN");
  await page.getByLabel("State or province (if registered there)").fill("Karnataka");
  await page.getByLabel("Street address").fill("12 MG Road");
  await page.getByLabel("City", { exact: true }).fill("Bengaluru");
  await page.getByLabel("Postal code").fill("560001");
  await page.locator("#field-country").selectOption("IN");
  await page.getByLabel("Organization phone number").fill("+91 80 4000 1234");
  await page.getByLabel("Full name").fill("Asha Rao");
  await page.locator("#field-rep_email").fill(representative);
  await page.locator("#field-rep_phone").fill("+91 98450 12345");
  await page.getByLabel("Designation").fill("Company Secretary");
}

