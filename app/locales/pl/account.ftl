### Własne strony zalogowanego użytkownika: przegląd, profil i jego metody logowania,
### wybór konta, drugi krok logowania i odpowiedź na zaproszenie.

overview-account = Konto
overview-organization = Organizacja
overview-account-type = Rodzaj konta
overview-status = Status
overview-country = Kraj
overview-country-not-set = Nie ustawiono
overview-you = Ty
overview-name = Imię i nazwisko
overview-email = E-mail
overview-role = Rola
overview-signed-in = Zalogowano
overview-nothing-needs-attention = Nic nie wymaga Twojej uwagi.
overview-needs-attention = Wymaga Twojej uwagi
overview-credit = Środki
overview-balances = Salda

profile-saved = Twój profil został zapisany.
profile-password-changed = Hasło zostało zmienione; Twoje pozostałe sesje zostały zakończone.
profile-details = Twoje dane
profile-email = E-mail
profile-employee-id = Identyfikator pracownika
profile-designation = Stanowisko
profile-save-details = Zapisz dane
profile-change-password = Zmień hasło
profile-password-lead = Po zmianie hasła Twoje pozostałe sesje zostaną zakończone.
profile-current-password = Obecne hasło
profile-password-hint = Co najmniej 12 znaków, w tym litera oraz cyfra lub symbol.
profile-confirm-new-password = Powtórz nowe hasło
profile-your-password = Twoje hasło
profile-rename = Zmień nazwę
profile-remove = Usuń
profile-col-name = Nazwa
profile-col-added = Dodano
profile-col-last-used = Ostatnio użyty
profile-col-subject = Podmiot
profile-col-issuer = Wystawca
profile-col-valid-until = Ważny do
profile-col-actions = Działania

profile-app-heading = Aplikacja uwierzytelniająca
profile-app-lead = Sześciocyfrowy kod z aplikacji w telefonie, o który prosimy po podaniu hasła.
profile-app-removed = Aplikacja uwierzytelniająca została usunięta.
profile-app-not-set-up = Nie skonfigurowano.
profile-app-set-up = Skonfiguruj aplikację uwierzytelniającą
profile-app-scan = Zeskanuj kod QR w aplikacji lub wpisz klucz, a następnie wpisz kod, który pokaże aplikacja.
profile-app-enrolled = { $count ->
        [one] Skonfigurowano. Pozostał { $count } niewykorzystany kod odzyskiwania.
        [few] Skonfigurowano. Pozostały { $count } niewykorzystane kody odzyskiwania.
       *[many] Skonfigurowano. Pozostało { $count } niewykorzystanych kodów odzyskiwania.
    }
profile-app-new-codes = Nowe kody odzyskiwania
profile-app-current-code = Bieżący kod z aplikacji
profile-app-old-codes-stop = Dotychczasowe kody odzyskiwania przestaną działać.
profile-app-make-codes = Wygeneruj nowe kody odzyskiwania
profile-app-enforced = Twoje konto wymaga aplikacji uwierzytelniającej, więc nie można jej usunąć.
profile-app-remove = Usuń aplikację uwierzytelniającą
profile-app-remove-button = Usuń aplikację

profile-passkeys = Klucze dostępu
profile-passkeys-lead = Loguj się odciskiem palca, skanem twarzy lub kodem PIN urządzenia zamiast hasła albo potwierdzaj kluczem dostępu logowanie hasłem.
profile-passkeys-none = Nie masz jeszcze kluczy dostępu.
profile-passkey-added = Dodano klucz dostępu „{ $name }”.
profile-passkey-renamed = Zmieniono nazwę klucza dostępu.
profile-passkey-removed = Usunięto klucz dostępu.
# Nazwa nowego klucza dostępu, dopóki użytkownik nie nada mu własnej.
profile-passkey-default-name = Klucz dostępu
profile-passkey-name = Nazwa nowego klucza dostępu
profile-passkey-name-hint = Aby odróżnić od siebie swoje klucze dostępu, np. „Laptop służbowy”.
profile-passkey-busy = Czekamy na Twój klucz dostępu…
profile-passkey-add = Dodaj klucz dostępu
profile-passkey-never = Nigdy
profile-passkey-rename-label = Nowa nazwa klucza { $name }
profile-passkey-remove-label = Usuń klucz dostępu { $name }

profile-certificates = Certyfikaty do logowania
profile-certificates-lead = Loguj się bez hasła, certyfikatem przechowywanym w przeglądarce. Zarejestruj tutaj certyfikat; jego klucz prywatny nigdy nie opuszcza Twojego komputera.
profile-certificates-none = Nie masz jeszcze certyfikatów: logujesz się hasłem.
profile-certificate-added = Certyfikat został zarejestrowany: możesz się nim logować.
profile-certificate-removed = Certyfikat został usunięty.
profile-certificate-remove-label = Usuń { $name }
profile-certificate-register-heading = Zarejestruj certyfikat
profile-certificate-name = Nazwa certyfikatu
profile-certificate-name-hint = Aby odróżnić od siebie swoje certyfikaty, np. Laptop służbowy.
profile-certificate-pem = Certyfikat (PEM)
profile-certificate-pem-hint = Wklej certyfikat, od -----BEGIN CERTIFICATE----- do -----END CERTIFICATE-----.
profile-certificate-file = Albo wybierz plik certyfikatu (.pem, .cer, .crt)
profile-certificate-unreadable = Nie udało się odczytać pliku. Wklej certyfikat w pole tekstowe.
profile-certificate-register = Zarejestruj certyfikat

choose-account-joined = Zaproszenie zostało przyjęte. Wybierz konto, na którym chcesz pracować.
choose-account-declined = Zaproszenie zostało odrzucone; nie dołączysz do tamtego konta.
choose-account-lead = Należysz do kilku kont. Wybierz to, na którym chcesz pracować; później możesz je zmienić.
choose-account-list = Twoje konta
choose-account-type = Rodzaj
choose-account-role = Twoja rola
choose-account-status = Status
choose-account-current = Pracujesz na tym koncie
choose-account-use = Użyj tego konta

# Wspólne dla kroku logowania, konfiguracji logowania dwuskładnikowego i aplikacji
# uwierzytelniającej w profilu.
two-factor-keep-codes = Przechowuj te kody odzyskiwania w bezpiecznym miejscu. Jeśli zgubisz telefon, każdy z nich zadziała jeden raz. Nie pokażemy ich ponownie.
two-factor-recovery-codes = Kody odzyskiwania
two-factor-qr = Kod QR z sekretem
two-factor-key = Klucz:
two-factor-secret-key = Tajny klucz
two-factor-code-from-app = Kod z aplikacji
two-factor-confirm = Potwierdź

two-factor-sign-in-as-other = Zaloguj się jako inna osoba
two-factor-code-lead = Otwórz aplikację uwierzytelniającą i wpisz sześciocyfrowy kod dla Rootline albo jeden ze swoich kodów odzyskiwania.
two-factor-code = Kod
two-factor-continue = Dalej
two-factor-passkey-lead = Użyj klucza dostępu zarejestrowanego w Rootline.
two-factor-passkey-busy = Czekamy na Twój klucz dostępu…
two-factor-passkey = Użyj klucza dostępu
two-factor-enrol-done = Logowanie dwuskładnikowe zostało skonfigurowane.
two-factor-enrol-continue = Przejdź do Rootline
two-factor-enrol-lead = Twoje konto wymaga kodu z aplikacji uwierzytelniającej przy każdym logowaniu. Zeskanuj kod QR w aplikacji lub wpisz klucz, a następnie wpisz kod, który pokaże aplikacja.

# Strona pogrubia $account, $email i $role, w dowolnym miejscu zdania.
invitation-lead = { $account } zaprasza { $email } do swojego konta w Rootline w roli: { $role }.
invitation-privacy = Dopóki nie przyjmiesz zaproszenia, konto widzi tylko Twój adres e-mail. Imię i nazwisko, numer telefonu komórkowego i stanowisko pozostają Twoje: tylko Ty je zmieniasz, w swoim profilu. Zaproszenie jest ważne do { $expires }.
invitation-accept = Przyjmij i dołącz
invitation-decline = Odrzuć
invitation-wrong-user = Zalogowano Cię jako { $user }. To zaproszenie jest dla { $email }: wyloguj się, a następnie zaloguj się tym adresem i ponownie otwórz link.
# Strona pogrubia $email.
invitation-sign-in-first = Zaloguj się jako { $email }, aby przyjąć lub odrzucić zaproszenie.
invitation-sign-in = Zaloguj się, aby odpowiedzieć

# The state of an account, passkey availability, how credit comes in.
account-status-pending-activation = Oczekuje na aktywację
account-status-pending-approval = Czeka na zatwierdzenie przez operatora
account-status-active = Aktywne
account-status-rejected = Odrzucone
account-status-expired = Wygasłe
passkeys-off-not-set-up = Klucze dostępu nie są skonfigurowane na tym serwerze.
passkeys-off-ip = Klucze dostępu nie działają pod tym adresem: przeglądarki pozwalają na nie tylko pod nazwą hosta, nie pod adresem IP.
passkeys-off-only-at = Klucze dostępu nie działają pod tym adresem: działają tylko pod { $address }.
passkeys-off-origin-not-host = Klucze dostępu nie działają pod tym adresem: źródło kluczy dostępu ustawione na serwerze nie jest nazwą hosta akceptowaną przez przeglądarki.
passkeys-off-origin-ip = Klucze dostępu są wyłączone: źródło kluczy dostępu ustawione na serwerze jest adresem IP, który przeglądarki odrzucają. Poproś operatora o ustawienie ROOTLINE_PASSKEY_ORIGIN na nazwę hosta.
overview-how-credit = Płatności w portalu nie są jeszcze dostępne: operator Rootline dodaje środki do Twojego konta (Operator, Konta, Twoje konto, Środki). Administrator Twojego konta przydziela je następnie grupom, które płacą z własnego salda.
