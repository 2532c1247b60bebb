### Wiadomości e-mail, w języku odbiorcy.

mail-signature = -- Rootline

mail-activation-subject = Aktywuj swoje konto w Rootline
mail-activation-body =
    Dzień dobry, { $name },

    W Rootline utworzono konto dla { $account } z tym adresem e-mail.

    Otwórz ten link, aby ustawić hasło i aktywować konto:

    { $link }

    Link działa jeden raz i wygasa po 24 godzinach. Jeśli to nie Ty zakładasz konto, zignoruj tę wiadomość — nic się nie stanie.

mail-partner-received-subject = Twój wniosek partnerski w Rootline jest rozpatrywany
mail-partner-received-body =
    Dzień dobry, { $name },

    Dziękujemy za wniosek o zostanie partnerem Rootline w imieniu { $account }.

    Nasi operatorzy rozpatrują każdy wniosek partnerski. Gdy Twój zostanie zatwierdzony, wyślemy Ci link aktywacyjny do ustawienia hasła; do tego czasu nie musisz nic robić.

mail-invitation-subject = { $account } zaprasza Cię do swojego konta w Rootline
mail-invitation-body =
    Dzień dobry, { $name },

    Administrator { $account } zaprosił Cię do swojego konta w Rootline w roli: { $role }. Dopóki nie przyjmiesz zaproszenia, { $account } widzi tylko Twój adres e-mail.

    Aby odpowiedzieć, otwórz ten link, zaloguj się adresem e-mail i hasłem, których już używasz, a następnie przyjmij lub odrzuć zaproszenie:

    { $link }

    Link działa jeden raz i wygasa po 7 dniach. Jeśli nie chcesz dołączyć, odrzuć zaproszenie lub zignoruj tę wiadomość — nic się nie zmieni.

mail-sign-up-attempted-subject = Ktoś próbował założyć konto w Rootline z Twoim adresem
mail-sign-up-attempted-body =
    Dzień dobry, { $name },

    Ktoś próbował założyć nowe konto w Rootline z tym adresem e-mail. Adres należy już do Ciebie, więc niczego nie utworzono, a Twoje konto pozostało bez zmian.

    Jeśli to Ty, zaloguj się:

    { $link }

    Jeśli Twój użytkownik nie jest jeszcze aktywny, użyj linku z wiadomości aktywacyjnej. Jeśli nie pamiętasz hasła, poproś administratora swojego konta lub pomoc techniczną Rootline o przywrócenie dostępu. Jeśli to nie Ty, możesz zignorować tę wiadomość.

mail-partner-rejected-subject = Twój wniosek partnerski w Rootline
mail-partner-rejected-body =
    Dzień dobry, { $name },

    Rozpatrzyliśmy wniosek partnerski dla { $account } i nie możemy go zatwierdzić.

    Powód: { $reason }

    Jeśli uważasz, że to pomyłka, odpowiedz na tę wiadomość.
