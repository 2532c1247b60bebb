// The Polish page check must tell English from Polish, or it would pass any page: a check of
// the check, with no browser.
import { expect, test } from "@playwright/test";

import { foreignTexts } from "./catalogue";

test("the catalogue check passes Polish messages, runs of them and data, and flags English", () => {
  const shown = [
    "Sign in",
    "Zaloguj się",
    "Zamówienia · Rootline",
    "Strona 1 z 1 · 5 zamówień",
    "Order Fulfilled",
    "12.5",
    "a@b.pl",
    "Your role does not allow you to manage users.",
    "Witaj, Jan. Ustaw hasło dla a@b.pl, aby aktywować X.",
    "365 dni",
  ];
  expect(foreignTexts(shown, "pl", [])).toEqual([
    "Sign in",
    "Order Fulfilled",
    "Your role does not allow you to manage users.",
  ]);
});
