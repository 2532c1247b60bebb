### Użytkownicy konta: lista, dodawanie, edycja, dezaktywacja.

users-search-label = Szukaj użytkowników
users-search-placeholder = Imię i nazwisko lub e-mail
users-invitations = Zaproszenia
users-invitation-expired = Wygasło: dodaj adres ponownie, aby wysłać nowe zaproszenie
users-none = Żaden użytkownik nie pasuje.
users-col-name = Imię i nazwisko
users-you = Ty
users-added = Użytkownik został dodany, a wiadomość e-mail jest już w drodze.
users-invited = Ten adres ma już użytkownika w Rootline, więc wysłaliśmy mu zaproszenie e-mailem. Dołączy — i zobaczysz jego dane — dopiero gdy je przyjmie.
users-deactivated = Użytkownik został dezaktywowany; jego sesje zostały zakończone.
users-role-offered = Proponowana rola
users-invited-on = Zaproszono
users-invitation-pending = Zaproszony
users-pager = Strona { $page } z { $pages } · { $total ->
        [one] { $total } użytkownik
        [few] { $total } użytkowników
       *[many] { $total } użytkowników
    }
users-cannot-change = Rola tego użytkownika pozwala na więcej niż Twoja, więc nie możesz go zmienić ani dezaktywować. Poproś administratora.
users-back = Wróć do użytkowników
users-shared = Ten użytkownik należy też do innego konta, więc imię i nazwisko, numer telefonu i stanowisko zmienia sam, w swoim profilu. Tutaj ustawiasz jego rolę, dostęp do grup i identyfikator pracownika.
users-cancel = Anuluj
users-deactivate-explain = Użytkownik zostanie natychmiast wylogowany i nie będzie mógł ponownie zalogować się do tego konta.
users-deactivate = Dezaktywuj użytkownika
users-new = Nowy użytkownik
users-new-lead = Użytkownik dostanie e-mail z linkiem do ustawienia hasła.
users-adding = Dodawanie…
member-status-pending = Oczekuje na aktywację
member-status-active = Aktywny
member-status-deactivated = Dezaktywowany
users-all-groups = Wszystkie grupy
users-specific-groups = Wybrane grupy
