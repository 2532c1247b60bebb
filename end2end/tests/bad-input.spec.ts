import {
  activate,
  expect,
  expireActivationLinks,
  fillSignUp,
  mailCount,
  signIn,
  signUpAndGetLink,
  test,
  uniqueEmail,
  BASE,
  waitForMail,
} from "./support";

test("sign-up shows a message beside each bad field and writes nothing", async ({ page }) => {
  const email = "someone@localhost";
  await fillSignUp(page, {
    email,
    name: "12345",
    mobile: "12",
    organization: "A",
    acceptTerms: false,
  });
  await expect(page.getByText("The name must contain letters.")).toBeVisible();
  await expect(page.getByText("Enter an e-mail address like name@example.com.")).toBeVisible();
  await expect(page.getByText("A mobile number has 7 to 15 digits including the country code.")).toBeVisible();
  await expect(page.getByText("The organization name is too short.")).toBeVisible();
  await expect(page.getByText("Accept the terms of service and subscriber agreement to continue.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);
  expect(await mailCount(email)).toBe(0);
});

// The page answers a taken address as it answers a new one; only the owner hears of it.
test("a second sign-up with the same e-mail gets the same answer and only mails the owner", async ({ page }) => {
  const email = uniqueEmail("dup");
  await signUpAndGetLink(page, { email });
  await fillSignUp(page, { email: email.toUpperCase(), organization: "Another Company" });
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  const notice = await waitForMail(email, 2);
  expect(notice.subject).toContain("tried to sign up");
  expect(notice.text).not.toMatch(/\/activate\//);
});

test("a weak or mismatched password is refused and the link stays usable; a used link is refused", async ({
  page,
}) => {
  const email = uniqueEmail("pw");
  const link = await signUpAndGetLink(page, { email });

  await activate(page, link, "short1!");
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();

  await activate(page, link, "onlyletterslong");
  await expect(page.getByText("Include at least one letter and at least one digit or symbol.")).toBeVisible();

  // Passes the browser's quick rules; the server's strength estimate refuses it beside the field.
  await activate(page, link, "aaaaaaaaaaa1");
  await expect(page.getByText(/This password is too easy to guess/)).toBeVisible();

  await activate(page, link, "correct horse 42", "correct horse 24");
  await expect(page.getByText("The two passwords do not match.")).toBeVisible();

  await activate(page, link, "correct horse 42");
  await expect(page).toHaveURL(/\/sign-in\?activated=1$/);

  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText("This activation link has already been used.");
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
});

test("an activation link older than 24 hours is refused", async ({ page }) => {
  const email = uniqueEmail("late");
  const link = await signUpAndGetLink(page, { email });
  expireActivationLinks(email);
  await page.goto(link);
  await expect(page.getByRole("alert")).toContainText("This activation link has expired");
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
});

test("a made-up activation link is refused", async ({ page }) => {
  await page.goto(`/activate/${"A".repeat(43)}`);
  await expect(page.getByRole("alert")).toContainText("This activation link is not valid.");
});

test("a wrong password and an unknown e-mail get the same answer, and guessing is throttled", async ({
  page,
}) => {
  const email = uniqueEmail("guess");
  const link = await signUpAndGetLink(page, { email });
  await activate(page, link, "correct horse 42");

  // The form's message: the one alert with text in it.
  const answer = page.getByRole("alert").filter({ hasText: /\S/ });
  await signIn(page, email, "wrong horse 42");
  await expect(answer).toHaveCount(1);
  const wrong = await answer.textContent();
  await signIn(page, uniqueEmail("nobody"), "correct horse 42");
  await expect(answer).toHaveCount(1);
  const unknown = await answer.textContent();
  expect(wrong).toBe("The e-mail address or password is incorrect.");
  expect(unknown).toBe(wrong);

  for (let i = 0; i < 4; i++) {
    await signIn(page, email, `wrong horse ${i}`);
    await expect(answer).toContainText("incorrect");
  }
  // Five failures for this address: even the right password now waits.
  await signIn(page, email, "correct horse 42");
  await expect(answer).toContainText("Too many attempts");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a state-changing request from another site is refused", async ({ request }) => {
  const refused = await request.post("/api/auth/sign-in", {
    headers: { Origin: "https://evil.example" },
    form: { email: "a@example.com", password: "x" },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toContain("Cross-site request refused");

  const sameSite = await request.post("/api/auth/sign-in", {
    headers: { Origin: BASE, Accept: "application/json" },
    form: { email: "not-an-address", password: "" },
  });
  expect(sameSite.status()).not.toBe(403);
});
