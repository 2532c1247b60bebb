### Ustawienia konta: poświadczenia ACME i klucze REST API, ograniczenia IP, role, prywatne CA
### i produkty, przypomnienia o odnowieniu, logowanie dwuskładnikowe.

## ACME APIs
acme-revoked = Poświadczenie zostało unieważnione.
acme-lead = Klient ACME, taki jak certbot lub lego, rejestruje się identyfikatorem klucza i kluczem HMAC poświadczenia (External Account Binding); jego zamówienia są wtedy składane dla użytkownika, grupy i produktu z poświadczenia, opłacane i wyświetlane na liście jak każde inne zamówienie.
acme-directory-url = Adres URL katalogu:
acme-created-heading = Poświadczenie utworzone
acme-copy-now = Skopiuj klucz HMAC teraz: jest pokazywany tylko ten jeden raz i nie da się go ponownie odczytać.
acme-key-id-label = Identyfikator klucza:
acme-hmac-key-label = Klucz HMAC:
acme-replace-hint = Zastąp adres e-mail i domenę swoimi.
acme-none = Nie ma jeszcze poświadczeń ACME.
acme-table = Poświadczenia ACME
acme-key-id = Identyfikator klucza
acme-user = Użytkownik
acme-group = Grupa
acme-product = Produkt
acme-tags = Tagi
acme-created = Utworzono
acme-bound = Powiązano
acme-revoked-col = Unieważniono
acme-actions = Działania
acme-not-yet = Jeszcze nie
acme-revoke = Unieważnij
acme-revoke-confirm = Unieważnić { $key }? Konta ACME z nim powiązane przestaną działać.
acme-yes-revoke = Tak, unieważnij
acme-create-heading = Utwórz poświadczenie
acme-create-submit = Utwórz poświadczenie
acme-tags-hint = Oddzielone przecinkami, np. web, production.

## REST APIs
api-keys-revoked = Klucz został unieważniony: od teraz żądania z tym kluczem są odrzucane.
# Wokół linku „REST API”.
api-keys-lead-before = Klucz dostępu pozwala programowi korzystać z
api-keys-lead-after = jako jeden z użytkowników tego konta: dostaje uprawnienia i ograniczenia IP tego użytkownika, a wszystko, co robi, jest zapisywane jako działania tego użytkownika.
api-keys-new-heading = Twój nowy klucz dostępu
api-keys-copy-now = Skopiuj go teraz: jest pokazywany tylko ten jeden raz. Rootline przechowuje tylko jego skrót.
api-keys-access-key = Klucz dostępu
api-keys-use-it = Użyj go tak:
# Zastępuje adres portalu w przykładowym poleceniu.
api-keys-this-portal = ten portal
api-keys-none = Nie ma jeszcze kluczy dostępu.
api-keys-table = Klucze dostępu
api-keys-key-id = Identyfikator klucza
api-keys-acts-as = Działa jako
api-keys-description = Opis
api-keys-created = Utworzono
api-keys-last-used = Ostatnio użyty
api-keys-state = Stan
api-keys-actions = Działania
api-keys-revoked-at = Unieważniony { $at }
api-keys-active = Aktywny
api-keys-never = Nigdy
api-keys-yes-revoke = Tak, unieważnij
api-keys-revoke = Unieważnij
api-keys-create-heading = Utwórz klucz dostępu
api-keys-create-submit = Utwórz klucz
api-keys-description-hint = Do czego służy klucz, np. „Potok wdrożeniowy”.

## Ograniczenia IP
ip-rules-saved = Ograniczenia IP zostały zapisane.
ip-rules-lead = Gdy konto ma włączone reguły, jego użytkownicy mogą korzystać z Rootline tylko z dozwolonych przez nie adresów: reguły dla wszystkich użytkowników dotyczą każdego, a własne reguły użytkownika dodają się do nich. Sprawdzane jest każde żądanie.
ip-rules-your-address = Twój adres:
ip-rules-none = Brak reguł: użytkownicy mogą się logować z dowolnego adresu.
ip-rules-table = Reguły IP
ip-rules-applies-to = Dotyczy
ip-rules-from = Od
ip-rules-to = Do
ip-rules-description = Opis
ip-rules-state = Stan
ip-rules-actions = Działania
ip-rules-enable = Włącz
ip-rules-disable = Wyłącz
ip-rules-enabled = Włączona
ip-rules-disabled = Wyłączona
ip-rules-may-lock-out = Mogę odciąć sobie dostęp
ip-rules-delete = Usuń
ip-rules-add-heading = Dodaj regułę
ip-rules-add-submit = Dodaj regułę
ip-rules-applies-to-field = Dotyczy (e-mail użytkownika; puste dla wszystkich użytkowników)
ip-rules-start = Adres początkowy
ip-rules-start-hint = IPv4 lub IPv6, np. 203.0.113.0
ip-rules-end = Adres końcowy
ip-rules-end-hint = Puste dla pojedynczego adresu.
ip-rules-understand = Rozumiem, że ta reguła może odciąć mi dostęp

## Role
roles-saved = Rola została zapisana.
roles-deleted = Rola została usunięta.
roles-custom = Role własne
roles-none = Nie ma jeszcze ról własnych. Utwórz pierwszą poniżej z tych samych uprawnień, z których składają się role wbudowane.
roles-built-in = Role wbudowane
roles-role = Rola
roles-may = Może
roles-name = Nazwa roli
roles-description = Opis
roles-permissions = Uprawnienia
roles-users = Użytkownicy
roles-edit = Edytuj
roles-save-submit = Zapisz rolę
roles-delete = Usuń
roles-delete-label = Usuń rolę { $name }
roles-add-heading = Dodaj rolę własną
roles-add-submit = Dodaj rolę

## Prywatne CA
private-cas-created = Prywatny CA został utworzony.
private-cas-none = Twoje konto nie ma jeszcze prywatnego CA. Pierwszy z nich tworzy też prywatny główny CA Twojego konta.
private-cas-table = Prywatne CA
private-cas-name-col = Nazwa
private-cas-subject = Podmiot
private-cas-role = Rola
private-cas-valid-until = Ważny do
private-cas-root = Główny (podpisuje wydające CA)
private-cas-issuing = Wydający CA
private-cas-create-heading = Utwórz prywatny CA
private-cas-create-submit = Utwórz CA
private-cas-name = Nazwa CA
private-cas-name-hint = Litery, cyfry, spacje i myślniki, np. Intranet.

## Prywatne produkty
products-saved = Produkt został zapisany.
products-none = Twoje konto nie ma jeszcze prywatnych produktów.
products-list = Prywatne produkty
products-needs-ca = Prywatny produkt wystawia jeden z Twoich prywatnych CA.
# Link, a po nim reszta zdania.
products-needs-ca-link = Najpierw utwórz prywatny CA
products-needs-ca-after = .
products-name = Nazwa produktu
products-ca = Prywatny CA
products-validity-days = Okres ważności (dni)
products-validity-hint = Najwyżej 398 dni.
products-template = Szablon
products-fields-legend = Pola podmiotu i SAN
products-fields-hint = Pola dynamiczne są wypełniane przy każdym wniosku; stałe wartości są takie same w każdym certyfikacie.
products-field = Pole
products-how-set = Sposób ustawienia
products-fixed-value = Stała wartość
products-fixed-values = Stałe wartości, oddzielone przecinkami
products-fixed-value-of = { $field }: stała wartość
products-auto-approve = Zatwierdzaj zamówienia automatycznie
products-checklist-field = Lista kontrolna weryfikacji
products-checklist-hint = Jeden punkt w wierszu; zatwierdzający widzą ją przy każdym zamówieniu.
products-mode-fixed = stałe: { $values }
products-mode-required = dynamiczne, wymagane
products-mode-optional = dynamiczne, opcjonalne
products-status = Status
products-active = Aktywny
products-inactive = Nieaktywny
products-validity = Okres ważności
products-validity-value = { $days ->
        [one] { $days } dzień
        [few] { $days } dni
        [many] { $days } dni
       *[other] { $days } dni
    }
products-fields = Pola
products-approval = Zatwierdzanie
products-automatic = Automatyczne
products-by-admin = Przez administratora
products-checklist = Lista kontrolna
products-edit = Edytuj
products-save-submit = Zapisz produkt
products-create-heading = Utwórz prywatny produkt
products-create-submit = Utwórz produkt

## Przypomnienia o odnowieniu
renewals-saved = Dni przypomnień zostały zapisane.
renewals-heading = Częstotliwość powiadomień o odnowieniu certyfikatów
renewals-explain = Przypomnienia trafiają do wnioskodawcy, dodatkowych odbiorców, kontaktu technicznego i na adresy odnowień grupy. Dni dodatnie to dni przed wygaśnięciem, ujemne — po nim.
renewals-save = Zapisz
renewals-days = Dni (oddzielone przecinkami)

## Logowanie dwuskładnikowe
two-factor-setting-saved = Ustawienie zostało zapisane.
two-factor-setting-heading = Aplikacja uwierzytelniająca (T-OTP)
two-factor-setting-explain = Gdy to wymusisz, każdy użytkownik konta skonfiguruje aplikację uwierzytelniającą przy najbliższym logowaniu i będzie podawać z niej kod przy każdym logowaniu.
two-factor-setting-save = Zapisz
two-factor-setting-enforce = Wymuszaj 2FA przez T-OTP

# Nazwa interfejsu, taka sama w każdym języku.
api-keys-rest-api = REST API
acme-organization = Organizacja (produkty OV)
acme-organization-none = Brak: zamówienia DV
acme-organization-hint = Powiązany ze zweryfikowaną organizacją i produktem OV klient ACME zamawia certyfikaty OV, które wymieniają tę organizację tak, jak ją zweryfikowano.
