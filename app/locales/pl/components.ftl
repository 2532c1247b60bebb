### Słowa wspólnych komponentów (przyciski, pola formularzy, tabele, wyciąg).

copy-button = Kopiuj
copy-done = Skopiowano
copy-failed = Zaznacz i skopiuj
toggle-activate = Aktywuj
toggle-deactivate = Dezaktywuj
pager-newer = Nowsze
pager-older = Starsze
field-product = Produkt
field-validity = Okres ważności
field-designation = Stanowisko
field-employee-id = Identyfikator pracownika
field-role = Rola
field-choose-role = Wybierz rolę
field-group-access = Dostęp do grup
field-user-email-hint = Użytkownik loguje się tym adresem; na niego wyślemy link aktywacyjny. Adres, który ma już użytkownika w Rootline, dostaje zamiast tego zaproszenie i dołącza, jeśli je przyjmie.
passkeys-use-at = Klucze dostępu działają pod adresem { $address }
statement-empty = Nie ma jeszcze żadnych transakcji.
statement-date = Data (UTC)
statement-type = Rodzaj
statement-remarks = Uwagi
statement-group = Grupa
statement-account-balance = Saldo konta po operacji
statement-group-balance = Saldo grupy po operacji
statement-by = Wykonał(a)
statement-pager = Strona { $page } z { $pages } · { $total ->
        [one] { $total } transakcja
        [few] { $total } transakcje
       *[many] { $total } transakcji
    }
