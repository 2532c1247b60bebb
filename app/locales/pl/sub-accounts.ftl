### A partner's sub-accounts and price lists (/sub-accounts).

page-sub-accounts = Subkonta
page-price-list-edit = Cennik
menu-sub-accounts = Subkonta
refusal-sub-accounts = Twoja rola nie pozwala zarządzać subkontami. Poproś o to administratora konta.
account-status-suspended = Zawieszone

sub-accounts-lead = Konta, którym odsprzedajesz certyfikaty. Każde jest pełnym, osobnym kontem; ustalasz, ile płaci, zatwierdzasz jego zamówienia i opłacasz je ze swojego salda po swojej cenie.
sub-accounts-created = Subkonto zostało założone. Jego administrator dostał e-mailem link do ustawienia hasła.
sub-accounts-suspended = Subkonto jest zawieszone: nikt nie może się na nie zalogować, a jego klucze REST i konta ACME przestają działać.
sub-accounts-reactivated = Subkonto znów jest aktywne.
sub-accounts-assigned = Cennik subkonta został zmieniony; jego kolejne zamówienia będą wyceniane według niego.
sub-accounts-approved = Zamówienie zostało zatwierdzone i opłacone z Twojego salda po Twojej cenie.
sub-accounts-rejected = Zamówienie zostało odrzucone; zamawiający dostał e-mailem Twój powód.
sub-accounts-saved = Zapisano.
sub-accounts-heading = Subkonta
sub-accounts-none = Nie masz jeszcze subkont.
sub-accounts-col-name = Nazwa
sub-accounts-col-currency = Waluta
sub-accounts-col-price-list = Cennik
sub-accounts-col-administrator = Administrator
sub-accounts-col-orders = Zamówienia
sub-accounts-col-actions = Działania
sub-accounts-col-order = Zamówienie
sub-accounts-col-prices = Ustalone ceny
sub-accounts-operator-prices = Ceny operatora
sub-accounts-needs-approval = Zamówienia czekają na Twoje zatwierdzenie
sub-accounts-looked-after-by = Opiekuje się nim grupa { $group }
sub-accounts-price-list-of = Cennik subkonta { $name }
sub-accounts-assign = Zmień
sub-accounts-suspend = Zawieś
sub-accounts-reactivate = Przywróć
sub-accounts-waiting-heading = Zamówienia czekające na Twoje zatwierdzenie
sub-accounts-waiting-none = Żadne zamówienie subkonta nie czeka na Ciebie.
sub-accounts-waiting-order = Zamówienie nr { $id } subkonta { $name }
sub-accounts-names = Nazwy
sub-accounts-validity = Ważność
sub-accounts-days = { $days ->
    [one] { $days } dzień
   *[other] { $days } dni
}
sub-accounts-sub-price = Subkonto płaci
sub-accounts-partner-price = Ty płacisz
sub-accounts-margin = Marża
sub-accounts-approve-pay = Zatwierdź i zapłać
sub-accounts-reject-reason = Powód odrzucenia
sub-accounts-reject = Odrzuć
sub-accounts-new-heading = Załóż subkonto
sub-accounts-new-lead = Wskazany administrator dostanie e-mailem link do ustawienia hasła i zalogowania się.
sub-accounts-organization = Nazwa organizacji
sub-accounts-country = Kraj
sub-accounts-currency = Waluta
sub-accounts-admin-name = Imię i nazwisko administratora
sub-accounts-admin-email = E-mail administratora
sub-accounts-group = Opiekuje się nim
sub-accounts-group-hint = Twoi użytkownicy subkont z tej grupy widzą to subkonto.
sub-accounts-parent-approval = Jego zamówienia czekają na nasze zatwierdzenie przed opłaceniem
sub-accounts-create = Załóż subkonto
sub-accounts-price-lists = Cenniki
sub-accounts-price-lists-lead = Ile subkonta przypisane do cennika płacą za każdy produkt. Gdzie cennik nie ustala ceny, obowiązuje cena operatora.
sub-accounts-price-lists-none = Nie masz jeszcze cenników.
sub-accounts-list-name = Nazwa nowego cennika
sub-accounts-list-create = Utwórz cennik
sub-accounts-orders-heading = Zamówienia subkont
sub-accounts-orders-none = Twoje subkonta nie złożyły jeszcze zamówień.
sub-accounts-back = Wróć do subkont
sub-accounts-price-saved = Cena została zapisana. Subkonta z tym cennikiem zapłacą ją od następnego zamówienia.
sub-accounts-list-unused = Żadne subkonto nie ma jeszcze tego cennika.
sub-accounts-list-used-by = Z tym cennikiem: { $names }
sub-accounts-list-explain = Ty płacisz cenę operatora; subkonto z tym cennikiem płaci cenę z cennika. Cena zero oznacza produkt bez opłat.
sub-accounts-list-price = Cena w cenniku
sub-accounts-price-with-extra = { $base } + { $extra } za każdą dodatkową domenę
sub-accounts-base-for = Cena: { $what }
sub-accounts-extra-for = Za dodatkową domenę: { $what }
sub-accounts-set-price = Ustaw
sub-accounts-order-for = Zamów dla: { $name }

## The billing page's GST card.

billing-tax-heading = Dane GST
billing-tax-lead = Twoje faktury w INR są fakturami podatkowymi: w stanie urzędu certyfikacji zawierają CGST i SGST, z każdego innego stanu IGST. Twój GSTIN, jeśli jesteś zarejestrowany, jest na nich drukowany.
billing-tax-saved = Dane GST zostały zapisane; kolejne faktury będą je zawierać.
billing-tax-state = Stan (miejsce dostawy)
billing-tax-choose-state = Wybierz stan
billing-tax-gstin = GSTIN (jeśli jesteś zarejestrowany)
billing-tax-save = Zapisz dane GST
sub-accounts-statement-of = Wyciąg subkonta { $name }
sub-accounts-report-heading = Raport zamówień
sub-accounts-report-explain = Wszystkie zamówienia Twoich subkont z ceną subkonta, Twoją ceną i Twoją marżą, jako skoroszyt Excela.
sub-accounts-report-account = Subkonto
sub-accounts-report-all = Wszystkie subkonta
sub-accounts-report-order = Numer zamówienia (opcjonalnie)
sub-accounts-report-download = Pobierz raport (Excel)
