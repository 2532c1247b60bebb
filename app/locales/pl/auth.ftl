### Rejestracja, logowanie, aktywacja: strony, które gość widzi przed portalem.

field-email = E-mail
field-password = Hasło
field-full-name = Imię i nazwisko
field-mobile = Numer telefonu komórkowego
field-organization = Nazwa organizacji
field-country = Kraj
field-new-password = Nowe hasło
field-confirm-password = Powtórz hasło

sign-in-activated = Hasło zostało ustawione, a konto jest aktywne. Zaloguj się, aby kontynuować.
sign-in-signed-out = Wylogowano.
sign-in-button = Zaloguj się
sign-in-busy = Logowanie…
sign-in-new-here = Pierwszy raz w Rootline?
sign-in-create-account = Załóż konto
sign-in-passkey = Zaloguj się kluczem dostępu
sign-in-passkey-busy = Czekamy na Twój klucz dostępu…
passkey-sign-in-lead = Przeglądarka poprosi o klucz dostępu, gdy tylko ta strona się wczyta. Klucz dostępu wymaga JavaScriptu w przeglądarce; bez niego zaloguj się adresem e-mail i hasłem.
passkey-sign-in-password = Zaloguj się jednak adresem e-mail i hasłem
sign-in-certificate = Zaloguj się certyfikatem

sign-up-lead = Zamawiaj, weryfikuj i zarządzaj certyfikatami swojej organizacji.
sign-up-have-account = Masz już konto?
sign-up-sign-in = Zaloguj się
sign-up-account-type = Rodzaj konta
sign-up-enterprise = Firma
sign-up-enterprise-note = — certyfikaty dla własnej organizacji; konto działa, gdy tylko potwierdzisz adres e-mail.
sign-up-partner = Partner
sign-up-partner-note = — odsprzedaż własnym klientom; najpierw operator rozpatruje wniosek.
sign-up-email-hint = Na ten adres wyślemy link aktywacyjny.
sign-up-mobile-hint = Z numerem kierunkowym kraju, np. +48 601 234 567.
sign-up-choose-country = Wybierz kraj
sign-up-accept = Akceptuję warunki korzystania z usługi i umowę subskrybenta
sign-up-read-the = Przeczytaj
sign-up-terms-link = warunki korzystania z usługi
sign-up-and-the = oraz
sign-up-agreement-link = umowę subskrybenta
sign-up-new-tabs = (każde otwiera się w nowej karcie).
sign-up-button = Załóż konto
sign-up-busy = Zakładanie konta…

check-email-message = Wysłaliśmy wiadomość na podany adres. W ciągu 24 godzin otwórz zawarty w niej link, aby ustawić hasło i aktywować konto.
check-email-note = Link działa jeden raz. Nic nie przyszło? Sprawdź folder ze spamem.

application-received-message = Dziękujemy za wniosek o zostanie partnerem. Nasi operatorzy rozpatrują każdy wniosek partnerski; gdy Twój zostanie zatwierdzony, wyślemy Ci e-mailem link aktywacyjny do ustawienia hasła.
application-received-note = Potwierdzenie wniosku wysłaliśmy na podany adres.

activate-welcome = Witaj, { $name }. Ustaw hasło dla { $email }, aby aktywować { $account }.
activate-button = Ustaw hasło i aktywuj
