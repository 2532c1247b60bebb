### Wyciąg z konta (/billing/statement) i nazwy rodzajów transakcji.

page-statement = Wyciąg
menu-statement = Wyciąg
statement-intro = Wszystkie uznania i obciążenia salda, z saldem po każdej operacji. Wybierz okres, rodzaj lub grupę; eksport do Excela zawiera wszystkie wiersze wybrane filtrami.
statement-full-link = Otwórz pełny wyciąg z filtrami i eksportem do Excela
statement-filter-label = Filtruj wyciąg
statement-account = Konto
statement-own-account = To konto
statement-from = Od (UTC)
statement-to = Do (UTC)
statement-all-types = Wszystkie rodzaje
statement-all-groups = Wszystkie grupy
statement-filter = Pokaż
statement-of-account = Wyciąg konta { $account }
statement-of-sub-account = Wyciąg subkonta { $account }
statement-opening = Saldo na początku okresu
statement-credits = Uznania w wybranych operacjach
statement-debits = Obciążenia w wybranych operacjach
statement-closing = Saldo na końcu okresu
statement-balance-now = Saldo obecnie
statement-none-match = Żadna transakcja nie pasuje do tych filtrów.
statement-credit = Uznanie
statement-debit = Obciążenie
statement-order = zamówienie { $order }

ledger-kind-grant = Przyznane środki
ledger-kind-allocate = Przydzielone grupie
ledger-kind-deallocate = Cofnięte z grupy
ledger-kind-order-charge = Opłata za zamówienie
ledger-kind-order-refund = Zwrot za zamówienie
ledger-kind-payment = Otrzymana płatność
ledger-kind-withdrawal-hold = Wniosek o wypłatę (zablokowane)
ledger-kind-withdrawal-paid = Wypłacone
ledger-kind-withdrawal-release = Wypłata odrzucona (odblokowane)
