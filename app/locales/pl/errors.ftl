### Komunikaty walidacji i odmowy: co jest nie tak w formularzu lub żądaniu i co zrobić.
### Klucze zaczynają się od err-; err-what-* to nazwa pola użyta wewnątrz zdania.

err-accept-terms-service-subscriber-agreement = Aby kontynuować, zaakceptuj warunki korzystania z usługi i umowę subskrybenta.
err-account-already-has-group-name = Konto ma już grupę o tej nazwie.
err-account-already-has-product-name = Twoje konto ma już produkt o tej nazwie.
err-account-already-has-role-name = Konto ma już rolę o tej nazwie.
err-account-deactivated-you = Administrator tego konta dezaktywował Twoje konto użytkownika.
err-account-has-one-group-ask = Twoje konto ma jedną grupę. Poproś operatora Rootline o włączenie wielu grup.
err-account-is-status = To konto { $status }.
err-account-mail-address-already-exists = Konto z tym adresem e-mail już istnieje. Zaloguj się lub użyj innego adresu.
err-account-not-waiting-approval-any = To konto nie czeka już na zatwierdzenie; odśwież listę.
err-account-requires-authenticator-app-so = Twoje konto wymaga aplikacji uwierzytelniającej, więc nie można jej usunąć.
err-account-s-last-active-administrator = To ostatni aktywny Administrator konta. Najpierw nadaj rolę Administratora innemu użytkownikowi.
err-account-state-active = jest aktywne
err-account-state-expired = wygasło
err-account-state-suspended = zostało zawieszone
err-account-state-not-set-up = nie zostało jeszcze skonfigurowane
err-account-state-pending-activation = oczekuje na aktywację
err-account-state-pending-approval = czeka na zatwierdzenie przez operatora
err-account-state-rejected = zostało odrzucone
err-account-status-so-you-cannot = Twoje konto { $status }, więc nie możesz się jeszcze zalogować. Skontaktuj się z administratorem.
err-acme-choose-tls-product = Wybierz produkt TLS: przez ACME nie można zamawiać certyfikatów S/MIME.
err-activation-link-has-already-been = Ten link aktywacyjny został już użyty. Zaloguj się hasłem, które zostało ustawione.
err-activation-link-has-expired-links = Ten link aktywacyjny wygasł: linki są ważne przez 24 godziny. Poproś administratora o nowy.
err-activation-link-not-valid-check = Ten link aktywacyjny jest nieprawidłowy. Sprawdź, czy otworzono cały link z wiadomości e-mail.
err-address-was-invited-already-has = Ten adres otrzymał już zaproszenie i jeszcze na nie nie odpowiedział. Zaproszenie jest ważne przez 7 dni; po tym czasie możesz zaprosić tę osobę ponownie.
err-administrator-has-deactivated-user-so = Administrator dezaktywował Twoje konto użytkownika, więc nie możesz się zalogować. Jeśli to pomyłka, skontaktuj się z nim.
err-allocate-over-balance = Saldo konta wynosi { $available }: przydziel najwyżej tyle albo najpierw dodaj środki.
err-another-operator-published-version-same = W tej samej chwili inny operator opublikował wersję; odśwież stronę i spróbuj ponownie.
err-bad-request = Żądanie było nieprawidłowe: { $detail }.
err-billing-refused = Płatność została odrzucona: { $detail }.
err-browser-key-needs-javascript = Wygenerowanie klucza w tej przeglądarce wymaga JavaScriptu. Wklej CSR, prześlij jego plik lub przekaż go później.
err-browser-s-answer-was-malformed = Odpowiedź przeglądarki była nieprawidłowa.
err-built-role-has-name-choose = Tę nazwę ma jedna z wbudowanych ról. Wybierz inną.
err-ca-certificate-register-certificate-browser = To jest certyfikat urzędu certyfikacji. Zarejestruj certyfikat, który przeglądarka przedstawia w Twoim imieniu, a nie urząd, który go wydał.
err-ca-expires-before = Urząd certyfikacji { $ca } wygasa { $date }: wybierz krótszy okres ważności.
err-ca-refused-to-issue = Urząd certyfikacji odmówił wydania certyfikatu ({ $rule }): { $detail }.
err-cannot-issue-yet = Rootline nie może jeszcze wydawać certyfikatów tego produktu: jego urząd certyfikacji („{ $ca }”) nie został utworzony. Operator tworzy go poleceniem `server ca init`. Nie pobrano żadnej opłaty.
err-cert-sign-in-deactivated = Administrator dezaktywował Twoje konto użytkownika, więc nie możesz się zalogować. Jeśli to pomyłka, skontaktuj się z nim.
err-cert-sign-in-expired = Ten certyfikat nie jest teraz ważny (wygasł lub jeszcze nie obowiązuje). Zaloguj się hasłem i zarejestruj aktualny certyfikat.
err-cert-sign-in-failed = Podczas sprawdzania certyfikatu wystąpił błąd po naszej stronie. Spróbuj ponownie albo zaloguj się hasłem.
err-cert-sign-in-none = Twoja przeglądarka nie przesłała certyfikatu. Wybierz certyfikat, gdy przeglądarka o to zapyta, albo zaloguj się hasłem.
err-cert-sign-in-revoked = Ten certyfikat został unieważniony, więc nie można go użyć do logowania. Zaloguj się hasłem i zarejestruj inny certyfikat.
err-cert-sign-in-unavailable = Twojego konta nie można użyć (czeka na zatwierdzenie, zostało odrzucone lub wygasło). Skontaktuj się z administratorem.
err-cert-sign-in-unknown = Ten certyfikat nie jest zarejestrowany do logowania. Zaloguj się hasłem i najpierw zarejestruj go w swoim profilu.
err-certificate-already-registered-sign = Ten certyfikat jest już zarejestrowany do logowania.
err-certificate-already-revoked = Ten certyfikat jest już unieważniony.
err-certificate-expired-cannot = Ten certyfikat wygasł { $date }; wygasły certyfikat nie może zostać { $what }.
err-certificate-expired-day-register-current = Ten certyfikat wygasł { $day }. Zarejestruj aktualny certyfikat.
err-certificate-has-been-revoked-register = Ten certyfikat został unieważniony. Zarejestruj certyfikat, który jest nadal ważny.
err-certificate-has-no-end-certificate = W certyfikacie brakuje wiersza END CERTIFICATE: skopiuj cały blok.
err-certificate-not-issued-yet = Certyfikat nie został jeszcze wydany.
err-certificate-not-valid-until-day = Ten certyfikat jest ważny dopiero od { $day }. Zarejestruj go od tego dnia.
err-certificate-order-issued-already = Certyfikat tego zamówienia został już wydany.
err-certificate-request-csr-not-certificate = To jest żądanie certyfikatu (CSR), a nie certyfikat. Wklej certyfikat, który został dla niego wydany.
err-certificate-was-revoked-cannot = Ten certyfikat został unieważniony { $at } ({ $reason }); unieważniony certyfikat nie może zostać { $what }.
err-checklist-cannot-saved = Nie można zapisać listy kontrolnej: { $detail }
err-choose-1-max-per-page = Wybierz od 1 do { $max_per_page } zamówień na stronę.
err-choose-account-balance-group-balance = Wybierz saldo konta lub saldo grupy.
err-choose-active-user-account = Wybierz aktywnego użytkownika tego konta.
err-choose-all-groups-specific-groups = Wybierz wszystkie grupy lub wybrane grupy.
err-choose-allocate-deallocate = Wybierz przydzielenie lub cofnięcie przydziału.
err-choose-approve-reject = Wybierz zatwierdzenie lub odrzucenie.
err-choose-client-tls-mutual-tls = Wybierz Client TLS, Mutual TLS lub Server TLS.
err-choose-country = Wybierz kraj.
err-choose-country-list = Wybierz kraj z listy.
err-choose-dv-product-type-list = Wybierz z listy typ produktu (DV lub OV).
err-choose-enable-disable-delete = Wybierz włączenie, wyłączenie lub usunięcie.
err-choose-enterprise-partner = Wybierz opcję Firma lub Partner.
err-choose-group = Wybierz grupę.
err-choose-group-of-account = Wybierz grupę tego konta.
err-choose-group-you-work-ask = Wybierz grupę, w której pracujesz; poproś administratora, aby dodał Cię do jednej z nich.
err-choose-how-field-set = Wybierz, jak ustalana jest wartość pola.
err-choose-how-provide-csr-generate = Wybierz, jak przekażesz CSR: wygeneruj klucz tutaj, prześlij plik, wklej tekst lub przekaż później.
err-choose-how-provide-csr-upload = Wybierz, jak przekażesz CSR: prześlij plik, wklej tekst lub przekaż później, przy aktywacji.
err-choose-key-pair-generation-method = Wybierz sposób wygenerowania pary kluczy: CSR lub wygenerowanie klucza w przeglądarce.
err-choose-least-one-permission = Wybierz co najmniej jedno uprawnienie.
err-choose-module-list = Wybierz moduł z listy.
err-choose-month = Wybierz miesiąc w formacie RRRR-MM, np. 2026-11.
err-choose-one-account-s-domains = Wybierz jedną z domen konta; nową domenę dodaj najpierw na stronie Domeny.
err-choose-one-private-cas = Wybierz jeden ze swoich prywatnych urzędów certyfikacji.
err-choose-one-product-s-validities = Wybierz jeden z okresów ważności produktu.
err-choose-one-products-get-api = Wybierz jeden z produktów zwracanych przez GET /api/v1/products.
err-choose-password-different-current-one = Wybierz hasło inne niż obecne.
err-choose-permissions-list = Wybierz uprawnienia z listy.
err-choose-png-jpeg-file-logo = Wybierz plik PNG lub JPEG z logo.
err-choose-product = Wybierz produkt.
err-choose-reason-change-list = Wybierz z listy powód zmiany.
err-choose-reissue-reason-list = Wybierz z listy powód ponownego wydania.
err-choose-revocation-reason-list = Wybierz z listy powód unieważnienia.
err-choose-role-list = Wybierz rolę z listy.
err-choose-status-list = Wybierz status z listy.
err-choose-terms-service-subscriber-agreement = Wybierz warunki korzystania z usługi lub umowę subskrybenta.
err-choose-usd-inr = Wybierz USD lub INR.
err-choose-user-account-all-users = Wybierz użytkownika tego konta lub wszystkich użytkowników.
err-choose-user-key-acts = Wybierz użytkownika, w którego imieniu działa klucz.
err-choose-validation-method-list = Wybierz metodę weryfikacji z listy.
err-choose-validity = Wybierz okres ważności.
err-code-not-right-check-phone = Ten kod jest nieprawidłowy. Sprawdź, czy zegar telefonu wskazuje właściwy czas, i wpisz bieżący kod.
err-code-not-right-enter-current = Ten kod jest nieprawidłowy. Wpisz bieżący kod z aplikacji.
err-code-not-right-or-recovery = Ten kod jest nieprawidłowy. Wpisz bieżący kod z aplikacji lub kod odzyskiwania.
err-code-was-already-used-wait = Ten kod został już użyty. Poczekaj na następny kod z aplikacji.
err-confirmation-link-not-valid-any = Ten link potwierdzający jest już nieważny. Poproś wnioskodawcę o wysłanie nowej wiadomości ze strony śledzenia zamówienia.
err-csr-cannot-be-used = Nie można użyć tego CSR: { $detail }.
err-csr-cannot-read = Nie można odczytać CSR: { $detail }.
err-csr-names-csr-s-mime = CSR zawiera nazwy { $csr }; certyfikat S/MIME wskazuje tylko skrzynkę { $email }.
err-csr-names-differ = CSR zawiera nazwy { $asked }, a zamówienie obejmuje { $ordered }. Utwórz CSR dokładnie dla nazw z zamówienia.
err-csr-names-named-but-certificate = CSR wskazuje: { $named }, a certyfikat jest dla { $email }. Utwórz CSR dokładnie dla { $email }.
err-days = { $days } { $days ->
        [one] dzień
        [few] dni
       *[other] dni
    }
err-dcv-by-email = Ta metoda jest sprawdzana przez e-mail.
err-dcv-check-failed = Sprawdzenie nie powiodło się ({ $detail }).
err-dcv-email-sent = Wiadomość weryfikacyjna została wysłana na adres { $to }. Otwórz zawarty w niej link, aby potwierdzić kontrolę nad domeną.
err-dcv-file-mismatch = Plik pod adresem { $location } nie zawiera tej wartości.
err-dcv-method-withdrawn = Tej metody weryfikacji (BR { $section }) nie wolno stosować od { $date }. Wybierz rekord DNS lub plik HTTP.
err-dcv-no-txt = Nie znaleziono rekordu TXT dla { $name }.
err-dcv-not-yet = Jeszcze nie zweryfikowano: { $why }
err-dcv-txt-mismatch = Rekordy TXT dla { $name } nie zawierają tej wartości.
err-dcv-value-expired = Wartość została utworzona ponad 30 dni temu i nie można jej już użyć. Pokazano nową wartość: opublikuj ją i zweryfikuj ponownie.
err-dcv-verified-until = Kontrola nad domeną została potwierdzona; można z niej korzystać do { $date }.
err-deallocate-over-balance = Saldo grupy wynosi { $available }: cofnij przydział najwyżej tej kwoty.
err-describe-what-key-system-will = Opisz, do czego służy klucz, np. podaj system, który będzie go używał.
err-dns-rule-ip-address = adresy IP nie są nazwami DNS
err-dns-rule-label = każda część nazwy musi mieć od 1 do 63 znaków: liter, cyfr lub łączników wewnątrz (bez „_” i bez „*”, chyba że stanowi całą pierwszą część)
err-dns-rule-length = nazwa DNS ma od 1 do 253 znaków
err-dns-rule-lower-case = nazwy DNS muszą być pisane małymi literami
err-dns-rule-reserved = nazwy wewnętrzne lub zastrzeżone nie mogą znaleźć się w certyfikacie zaufanym publicznie
err-dns-rule-two-labels = nazwa publiczna musi mieć co najmniej dwie części
err-dns-rule-wildcard = nazwy wieloznaczne są dostępne tylko w certyfikatach serwerów TLS
err-do-not-include-mail-name = Hasło nie może zawierać nazwy z Twojego adresu e-mail.
err-doc-subscriber-agreement = umowa subskrybenta
err-doc-terms = warunki korzystania z usługi
err-domain-already-account = Ta domena jest już na Twoim koncie.
err-domain-restricted-account-administrator = Ta domena została zablokowana przez administratora Twojego konta.
err-domain-restricted-already = Ta domena jest już zablokowana.
err-domains-restricted = Co najmniej jedna nazwa domeny podana w tym zamówieniu jest niedozwolona z powodu ograniczeń domen. Skontaktuj się z administratorem swojego konta.
err-done-given-other-names = opatrzony innymi nazwami
err-done-reissued = ponownie wydany
err-done-renewed = odnowiony
err-done-revoked = unieważniony
err-each-certificate-field-has-most = Każde pole certyfikatu może mieć najwyżej 128 znaków.
err-email-verified-already-there-nothing = Adres { $email } jest już zweryfikowany; nie ma czego wysyłać ponownie.
err-end-date-before-start-date = Data końcowa jest wcześniejsza niż data początkowa.
err-end-date-must-not-before = Data końcowa nie może być wcześniejsza niż data początkowa.
err-enter-8-digit-pin-mail = Wpisz 8-cyfrowy PIN z wiadomości e-mail.
err-enter-amount-greater-than-zero = Wpisz kwotę większą od zera.
err-enter-amount-such-250-250 = Wpisz kwotę, np. 250 lub 250.50.
err-enter-amount-such-250-250-2 = Wpisz kwotę, np. 250 lub 250.50: same cyfry, najwyżej dwa miejsca po przecinku.
err-enter-amount-such-2500-2500 = Wpisz kwotę, np. 2500 lub 2500.50, albo pozostaw pole puste, jeśli limit nie obowiązuje.
err-enter-amount-such-49-49 = Wpisz kwotę, np. 49 lub 49.99.
err-enter-date-yyyy-mm-dd = Wpisz datę w formacie RRRR-MM-DD.
err-enter-delegate-s-mail-clear = Wpisz adres e-mail osoby upoważnionej albo wyczyść oba pola.
err-enter-delegate-s-name-clear = Wpisz imię i nazwisko osoby upoważnionej albo wyczyść oba pola.
err-enter-domain-name-certify = Wpisz nazwę domeny do certyfikacji.
err-enter-domain-name-such-example = Wpisz nazwę domeny, np. example.com.
err-enter-full-name = Wpisz imię i nazwisko.
err-enter-least-one-day-30 = Wpisz co najmniej jeden dzień, np. 30, 7, 1, -1, -7.
err-enter-least-one-validity-days = Wpisz co najmniej jeden okres ważności w dniach, np. 90, 199.
err-enter-mail-address = Wpisz swój adres e-mail.
err-enter-mail-address-2 = Wpisz adres e-mail.
err-enter-mail-address-certificate = Wpisz adres e-mail, który ma znaleźć się w certyfikacie.
err-enter-mail-address-like-name = Wpisz adres e-mail w postaci nazwa@example.com.
err-enter-mobile-number = Wpisz numer telefonu komórkowego.
err-enter-most-10-tags-up = Wpisz najwyżej 10 etykiet, każdą o długości do 40 znaków.
err-enter-most-20-items-up = Wpisz najwyżej 20 pozycji, każdą o długości do 200 znaków.
err-enter-most-200-characters-one = Wpisz najwyżej 200 znaków w jednym wierszu.
err-enter-most-254-characters = Wpisz najwyżej 254 znaki.
err-enter-most-500-characters = Wpisz najwyżej 500 znaków.
err-enter-most-64-characters-one = Wpisz najwyżej 64 znaki w jednym wierszu.
err-enter-most-max-addresses = Wpisz najwyżej { $max } { $max ->
        [one] adres
        [few] adresy
       *[other] adresów
    }.
err-enter-most-max-characters-what = Pole „{ $what }” może mieć najwyżej { $max } { $max ->
        [one] znak
        [few] znaki
       *[other] znaków
    }.
err-enter-most-ten-days = Wpisz najwyżej dziesięć dni.
err-enter-name-1-64-characters = Wpisz nazwę o długości od 1 do 64 znaków.
err-enter-names-certificate-keeps-adds = Wpisz nazwy, które certyfikat zachowuje i które dodaje.
err-enter-number-1-max-ucc = Wpisz liczbę od 1 do { $max_ucc_domains }.
err-enter-order-number-mail = Wpisz numer zamówienia z wiadomości e-mail.
err-enter-organization-name = Wpisz nazwę organizacji.
err-enter-password = Wpisz hasło.
err-enter-remarks-explain-change = Wpisz uwagi wyjaśniające zmianę.
err-enter-remarks-why-done = Wpisz uwagi: dlaczego jest to robione.
err-enter-validity-1-max-validity = Wpisz okres ważności od 1 do { $max_validity_days } dni.
err-field-rules-cannot-saved = Nie można zapisać reguł pól: { $detail }
err-field-too-large = To przekracza { $kib } KiB.
err-form-could-not-kept = Nie udało się zachować formularza: { $detail }
err-form-has-expired-was-changed = Ten formularz wygasł lub został zmieniony: otwórz ponownie Nowy wniosek.
err-form-was-posted-without-button = Formularz został wysłany bez przycisku: użyj przycisku Dalej, Wstecz lub Zapłać.
err-form-was-posted-without-step = Formularz został wysłany bez informacji o kroku: otwórz ponownie Nowy wniosek.
err-form-was-posted-without-token = Formularz został wysłany bez tokenu: otwórz ponownie Nowy wniosek.
err-form-was-posted-without-token-2 = Formularz został wysłany bez tokenu: otwórz ponownie Nowe zamówienie S/MIME.
err-give-applicant-reason-5-500 = Podaj wnioskodawcy uzasadnienie o długości od 5 do 500 znaków.
err-give-certificate-name-work-laptop = Nadaj certyfikatowi nazwę, np. „Laptop służbowy”.
err-give-csr-s-mime-order = CSR zamówienia S/MIME przekaż podczas aktywacji certyfikatu.
err-give-document-title = Nadaj dokumentowi tytuł.
err-give-number-days-1-max = Podaj liczbę dni od 1 do { $max_expiring_days }.
err-give-passkey-name-1-64 = Nadaj kluczowi dostępu nazwę o długości od 1 do 64 znaków, w jednym wierszu.
err-give-reason-up-500-characters = Podaj powód (do 500 znaków); przeczyta go wnioskodawca.
err-give-role-name-1-64 = Nadaj roli nazwę o długości od 1 do 64 znaków, w jednym wierszu.
err-group-group-pays-account-balance = Grupa { $group } płaci z salda konta. Aby przydzielić jej środki, edytuj grupę i wybierz „Pobieraj z salda grupy”.
err-group-orders-domain-already = Grupa już zamawia certyfikaty dla tej domeny.
err-group-orders-only-for = Grupa { $group } zamawia certyfikaty tylko dla { $allowed } i ich subdomen; { $outside } { $count ->
        [one] jest
       *[other] są
    } poza nimi. Wybierz inną grupę lub poproś administratora o dodanie domeny do grupy.
err-hidden-character = Pole „{ $what }” zawiera niewidoczny znak lub znak zmiany kierunku tekstu (U+{ $code }). Wpisz tekst ponownie zamiast go wklejać.
err-holders-user-s-have-role = Rolę { $role } ma { $holders } { $holders ->
        [one] użytkownik
       *[other] użytkowników
    }. Najpierw przydziel im inną rolę.
err-include-least-one-letter-least = Użyj co najmniej jednej litery oraz co najmniej jednej cyfry lub symbolu.
err-insufficient-balance = Niewystarczające saldo: dostępne { $available }, potrzebne { $needed }. { $how }
err-invitation-another-user-sign-out = To zaproszenie jest dla innego użytkownika. Wyloguj się, zaloguj się adresem e-mail, na który wysłano zaproszenie, i otwórz link ponownie.
err-invitation-has-already-been-answered = Na to zaproszenie już odpowiedziano. Zaloguj się, aby zobaczyć konta, do których należysz.
err-invitation-has-expired-invitations-valid = To zaproszenie wygasło: zaproszenia są ważne przez 7 dni. Poproś administratora konta o ponowne zaproszenie.
err-invitation-link-not-valid-check = Ten link z zaproszeniem jest nieprawidłowy. Sprawdź, czy otworzono cały link z wiadomości e-mail.
err-ip-lockout = To by Cię zablokowało: Twój adres { $ip } nie byłby już dozwolony. Zaznacz potwierdzenie, aby mimo to wprowadzić zmianę.
err-keep-text-body-max-characters = Treść może mieć najwyżej { $body_max } { $body_max ->
        [one] znak
        [few] znaki
       *[other] znaków
    }.
err-keep-title-title-max-characters = Tytuł może mieć najwyżej { $title_max } { $title_max ->
        [one] znak
        [few] znaki
       *[other] znaków
    }.
err-key-key-already-revoked = Klucz { $key } jest już unieważniony.
err-ledger-refused-unbalanced-transaction = Księga odrzuciła niezbilansowaną transakcję.
err-logo-could-not-read-choose = Nie udało się odczytać logo; wybierz plik ponownie.
err-logo-may-most-kb = Logo może mieć najwyżej { $kb } KB.
err-logo-must-png-jpeg-image = Logo musi być obrazem PNG lub JPEG.
err-m-verified-already-address-order = Adres { $m } jest już zweryfikowany; adresu tego zamówienia nie można teraz zmienić.
err-mail-address-has-most-254 = Adres e-mail może mieć najwyżej 254 znaki.
err-mark-required-statements-complete-activation = Zaznacz wymagane oświadczenia, aby dokończyć aktywację.
err-maximum-must-least-number-included = Maksimum nie może być mniejsze niż liczba domen zawartych w cenie.
err-mobile-number-has-7-15 = Numer telefonu komórkowego ma od 7 do 15 cyfr łącznie z numerem kierunkowym kraju.
err-month-not-begun = Ten miesiąc jeszcze się nie zaczął.
err-name-must-contain-letters = Imię i nazwisko musi zawierać litery.
err-name-not-domain-we-can = { $name } nie jest domeną, którą możemy certyfikować: { $rule }.
err-name-rule = { $name }: { $rule }.
err-no-email-address = brak adresu e-mail
err-no-such-language = Rootline obsługuje języki: { $languages }; nie ma języka „{ $lang }”.
err-no-such-month = Nie ma takiego miesiąca.
err-not-a-certificate = To nie jest certyfikat X.509. Wklej certyfikat w formacie PEM (-----BEGIN CERTIFICATE-----) albo wybierz plik .pem lub .cer.
err-not-a-user-of-account = { $email } nie jest użytkownikiem tego konta.
err-not-an-active-user-of-account = { $email } nie jest aktywnym użytkownikiem tego konta.
err-not-current-password = To nie jest Twoje obecne hasło.
err-not-current-password-2 = To nie jest Twoje obecne hasło.
err-not-pem-certificate-signing-request = To nie jest żądanie podpisania certyfikatu w formacie PEM (musi zaczynać się od -----BEGIN CERTIFICATE REQUEST-----).
err-not-s-mime-product-order = To nie jest produkt S/MIME; zamów go w Nowym wniosku.
err-not-verified-yet-why-publish = Jeszcze nie zweryfikowano: { $why } Opublikuj pokazany rekord, odczekaj minutę na DNS, a następnie ponownie naciśnij Sprawdź teraz.
err-offer-most-8-validity-choices = Zaoferuj najwyżej 8 okresów ważności do wyboru.
err-only-needs-csr-known = Dozwolona jest tylko wartość needs=csr.
err-only-needs-validation-known = Dozwolona jest tylko wartość needs=validation.
err-only-ucc-certificate-s-names = Nazwy można dodawać i usuwać tylko w certyfikacie UCC; zamiast tego zamów nowy certyfikat.
err-open-enrolment-page-again-get = Otwórz ponownie stronę konfiguracji, aby otrzymać klucz.
err-order-already-paid = To zamówienie zostało już opłacone.
err-order-cannot-done-now = To zamówienie ma status „{ $from }”; nie można teraz tego z nim zrobić.
err-order-charged-amount-greater-than = Za zamówienie pobierana jest kwota większa od zera.
err-order-covers-most-max-names = To zamówienie obejmuje najwyżej { $max_names } { $max_names ->
        [one] domenę
        [few] domeny
       *[other] domen
    }; usuń część z nich lub zwiększ liczbę domen.
err-order-has-already-been-renewed = To zamówienie zostało już odnowione; zobacz zamówienie odnawiające.
err-order-has-no-issued-certificate = To zamówienie nie ma wydanego certyfikatu, który mógłby zostać { $what }.
err-order-has-not-been-paid = To zamówienie nie zostało opłacone, więc nie ma jeszcze faktury.
err-order-keeps-csr = To zamówienie ma już CSR. Zastąpić go może tylko osoba, która złożyła zamówienie, lub administrator zatwierdzający zamówienia: zaloguj się do Rootline i użyj opcji Zastąp CSR na stronie zamówienia.
err-order-s-mime-certificates-new = Certyfikaty S/MIME zamawiaj w Nowym zamówieniu S/MIME: wskazują skrzynkę pocztową, a nie domeny.
err-order-status-address-can-provided = To zamówienie ma status „{ $status }”; adres można podać po opłaceniu zamówienia, do chwili wydania certyfikatu.
err-order-status-can-activated-once = To zamówienie ma status „{ $status }”; można je aktywować po opłaceniu.
err-order-status-can-no-longer = To zamówienie ma status „{ $status }”; nie można go już edytować.
err-order-status-csr-cannot-change = To zamówienie ma status „{ $status }”; jego CSR nie może się już zmienić.
err-order-status-tracking-link-shows = To zamówienie ma status „{ $status }”: link do śledzenia je pokazuje, ale nie można już nic z nim zrobić. Zaloguj się do Rootline, aby zamówić ponownie.
err-order-status-verification-not-available = To zamówienie ma status „{ $status }”; weryfikacja nie jest dla niego dostępna.
err-organization-name-must-contain-letters = Nazwa organizacji musi zawierać litery lub cyfry.
err-organization-name-too-short = Nazwa organizacji jest za krótka.
err-own-role-status-account-changed = W międzyczasie zmieniła się Twoja rola lub status na tym koncie. Odśwież stronę i spróbuj ponownie.
err-page-did-not-say-which = Ta strona nie przekazała, którą wersję warunków zaakceptowano: odśwież ją, przeczytaj warunki i zaakceptuj je ponownie.
err-part-not-day-365-before = „{ $part }” nie jest dniem z zakresu od 365 (przed wygaśnięciem) do -90 (po wygaśnięciu).
err-part-not-mail-address = „{ $part }” nie jest adresem e-mail.
err-part-not-number-days = „{ $part }” nie jest liczbą dni.
err-passkey-already-registered = Ten klucz dostępu jest już zarejestrowany.
err-passkey-cross-origin = Klucza dostępu użyto z ramki innej witryny.
err-passkey-not-a-user = Ten klucz dostępu nie należy do żadnego użytkownika Rootline.
err-passkey-not-registered-here-sign = Ten klucz dostępu nie jest tu zarejestrowany. Zaloguj się hasłem, a następnie dodaj go w swoim profilu.
err-passkey-not-verified = Nie udało się zweryfikować odpowiedzi klucza dostępu.
err-passkey-other-site = Klucz dostępu odpowiedział dla innej witryny. Klucze dostępu działają tylko pod adresem { $origin }.
err-passkey-other-site-portal = Klucz dostępu odpowiedział dla innej witryny. Klucze dostępu działają tylko pod własnym adresem portalu.
err-passkey-request-has-expired-was = To żądanie klucza dostępu wygasło lub otrzymało już odpowiedź. Zacznij od nowa.
err-passkey-user-not-verified = Uwierzytelniacz nie potwierdził Twojej tożsamości (PIN, odcisk palca lub skan twarzy). Spróbuj ponownie i dokończ weryfikację.
err-passkeys-not-available-address-browsers = Pod tym adresem klucze dostępu są niedostępne: przeglądarki akceptują je tylko dla nazwy hosta. Poproś operatora o ustawienie ROOTLINE_PASSKEY_ORIGIN.
err-password-too-common-choose-another = To hasło jest zbyt popularne; wybierz inne.
err-password-too-easy = To hasło jest zbyt łatwe do odgadnięcia. Użyj dłuższej frazy z kilku niezwiązanych ze sobą słów albo pozwól menedżerowi haseł je utworzyć.
err-password-too-easy-because = To hasło jest zbyt łatwe do odgadnięcia ({ $warning }). Użyj dłuższej frazy z kilku niezwiązanych ze sobą słów albo pozwól menedżerowi haseł je utworzyć.
err-paste-certificate-pem-choose-pem = Wklej certyfikat (PEM) albo wybierz jego plik .pem lub .cer.
err-paste-pem-certificate-signing-request = Wklej żądanie podpisania certyfikatu w formacie PEM (-----BEGIN CERTIFICATE REQUEST-----).
err-private-ca-exists = Konto ma już prywatny urząd certyfikacji o nazwie „{ $name }”.
err-private-ca-missing = Rootline nie może wydawać certyfikatów tego produktu: jego prywatny urząd certyfikacji („{ $ca }”) nie istnieje. Nie pobrano żadnej opłaty.
err-private-ca-name-characters = Nazwa prywatnego urzędu certyfikacji może zawierać litery, cyfry, spacje i łączniki.
err-private-ca-name-length = Nazwa prywatnego urzędu certyfikacji musi mieć od 1 do 40 znaków.
err-private-ca-organization = Nazwa organizacji musi mieć od 1 do 64 znaków.
err-private-ca-refused = Urząd certyfikacji odrzucił tę nazwę: { $detail }.
err-private-ca-root = Nazwa „root” jest zarezerwowana dla głównego urzędu certyfikacji konta.
err-private-key-not-certificate-paste = To jest klucz prywatny, a nie certyfikat. Wklej tylko certyfikat: klucz prywatny nigdy nie opuszcza Twojego komputera.
err-product-cannot-be-ordered = Nie można zamówić tego produktu: { $detail }
err-product-certifies-most-max-names = Ten produkt obejmuje najwyżej { $max_names } { $max_names ->
        [one] domenę
        [few] domeny
       *[other] domen
    }.
err-product-certifies-one-domain-choose = Ten produkt obejmuje jedną domenę. Aby objąć więcej, wybierz produkt UCC.
err-product-has-no-price-original = Produkt nie ma już ceny za { $original } dni, więc nie można dodać nazw.
err-product-not-available-account = Ten produkt nie jest dostępny dla Twojego konta.
err-product-offers-offered-set-price = Produkt oferuje okresy ważności: { $offered }; ustal cenę dla jednego z nich.
err-provide-csr = Przekaż CSR.
err-provide-csr-choose-submit-later = Przekaż CSR albo wybierz przekazanie go później.
err-provide-mail-address-certificate-first = Najpierw podaj adres e-mail dla certyfikatu.
err-provide-mail-address-first = Najpierw podaj adres e-mail.
err-provide-new-csr = Przekaż nowy CSR.
err-public-product-name-exists = Istnieje już produkt publiczny o tej nazwie.
err-quote-no-domains = Wpisz co najmniej jedną domenę.
err-quote-no-price = Brak ceny za { $days } { $days ->
        [one] dzień
        [few] dni
       *[other] dni
    } w tej walucie.
err-quote-one-domain-only = Ten produkt obejmuje dokładnie jedną domenę.
err-quote-too-many-domains = Ten produkt obejmuje najwyżej { $max } { $max ->
        [one] domenę
        [few] domeny
       *[other] domen
    }.
err-quote-validity-not-offered = Ten produkt nie jest oferowany na { $days } { $days ->
        [one] dzień
        [few] dni
       *[other] dni
    }; wybierz jeden z okresów: { $offered }.
err-quote-wildcard-not-allowed = „{ $name }” to nazwa wieloznaczna: wybierz dla niej produkt wildcard.
err-quote-wildcard-required = „{ $name }” nie jest nazwą wieloznaczną: produkt wildcard obejmuje nazwy takie jak *.example.com.
err-range-backwards = Adres końcowy nie może poprzedzać adresu początkowego.
err-range-mixed-families = Adres początkowy i końcowy muszą być oba adresami IPv4 albo oba IPv6.
err-range-not-an-address = „{ $value }” nie jest adresem IPv4 ani IPv6.
err-reason-must-not-contain-control = Uzasadnienie nie może zawierać znaków sterujących.
err-remarks-have-most-1000-characters = Uwagi mogą mieć najwyżej 1000 znaków.
err-remarks-must-not-contain-control = Uwagi nie mogą zawierać znaków sterujących.
err-renewal-opens-opens-60-days = Odnowienie będzie możliwe od { $opens }, 60 dni przed wygaśnięciem certyfikatu { $expires }.
err-revocation-reason-not-allowed = Ten powód unieważnienia jest niedozwolony.
err-role-does-not-allow-api = Rola użytkownika { $user } nie pozwala korzystać z API (brak uprawnienia „{ $permission }”).
err-row-has-no-validity-within = Produkt { $row } nie ma okresu ważności mieszczącego się w dzisiejszym limicie z ceną w { $currency }.
err-s-mime-certificate-cannot-what = Certyfikat S/MIME nie może zostać { $what } z poziomu zamówienia; zamów nowy certyfikat dla tego adresu.
err-sign-up-closed-until-operator = Rejestracja jest zamknięta, dopóki operator nie opublikuje dokumentu „{ $kind }”.
err-smime-proof-too-old = Potwierdzenie kontroli nad { $email } jest starsze niż { $days } dni i nie można go ponownie użyć. Wyślij nowy link weryfikacyjny, otwórz go, a następnie aktywuj certyfikat.
err-smime-unknown-link = Ten link weryfikacyjny jest nieprawidłowy: został błędnie przepisany, już użyty lub zastąpiony nowszym. Użyj najnowszego linku wysłanego na ten adres albo poproś wnioskodawcę o wysłanie nowego.
err-smime-verify-first = Najpierw zweryfikuj { $email }: otwórz link wysłany na ten adres.
err-someone-else-changed-order-moment = Ktoś inny przed chwilą zmienił to zamówienie; odśwież je.
err-spend-limit-exceeded = Limit wydatków grupy wynosi { $limit }, z czego wydano już { $spent }, więc wydatek { $needed } nie jest dozwolony. Poproś administratora o podniesienie limitu wydatków grupy.
err-tags-limited-500 = Etykiety mogą mieć łącznie najwyżej 500 znaków.
err-template-fixed = Pole { $field } jest ustalone przez produkt i nie można go podać w żądaniu
err-template-invalid = { $field }: „{ $value }” { $reason }
err-template-missing = Pole { $field } jest wymagane
err-template-no-names = certyfikat nie nazywałby niczego: podaj nazwę DNS, adres IP lub adres e-mail
err-template-not-in-product = Pole { $field } nie należy do tego produktu
err-template-one-value = Pole { $field } przyjmuje jedną wartość
err-template-reason-control = nie może zawierać znaków sterujących
err-template-reason-country = musi być dwuliterowym kodem ISO 3166, np. PL
err-template-reason-dns = nie jest nazwą DNS
err-template-reason-email = nie jest adresem e-mail
err-template-reason-ip = nie jest adresem IPv4 ani IPv6
err-template-reason-length = musi mieć od 1 do 64 znaków
err-template-refuses-names = Szablon produktu nie przyjmuje tych nazw: { $reason }.
err-template-repeated = Pole { $field } występuje w szablonie dwukrotnie
err-terms-changed-while-open = Dokument „{ $kind }” zmienił się, gdy ta strona była otwarta (obowiązuje teraz wersja { $current }, a zaakceptowano wersję { $accepted }). Odśwież stronę, przeczytaj dokument i zaakceptuj go ponownie.
err-text-between-begin-end-lines = Tekst między wierszami BEGIN i END jest uszkodzony: skopiuj go ponownie.
err-there-no-such-page = Nie ma takiej strony.
err-these-certificate-s-names-already = Certyfikat ma już dokładnie te nazwy; dodaj lub usuń co najmniej jedną.
err-title-must-one-line-text = Tytuł musi być jednym wierszem tekstu.
err-tracking-read-only = Ten link do śledzenia daje tylko podgląd dla dodatkowego odbiorcy lub kontaktu technicznego zamówienia: pokazuje zamówienie i pozwala pobrać certyfikat. Wnioskodawca działa na zamówieniu przez własny link lub w Rootline.
err-try-again-price-changed-meanwhile = Spróbuj ponownie: w międzyczasie zmieniła się cena.
err-two-passwords-do-not-match = Hasła nie są takie same.
err-type-main-name-confirm-key = Wpisz { $main_name }, aby potwierdzić, że klucz został skompromitowany.
err-u-already-deactivated = Użytkownik { $u } jest już dezaktywowany.
err-unknown-not-subject-attribute-use = „{ $unknown }” nie jest atrybutem podmiotu: użyj CN, O, OU, L, ST, C lub email.
err-use-digits-only-optional-country = Używaj tylko cyfr, opcjonalnie ze znakiem + i numerem kierunkowym kraju, np. +48 601 234 567.
err-use-least-min-len-characters = Hasło musi mieć co najmniej { $min_len } { $min_len ->
        [one] znak
        [few] znaki
       *[other] znaków
    }.
err-use-least-one-dns-names = Użyj co najmniej jednego z rodzajów nazw: nazw DNS, adresów IP lub adresów e-mail — certyfikat musi coś nazywać.
err-use-most-100-characters-name = Imię i nazwisko może mieć najwyżej 100 znaków.
err-use-most-200-characters-organization = Nazwa organizacji może mieć najwyżej 200 znaków.
err-use-most-64-characters-name = Nazwa może mieć najwyżej 64 znaki.
err-use-most-description-max-characters = Opis może mieć najwyżej { $description_max } { $description_max ->
        [one] znak
        [few] znaki
       *[other] znaków
    }.
err-use-most-max-len-characters = Hasło może mieć najwyżej { $max_len } { $max_len ->
        [one] znak
        [few] znaki
       *[other] znaków
    }.
err-user-changes-own-details = Ten użytkownik należy także do innego konta, więc tylko on sam może to zmienić w swoim profilu.
err-user-group-already = Użytkownik już należy do grupy.
err-user-mail-address-already-belongs = Użytkownik z tym adresem e-mail już należy do tego konta.
err-user-s-role-can-do = Rola tego użytkownika pozwala na rzeczy, na które Twoja nie pozwala, więc nie możesz go zmienić ani dezaktywować. Poproś administratora.
err-validity-must-1-max-validity = Okres ważności musi wynosić od 1 do { $max_validity_days } dni.
err-validity-over-template-cap = { $days } dni przekracza limit { $cap } dni dla szablonu { $template }.
err-validity-over-tls-cap = { $days } dni przekracza limit { $cap } dni obowiązujący { $date } według TLS Baseline Requirements.
err-verification-link-has-expired-links = Ten link weryfikacyjny wygasł: linki działają przez { $link_hours } godz. od wysłania. Nic nie zostało zmienione. Poproś wnioskodawcę o wysłanie nowego linku ze strony zamówienia.
err-what-description = opis
err-what-designation = stanowisko
err-what-employee-id = identyfikator pracownika
err-what-group-name = nazwa grupy
err-what-name = nazwa
err-what-organization-name = nazwa organizacji
err-what-product-name = nazwa produktu
err-what-role-name = nazwa roli
err-wildcard-needs-wildcard-product-enter = Nazwa wieloznaczna wymaga produktu wildcard; wpisz nazwę bez „*.”.
err-write-name-one-line-without = Wpisz nazwę w jednym wierszu, bez znaków specjalnych.
err-write-text-document = Wpisz treść dokumentu.
err-you-already-belong-account-choose = Już należysz do tego konta. Wybierz je po zalogowaniu.
err-you-already-have-authenticator-app = Masz już aplikację uwierzytelniającą. Aby skonfigurować inną, najpierw ją usuń.
err-you-can-only-give-permissions = Możesz nadawać tylko uprawnienia, które posiadasz.
err-you-can-only-give-role = Możesz nadać tylko rolę, której wszystkie uprawnienia posiadasz.
err-you-cannot-change-own-role = Nie możesz zmienić własnej roli. Poproś o to innego administratora.
err-you-cannot-deactivate-yourself-ask = Nie możesz dezaktywować samego siebie. Poproś innego administratora.
err-you-have-no-authenticator-app = Nie masz aplikacji uwierzytelniającej.
err-you-have-no-passkey-enter = Nie masz klucza dostępu. Zamiast tego wpisz kod z aplikacji uwierzytelniającej.
err-you-have-not-set-up = Nie masz skonfigurowanej aplikacji uwierzytelniającej. Użyj zamiast tego klucza dostępu.

## Tworzone w przeglądarce: klucze, CSR i pliki PKCS#12 oraz klucze dostępu.
err-pki-missing-name = Podaj nazwę pospolitą (CN) albo co najmniej jedną nazwę domeny.
err-pki-common-name-too-long = Nazwa pospolita (CN) może mieć najwyżej 64 znaki.
err-pki-invalid-common-name = Nazwa pospolita (CN) nie może zawierać znaków sterujących.
err-pki-invalid-dns-name = „{ $name }” nie jest poprawną nazwą domeny.
err-pki-random = Ta przeglądarka nie dostarczyła bezpiecznych liczb losowych, więc klucz nie został utworzony.
err-pki-key-generation = Nie udało się wygenerować klucza: { $detail }
err-pki-password-too-short = Hasło musi mieć co najmniej { $min ->
        [one] { $min } znak
        [few] { $min } znaki
       *[other] { $min } znaków
    }.
err-pki-invalid-private-key = To nie jest klucz prywatny w formacie PKCS#8 PEM („-----BEGIN PRIVATE KEY-----”).
err-pki-invalid-certificate = To nie jest certyfikat w formacie PEM („-----BEGIN CERTIFICATE-----”).
err-pki-certificate-mismatch = Ten certyfikat nie należy do tego klucza prywatnego.
err-pki-invalid-csr = To nie jest żądanie podpisania certyfikatu (PEM „-----BEGIN CERTIFICATE REQUEST-----” albo DER).
err-pki-unsupported-key = Klucze { $kind } nie są obsługiwane. Użyj ECDSA P-256 lub P-384 albo RSA.
err-pki-unsupported-signature = CSR jest podpisany algorytmem, którego Rootline nie sprawdza ({ $algorithm }).
err-pki-signature-invalid = Podpis CSR jest nieprawidłowy.
err-pki-encoding = Nie udało się zakodować pliku: { $detail }
err-pki-unavailable = Nie udało się wczytać narzędzi do kluczy. Sprawdź połączenie i spróbuj ponownie.
err-passkey-unsupported = Ta przeglądarka nie obsługuje kluczy dostępu. Użyj aktualnej przeglądarki albo zaloguj się w inny sposób.
err-passkey-cancelled = Żądanie klucza dostępu zostało anulowane lub wygasło. Spróbuj ponownie.
err-passkey-refused = Ta przeglądarka odmówiła użycia klucza dostępu pod tym adresem ({ $detail }).
err-passkey-failed = Żądanie klucza dostępu nie powiodło się: { $detail }
err-save-file = Przeglądarka nie mogła zapisać pliku: { $detail }

## Dlaczego hasło łatwo odgadnąć (ostrzeżenia zxcvbn).
err-guessable-straight-rows = proste rzędy klawiszy łatwo odgadnąć
err-guessable-keyboard-patterns = krótkie wzory z klawiatury łatwo odgadnąć
err-guessable-repeats = powtórzenia typu „aaa” łatwo odgadnąć
err-guessable-repeated-words = powtórzenia typu „abcabcabc” są tylko trochę trudniejsze do odgadnięcia niż „abc”
err-guessable-top-10 = to jedno z 10 najczęstszych haseł
err-guessable-top-100 = to jedno ze 100 najczęstszych haseł
err-guessable-common = to bardzo popularne hasło
err-guessable-similar = to hasło przypomina często używane hasło
err-guessable-sequences = ciągi typu abc lub 6543 łatwo odgadnąć
err-guessable-recent-years = niedawne lata łatwo odgadnąć
err-guessable-single-word = pojedyncze słowo łatwo odgadnąć
err-guessable-dates = daty często łatwo odgadnąć
err-guessable-names = same imiona i nazwiska łatwo odgadnąć
err-guessable-common-names = popularne imiona i nazwiska łatwo odgadnąć
err-choose-organization = Wybierz organizację, którą certyfikat wymienia: certyfikaty OV zawierają zweryfikowaną organizację.
err-order-organization-not-found = Na tym koncie nie ma takiej organizacji.
err-order-organization-not-verified = { $name } nie jest zweryfikowana dla certyfikatów { $level } ani nie jest w weryfikacji: wyślij ją do weryfikacji z jej strony, a zamówienie będzie mogło ją wskazać w trakcie weryfikacji.
err-order-organization-suspended = { $name } jest zawieszona: zamówienie może ją ponownie wskazać, gdy operator zdejmie zawieszenie.
err-order-organization-vetting-expired = Weryfikacja { $name } wygasła { $date }: przed zamówieniem sprawdź jej dane i zapisz przez Edytuj, co wysyła ją ponownie do weryfikacji.
err-choose-one-account-s-organizations = Wybierz jedną z organizacji konta; nową dodaj najpierw na stronie Organizacje.
err-group-names-organization-already = Grupa zamawia już dla tej organizacji.
err-group-orders-only-for-organizations = Grupa { $group } zamawia tylko dla organizacji { $allowed }. Wybierz inną grupę albo poproś administratora o dodanie organizacji do grupy.
err-acme-ov-needs-organization = Zamówienia ACME produktu OV wskazują organizację: wybierz jedną ze zweryfikowanych organizacji konta.
err-acme-dv-names-no-organization = Produkt DV nie wskazuje organizacji: wybierz produkt OV albo brak organizacji.
err-acme-organization-in-vetting = Organizacja jest jeszcze weryfikowana: powiąż z nią poświadczenie, gdy dział weryfikacji ją zweryfikuje.

## Sub-accounts and price lists.

err-only-partners-sub-accounts = Subkonta mają tylko konta partnerów. Zarejestruj się jako partner, aby odsprzedawać certyfikaty.
err-partner-not-active-sub-accounts = Twoje konto partnera nie jest jeszcze aktywne, więc nie może zakładać subkont.
err-choose-price-list = Wybierz jeden ze swoich cenników.
err-price-list-name = Nadaj cennikowi nazwę o długości od 1 do 80 znaków.
err-price-below-zero = Cena nie może być niższa niż zero.
err-enter-price = Wpisz cenę, na przykład 49 lub 49.50.
err-list-price-not-offered = Operator nie sprzedaje produktu { $product } na { $days } dni w walucie { $currency }, więc cennik nie może go wycenić.
err-sub-account-not-in-state = Subkonto { $name } ma stan „{ $state }”, więc teraz nie można tego zrobić.
err-partner-cannot-price = Twój partner { $partner } nie może kupić produktu { $product } z tą ważnością, więc nie można go zamówić. Zapytaj { $partner }.
err-choose-suspend-reactivate = Wybierz zawieszenie albo przywrócenie.
err-sub-account-removed-you = Administratorzy subkonta { $name } usunęli Cię z niego; poproś ich o ponowne dodanie.
err-bank-name = Wpisz nazwę tak, jak ma ją bank (najwyżej 200 znaków).
err-bank-account-number = Wpisz numer rachunku: od 9 do 18 cyfr.
err-bank-ifsc = Wpisz IFSC: cztery litery, zero i sześć liter lub cyfr (na przykład SBIN0001234).
err-bank-iban = Wpisz poprawny IBAN: cyfry kontrolne się nie zgadzają albo długość nie pasuje do kraju.
err-bank-bic = Wpisz SWIFT/BIC: 8 lub 11 liter i cyfr (na przykład DEUTDEFF).
err-payment-already-decided = O tej płatności już zdecydowano.
err-withdrawal-already-decided = O tej wypłacie już zdecydowano.
err-payment-amount-format = Wpisz kwotę cyframi, z najwyżej dwoma miejscami po przecinku, na przykład 250 lub 250.50.
err-payment-currency = Kwoty podaje się w walucie konta: { $currency }.
err-payment-date = Wpisz datę wykonania przelewu (RRRR-MM-DD).
err-payment-date-future = Data przelewu nie może być w przyszłości.
err-payment-decision = Wybierz zatwierdzenie albo odrzucenie.
err-payment-form-expired = Ten formularz jest nieaktualny: odśwież stronę i wyślij go ponownie.
err-payment-online-not-configured = Płatności online nie są skonfigurowane w tym portalu: zgłoś przelew bankowy.
err-payment-provider-unavailable = Nie udało się połączyć z operatorem płatności. Spróbuj za kilka minut albo sprawdź ponownie stan płatności.
err-payment-reason = Wpisz powód, który przeczyta klient.
err-payment-reason-format = Wpisz powód w jednym wierszu, najwyżej { $max } znaków.
err-payment-reference = Wpisz numer referencyjny przelewu nadany przez bank.
err-payment-reference-format = Wpisz numer referencyjny w jednym wierszu, najwyżej { $max } znaków.
err-withdraw-no-bank-details = Zapisz dane bankowe, zanim zlecisz wypłatę.
err-choose-gst-state = Wybierz stan, w którym jest miejsce dostawy.
err-gstin-invalid = Wpisz poprawny 15-znakowy GSTIN, na przykład 27AAPFU0939F1ZV, albo zostaw pole puste.
err-gstin-other-state = Ten GSTIN jest zarejestrowany w innym stanie niż wybrany.
err-statement-date = Wpisz datę w formacie RRRR-MM-DD, np. 2026-12-01.
err-statement-range = Koniec okresu jest wcześniej niż jego początek.
err-statement-kind = Wybierz rodzaj transakcji z listy.
err-statement-group = Wybierz z listy jedną z grup tego konta.
err-statement-account = Wybierz z listy jedno ze swoich subkont.
err-report-order = Wpisz numer zamówienia, np. 1042, lub zostaw pole puste.
err-low-balance-which = Wybierz saldo konta lub jednej z jego grup.
err-low-balance-no-address = Podaj co najmniej jeden adres e-mail.
err-low-balance-group-pays-account = Grupa { $group } płaci z salda konta: ustaw alert dla salda konta.
err-mpic-refused = Tylko { $corroborating } z { $asked } zdalnych punktów obserwacji sieci zobaczyło to samo, mniej niż pozwalają zasady (TLS BR 3.2.2.9). Co zobaczyły pozostałe: { $seen }.
err-mpic-too-few = To sprawdzenie musi potwierdzić { $needed } zdalnych punktów obserwacji sieci w { $regions } regionach; skonfigurowano { $configured } w { $configured_regions }. Operator CA musi dodać punkty obserwacji, zanim domeny będzie można weryfikować.
err-smime-caa-refused = Rekordy CAA nie pozwalają temu urzędowi wystawiać certyfikatów S/MIME dla tej skrzynki: { $detail }
err-ct-logs-short = Dzienniki Certificate Transparency nie zwróciły znaczników czasu, których wymaga certyfikat zaufany publicznie ({ $detail }). Certyfikat nie został wystawiony; spróbuj ponownie za kilka minut.
