import { activationLink, expect, fillOpenSignUp, fillSignUp, signedInOperator, test, uniqueEmail, waitForMail } from "./support";

// The suite runs one test at a time, so publishing a new version here cannot catch another
// test's sign-up between its page load and its submission.

const HOSTILE = `Zażółć gęślą jaźń </textarea><script>alert(1)</script><img src=x onerror=alert(1)>`;

test("the sign-up page links the terms and the subscriber agreement, which anyone can read with their version", async ({
  page,
}) => {
  await page.goto("/sign-up");
  const terms = page.getByRole("link", { name: "terms of service" });
  await expect(terms).toHaveAttribute("href", "/terms");
  await expect(page.getByRole("link", { name: "subscriber agreement" })).toHaveAttribute("href", "/subscriber-agreement");

  await page.goto("/terms");
  await expect(page.getByRole("heading", { level: 1, name: "Terms of service" })).toBeVisible();
  await expect(page.getByTestId("legal-version")).toContainText(/Version \d+, in force since \d{4}-\d{2}-\d{2}/);
  await page.goto("/subscriber-agreement");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("legal-version")).toContainText(/Version \d+/);
});

test("an operator publishes a new subscriber agreement; a sign-up that read the old one is asked to read it again", async ({
  page,
  browser,
}) => {
  // A visitor opens the sign-up page before the new version is out.
  const visitor = await (await browser.newContext()).newPage();
  const email = uniqueEmail("legal");
  await visitor.goto("/sign-up");
  const shown = await visitor.locator('input[name="agreement_version"]').inputValue();

  await signedInOperator(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Legal documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Legal documents" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Subscriber agreement" })).toContainText(`Version in force${shown}`);
  await page.getByLabel("Document").selectOption({ label: "Subscriber agreement" });
  await page.getByLabel("Title", { exact: true }).fill("Subscriber agreement");
  await page.getByLabel("Text", { exact: true }).fill(`Protect your keys.\n\n${HOSTILE}`);
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("status")).toContainText("The new version is published and in force.");
  const next = String(Number(shown) + 1);
  await expect(page.getByRole("region", { name: "Subscriber agreement" })).toContainText(`Version in force${next}`);

  // Everyone reads the new text, as text.
  await page.goto("/subscriber-agreement");
  await expect(page.getByTestId("legal-version")).toContainText(`Version ${next},`);
  await expect(page.getByText(HOSTILE, { exact: true })).toBeVisible();
  await expect(page.locator("main img, main script")).toHaveCount(0);

  // The visitor's page still says the old version: the sign-up is refused, nothing is made.
  await fillOpenSignUp(visitor, { email });
  await expect(visitor.locator("#field-accept_terms-error")).toContainText(
    `The subscriber agreement changed while this page was open (version ${next} is in force now, you accepted version ${shown})`,
  );

  // After a reload the same person signs up and gets the activation mail.
  await fillSignUp(visitor, { email });
  await expect(visitor.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  expect(activationLink(await waitForMail(email))).toMatch(/\/activate\//);
});
