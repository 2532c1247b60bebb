### Grupy: lista, strona grupy (użytkownicy, domeny, logo, środki) oraz dziennik zdarzeń.

groups-saved = Grupa została zapisana.
groups-list = Grupy
groups-one-group = Twoje konto ma jedną grupę. Operator Rootline może włączyć wiele grup.
groups-add-heading = Dodaj grupę
groups-add-submit = Dodaj grupę
groups-all = Wszystkie grupy

group-name = Nazwa grupy
group-description = Opis
group-finance-mode = Sposób rozliczeń
group-from-account = Pobieraj z salda konta
group-from-group = Pobieraj z salda grupy
group-spend-limit = Limit wydatków
group-spend-limit-hint = np. 2500.00; puste oznacza brak limitu.
group-renewal-emails = Adresy e-mail do powiadomień o odnowieniu
group-renewal-emails-hint = Oddzielone przecinkami.
group-restricted = Korzystają z niej tylko użytkownicy dodani do grupy
group-default = domyślna
group-renewal-emails-fact = E-maile o odnowieniu
group-domains = Domeny
group-all-domains = Wszystkie domeny konta
group-used-by = Korzystają
group-used-by-members = Użytkownicy do niej dodani
group-used-by-everyone = Każdy użytkownik z dostępem do wszystkich grup oraz użytkownicy do niej dodani
group-details-link = Użytkownicy, domeny i logo grupy { $name }
group-edit = Edytuj
group-save-submit = Zapisz grupę

# Strona grupy.
group-member-added = Użytkownik został dodany do grupy.
group-member-removed = Użytkownik został usunięty z grupy.
group-domain-added = Grupa zamawia teraz tylko dla domen ze swojej listy.
group-domain-removed = Domena została odłączona od grupy.
group-logo-saved = Logo zostało zapisane.
group-logo-removed = Logo zostało usunięte.
group-credits-allocated = Środki zostały przydzielone grupie.
group-credits-returned = Środki wróciły na saldo konta.
group-used-by-members-only = Korzystają z niej tylko użytkownicy dodani do grupy.
group-used-by-all = Korzysta z niej każdy użytkownik z dostępem do wszystkich grup, a także użytkownicy do niej dodani.
group-users-table = Użytkownicy grupy
group-user-name = Imię i nazwisko
group-through = Dostęp przez
group-actions = Działania
group-remove-from = Usuń { $name } z grupy
group-through-member = Dodanie do grupy
group-through-all = Dostęp do wszystkich grup
group-remove = Usuń
group-add-member-heading = Dodaj użytkownika do grupy
group-user = Użytkownik
group-add-member = Dodaj do grupy
group-domains-specific = Wybrane: grupa zamawia tylko dla tych domen i ich subdomen.
group-domains-list = Domeny grupy
group-domains-all = Wszystkie: grupa zamawia dla każdej domeny konta. Dodaj domenę, aby ograniczyć grupę do wybranych domen.
group-domain-of-account = Domena konta
group-domain-limit = Ogranicz grupę do tej domeny
group-domains-add-first = Aby ograniczyć grupę do wybranych domen, najpierw dodaj je na stronie Domeny.
group-logo = Logo
group-logo-alt = Logo grupy { $name }
group-logo-remove = Usuń logo
group-logo-none = Grupa nie ma logo.
group-logo-file = Plik logo (PNG lub JPEG, najwyżej 200 KB)
group-logo-chosen = Wybrane logo
group-logo-upload = Prześlij logo
group-logo-unreadable = Nie udało się odczytać pliku; wybierz go ponownie.
group-credits = Środki
group-paid-from = Zamówienia są opłacane z
group-paid-from-account-explain = Zamówienia tej grupy są opłacane z salda konta. Aby dać jej własne środki, edytuj grupę i wybierz „Pobieraj z salda grupy”.
group-allocate = Przydziel środki
group-allocate-hint = Przenoszone z salda konta do grupy.
group-deallocate = Cofnij przydział środków
group-deallocate-hint = Przenoszone z grupy z powrotem na saldo konta.
group-credit-history = Historia środków
group-amount = Kwota

# Dziennik zdarzeń.
audit-filter-label = Filtruj dziennik zdarzeń
audit-module = Moduł
audit-all-modules = Wszystkie moduły
audit-user = Użytkownik
audit-user-placeholder = Imię i nazwisko lub e-mail
audit-filter = Filtruj
audit-none = Żaden wpis nie pasuje do tych filtrów.
audit-table = Wpisy dziennika zdarzeń
audit-time = Czas (UTC)
audit-action = Działanie
audit-ip = Adres IP
audit-summary = Podsumowanie
audit-pager = Strona { $page } z { $pages } · { $total ->
        [one] { $total } wpis
        [few] { $total } wpisy
        [many] { $total } wpisów
       *[other] { $total } wpisu
    }


# Grupa, od której zaczyna każde konto, nazwana w języku osoby, która je aktywowała.
group-default-name = Grupa domyślna
group-default-description = Pierwsza grupa każdego konta.
group-organizations = Organizacje
group-organization-added = Grupa zamawia teraz tylko dla wymienionych organizacji.
group-organization-removed = Organizację usunięto z grupy.
group-organizations-specific = Wybrane: zamówienia OV grupy wskazują tylko te organizacje.
group-organizations-list = Organizacje grupy
group-organizations-all = Wszystkie: zamówienia OV grupy mogą wskazać każdą organizację konta. Dodaj jedną, by ograniczyć grupę do wybranych.
group-organization-of-account = Organizacja konta
group-organization-limit = Ogranicz grupę do tej organizacji
group-organizations-add-first = Aby ograniczyć grupę do wybranych organizacji, dodaj je najpierw na stronie Organizacje.
