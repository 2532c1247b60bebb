# Masowe unieważnianie (operatorzy): wyszukiwanie we wszystkich kontach i postęp partii.
page-revocations = Masowe unieważnianie
page-revocation-batch = Partia masowego unieważnienia
menu-revocations = Masowe unieważnianie
revocations-intro = Znajdź certyfikaty we wszystkich kontach i unieważnij wybrane z jednym powodem. Każdy certyfikat jest unieważniany tak jak pojedynczo: jego lista CRL i odpowiedź OCSP zmieniają się od razu, unieważnienie trafia do dziennika zdarzeń konta subskrybenta, klienci ACME pytający o informacje o odnowieniu dostają polecenie odnowienia teraz, a każdy subskrybent dostaje jedną wiadomość z listą swoich certyfikatów.
revocations-deadlines = TLS BR 4.9.1.1: unieważnij w ciągu 24 godzin przy naruszeniu klucza i gdy nie można polegać na weryfikacji domeny (zastąpienie); w ciągu 5 dni z pozostałych powodów.
revocations-search-label = Wyszukaj certyfikaty
revocations-ca = Wystawiające CA
revocations-any-ca = Dowolne CA
revocations-serial-from = Numer seryjny od (szesnastkowo)
revocations-serial-to = Numer seryjny do (szesnastkowo)
revocations-key = Klucz publiczny (SHA-256 struktury SubjectPublicKeyInfo, szesnastkowo)
revocations-name = Nazwa
revocations-name-match = Dopasowanie nazwy
revocations-match-exact = Dokładnie ta nazwa
revocations-match-suffix = Ta nazwa i nazwy pod nią
revocations-profile = Profil certyfikatu
revocations-any-profile = Dowolny profil
revocations-product = Produkt
revocations-any-product = Dowolny produkt
revocations-acme-profile = Profil ACME
revocations-any-acme-profile = Dowolny lub spoza ACME
revocations-issued-from = Wystawiony (notBefore) od
revocations-issued-to = Wystawiony (notBefore) do
revocations-expires-from = Wygasa (notAfter) od
revocations-expires-to = Wygasa (notAfter) do
revocations-state = Stan
revocations-state-valid = Ważny
revocations-state-revoked = Unieważniony
revocations-state-expired = Wygasły
revocations-state-any = Dowolny stan
revocations-found = { $total ->
        [one] Znaleziono jeden certyfikat
        [few] Znaleziono { $total } certyfikaty
       *[many] Znaleziono { $total } certyfikatów
    }, ważnych spośród wszystkich wyników: { $revocable }. Strona { $page } z { $pages }.
revocations-none = Żaden certyfikat nie pasuje do wyszukiwania.
revocations-table = Znalezione certyfikaty
revocations-col-select = Unieważnij
revocations-col-serial = Numer seryjny
revocations-col-names = Nazwy
revocations-col-account = Konto i zamówienie
revocations-col-ca = CA i profil
revocations-col-validity = Ważność
revocations-col-state = Stan
revocations-select-certificate = Unieważnij certyfikat { $serial }
revocations-no-account = Brak konta (wystawiony z wiersza poleceń)
revocations-order = Zamówienie nr { $id }
revocations-validity = od { $from } do { $to }
revocations-revoke-heading = Unieważnij
revocations-scope = Które certyfikaty
revocations-scope-selected = Certyfikaty zaznaczone na tej stronie
revocations-scope-all = { $count ->
        [one] Jedyny ważny certyfikat znaleziony przez to wyszukiwanie
        [few] Wszystkie { $count } ważne certyfikaty znalezione przez to wyszukiwanie, na wszystkich stronach
       *[many] Wszystkie { $count } ważnych certyfikatów znalezionych przez to wyszukiwanie, na wszystkich stronach
    }
revocations-reason = Powód
revocations-hint-key-compromise = Klucz prywatny został naruszony albo znana jest metoda jego odtworzenia (słabe klucze). 24 godziny.
revocations-hint-superseded = Nie można polegać na weryfikacji domeny. 24 godziny.
revocations-hint-cessation-of-operation = Subskrybent nie kontroluje już nazw albo usługa została wyłączona. 5 dni.
revocations-hint-affiliation-changed = Zmieniła się nazwa podmiotu lub inne dane identyfikacyjne. 5 dni.
revocations-hint-privilege-withdrawn = Wystawiony błędnie, użyty niezgodnie z przeznaczeniem lub wbrew CP/CPS. 5 dni.
revocations-comment = Komentarz (zapisywany przy każdym unieważnieniu i wysyłany subskrybentom)
revocations-confirm = Liczba unieważnianych certyfikatów
revocations-confirm-hint = Wpisz liczbę, aby potwierdzić: unieważnienia nie można cofnąć.
revocations-submit = Unieważnij certyfikaty
revocations-recent = Ostatnie partie
revocations-batch-line = Partia nr { $id } · { $when } · { $reason } · { $total ->
        [one] jeden certyfikat
        [few] { $total } certyfikaty
       *[many] { $total } certyfikatów
    } · { $state }
revocations-batch-running = w toku
revocations-batch-finished = zakończona
revocations-progress = Unieważniono { $done } z { $total }
revocations-operator = Operator
revocations-started-at = Rozpoczęto
revocations-finished-at = Zakończono
revocations-criteria = Wybór
revocations-comment-label = Komentarz
revocations-already = Wcześniej unieważnione przez kogoś innego
revocations-failed = Niepowodzenia
revocations-waiting = Oczekujące
revocations-running-note = Certyfikaty są unieważniane w tle. Odśwież stronę, aby zobaczyć postęp.
revocations-refresh = Odśwież
revocations-done-note = Gotowe: subskrybenci dostali wiadomości.
revocations-batch-table = Certyfikaty partii
revocations-col-outcome = Wynik
revocations-outcome-pending = Oczekuje
revocations-outcome-revoking = W trakcie unieważniania
revocations-outcome-revoked = Unieważniony
revocations-outcome-already-revoked = Już unieważniony
revocations-outcome-failed = Niepowodzenie
revocations-incident = Ostatni błąd: zgłoszenie { $id }
revocations-back = Wróć do wyszukiwania
revocations-batch-pager = Strona { $page } z { $pages }
err-revocations-serial-hex = Wpisz numer seryjny szesnastkowo, najwyżej 20 bajtów.
err-revocations-serial-range = Ostatni numer seryjny jest mniejszy od pierwszego.
err-revocations-key-hex = Wpisz SHA-256 klucza jako 64 cyfry szesnastkowe.
err-revocations-name-match = Wybierz dopasowanie dokładne albo sufiks.
err-revocations-name = Wpisz nazwę DNS lub adres skrzynki.
err-revocations-choose-ca = Wybierz CA z listy.
err-revocations-choose-profile = Wybierz profil z listy.
err-revocations-choose-product = Wybierz produkt z listy.
err-revocations-choose-acme-profile = Wybierz profil ACME z listy.
err-revocations-all-needs-search = Aby unieważnić wszystkie wyniki, najpierw zawęź wyszukiwanie: puste wyszukiwanie objęłoby każdy certyfikat.
err-revocations-search-changed = Wyszukiwanie się zmieniło; wyszukaj ponownie i unieważnij z jego wyników.
err-revocations-choose-certificates = Zaznacz certyfikaty do unieważnienia.
err-revocations-choose-scope = Wybierz, które certyfikaty unieważnić.
err-revocations-choose-reason = Wybierz jeden z powodów, które może podać CA.
err-revocations-comment = Podaj powód: komentarz jest zapisywany przy każdym unieważnieniu i wysyłany subskrybentom.
err-revocations-confirm-count = Wpisz liczbę unieważnianych certyfikatów.
err-revocations-confirm-mismatch = Wpisano { $typed }, ale teraz można unieważnić { $count } z wybranych certyfikatów. Sprawdź wybór i wpisz { $count }.
err-revocations-too-many = Jedna partia obejmuje najwyżej { $max } certyfikatów: zawęź wyszukiwanie (według CA, dat lub numerów seryjnych) i unieważnij w kilku partiach.
err-revocations-nothing-to-revoke = Żaden z wybranych certyfikatów nie jest już ważny: nie ma czego unieważnić.
