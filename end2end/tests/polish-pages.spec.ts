import { Page } from "@playwright/test";

import { foreignTexts } from "./catalogue";
import { activationLink, expect, submitSignIn, test, uniqueEmail, waitForHydration, waitForMail } from "./support";

const PASSWORD = "correct horse 42";

/// What a person sees on the page: its title, every rendered text node, and the labels and
/// placeholders a screen reader or a form shows.
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = (node.textContent ?? "").trim();
      const element = node.parentElement;
      if (!text || !element || element.closest("script, style, template, option")) continue;
      if (element.getClientRects().length === 0) continue;
      if (getComputedStyle(element).visibility === "hidden") continue;
      out.push(text);
    }
    for (const element of document.querySelectorAll("[aria-label], [placeholder], [title]")) {
      for (const name of ["aria-label", "placeholder", "title"]) {
        const value = element.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

// The pages of the portal, opened in Polish. A page marked `pending` still shows English in
// its content (its translation has not landed): the test insists it does, so that the day it
// is translated it moves to the checked list and stays checked.
const PUBLIC_PAGES: { path: string; pending?: boolean }[] = [
  { path: "/sign-in" },
  { path: "/sign-in?signed_out=1" },
  { path: "/sign-in?activated=1" },
  { path: "/sign-in/passkey" },
  { path: "/sign-up" },
  { path: "/sign-up/check-email" },
  { path: "/sign-up/application-received" },
  { path: "/no-such-page" },
  // (/terms and /subscriber-agreement show the operator's documents: their text is data.)
];

// The operator's default products, whose names are the operator's data (the price list shows
// them).
const SEEDED_PRODUCTS = [
  "DV SSL",
  "DV Wildcard SSL",
  "DV UCC SSL",
  "DV Wildcard UCC SSL",
  "OV SSL",
  "OV Wildcard SSL",
  "OV Multi-Domain SSL",
  "OV Multi-Domain Wildcard SSL",
  "EV SSL",
  "EV Multi-Domain SSL",
  "S/MIME Mailbox Validated - Strict",
];

const PORTAL_PAGES: { path: string; pending?: boolean; data?: string[] }[] = [
  { path: "/orders" },
  { path: "/orders?needs=csr" },
  { path: "/" },
  { path: "/profile" },
  { path: "/choose-account" },
  { path: "/orders/new" },
  { path: "/orders/smime/new" },
  { path: "/domains" },
  { path: "/organizations" },
  { path: "/organizations/new" },
  { path: "/ev-approvals" },
  { path: "/users" },
  { path: "/billing" },
  { path: "/billing/price-list", data: SEEDED_PRODUCTS },
  // An Enterprise is told, in Polish, that only partners have sub-accounts.
  { path: "/sub-accounts" },
  { path: "/billing/add-credits" },
  { path: "/billing/withdraw" },
  { path: "/settings/rest-api" },
  { path: "/settings/acme" },
  { path: "/settings/ip-rules" },
  { path: "/settings/renewals" },
  { path: "/settings/low-balance-alerts" },
  { path: "/settings/two-factor" },
  { path: "/settings/roles" },
  { path: "/groups" },
  // The log's entries are records, written in English when each event happened.
  { path: "/audit", pending: true },
];

test.describe("every page in Polish", () => {
  test.use({ locale: "pl-PL" });

  async function expectOnlyPolish(page: Page, path: string, pending: boolean, data: string[]) {
    await page.goto(path);
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    const foreign = foreignTexts(await visibleTexts(page), "pl", data);
    if (pending) {
      expect(foreign.length, `${path} shows only Polish now: take it off the pending list`).toBeGreaterThan(0);
    } else {
      expect(foreign, `${path} shows text that is not in the Polish catalogue`).toEqual([]);
    }
  }

  test("the pages a visitor sees show only text from the Polish catalogue", async ({ page }) => {
    for (const { path, pending } of PUBLIC_PAGES) {
      // The switcher names English in English.
      await expectOnlyPolish(page, path, pending ?? false, ["English"]);
    }
  });

  test("the signed-in pages show only text from the Polish catalogue", async ({ page }) => {
    const email = uniqueEmail("jan");
    const name = "Jan Brzęczyszczykiewicz";
    const organization = "Chrząszcz S.A.";
    await page.goto("/sign-up");
    await page.getByRole("radio", { name: /^Firma/ }).check();
    await page.getByLabel("Imię i nazwisko", { exact: true }).fill(name);
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Numer telefonu komórkowego", { exact: true }).fill("+48 601 234 567");
    await page.getByLabel("Nazwa organizacji", { exact: true }).fill(organization);
    // Countries by their Polish names, in Polish alphabetical order (Ł after L).
    await expect(page.locator('#field-country option[value="PL"]')).toHaveText("Polska");
    const countries = await page.locator("#field-country option").allTextContents();
    expect(countries.indexOf("Łotwa")).toBeGreaterThan(countries.indexOf("Luksemburg"));
    await page.getByLabel("Kraj", { exact: true }).selectOption("PL");
    await page.getByLabel(/Akceptuję warunki/).check();
    await page.getByRole("button", { name: "Załóż konto" }).click();
    await expect(page.getByRole("heading", { name: "Sprawdź pocztę" })).toBeVisible();
    await page.goto(activationLink(await waitForMail(email)));
    await page.getByLabel("Nowe hasło", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Powtórz hasło", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Ustaw hasło i aktywuj" }).click();
    await submitSignIn(page, email, PASSWORD, "pl");
    await expect(page.getByRole("heading", { level: 1, name: "Przegląd" })).toBeVisible();
    await expect(page.getByText("Polska", { exact: true })).toBeVisible();

    // What the user entered, and the user's role (a label the server sends, "Administrator"
    // in either language), are data here; the country they chose shows by its Polish name.
    // The account's first group is named in the language of whoever activated it: Polish
    // here, so it is checked like the rest. ACME clients are named by their program names.
    const data = [name, organization, email, "Administrator", "English", "lego", "certbot"];
    for (const { path, pending, data: shown } of PORTAL_PAGES) {
      await expectOnlyPolish(page, path, pending ?? false, [...data, ...(shown ?? [])]);
    }

    // Text the browser renders itself (a field's own check, in its island) comes from the
    // Polish catalogue the wasm fetched, the only one it has.
    await page.goto("/users/new");
    await waitForHydration(page);
    const address = page.getByLabel("E-mail", { exact: true });
    await address.fill("nie-adres");
    await address.press("Tab");
    await expect(address).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#field-email-error")).not.toBeEmpty();
    expect(foreignTexts(await visibleTexts(page), "pl", [...data, "nie-adres"]), "/users/new checked in the browser").toEqual([]);

    // Money as Polish writes it: a decimal comma, the currency after the amount.
    await page.goto("/billing");
    await expect(page.getByTestId("account-balance")).toHaveText(/^0,00\u00a0(?:USD|INR)$/);
  });
});
