mail-payment-credited-subject = Płatność { $id } zaksięgowana: { $amount }
mail-payment-credited-body = Twoja płatność { $id } na kwotę { $amount } została zaksięgowana na saldzie konta.
mail-payment-rejected-subject = Płatność { $id } nie została zaksięgowana
mail-payment-rejected-body = Dział finansów operatora nie mógł zatwierdzić płatności { $id } na kwotę { $amount }: { $reason } Nic nie zaksięgowano. Odpowiedz na tę wiadomość albo zgłoś przelew ponownie z poprawnymi danymi.
mail-withdrawal-paid-subject = Wypłata { $id } zrealizowana: { $amount }
mail-withdrawal-paid-body = Twoja wypłata { $id } na kwotę { $amount } została przelana na zapisany rachunek bankowy.
mail-withdrawal-rejected-subject = Wypłata { $id } została odrzucona
mail-withdrawal-rejected-body = Operator nie mógł zrealizować wypłaty { $id } na kwotę { $amount }: { $reason } Kwota wróciła na saldo konta.
