### Zamówienia: lista, wyszukiwanie i nazwy stanów zamówienia.

orders-only-csr = Widoczne są tylko zamówienia czekające na CSR.
orders-only-expiring = Widoczne są tylko certyfikaty, które wygasają w ciągu { $days } dni.
orders-show-all = Pokaż wszystkie zamówienia
orders-new-request = Nowy wniosek
orders-new-smime = Nowe zamówienie S/MIME
orders-search-label = Szukaj zamówień
orders-domain = Domena
orders-status = Status
orders-any-status = Dowolny status
orders-product = Produkt
orders-tag = Etykieta
orders-none = Żadne zamówienie nie pasuje do tego wyszukiwania.
orders-table = Zamówienia
orders-col-order = Zamówienie
orders-col-domain = Domena
orders-col-product = Produkt
orders-col-status = Status
orders-col-price = Cena
orders-col-placed-by = Złożone przez
orders-col-placed = Złożone
orders-col-source = Źródło
orders-certificate-state = Certyfikat { $state }
orders-pager = Strona { $page } z { $pages } · { $total ->
        [one] { $total } zamówienie
        [few] { $total } zamówienia
       *[many] { $total } zamówień
    }

order-status-on-hold = Wstrzymane
order-status-pending-approval = Zamówienie czeka na zatwierdzenie
order-status-pending-parent-approval = Zamówienie czeka na zatwierdzenie przez konto nadrzędne
order-status-accepted = Zamówienie przyjęte
order-status-in-progress = Zamówienie w realizacji
order-status-fulfilled = Zamówienie zrealizowane
order-status-cancelled = Zamówienie anulowane
order-status-rejected = Zamówienie odrzucone

certificate-state-valid = ważny
certificate-state-expired = wygasł
certificate-state-revoked = unieważniony
certificate-title-valid = Ważny
certificate-title-expired = Wygasły
certificate-title-revoked = Unieważniony
