### Metody weryfikacji domeny: ich nazwy, trwały rekord DNS (TLS BR 3.2.2.4.22)
### i e-maile do kontaktów w DNS (3.2.2.4.13, 3.2.2.4.14).

dcv-method-dns-txt = Rekord DNS TXT
dcv-method-http-file = Plik HTTP
dcv-method-constructed-email = E-mail na adres { $mailbox }@
dcv-method-dns-persist = Trwały rekord DNS
dcv-method-dns-persist-wildcard = Trwały rekord DNS, także dla subdomen
dcv-method-caa-contact-email = E-mail na adres kontaktowy z CAA
dcv-method-txt-contact-email = E-mail na adres kontaktowy z rekordu DNS TXT
dcv-email-sunset = Metody e-mailowe: wymagania podstawowe CA/Browser Forum mówią, że nie należy ich używać od { $discouraged }, a od { $refused } nie wolno ich używać wcale; weryfikacje wykonane e-mailem przestają się wtedy liczyć. Lepiej wybrać rekord DNS lub plik HTTP.
dcv-persist-heading = Trwały rekord DNS
dcv-persist-explain = Opublikuj ten rekord TXT raz i pozostaw go: każde sprawdzenie odczytuje go ponownie, bez nowej wartości do publikacji. Wskazuje on ten urząd certyfikacji i Twoje konto, więc działa tylko dla tego konta. Każde sprawdzenie liczy się najwyżej 10 dni.
dcv-persist-record-name = Nazwa rekordu
dcv-persist-record-name-example = _validation-persist.<Twoja domena>
dcv-persist-record-value-shape = { $issuer }; accounturi={ $uri }
dcv-persist-record-value = Wartość rekordu
dcv-persist-issuer = Urząd certyfikacji (wystawca)
dcv-persist-account-uri = URI Twojego konta (accounturi)
dcv-persist-copy = Kopiuj wartość: { $what }
dcv-persist-wildcard-hint = Dodaj do wartości "; policy=wildcard", aby objąć także subdomeny i certyfikaty wieloznaczne; dodaj "; persistUntil=" i czas UNIX, aby rekord przestał się wtedy liczyć.
dcv-persist-why-syntax = nie jest zgodny ze składnią issue-value z RFC 8659 (nazwa domeny wystawcy, potem parametry "; nazwa=wartość", bez spacji w wartościach i bez średnika na końcu)
dcv-persist-why-repeated = podaje { $parameter } więcej niż raz
dcv-persist-why-persist-until = jego persistUntil nie jest całkowitą liczbą sekund od 1970 roku
dcv-email-contact-explain = E-mail weryfikacyjny trafia na adresy, które domena publikuje w tym celu; osoba czytająca jeden z nich potwierdza za pomocą zawartego linku, ważnego przez 30 dni.
mpic-check-dns-persist = Trwały rekord DNS
mpic-check-acme-dns-persist-01 = ACME dns-persist-01
mpic-check-caa-contact-email = Adres kontaktowy z CAA
mpic-check-txt-contact-email = Adres kontaktowy z DNS TXT
err-dcv-method-not-offered = Ta metoda weryfikacji nie jest tutaj dostępna. Wybierz inną.
err-dcv-persist-other-ca = Rekordy TXT pod { $name } wskazują inne urzędy certyfikacji ({ $issuers }), a nie ten.
err-dcv-persist-malformed = Rekordu dla tego urzędu certyfikacji pod { $name } nie można użyć: { $why }.
err-dcv-persist-no-accounturi = Rekord pod { $name } nie ma parametru accounturi wskazującego Twoje konto.
err-dcv-persist-other-account = Rekord pod { $name } wskazuje inne konto ({ $uri }), a nie Twoje.
err-dcv-persist-expired = Rekord pod { $name } przestał się liczyć { $until } (jego persistUntil).
err-dcv-persist-not-wildcard = Rekordowi pod { $name } brakuje "; policy=wildcard", którego wymagają subdomeny i certyfikaty wieloznaczne.
err-dcv-no-caa = Nie znaleziono rekordów CAA dla { $name } ani dla żadnej domeny nadrzędnej.
err-dcv-no-caa-contact = Rekordy CAA pod { $name } nie podają żadnego użytecznego adresu contactemail.
err-dcv-no-txt-contact = W rekordach TXT pod { $name } nie znaleziono żadnego użytecznego adresu e-mail.
track-dns-persist = Opublikuj rekord TXT pod { $location } z tą wartością i pozostaw go na stałe, { $then }: { $value }
