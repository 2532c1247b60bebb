vetting-item-identity-address = Tożsamość i adres
vetting-item-trade-name = Nazwa handlowa
vetting-item-communication = Zweryfikowany sposób komunikacji
vetting-item-physical-existence = Fizyczne istnienie
vetting-item-operational-existence = Istnienie operacyjne
vetting-item-signer-approver-authority = Sygnatariusz umowy i zatwierdzający certyfikat
vetting-hint-identity-address = Nazwa prawna, numer rejestrowy i adres zgadzają się z rejestrem publicznym lub innym wiarygodnym źródłem (BR 3.2.2.1; EVG 11.2).
vetting-hint-trade-name = Organizacja używa nazwy handlowej: rejestr nazw, rachunek za media lub wyciąg bankowy (BR 3.2.2.2; EVG 11.3).
vetting-hint-communication = Zaznaczane, gdy przedstawiciel wpisze kod uwierzytelniający przez link z wiadomości (BR 3.2.5; EVG 11.5).
vetting-hint-physical-existence = Siedziba istnieje i organizacja prowadzi w niej działalność: wizyta na miejscu lub zweryfikowane pismo profesjonalisty (EVG 11.4.2).
vetting-hint-operational-existence = Organizacja istnieje od trzech lat albo ma rachunek bieżący w regulowanym banku (EVG 11.6).
vetting-hint-signer-approver-authority = Sygnatariusz umowy i zatwierdzający certyfikat są tymi, za kogo się podają, i mogą działać w imieniu organizacji (EVG 11.8).
vetting-by-representative = Przedstawiciel (przez link z kodem)

err-vetting-not-waiting = Organizacja ma status „{ $status }”: nie czeka na weryfikację.
err-vetting-no-such-item = Wybierz pozycję listy kontrolnej.
err-vetting-item-by-code = Ta pozycja jest zaznaczana, gdy przedstawiciel wpisze kod uwierzytelniający.
err-vetting-no-trade-name = Organizacja nie podała nazwy handlowej do sprawdzenia.
err-vetting-enter-source = Podaj źródło, z którym to porównano (np. rejestr i sygnaturę).
err-vetting-enter-reason = Podaj powód, który przeczyta klient.
err-vetting-items-unchecked = Zanim organizacja zostanie zweryfikowana, każda pozycja tego poziomu musi być sprawdzona i żadna nie może być starsza niż okres ponownego użycia.
err-vetting-code-six-digits = Kod ma sześć cyfr.
err-vetting-code-wrong = To nie jest właściwy kod. { $left ->
        [one] Została jeszcze jedna próba.
        [few] Zostały jeszcze { $left } próby.
        [0] Link już nie działa: poproś zespół weryfikacji o nowy kod.
       *[many] Zostało jeszcze { $left } prób.
    }
err-vetting-code-locked = Wpisano zbyt wiele błędnych kodów. Poproś zespół weryfikacji o nowy kod.

page-vetting = Weryfikacja organizacji
page-vetting-case = Weryfikacja
menu-vetting = Weryfikacja organizacji
refusal-vetting = Weryfikacja organizacji jest dla operatorów urzędu certyfikacji.
vetting-queue-lead = Organizacje wysłane do weryfikacji, od najdłużej czekającej. Sprawdź każdą pozycję w wiarygodnym źródle, wyślij przedstawicielowi kod uwierzytelniający, a potem zweryfikuj na poziomie OV lub EV albo odmów z powodem, który przeczyta klient.
vetting-queue-empty = Żadna organizacja nie czeka na weryfikację.
vetting-col-account = Konto
vetting-col-waiting = Czeka
vetting-waiting-days = { $days ->
        [one] { $days } dzień
       *[other] { $days } dni
    }
vetting-back = Wróć do weryfikacji organizacji
vetting-checklist = Lista kontrolna
vetting-col-item = Pozycja
vetting-col-level = Wymagana dla
vetting-col-source = Źródło
vetting-note = Uwaga (opcjonalnie)
vetting-source-placeholder = np. KRS, odpis aktualny nr 0000123456
vetting-record-check = Zapisz sprawdzenie
vetting-mark-checked = Oznacz jako sprawdzone
vetting-unchecked = Niesprawdzona
vetting-checked-by = Sprawdził(a) { $by } { $at }; ważne do { $until }
vetting-aged-out = Sprawdził(a) { $by } { $at }: zbyt dawno, sprawdź ponownie
vetting-send-code = Wyślij kod uwierzytelniający
vetting-code-none = Żaden kod nie czeka na wpisanie.
vetting-code-waiting = Kod wysłany na { $email } czeka na wpisanie.
vetting-code-sent = Kod { $code } wysłano przedstawicielowi. Jeśli dzwonisz do niego na zweryfikowany numer, odczytaj ten kod; przedstawiciel wpisze go przez link z wiadomości.
vetting-decision = Decyzja
vetting-decision-hint = Weryfikuj dopiero, gdy każda pozycja poziomu jest sprawdzona i żadna nie jest zbyt stara.
vetting-approve-ov = Zweryfikuj jako OV
vetting-approve-ev = Zweryfikuj jako EV
vetting-reject-reason = Powód, który przeczyta klient
vetting-reject = Odmów
vetting-history = Historia
vetting-checked = Zapisano sprawdzenie.
vetting-approved = Organizację zweryfikowano. Klient dostał wiadomość e-mail.
vetting-rejected = Odmówiono weryfikacji. Klient dostał wiadomość e-mail.
err-vetting-choose-level = Wybierz OV lub EV.

page-verify-code = Potwierdź swoją organizację
verify-code-lead = Urząd certyfikacji weryfikuje { $organization }. Wpisz sześciocyfrowy kod z wiadomości e-mail albo ten, który odczytał Ci przez telefon zespół weryfikacji.
verify-code-label = Kod uwierzytelniający
verify-code-submit = Potwierdź
verify-code-done = Dziękujemy. Kod przyjęto; zespół weryfikacji kontynuuje weryfikację organizacji.
