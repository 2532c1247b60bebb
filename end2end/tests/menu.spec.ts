import { expect, setRole, signedInAdministrator, test } from "./support";

/// What a page says to someone whose role may not open it.
const REFUSAL = /does not allow|Only operator users/;

const ROLES = [
  "administrator",
  "manager",
  "finance_manager",
  "standard_user",
  "basic_user",
  "discovery_user",
  "sub_account_user",
];

test("each built-in role's menu lists exactly the pages that role may open", async ({ page }) => {
  test.setTimeout(180_000);
  const email = await signedInAdministrator(page, "menu", `Menu Roles ${Date.now()}`);
  const nav = page.getByRole("navigation", { name: "Main" });
  // The administrator sees every page of the account: the set every role is compared with.
  const everything = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(everything).toContain("/settings/private-cas");
  for (const role of ROLES) {
    setRole(email, role);
    await page.goto("/");
    const shown = await nav.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
    for (const href of everything) {
      await page.goto(href);
      const refused = page.getByRole("alert").filter({ hasText: REFUSAL });
      if (shown.includes(href)) {
        await expect(refused, `${role}: ${href} is in the menu, so it must open`).toHaveCount(0);
      } else {
        await expect(refused, `${role}: ${href} is not in the menu, so it must refuse`).toHaveCount(1);
      }
    }
  }
});
