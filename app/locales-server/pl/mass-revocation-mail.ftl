# Wiadomość do subskrybentów po zakończeniu masowego unieważnienia.
mail-mass-revoked-subject = { $count ->
        [one] Urząd certyfikacji unieważnił certyfikat
        [few] Urząd certyfikacji unieważnił { $count } certyfikaty
       *[many] Urząd certyfikacji unieważnił { $count } certyfikatów
    }
mail-mass-revoked-line = - zamówienie nr { $id } ({ $product }): { $names }, numer seryjny { $serial }
mail-mass-revoked-body =
    Urząd certyfikacji unieważnił następujące certyfikaty:

    { $list }

    Powód: { $reason }
    Komentarz: { $comment }

    Strony ufające widzą je teraz jako unieważnione w listach CRL i odpowiedziach OCSP, a klienci ACME pytający o informacje o odnowieniu dostają polecenie odnowienia teraz. Wymień je wszędzie, gdzie są zainstalowane.
