### Wiadomości e-mail o zamówieniach, w języku osoby, która złożyła zamówienie (osoba
### zatwierdzająca czyta swoje w swoim języku).

mail-hello-name = Dzień dobry, { $name },
mail-hello = Dzień dobry,

mail-order-why-additional = Otrzymujesz tę wiadomość jako dodatkowy odbiorca zamówienia złożonego przez { $requester }. Twój link służy tylko do podglądu: pokazuje zamówienie i pozwala pobrać certyfikat; wnioskodawca działa w zamówieniu własnym linkiem.
mail-order-why-technical = Otrzymujesz tę wiadomość jako kontakt techniczny zamówienia złożonego przez { $requester }. Twój link służy tylko do podglądu: pokazuje zamówienie i pozwala pobrać certyfikat; wnioskodawca działa w zamówieniu własnym linkiem.

mail-order-confirmation-subject = Przyjęto zamówienie nr { $id }: { $product }
mail-order-placed = W Rootline złożono zamówienie nr { $id } na certyfikat { $product } dla { $names }.
mail-order-confirmation-requester =
    { $placed }

    Na stronie śledzenia zamówienia możesz sprawdzać jego postęp, wybrać sposób potwierdzenia kontroli nad domenami i przesłać CSR (jeśli jeszcze go brakuje):

    { $link }

    Nie udostępniaj tego linku: każdy, kto go ma, może działać w walidacji zamówienia.
mail-order-confirmation-viewer =
    { $placed }

    Na stronie śledzenia zamówienia możesz sprawdzać jego postęp, a po wydaniu pobrać certyfikat:

    { $link }

mail-csr-received-subject = Otrzymano CSR do zamówienia nr { $id }
mail-csr-received-body =
    Otrzymaliśmy żądanie podpisania certyfikatu (CSR) do zamówienia nr { $id } ({ $product }). Certyfikat zostanie wydany, gdy nic innego nie będzie już oczekiwać; postęp możesz śledzić tutaj:

    { $link }

mail-ready-subject = Twój certyfikat dla { $name } jest gotowy
mail-ready-body-requester =
    Certyfikat z zamówienia nr { $id } ({ $product }) został wydany. Możesz go pobrać ze strony zamówienia w Rootline lub ze strony śledzenia, dopóki certyfikat nie wygaśnie:

    { $link }
mail-ready-body-viewer =
    Certyfikat z zamówienia nr { $id } ({ $product }) został wydany. Możesz go pobrać ze strony śledzenia, dopóki certyfikat nie wygaśnie:

    { $link }

mail-revoked-subject = Unieważniono certyfikat z zamówienia nr { $id }
mail-revoked-body =
    Certyfikat z zamówienia nr { $id } ({ $product }), numer seryjny { $serial }, został unieważniony.

    Powód: { $reason }
    Uwagi: { $remarks }

    Strony ufające widzą go teraz jako unieważniony w CRL i OCSP. Zastąp go wszędzie, gdzie jest zainstalowany.

mail-reissue-subject = Zlecono ponowne wydanie z zamówienia nr { $id }: zamówienie nr { $new }
mail-reissue-body = Zlecono ponowne wydanie certyfikatu z zamówienia nr { $id } ({ $product }) ({ $reason }). Ponownie wydany certyfikat to zamówienie nr { $new }; damy znać, gdy będzie gotowy.

mail-names-changed-subject = Zmiana nazw w zamówieniu nr { $id }: zamówienie nr { $new }
mail-names-changed-body = Nazwy w certyfikacie z zamówienia nr { $id } ({ $product }) się zmieniają ({ $summary }). Certyfikat z nowymi nazwami to zamówienie nr { $new }; dodane nazwy zostaną najpierw zweryfikowane, a my damy znać, gdy będzie gotowy.

mail-renewal-when = { $days ->
        [0] wygasa dziś
        [1] wygasa jutro
       *[other] wygasa za { $days } dni
    }
mail-renewal-expired = wygasł { $days ->
        [one] { $days } dzień
       *[other] { $days } dni
    } temu
mail-renewal-subject = Przypomnienie o odnowieniu: certyfikat dla { $name } { $when }
mail-renewal-body = Certyfikat z zamówienia nr { $id } ({ $product }) { $when }. Odnów go na stronie zamówienia w Rootline (Odnów certyfikat).
mail-renewal-body-auto = Certyfikat z zamówienia nr { $id } ({ $product }) { $when }. Odnów go na stronie zamówienia w Rootline (Odnów certyfikat); to zamówienie ma włączone automatyczne odnawianie.

mail-pin-subject = PIN do pobrania certyfikatu z zamówienia nr { $id }
mail-pin-body =
    { $requester } wskazał(a) Cię jako osobę, która pobierze certyfikat z zamówienia nr { $id } ({ $product }).

    Numer zamówienia: { $id }
    PIN: { $pin }

    Pobierz go tutaj, podając numer zamówienia i PIN:

    { $link }

    PIN działa przez 30 dni i nie działa po wygaśnięciu certyfikatu. Nie udostępniaj go nikomu.

mail-approval-subject = Zamówienie nr { $id } czeka na Twoje zatwierdzenie
mail-approval-body =
    { $requester } złożył(a) zamówienie nr { $id } na certyfikat { $product } dla { $names }. Czeka ono na zatwierdzenie: nic nie zostanie pobrane z salda ani wydane, dopóki ktoś go nie zatwierdzi.

    Zatwierdź je lub odrzuć na stronie zamówienia:

    { $link }
mail-approval-body-no-names =
    { $requester } złożył(a) zamówienie nr { $id } na certyfikat { $product }. Czeka ono na zatwierdzenie: nic nie zostanie pobrane z salda ani wydane, dopóki ktoś go nie zatwierdzi.

    Zatwierdź je lub odrzuć na stronie zamówienia:

    { $link }

mail-smime-confirmation-subject = Przyjęto zamówienie nr { $id }: { $product }
mail-smime-confirmation-link-sent =
    W Rootline złożono zamówienie nr { $id } na certyfikat { $product }.

    Na adres { $email } wysłaliśmy link weryfikacyjny (chyba że ten adres potwierdzono w ciągu ostatnich 30 dni). Otwórz go, aby potwierdzić kontrolę nad skrzynką, a potem aktywuj certyfikat na stronie zamówienia:

    { $link }
mail-smime-confirmation-no-email =
    W Rootline złożono zamówienie nr { $id } na certyfikat { $product }.

    Podaj adres e-mail certyfikatu na stronie zamówienia:

    { $link }

mail-smime-verification-subject = Potwierdź adres { $email } dla certyfikatu S/MIME
mail-smime-verification-body =
    { $requester } poprosił(a) Rootline o certyfikat S/MIME dla { $email } (zamówienie nr { $id }). Urząd certyfikacji musi sprawdzić, czy osoba, która kontroluje tę skrzynkę, się na to zgadza, dlatego do niej piszemy.

    Jeśli się zgadzasz, otwórz ten link i naciśnij Zweryfikuj:

    { $link }

    Link działa przez 24 godziny. Jeśli nie spodziewasz się tej wiadomości, zignoruj ją: bez tego potwierdzenia dla tego adresu nie zostanie wydany żaden certyfikat.

mail-smime-issued-subject = Twój certyfikat S/MIME dla { $email } jest gotowy
mail-smime-issued-body =
    Certyfikat S/MIME z zamówienia nr { $id } dla { $email } został wydany. Na stronie zamówienia możesz go pobrać (PEM lub DER, z łańcuchem) albo utworzyć plik PKCS#12 z zapisanym kluczem prywatnym:

    { $link }

mail-dcv-subject = Potwierdź kontrolę nad { $domain } dla certyfikatu
mail-dcv-body =
    Ktoś poprosił Rootline o certyfikat TLS zawierający nazwę { $domain }. Urzędy certyfikacji muszą sprawdzić, czy właściciel domeny się na to zgadza, dlatego piszemy na ten adres.

    Jeśli się zgadzasz, otwórz ten link i naciśnij Potwierdź:

    { $link }

    Link działa przez 24 godziny. Jeśli nie spodziewasz się tej wiadomości, zignoruj ją: bez Twojego potwierdzenia nic nie zostanie wydane.
mail-ev-consent-subject = Potwierdź wniosek o certyfikat EV, zamówienie nr { $id }
mail-ev-consent-body = W Twoim imieniu złożono wniosek o certyfikat EV ({ $product }) dla { $organization } obejmujący { $names }. Potwierdź, że to Twój wniosek, albo zaprzecz, pod adresem { $link } (link działa raz, przez { $days } dni).
mail-ev-agreement-subject = Umowa subskrybenta dla certyfikatu EV { $organization }, zamówienie nr { $id }
mail-ev-agreement-body = { $requester } złożył wniosek o certyfikat EV ({ $product }) dla { $organization } obejmujący { $names } i wskazał Cię jako sygnatariusza umowy. Przeczytaj umowę subskrybenta i zaakceptuj ją lub odrzuć w imieniu organizacji pod adresem { $link } (link działa raz, przez { $days } dni).
mail-ev-approval-subject = Zatwierdź wniosek o certyfikat EV dla { $organization }, zamówienie nr { $id }
mail-ev-approval-body = { $requester } złożył wniosek o certyfikat EV ({ $product }) dla { $organization } obejmujący { $names } i wskazał Cię jako zatwierdzającego certyfikat. Zatwierdź wniosek albo odrzuć go z podaniem powodu pod adresem { $link } (link działa raz, przez { $days } dni). Jeśli jesteś użytkownikiem konta, wniosek jest też na stronie Zatwierdzenia wniosków EV.
mail-ev-rejected-subject = Twój wniosek EV, zamówienie nr { $id }, został odrzucony
mail-ev-rejected-body = { $who } odpowiedział „nie” w kroku „{ $step }”: { $reason } Dla tego wniosku nie zostanie wystawiony certyfikat. Popraw to, co jest błędne, i zamów ponownie albo anuluj zamówienie, aby otrzymać zwrot.

## A partner rejected its sub-account's order.

mail-parent-rejected-subject = Zamówienie nr { $id } zostało odrzucone przez { $partner }
mail-parent-rejected-body =
    { $partner }, który zatwierdza zamówienia Twojego konta, odrzucił zamówienie nr { $id } ({ $product } dla { $names }).

    Powód: { $reason }

    Nic nie zostało pobrane. W razie wątpliwości zapytaj { $partner } albo złóż nowe zamówienie.
