### Dokumenty do pobrania: faktury, faktury korygujące i faktury miesięczne w PDF (doc-) oraz
### wiersze nagłówków eksportów do Excela (xlsx-), w języku żądania, które je pobiera.

## Słowa wspólne dla kilku dokumentów.

doc-billed-to = Nabywca
doc-account-holder = { $name } (konto { $account })
doc-order = Zamówienie
doc-order-placed = Data zamówienia
doc-date = Data
doc-description = Opis
doc-amount = Kwota
doc-currency = Waluta
doc-prepaid-nothing-due = Opłacono z przedpłaconych środków; brak należności do zapłaty.

## Faktura za jedno zamówienie.

doc-invoice-title = Faktura { $number }
doc-invoice-date = Data faktury
doc-country = Kraj
doc-paid-from = Źródło płatności
doc-paid-from-account = Saldo konta
doc-paid-from-group = Saldo grupy { $group }
doc-paid-from-a-group = Saldo jednej z grup
doc-validity = Okres ważności
doc-validity-days = { $days ->
        [one] { $days } dzień
       *[other] { $days } dni
    }
doc-total-charged = Łącznie pobrano: { $amount }
doc-names = Nazwy: { $names }

## Faktura korygująca zwróconego zamówienia.

doc-credit-note-title = Faktura korygująca { $number }
doc-issued-to = Wystawiono dla
doc-amount-charged = Pobrana kwota
doc-reason = Przyczyna korekty
doc-amount-credited = Kwota zwrotu: { $amount }
doc-credited-to-balance = Zwrócono na saldo, z którego opłacono zamówienie.

## Faktura miesięczna. Miesiąc to „{ miesiąc } { rok }” z nazwami month-* z domains.ftl (w
## mianowniku), np. „Okres: listopad 2026”.

doc-monthly-title = Faktura miesięczna { $number }
doc-period = Okres
doc-issued = Data wystawienia
doc-charged = Obciążenia: { $amount }
doc-refunded = Zwroty: { $amount }
doc-month-total = Razem za { $month }: { $amount }
doc-month-empty = Za { $month } nie ma żadnych obciążeń ani zwrotów za zamówienia.

## Eksport zamówień: nazwa arkusza i wiersz nagłówków.

xlsx-organizations-sheet = Organizacje
xlsx-organization-id = ID organizacji
xlsx-orders-sheet = Zamówienia
xlsx-order = Zamówienie
xlsx-placed = Data złożenia (UTC)
xlsx-product = Produkt
xlsx-domain = Domena
xlsx-names = Liczba nazw
xlsx-status = Status
xlsx-price = Cena
xlsx-placed-by = Zamawiający
xlsx-tags = Tagi

## Eksport dziennika audytu: nazwa arkusza i wiersz nagłówków.

xlsx-audit-sheet = Dziennik audytu
xlsx-time = Czas (UTC)
xlsx-module = Moduł
xlsx-action = Czynność
xlsx-user = Użytkownik
xlsx-ip-address = Adres IP
xlsx-summary = Opis
xlsx-entry = Nr wpisu
