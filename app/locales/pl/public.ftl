### Strony, które każdy otwiera z linku, zalogowany lub nie: śledzenie zamówienia, pobieranie
### przez osobę upoważnioną, potwierdzenie domeny lub skrzynki, dokumenty prawne i zły adres.

track-heading = Śledź swoje zamówienie
track-no-order = Ten link do śledzenia nie otwiera żadnego zamówienia: został błędnie wpisany albo wygasł (link przestaje działać, gdy wygaśnie certyfikat zamówienia, lub 30 dni po zakończeniu zamówienia, dla którego nie wystawiono certyfikatu). Zaloguj się do Rootline, aby zobaczyć swoje zamówienia.
track-scope-viewer = Widok tylko do odczytu: ten link trafił do Ciebie jako do dodatkowego odbiorcy lub kontaktu technicznego zamówienia. Pokazuje zamówienie i pozwala pobrać certyfikat; zamawiający zarządza zamówieniem przez własny link.
track-scope-requester = Link zamawiającego: tutaj wybierzesz sposób potwierdzenia kontroli nad domenami, zweryfikujesz je i prześlesz brakujący CSR. Nie udostępniaj go nikomu.
track-scope-ended = Link zamawiającego: zamówienie zostało zakończone, więc ten link tylko je pokazuje (i pozwala pobrać certyfikat, jeśli został wystawiony).
track-order = Zamówienie #{ $id } · { $product }
track-status = Status:
track-works-until = Ten link działa do { $day } (UTC).
track-steps = Etapy
track-step-approval = Zatwierdzenie
track-step-csr = CSR
track-step-domain-validation = Weryfikacja domen
track-step-issued = Wystawienie
track-step-done = gotowe
track-step-pending = oczekuje
track-download-pem = Pobierz PEM (z łańcuchem)
track-download-der = Pobierz DER
track-download-p7b = Pobierz łańcuch PKCS#7
track-domains = Domeny
# Po nazwie domeny, którą obejmuje zweryfikowana domena $domain.
track-verified-through = · objęta weryfikacją domeny { $domain }
# Po nazwie domeny, która nie wymaga weryfikacji.
track-no-validation = · weryfikacja niepotrzebna
track-submit-csr-heading = Prześlij CSR
track-csr = CSR (PEM)
track-submit-csr = Prześlij CSR
track-validate = Weryfikacja domeny { $name }
track-method-is = Metoda weryfikacji: { $method }
track-method = Metoda weryfikacji
track-use-method = Użyj tej metody
# Zamyka instrukcje ($then) w linku zamawiającego.
track-then-verify = a następnie naciśnij „Zweryfikuj teraz”
# Zamyka instrukcje ($then) w linku tylko do odczytu.
track-then-ask = a następnie poproś zamawiającego o weryfikację
track-dns-txt = Opublikuj rekord TXT pod nazwą { $location } z tą wartością, { $then }: { $value }
track-http-file = Udostępnij pod adresem { $location } plik zawierający dokładnie tę wartość, { $then }: { $value }
track-email = Wyślemy link potwierdzający na adres { $address }; będzie działać przez 24 godziny.
track-value = Wartość:
track-send-email = Wyślij wiadomość
track-verify-now = Zweryfikuj teraz

download-lead = Wskazano Cię jako osobę upoważnioną do pobrania certyfikatu. Wpisz numer zamówienia i PIN z wiadomości e-mail.
download-order-number = Numer zamówienia
download-pin = PIN
download-format = Format
download-format-pem = PEM z łańcuchem
download-format-der = DER (tylko certyfikat)
download-format-p7b = Łańcuch PKCS#7
download-button = Pobierz
download-error-malformed = Wpisz numer zamówienia i 8-cyfrowy PIN z wiadomości e-mail.
download-error-locked = Zbyt wiele błędnych kodów PIN dla tego zamówienia: pobieranie jest zablokowane na 15 minut. Spróbuj ponownie później.
download-error-too-many = Zbyt wiele prób pobrania z Twojego adresu. Spróbuj ponownie za 15 minut.
download-error-expired = Ten PIN wygasł: PIN działa przez 30 dni od wysłania, ale nie dłużej niż do wygaśnięcia certyfikatu. Poproś osobę, która zamówiła certyfikat, o przesłanie Ci pliku.
download-error-not-issued = Certyfikat tego zamówienia nie został jeszcze wystawiony. Spróbuj ponownie, gdy to nastąpi.
download-error-failed = Pobieranie nie powiodło się z przyczyn leżących po naszej stronie. Spróbuj ponownie za kilka minut.
download-error-wrong = Numer zamówienia lub PIN jest nieprawidłowy.

dcv-confirm-lead = Złożono wniosek o certyfikat dla Twojej domeny. Naciśnij „Potwierdź”, jeśli zgadzasz się na jego wystawienie.
dcv-confirm-button = Potwierdź
dcv-confirm-done = Dziękujemy. Kontrola nad domeną { $domain } została potwierdzona.

smime-verify-lead = Złożono wniosek o certyfikat S/MIME dla Twojego adresu e-mail. Naciśnij „Zweryfikuj”, jeśli zgadzasz się na jego wystawienie.
smime-verify-button = Zweryfikuj
smime-verify-done = Dziękujemy. Kontrola nad adresem { $email } została potwierdzona; certyfikat można teraz aktywować.

not-found-message = Pod tym adresem nic nie ma. Sprawdź link albo zacznij od portalu.
not-found-home = Przejdź do portalu

legal-version = Wersja { $version }, obowiązuje od { $date }
