import {
  activate,
  activationLink,
  expect,
  signIn,
  signedInAdministrator,
  signedInOperator,
  test,
  uniqueEmail,
  waitForHydration,
  waitForMail,
} from "./support";
import { uniqueDomain, wizard } from "./orders-support";

/// Closes the textarea (and a noscript, and an attribute), then runs script three ways.
const HOSTILE = `</textarea></noscript><script>alert(1)</script><img src=x onerror=alert(1)>"><svg onload=alert(1)>`;

test("a Basic User's hostile remarks stay text when an Administrator opens the draft", async ({ page, browser }) => {
  await signedInAdministrator(page, "xss-admin", "Stored Text Ltd");
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });

  // The administrator adds a Basic User, who activates and signs in in their own browser.
  const email = uniqueEmail("xss-basic");
  await page.goto("/users/new");
  await page.getByLabel("Full name", { exact: true }).fill("Basil Basic");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Mobile number", { exact: true }).fill("+91 98450 00002");
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Basic User" });
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("status")).toContainText("The user was added");
  const theirs = await browser.newContext();
  const basic = await theirs.newPage();
  basic.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await activate(basic, activationLink(await waitForMail(email)), "correct horse 42");
  await expect(basic).toHaveURL(/\/sign-in\?activated=1$/);
  await signIn(basic, email, "correct horse 42");
  await expect(basic.getByRole("banner")).toContainText("Basic User");

  // The Basic User saves a draft whose remarks are hostile.
  await wizard(
    basic,
    async (p) => p.getByLabel("Submit the CSR later").check(),
    uniqueDomain("xss"),
    async (p) => p.getByLabel("Remarks", { exact: true }).fill(HOSTILE),
  );
  await basic.getByRole("button", { name: "Save as draft" }).click();
  await expect(basic).toHaveURL(/\/orders\/\d+/);
  const orderPath = new URL(basic.url()).pathname;
  await theirs.close();

  // The administrator opens it: the page as the server sent it (the field is the server's,
  // not an island's, so the browser never renders it itself).
  await page.goto(orderPath);
  await waitForHydration(page);
  const remarks = page.locator("#edit-remarks");
  await expect(remarks).toHaveValue(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("svg[onload]")).toHaveCount(0);

  // Saving the form unchanged keeps the remarks exactly (an empty field would have wiped them).
  await page.locator("summary", { hasText: "Edit order" }).click();
  const edit = page.getByRole("region", { name: "Edit order" });
  await Promise.all([
    // The form posts itself; the server sends the browser back to the order.
    page.waitForResponse((r) => r.url().includes("/api/orders/edit") && r.status() === 302),
    edit.getByRole("button", { name: "Save changes" }).click(),
  ]);
  // The redirect is still loading the order page: reloading before it lands had nothing to
  // reload ("not attached to an active page").
  await page.waitForURL(/\?done=edited$/);
  await page.reload();
  await expect(page.locator("#edit-remarks")).toHaveValue(HOSTILE);
  expect(dialogs, "no script ran").toEqual([]);
});

test("hostile text in the operator's mass revocation search and in a domain name stays text", async ({ page, browser }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await signedInOperator(page);
  // The search is a GET form: whatever is in the address comes back into the page.
  await page.goto(`/operator/revocations?name=${encodeURIComponent(HOSTILE)}&name_match=suffix`);
  await waitForHydration(page);
  const search = page.getByRole("form", { name: "Search certificates" });
  await expect(search.getByLabel("Name", { exact: true })).toHaveValue(HOSTILE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("svg[onload]")).toHaveCount(0);

  // A customer adds the same text as a domain: refused, and the refusal shows it as text.
  const theirs = await browser.newContext();
  const customer = await theirs.newPage();
  customer.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await signedInAdministrator(customer, "xss-domains", "Hostile Domains Ltd");
  await customer.goto("/domains");
  await waitForHydration(customer);
  await customer.getByLabel("Domain name", { exact: true }).fill(HOSTILE);
  await customer.getByRole("button", { name: "Add domain" }).click();
  await expect(customer.getByRole("alert").first()).toBeVisible();
  await expect(customer.locator('img[src="x"]')).toHaveCount(0);
  await expect(customer.locator("svg[onload]")).toHaveCount(0);
  await theirs.close();
  expect(dialogs, "no script ran").toEqual([]);
});
