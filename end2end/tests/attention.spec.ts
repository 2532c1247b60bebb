import type { Page } from "@playwright/test";

import { grantCredits } from "./billing-support";
import { publish, uniqueDomain, wizard } from "./orders-support";
import { expect, serverCli, signedInAdministrator, test, waitForHydration } from "./support";

test.beforeAll(() => {
  serverCli("ca", "init");
});

async function overview(page: Page) {
  await page.goto("/");
  return page.getByRole("region", { name: "Needs your attention" });
}

test("the Overview counts what needs attention, each count a link to the list of exactly those", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const org = `Attentive ${Date.now()}`;
  await signedInAdministrator(page, "attention", org);

  // A new account: nothing to do, and the page says who adds credit.
  let needs = await overview(page);
  await expect(needs).toContainText("Nothing needs your attention.");
  await expect(page.getByRole("region", { name: "Credit", exact: true })).toContainText(
    "the Rootline operator adds credit to your account (Operator, Accounts, your account, Credits)",
  );
  await expect(page.getByRole("region", { name: "Credit", exact: true }).getByRole("term")).toContainText("Account balance");

  // Two domains added and not validated.
  const first = uniqueDomain("attention-a");
  const second = uniqueDomain("attention-b");
  await page.goto("/domains");
  await waitForHydration(page);
  for (const d of [first, second]) {
    await page.getByLabel("Domain name").fill(d);
    await page.getByRole("button", { name: "Add domain" }).click();
    await expect(page.getByRole("table", { name: "Domains" })).toContainText(d);
  }
  needs = await overview(page);
  await needs.getByRole("link", { name: "2 domains to validate" }).click();
  await expect(page).toHaveURL(/\/domains\?needs=validation$/);
  await expect(page.getByText("Showing only the domains to validate.")).toBeVisible();
  const table = page.getByRole("table", { name: "Domains" });
  await expect(table.getByRole("row")).toHaveCount(3);

  // A check that finds nothing is an error; one that finds the value is a success.
  await waitForHydration(page);
  await table.getByRole("row", { name: new RegExp(second) }).getByRole("button", { name: "Verify Now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Not verified yet" })).toBeVisible();
  await expect(page.getByTestId("check-result")).toHaveClass(/alert-error/);
  const value = (await table.getByRole("row", { name: new RegExp(first) }).locator(".mono").textContent())!.split(": ").pop()!.trim();
  publish((r) => {
    r.txt = { ...(r.txt ?? {}), [first]: [value] };
  });
  await table.getByRole("row", { name: new RegExp(first) }).getByRole("button", { name: "Verify Now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Domain control verified" })).toBeVisible();
  await expect(page.getByTestId("check-result")).toHaveClass(/alert-success/);

  needs = await overview(page);
  await needs.getByRole("link", { name: "1 domain to validate" }).click();
  await expect(page.getByRole("table", { name: "Domains" })).toContainText(second);
  await expect(page.getByRole("table", { name: "Domains" })).not.toContainText(first);

  // A paid order whose CSR comes later waits for it; the count links to exactly that order.
  await grantCredits(browser, org, "500.00");
  await wizard(
    page,
    async (p) => {
      await p.getByLabel("Submit the CSR later").check();
    },
    uniqueDomain("attention-csr"),
  );
  await page.getByRole("button", { name: "Pay Now" }).click();
  await expect(page.getByTestId("order-status")).toHaveText("Order Accepted");
  const orderId = page.url().match(/\/orders\/(\d+)/)![1];
  needs = await overview(page);
  await needs.getByRole("link", { name: "1 order waiting for a CSR" }).click();
  await expect(page).toHaveURL(/\/orders\?needs=csr$/);
  const orders = page.getByRole("table", { name: "Orders" });
  await expect(orders.getByRole("row")).toHaveCount(2);
  await expect(orders).toContainText(`#${orderId}`);
  await overview(page);
  await expect(page.getByRole("region", { name: "Credit", exact: true }).getByRole("definition").first()).toContainText("USD");
});
