### E-mail do kontaktu w DNS (TLS BR 3.2.2.4.13, 3.2.2.4.14).

mail-dcv-contact-in-caa = właściwości contactemail rekordów CAA domeny { $domain } lub domeny nadrzędnej
mail-dcv-contact-in-txt = rekordach TXT pod { $record }
mail-dcv-contact-body =
    Ktoś poprosił Rootline o certyfikat TLS obejmujący { $domain }. Urzędy certyfikacji muszą sprawdzić, czy właściciel domeny się zgadza; ten adres jest w tym celu opublikowany w { $found_in }, dlatego do niego piszemy.

    Jeśli się zgadzasz, otwórz ten link i naciśnij Potwierdź:

    { $link }

    Link działa przez 30 dni. Jeśli się tego nie spodziewasz, zignoruj tę wiadomość: bez Twojego potwierdzenia nic nie zostanie wystawione.
