import {
  activationLink,
  expect,
  submitSignIn,
  test,
  uniqueEmail,
  waitForHydration,
  waitForMail,
} from "./support";

const PASSWORD = "correct horse 42";

test.describe("a browser that asks for Polish", () => {
  test.use({ locale: "pl-PL" });

  test("signs up, gets the activation mail in Polish, signs in and sees its orders in Polish", async ({ page, browser }) => {
    const email = uniqueEmail("zofia");
    await page.goto("/sign-up");
    await expect(page.locator("html")).toHaveAttribute("lang", "pl");
    await expect(page).toHaveTitle("Załóż konto · Rootline");
    await expect(page.getByRole("heading", { level: 1, name: "Załóż konto" })).toBeVisible();
    await waitForHydration(page);
    // Hydration renders the same Polish text the server sent (no flash back to English).
    await expect(page.getByRole("heading", { level: 1, name: "Załóż konto" })).toBeVisible();

    await page.getByRole("radio", { name: /^Firma/ }).check();
    await page.getByLabel("Imię i nazwisko", { exact: true }).fill("Zażółć Gęślą");
    await page.getByLabel("E-mail", { exact: true }).fill(email);
    await page.getByLabel("Numer telefonu komórkowego", { exact: true }).fill("+48 601 234 567");
    await page.getByLabel("Nazwa organizacji", { exact: true }).fill("Jaźń sp. z o.o.");
    await page.getByLabel("Kraj", { exact: true }).selectOption("PL");
    await page.getByLabel(/Akceptuję warunki/).check();
    await page.getByRole("button", { name: "Załóż konto" }).click();
    await expect(page.getByRole("heading", { name: "Sprawdź pocztę" })).toBeVisible();

    const mail = await waitForMail(email);
    expect(mail.subject).toBe("Aktywuj swoje konto w Rootline");
    expect(mail.text).toContain("Dzień dobry, Zażółć Gęślą,");
    expect(mail.text).toContain("W Rootline utworzono konto dla Jaźń sp. z o.o.");
    expect(mail.text).toContain("wygasa po 24 godzinach");

    await page.goto(activationLink(mail));
    await expect(page.getByRole("heading", { name: "Aktywuj konto" })).toBeVisible();
    await expect(page.getByText("Witaj, Zażółć Gęślą.")).toBeVisible();
    await page.getByLabel("Nowe hasło", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Powtórz hasło", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Ustaw hasło i aktywuj" }).click();
    await expect(page).toHaveURL(/\/sign-in\?activated=1$/);
    await expect(page.getByRole("status")).toContainText("Hasło zostało ustawione");

    await submitSignIn(page, email, PASSWORD, "pl");
    await expect(page.getByRole("heading", { level: 1, name: "Przegląd" })).toBeVisible();

    await page.getByRole("navigation", { name: "Główne" }).getByRole("link", { name: "Zamówienia" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Zamówienia" })).toBeVisible();
    await expect(page).toHaveTitle("Zamówienia · Rootline");
    await expect(
      page.getByRole("navigation", { name: "Główne" }).getByRole("link", { name: "Zamówienia" }),
    ).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Żadne zamówienie nie pasuje do tego wyszukiwania.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Szukaj" })).toBeVisible();
    await expect(page.getByLabel("Status", { exact: true })).toContainText("Zamówienie zrealizowane");
    await page.getByRole("button", { name: "Wyloguj się" }).click();
    await expect(page.getByRole("status")).toContainText("Wylogowano.");

    // The language is the user's: a browser that asks for English opens the portal in Polish
    // once they sign in there, and their choice of English is kept for the next time.
    const english = await browser.newContext({ locale: "en-US" });
    const other = await english.newPage();
    await other.goto("/sign-in");
    await expect(other.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await submitSignIn(other, email, PASSWORD);
    await expect(other.getByRole("heading", { level: 1, name: "Przegląd" })).toBeVisible();
    await other.getByRole("button", { name: "English" }).click();
    await expect(other.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await expect(other.locator("html")).toHaveAttribute("lang", "en");
    await english.close();

    const again = await browser.newContext({ locale: "pl-PL" });
    const third = await again.newPage();
    await third.goto("/sign-in");
    await expect(third.getByRole("heading", { name: "Zaloguj się" })).toBeVisible();
    await submitSignIn(third, email, PASSWORD, "pl");
    await expect(third.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    await again.close();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the language switcher changes the page and keeps the address it was on", async ({ page, context }) => {
    await page.goto("/sign-in?signed_out=1");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("You have signed out.");
    await page.getByRole("button", { name: "Polski" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
    await expect(page.getByRole("heading", { name: "Zaloguj się" })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Wylogowano.");
    const cookie = (await context.cookies()).find((c) => c.name === "rootline_lang");
    expect(cookie?.value).toBe("pl");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");

    await page.goto("/sign-up");
    await expect(page.getByRole("heading", { name: "Załóż konto" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page).toHaveURL(/\/sign-up$/);
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  });

  test.describe("in Polish", () => {
    test.use({ locale: "pl-PL" });

    test("a form the server refuses says what is wrong in Polish", async ({ page }) => {
      await page.goto("/sign-up");
      await page.getByRole("radio", { name: /^Firma/ }).check();
      await page.getByLabel("Imię i nazwisko", { exact: true }).fill("Jan Kowalski");
      await page.getByLabel("E-mail", { exact: true }).fill(uniqueEmail("jan.refused"));
      await page.getByLabel("Numer telefonu komórkowego", { exact: true }).fill("12");
      await page.getByLabel("Nazwa organizacji", { exact: true }).fill("Kowalski Sp. z o.o.");
      await page.getByLabel("Kraj", { exact: true }).selectOption("PL");
      await page.getByLabel(/Akceptuję warunki/).check();
      await page.getByRole("button", { name: "Załóż konto" }).click();
      await expect(
        page.getByText("Numer telefonu komórkowego ma od 7 do 15 cyfr łącznie z numerem kierunkowym kraju."),
      ).toBeVisible();
      await expect(page.getByRole("heading", { name: "Załóż konto" })).toBeVisible();
    });
  });

  test("a language the portal does not speak is refused and changes nothing", async ({ page, context }) => {
    const answer = await page.request.post("/api/profile/language", {
      form: { lang: "xx", back: "/sign-in" },
      headers: { accept: "application/json" },
    });
    expect(answer.status()).toBe(422);
    expect(await answer.text()).toContain("there is no language");
    expect((await context.cookies()).find((c) => c.name === "rootline_lang")).toBeUndefined();
    // Only a page of the portal is a place to come back to.
    await page.goto("/sign-in");
    const away = await page.request.post("/api/profile/language", {
      form: { lang: "pl", back: "https://evil.example/" },
      headers: { accept: "text/html" },
      maxRedirects: 0,
    });
    expect(away.status()).toBe(302);
    expect(away.headers()["location"]).toBe("/");
  });
});
