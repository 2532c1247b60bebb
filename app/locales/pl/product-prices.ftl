### Cennik produktów (Rozliczenia, FIN-4): ile konto płaci za każdy produkt.

product-prices-intro = Ile Twoje konto płaci za każdy produkt, który może zamówić, dla każdego okresu ważności i waluty. Zamówienia są rozliczane według tych cen.
product-prices-filter-label = Filtruj cennik
product-prices-currency = Waluta
product-prices-all-currencies = Wszystkie waluty
product-prices-kind = Rodzaj produktu
product-prices-all-kinds = Wszystkie rodzaje produktów
product-prices-product = Produkt
product-prices-product-placeholder = Część nazwy produktu
product-prices-filter = Filtruj
product-prices-table = Ceny produktów
product-prices-col-validity = Okres ważności
product-prices-col-price = Cena
product-prices-col-extra-domain = Każda dodatkowa domena
product-prices-col-included = Domeny w cenie
product-prices-days = { $days ->
        [one] { $days } dzień
       *[other] { $days } dni
    }
product-prices-none = Żaden produkt nie pasuje do tych filtrów.
product-prices-billing-explain = Ile każdy produkt kosztuje Twoje konto, według okresu ważności i waluty, z plikiem do pobrania dla Excela.
product-prices-billing-link = Otwórz cennik produktów

## Rodzaje produktów, tak jak nazywa je cennik i jego eksport.

product-kind-dv-single = DV, jedna domena
product-kind-dv-wildcard = DV, wieloznaczny (wildcard)
product-kind-dv-ucc = DV UCC (wiele domen)
product-kind-dv-wildcard-ucc = DV UCC, wieloznaczny (wildcard)
product-kind-private = Prywatny
product-kind-smime-mailbox = S/MIME z weryfikacją skrzynki pocztowej
product-kind-ov-single = OV, jedna domena
product-kind-ov-wildcard = OV, wieloznaczny (wildcard)
product-kind-ov-ucc = OV, wiele domen
product-kind-ov-wildcard-ucc = OV, wiele domen, wieloznaczny (wildcard)
product-kind-ev-single = EV, jedna domena
product-kind-ev-ucc = EV, wiele domen

## Co jest nie tak z filtrami cennika.

err-product-prices-currency = Wybierz USD, INR lub wszystkie waluty.
err-product-prices-kind = Wybierz rodzaj produktu z listy.
