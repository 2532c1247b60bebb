# E-mail alertu o niskim saldzie (SET-1 / FIN-5), na adresy podane przez administratora.
mail-low-balance-account-subject = Niskie saldo: na koncie { $account } pozostało { $balance }
mail-low-balance-account-body = Saldo Twojego konta { $account } wynosi { $balance } i jest poniżej progu alertu ({ $threshold }). Zamówienia, których saldo nie pokrywa, są odrzucane. Doładuj konto tutaj: { $link } Ten e-mail otrzymujesz raz za każdym razem, gdy saldo spadnie poniżej progu.
mail-low-balance-group-subject = Niskie saldo: w grupie { $group } pozostało { $balance }
mail-low-balance-group-body = Saldo grupy { $group } na koncie { $account } wynosi { $balance } i jest poniżej progu alertu ({ $threshold }). Zamówienia opłacane przez grupę są odrzucane, gdy jej saldo ich nie pokrywa. Doładuj konto tutaj: { $link } Następnie administrator przydziela środki grupie. Ten e-mail otrzymujesz raz za każdym razem, gdy saldo spadnie poniżej progu.
