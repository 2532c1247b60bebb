# Nazwy stałych rodzajów rzeczy w portalu: rodzaje kont, role wbudowane, uprawnienia.

account-kind-enterprise = Firma
account-kind-partner = Partner
account-kind-retail = Klient indywidualny
account-kind-operator = Operator

role-administrator = Administrator
role-manager = Kierownik
role-finance-manager = Kierownik finansowy
role-standard-user = Użytkownik standardowy
role-basic-user = Użytkownik podstawowy
role-discovery-user = Użytkownik wykrywania
role-sub-account-user = Użytkownik subkont
role-custom = Rola własna

permission-request-certificates = Zamawianie certyfikatów
permission-view-group-orders = Wgląd w zamówienia swoich grup
permission-approve-orders = Zatwierdzanie i odrzucanie zamówień
permission-manage-organizations = Zarządzanie organizacjami
permission-manage-domains = Zarządzanie domenami
permission-manage-groups = Zarządzanie grupami
permission-allocate-credits = Przydzielanie środków grupom
permission-manage-users = Zarządzanie użytkownikami
permission-manage-roles = Zarządzanie rolami własnymi
permission-manage-cas = Zarządzanie prywatnymi CA
permission-manage-products = Zarządzanie produktami
permission-manage-sub-accounts = Cenniki, zamówienia i wyciągi subkont
permission-create-sub-accounts = Zakładanie, zawieszanie i przywracanie subkont
permission-use-api = Korzystanie z API REST i ACME
permission-view-finance = Wgląd w salda, księgę i faktury
permission-view-audit-log = Wgląd w dziennik audytu
permission-view-reports = Wgląd w raporty
permission-use-tools = Korzystanie z narzędzi
permission-manage-settings = Zmiana ustawień konta i zasad bezpieczeństwa
permission-discovery = Wykrywanie certyfikatów, klucze i magazyny kluczy

role-removed = Usunięta rola
