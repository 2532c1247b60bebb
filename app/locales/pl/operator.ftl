### Konsola operatora: dokumenty prawne, produkty publiczne, środki.

legal-admin-intro = Każda rejestracja akceptuje obowiązujące wersje obu dokumentów, a Rootline zapisuje, które wersje zaakceptował każdy użytkownik. Nowa wersja obowiązuje przy rejestracjach od chwili publikacji; to, co użytkownicy zaakceptowali wcześniej, pozostaje zapisane bez zmian.
legal-admin-published = Nowa wersja została opublikowana i obowiązuje.
legal-admin-version = Obowiązująca wersja
legal-admin-published-on = Opublikowano
legal-admin-address = Adres publiczny
legal-admin-read = Przeczytaj treść
legal-admin-publish-heading = Opublikuj nową wersję
legal-admin-publish-hint = Pisz zwykłym tekstem; pusty wiersz zaczyna nowy akapit. Numer wersji będzie kolejnym dla wybranego dokumentu.
legal-admin-publish = Opublikuj
legal-admin-document = Dokument
legal-admin-title = Tytuł
legal-admin-text = Treść
products-admin-saved = Produkt został zapisany.
products-admin-cap = Obowiązujący dziś limit ważności TLS to { $days } dni; dłuższych okresów nie można zapisać i nie są oferowane.
products-admin-name = Nazwa produktu
products-admin-validity = Dostępne okresy ważności (dni)
products-admin-validity-hint = Oddzielone przecinkami, np. 90, 199.
products-admin-included = Domeny w cenie
products-admin-included-hint = Produkty UCC: nazwy objęte ceną podstawową.
products-admin-max = Maksymalna liczba domen
products-admin-max-hint = Produkty UCC: największa liczba nazw w certyfikacie.
products-admin-active = Aktywny
products-admin-prices-of = Ceny produktu { $product }
products-admin-per-extra = Za każdą dodatkową domenę
products-admin-no-prices = Brak cen: produkt nie jest oferowany, dopóki nie ma ceny.
products-admin-set-price-summary = Ustal cenę
products-admin-set-price = Ustal cenę
products-admin-price-hint = np. 49.00
products-admin-extra-price = Cena za każdą dodatkową domenę
products-admin-extra-hint = Każda nazwa ponad te w cenie.
products-admin-edit = Edytuj
products-admin-save = Zapisz produkt
products-admin-add-heading = Dodaj produkt
products-admin-add = Dodaj produkt
products-admin-type = Rodzaj produktu
products-admin-inactive = Nieaktywny
credits-granted = Środki zostały przyznane.
credits-all-accounts = Wszystkie konta
credits-grant = Przyznaj środki
credits-amount = Kwota
credits-remarks-hint = Dlaczego, np. tytuł przelewu offline.
credits-amount-hint = W walucie konta, np. 250.00.

accounts-filter-label = Filtruj konta
accounts-all = Wszystkie
accounts-filter = Filtruj
accounts-none = Brak kont.
accounts-disable-groups = Wyłącz wiele grup
accounts-administrator = Administrator
accounts-signed-up = Data rejestracji
accounts-multiple-groups = Wiele grup
accounts-approve = Zatwierdź wniosek
accounts-reject-reason = Powód odrzucenia
accounts-reject = Odrzuć wniosek
accounts-credits-of = Środki konta { $account }
accounts-approved = Wniosek został zatwierdzony; wnioskodawca dostanie e-mail aktywacyjny.
accounts-rejected = Wniosek został odrzucony; wnioskodawca dowiedział się dlaczego.
accounts-saved = Ustawienia konta zostały zapisane.
accounts-enable-groups = Włącz wiele grup
accounts-enabled = Włączone
accounts-disabled = Wyłączone
accounts-pager = Strona { $page } z { $pages } · { $total ->
        [one] { $total } konto
        [few] { $total } konta
       *[many] { $total } kont
    }
