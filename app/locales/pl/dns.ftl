### Dlaczego zapytanie DNS się nie powiodło i dlaczego nieudane zapytanie o CAA nie oznacza zgody
### na wydanie certyfikatu (TLS BR 3.2.2.8 i 3.2.2.8.1).

err-dns-bogus = walidacja DNSSEC nie powiodła się (podpisy są nieprawidłowe): { $detail }
err-dns-indeterminate = walidacja DNSSEC nie rozstrzygnęła, czy odpowiedź powinna być podpisana: { $detail }
err-dns-server-error = serwer DNS odpowiedział { $rcode }
err-dns-timeout = brak odpowiedzi w wyznaczonym czasie
err-dns-local = ten serwer nie mógł wysłać zapytania: { $detail }
err-dns-unclassified = zapytanie nie powiodło się: { $detail }
err-caa-failure-dnssec = { $failure }; błąd walidacji DNSSEC nigdy nie oznacza zgody na wydanie certyfikatu
err-caa-failure-inside = { $failure }; nie wykazano, że awaria leży poza resolwerem tego urzędu certyfikacji, więc nie oznacza ona zgody na wydanie certyfikatu
err-caa-failure-not-retried = { $failure }; zapytanie wysłano tylko raz, więc błąd nie oznacza zgody na wydanie certyfikatu
err-caa-failure-signed = { $failure } (zapytano { $attempts ->
        [one] raz
       *[other] { $attempts } razy
    }); { $name } należy do strefy podpisanej DNSSEC, więc nieudane zapytanie nie oznacza zgody na wydanie certyfikatu
err-caa-failure-unproven = { $failure } (zapytano { $attempts ->
        [one] raz
       *[other] { $attempts } razy
    }); DNSSEC nie wykazał, że strefa { $name } jest niepodpisana, więc nieudane zapytanie nie oznacza zgody na wydanie certyfikatu
