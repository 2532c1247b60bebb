import { activate, expect, signUpAndGetLink, test, uniqueEmail, waitForHydration } from "./support";

test("a keyboard alone signs in and reaches the main content past the navigation", async ({ page }) => {
  const email = uniqueEmail("keys");
  await activate(page, await signUpAndGetLink(page, { email }), "keyboard only 42");
  await expect(page).toHaveURL(/activated=1/);
  // A keyboard user arriving at the sign-in page, e.g. from a bookmark.
  await page.goto("/sign-in");
  await waitForHydration(page);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Rootline" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("E-mail", { exact: true })).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type("keyboard only 42");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("on a phone the portal stacks header, navigation and content without sideways scrolling", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/sign-up");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
});
