### Wspólna rama każdej strony: nagłówek, menu, tytuły stron, przełącznik języka oraz
### słowa używane na wielu stronach.

brand = Rootline
common-loading = Wczytywanie…
common-skip-to-content = Przejdź do treści
common-menu = Menu
common-sign-out = Wyloguj się
common-switch-account = Zmień konto
common-account = Konto
common-signed-in-as = Zalogowano jako
common-main-menu = Główne
common-go-to-sign-in = Przejdź do logowania
common-checking-link = Sprawdzamy Twój link…
common-previous = Poprzednia
common-next = Następna
common-pages = Strony
common-search = Szukaj
common-clear = Wyczyść
common-export-excel = Eksportuj do Excela
common-from = Od
common-to = Do

lang-switch-label = Język
lang-switch-button = Zmień język

# Tytuły stron: karta przeglądarki, nagłówek i bieżąca pozycja menu.
page-acme-apis = Interfejsy ACME
page-accounts = Konta
page-activate = Aktywuj konto
page-add-user = Dodaj użytkownika
page-application-received = Wniosek przyjęty
page-audit-log = Dziennik zdarzeń
page-billing = Rozliczenia
page-product-prices = Cennik produktów
page-check-email = Sprawdź pocztę
page-choose-account = Wybierz konto
page-confirm-domain = Potwierdź kontrolę nad domeną
page-confirm-identity = Potwierdź, że to Ty
page-sign-up = Załóż konto
page-credits = Środki
page-design-system = System projektowy
page-domains = Domeny
page-delegated-download = Pobierz przekazany certyfikat
page-edit-user = Edytuj użytkownika
page-group = Grupa
page-groups = Grupy
page-ip-restrictions = Ograniczenia IP
page-invitation = Zaproszenie do konta
page-legal-documents = Dokumenty prawne
page-new-smime-order = Nowe zamówienie S/MIME
page-new-request = Nowy wniosek
page-order = Zamówienie
page-orders = Zamówienia
page-overview = Przegląd
page-not-found = Nie znaleziono strony
page-private-cas = Prywatne urzędy certyfikacji
page-private-products = Prywatne produkty
page-profile = Profil
page-public-products = Produkty publiczne
page-rest-apis = Interfejsy REST
page-renewal-reminders = Przypomnienia o odnowieniu
page-revoke-certificate = Unieważnij certyfikat
page-roles = Role
page-smime-certificate = Certyfikat S/MIME
page-two-factor-enrol = Skonfiguruj logowanie dwuskładnikowe
page-sign-in = Zaloguj się
page-passkey-sign-in = Logowanie kluczem dostępu
page-two-factor = Logowanie dwuskładnikowe
page-users = Użytkownicy
page-verify-email = Potwierdź adres e-mail
page-terms = Warunki korzystania z usługi
page-subscriber-agreement = Umowa subskrybenta

# Menu główne.
menu-overview = Przegląd
menu-profile = Profil
menu-new-request = Nowy wniosek
menu-new-smime-order = Nowe zamówienie S/MIME
menu-orders = Zamówienia
menu-domains = Domeny
menu-accounts = Konta
menu-public-products = Produkty publiczne
menu-legal-documents = Dokumenty prawne
menu-users = Użytkownicy
menu-two-factor = Logowanie dwuskładnikowe
menu-ip-restrictions = Ograniczenia IP
menu-renewal-reminders = Przypomnienia o odnowieniu
menu-rest-apis = Interfejsy REST
menu-acme-apis = Interfejsy ACME
menu-roles = Role
menu-private-cas = Prywatne urzędy certyfikacji
menu-private-products = Prywatne produkty
menu-groups = Grupy
menu-billing = Rozliczenia
menu-product-prices = Cennik produktów
menu-audit-log = Dziennik zdarzeń
menu-design-system = System projektowy

# Co strona mówi użytkownikowi, którego rola jej nie otwiera.
refusal-operator-products = Tylko użytkownicy operatora mogą zarządzać produktami publicznymi.
refusal-operator-console = Tylko użytkownicy operatora mogą otworzyć konsolę operatora.
refusal-operator-legal = Tylko użytkownicy operatora mogą publikować warunki korzystania z usługi i umowę subskrybenta.
refusal-operator-design = Katalog komponentów jest przeznaczony dla operatorów.
refusal-account-settings = Twoja rola nie pozwala zmieniać ustawień konta.
refusal-security-settings = Twoja rola nie pozwala zmieniać ustawień bezpieczeństwa.
refusal-acme = Twoja rola nie pozwala zarządzać danymi dostępowymi ACME.
refusal-api-keys = Twoja rola nie pozwala zarządzać kluczami dostępu do API.
refusal-domains = Twoja rola nie pozwala zarządzać domenami.
refusal-groups = Twoja rola nie pozwala zarządzać grupami.
refusal-private-cas = Twoja rola nie pozwala zarządzać prywatnymi urzędami certyfikacji.
refusal-products = Twoja rola nie pozwala zarządzać produktami.
refusal-roles = Twoja rola nie pozwala zarządzać rolami.
refusal-users = Twoja rola nie pozwala zarządzać użytkownikami.
refusal-finance = Twoja rola nie pozwala oglądać sald i wyciągu.
refusal-product-prices = Twoja rola nie pozwala oglądać cen konta.
refusal-audit = Twoja rola nie pozwala oglądać dziennika zdarzeń.

# Błędy wspólne dla wszystkich stron.
error-not-found = Nie znaleźliśmy tego.
error-unauthenticated = Zaloguj się, aby kontynuować.
error-invalid-credentials = Adres e-mail lub hasło są nieprawidłowe.
error-forbidden = Twoja rola nie pozwala na tę czynność.
error-validation = Popraw zaznaczone pola.
error-rate-limited = Zbyt wiele prób. Odczekaj { $seconds } s i spróbuj ponownie.
error-internal = Coś poszło nie tak po naszej stronie. Kontaktując się z pomocą techniczną, podaj numer zdarzenia { $incident }.
error-transport = Nie udało się wykonać żądania ({ $detail }). Sprawdź połączenie i spróbuj ponownie.
common-private-ca = Ta instalacja jest prywatnym urzędem certyfikacji: jej certyfikaty nie są publicznie zaufane. Przeglądarki i systemy ufają im tylko tam, gdzie zainstalowano jej certyfikat główny.
