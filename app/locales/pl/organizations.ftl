organization-type-private-organization = Organizacja prywatna
organization-type-government-entity = Podmiot rządowy
organization-type-business-entity = Podmiot gospodarczy
organization-type-non-commercial-entity = Podmiot niekomercyjny

organization-status-draft = Szkic
organization-status-submitted = Wysłana do weryfikacji
organization-status-in-validation = W weryfikacji
organization-status-verified-ov = Zweryfikowana (OV)
organization-status-verified-ev = Zweryfikowana (EV)
organization-status-rejected = Odrzucona
organization-status-suspended = Zawieszona
organization-status-expired = Wygasła

page-organizations = Organizacje
page-add-organization = Dodaj organizację
page-organization = Organizacja
page-edit-organization = Edytuj organizację
menu-organizations = Organizacje
refusal-organizations = Twoja rola nie pozwala oglądać organizacji konta.
refusal-manage-organizations = Twoja rola nie pozwala dodawać ani zmieniać organizacji. Poproś administratora lub menedżera.

organizations-search-label = Szukaj organizacji
organizations-search-placeholder = Nazwa lub numer rejestrowy
organizations-status-any = Dowolny status
organizations-export = Eksportuj do Excela
organizations-none = Brak pasujących organizacji. Certyfikat OV lub EV wskazuje organizację, którą zweryfikowano: dodaj ją, aby zacząć.
organizations-col-legal-name = Nazwa prawna
organizations-col-jurisdiction = Jurysdykcja
organizations-col-verified-until = Weryfikacja ważna do
organizations-col-updated = Ostatnia zmiana
organizations-trading-as = Działa jako { $name }
organizations-pager = Strona { $page } z { $pages } · { $total ->
        [one] { $total } organizacja
        [few] { $total } organizacje
       *[many] { $total } organizacji
    }

organizations-new-lead = Wpisz dane organizacji dokładnie tak, jak w rejestrze. Po zapisaniu dodaj dokumenty rejestrowe i wyślij ją do weryfikacji.
organizations-save-draft = Zapisz szkic
organizations-save = Zapisz zmiany
organizations-request-modification = Poproś o zmianę
organizations-modification-warning = Ta organizacja jest zweryfikowana. Zapisanie zmiany odsyła ją do ponownej weryfikacji i do tego czasu nowe zamówienia OV i EV nie mogą jej wskazać.
organizations-not-editable = Organizacja jest w trakcie weryfikacji albo zawieszona, więc nie można jej teraz zmienić.

organizations-added = Organizację zapisano jako szkic. Dodaj dokumenty rejestrowe, a potem wyślij ją do weryfikacji.
organizations-saved = Zmiany zapisane.
organizations-modification-sent = Poproszono o zmianę: organizacja wróciła do zespołu weryfikacji.
organizations-submitted = Wysłano do weryfikacji. Napiszemy do Ciebie, gdy zespół weryfikacji podejmie decyzję.
organizations-suspended = Organizację zawieszono: zamówienia nie mogą jej już wskazać.
organizations-alternate-added = Dodano zastępczego przedstawiciela.
organizations-alternate-removed = Usunięto zastępczego przedstawiciela.
organizations-document-added = Dodano dokument.
organizations-document-removed = Usunięto dokument.
organizations-back = Wróć do organizacji

organizations-rejected-because = Nie zweryfikowano:
organizations-created = Dodano
organizations-submitted-on = Wysłano do weryfikacji
organizations-needs-document = Zanim wyślesz organizację do weryfikacji, dodaj co najmniej jeden dokument rejestrowy (akt założycielski, odpis z rejestru albo pismo urzędowe).
organizations-edit = Edytuj
organizations-submit = Wyślij do weryfikacji
organizations-suspend = Zawieś

organizations-section-identity = Organizacja
organizations-section-jurisdiction = Jurysdykcja rejestracji
organizations-section-address = Adres
organizations-section-representative = Przedstawiciel
organizations-section-representatives = Przedstawiciele
organizations-section-documents = Dokumenty rejestrowe
organizations-representative-hint = Osoba, z którą zespół weryfikacji potwierdza wniosek, zwykle członek zarządu lub prokurent.
organizations-field-legal-name = Nazwa prawna
organizations-field-legal-name-hint = Jak w rejestrze, najwyżej 64 znaki (staje się nazwą organizacji w certyfikacie).
organizations-field-trade-name = Nazwa handlowa
organizations-field-trade-name-hint = Tylko gdy organizacja działa pod inną nazwą.
organizations-field-type = Rodzaj organizacji
organizations-choose-type = Wybierz rodzaj
organizations-field-registration-number = Numer rejestrowy (np. KRS)
organizations-field-registration-number-hint = Wymagany, chyba że to jednostka rządowa.
organizations-field-registration-agency = Organ rejestrowy
organizations-field-registration-agency-hint = Rejestr, w którym organizacja jest wpisana, np. Krajowy Rejestr Sądowy.
organizations-field-jurisdiction-country = Kraj
organizations-field-jurisdiction-state = Województwo lub region (jeśli tam zarejestrowana)
organizations-field-jurisdiction-locality = Miejscowość (jeśli tam zarejestrowana)
organizations-field-street = Ulica i numer
organizations-field-city = Miejscowość
organizations-field-state = Województwo lub region
organizations-field-postal-code = Kod pocztowy
organizations-field-phone = Telefon organizacji
organizations-field-rep-phone = Numer telefonu

organizations-col-role = Rola
organizations-role-representative = Przedstawiciel
organizations-role-alternate = Zastępczy przedstawiciel
organizations-add-alternate = Dodaj zastępczego przedstawiciela
organizations-remove-alternate = Usuń: { $name }

organizations-documents-hint = Zespół weryfikacji odczytuje z nich dane rejestrowe. Są przechowywane osobno i widoczne tylko dla Twojego konta i zespołu weryfikacji.
organizations-no-documents = Brak dokumentów.
organizations-col-file = Plik
organizations-col-kind = Typ
organizations-col-size = Rozmiar
organizations-col-uploaded = Przesłano
organizations-size-kib = { $kib } KiB
organizations-remove-document = Usuń: { $name }
organizations-document-label = Dokument rejestrowy
organizations-document-hint = PDF, PNG lub JPEG, najwyżej { $mib } MiB.
organizations-upload = Prześlij dokument

err-organization-field-too-long = Użyj najwyżej { $max } znaków.
err-organization-name-64 = Nazwa organizacji w certyfikacie mieści najwyżej { $max } znaków. Jeśli nazwa jest dłuższa, użyj zarejestrowanego skrótu.
err-enter-phone-number = Wpisz numer telefonu.
err-choose-organization-type = Wybierz rodzaj organizacji.
err-enter-registration-number = Wpisz numer rejestrowy.
err-enter-registration-agency = Wpisz rejestr, w którym organizacja jest wpisana.
err-enter-street = Wpisz ulicę i numer.
err-enter-city = Wpisz miejscowość.
err-enter-designation = Wpisz stanowisko przedstawiciela.
err-what-registration-number = numer rejestrowy
err-what-registration-agency = organ rejestrowy
err-what-state = województwo lub region
err-what-locality = miejscowość
err-what-street = ulica
err-what-postal-code = kod pocztowy
err-no-such-organization-status = Wybierz status z listy.
err-search-too-long = Szukaj najwyżej 100 znaków.
err-organization-not-editable = Organizacja ma status „{ $status }” i nie można jej teraz zmienić.
err-organization-not-submittable = Organizacja ma status „{ $status }” i nie można wysłać jej do weryfikacji.
err-organization-needs-document = Zanim wyślesz organizację do weryfikacji, dodaj co najmniej jeden dokument rejestrowy.
err-organization-alternates-max = Organizacja może mieć najwyżej { $max } zastępczych przedstawicieli.
err-organization-documents-closed = Organizacja ma status „{ $status }”: jej dokumentów nie można zmienić. Edytuj organizację, aby poprosić o zmianę.
err-organization-documents-kept = Organizacja ma status „{ $status }”: dokumenty, które może czytać zespół weryfikacji, zostają.
err-document-choose-file = Wybierz plik do przesłania.
err-document-too-large = Plik jest większy niż { $mib } MiB. Prześlij mniejszy skan.
err-document-type = Prześlij plik PDF, PNG lub JPEG. Sprawdzana jest zawartość pliku, nie jego nazwa.
err-documents-max = Organizacja przechowuje najwyżej { $max } dokumentów. Najpierw usuń któryś.

page-organization-consent = Udostępnienie organizacji
organization-consent-lead = Konto { $account } prosi o zgodę na wskazywanie { $organization } w zamawianych przez nie certyfikatach OV i EV.
organization-consent-explain = Otrzymujesz tę prośbę jako przedstawiciel organizacji. Jeśli się zgodzisz, certyfikaty tego konta mogą wskazywać organizację dokładnie tak, jak zweryfikował ją urząd certyfikacji; konto nie może zmienić danych organizacji. Jeśli nie znasz tego konta, odmów.
organization-consent-allow = Zgódź się
organization-consent-decline = Odmów
organization-consent-allowed = Zgoda udzielona. Konto może teraz wskazywać organizację w swoich zamówieniach.
organization-consent-declined = Odmówiono. Konto nie może wskazywać organizacji.
err-consent-allow-or-decline = Wybierz: zgoda czy odmowa.
err-consent-answered-already = Na tę prośbę już odpowiedziano; odpowiedź pozostaje w mocy.
organizations-external-heading = Organizacje innych kont
organizations-external-lead = Aby zamawiać dla organizacji prowadzonej przez inne konto (np. klienta partnera), podaj adres e-mail jej przedstawiciela. O zgodę na każdą reprezentowaną przez niego organizację zapytamy e-mailem; pojawi się tutaj i w nowym zamówieniu, gdy się zgodzi.
organizations-external-asked = Jeśli organizacja innego konta ma takiego przedstawiciela, poprosiliśmy go e-mailem o zgodę. Organizacja pojawi się tutaj, gdy się zgodzi.
organizations-external-none = Żadne inne konto nie udostępniło temu kontu organizacji.
organizations-external-email = E-mail przedstawiciela
organizations-external-ask = Poproś o zgodę
