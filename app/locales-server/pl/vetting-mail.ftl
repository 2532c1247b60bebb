mail-vetting-code-subject = Twój kod uwierzytelniający dla { $organization }
mail-vetting-code-body = Urząd certyfikacji weryfikuje { $organization } na potrzeby certyfikatu z walidacją organizacji. Twój kod uwierzytelniający to { $code }. Wpisz go na stronie { $link } w ciągu { $hours } godzin. Jeśli zadzwoni do Ciebie ktoś z zespołu weryfikacji, może odczytać Ci ten sam kod. Jeśli się tego nie spodziewasz, nie wpisuj kodu i odpowiedz na tę wiadomość.
mail-vetting-verified-subject = { $organization } jest zweryfikowana ({ $level })
mail-vetting-verified-body = Zespół weryfikacji zweryfikował { $organization } na poziomie { $level }. Weryfikacja obsługuje nowe certyfikaty do { $until }; przed tym dniem zostanie sprawdzona ponownie.
mail-vetting-rejected-subject = Nie udało się zweryfikować { $organization }
mail-vetting-rejected-body = Zespół weryfikacji nie mógł zweryfikować { $organization }: { $reason } Popraw dane lub dokumenty organizacji na jej stronie i wyślij ją ponownie do weryfikacji.
