mail-payment-credited-subject = Payment { $id } credited: { $amount }
mail-payment-credited-body = Your payment { $id } of { $amount } has been credited to your account's balance.
mail-payment-rejected-subject = Payment { $id } was not credited
mail-payment-rejected-body = The operator's finance team could not approve your payment { $id } of { $amount }: { $reason } Nothing was credited. Reply to this message or record the transfer again with the right details.
mail-withdrawal-paid-subject = Withdrawal { $id } paid out: { $amount }
mail-withdrawal-paid-body = Your withdrawal { $id } of { $amount } has been paid out to the bank account on file.
mail-withdrawal-rejected-subject = Withdrawal { $id } was rejected
mail-withdrawal-rejected-body = The operator could not pay out your withdrawal { $id } of { $amount }: { $reason } The amount is back in your account's balance.
