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

## Raport zamówień partnera: nazwa arkusza i nagłówki oprócz xlsx-order, xlsx-placed,
## xlsx-product i xlsx-status.

xlsx-report-sheet = Zamówienia subkont
xlsx-report-sub-account = Subkonto
xlsx-report-sub-account-price = Cena subkonta
xlsx-report-sub-account-currency = Waluta subkonta
xlsx-report-partner-price = Cena partnera
xlsx-report-partner-currency = Waluta partnera
xlsx-report-margin = Marża

## Eksport cennika: nazwa arkusza i wiersz nagłówków (poza xlsx-product).

xlsx-prices-sheet = Cennik
xlsx-prices-kind = Rodzaj produktu
xlsx-prices-validity-days = Okres ważności (dni)
xlsx-prices-currency = Waluta
xlsx-prices-base = Cena podstawowa
xlsx-prices-per-extra-domain = Za każdą dodatkową domenę
xlsx-prices-included-domains = Domeny w cenie

## Eksport dziennika audytu: nazwa arkusza i wiersz nagłówków.

xlsx-audit-sheet = Dziennik audytu
xlsx-time = Czas (UTC)
xlsx-module = Moduł
xlsx-action = Czynność
xlsx-user = Użytkownik
xlsx-ip-address = Adres IP
xlsx-summary = Opis
xlsx-entry = Nr wpisu

## Eksport wyciągu: nazwa arkusza i wiersz nagłówków (oprócz xlsx-time, xlsx-order,
## xlsx-prices-currency i xlsx-user).

xlsx-statement-sheet = Wyciąg
xlsx-statement-type = Rodzaj
xlsx-statement-remarks = Uwagi
xlsx-statement-group = Grupa
xlsx-statement-credit = Uznanie
xlsx-statement-debit = Obciążenie
xlsx-statement-balance = Saldo konta po operacji
xlsx-statement-group-balance = Saldo grupy po operacji

## A partner's statement to its sub-account for one order (not an operator tax invoice).

doc-partner-statement-title = Zestawienie { $number }
doc-issued-by = Wystawca
doc-total-owed-partner = Należność dla { $partner }: { $amount }
doc-partner-statement-note = { $partner } zapłacił urzędowi certyfikacji za to zamówienie. To zestawienie wystawia { $partner }, a nie urząd certyfikacji; nie jest ono fakturą VAT.

## GST on an INR tax invoice.

doc-tax-invoice-title = Faktura podatkowa { $number }
doc-seller-gstin = GSTIN dostawcy
doc-buyer-gstin = GSTIN odbiorcy
doc-buyer-unregistered = Niezarejestrowany
doc-place-of-supply = Miejsce dostawy
doc-place-unknown = Nie podano
doc-sac = SAC
doc-taxable-value = Wartość podlegająca opodatkowaniu: { $amount }
doc-cgst = CGST { $rate }%: { $amount }
doc-sgst = SGST { $rate }%: { $amount }
doc-igst = IGST { $rate }%: { $amount }
doc-no-gst = Nie naliczono GST: urząd certyfikacji nie ma skonfigurowanej rejestracji GST.
