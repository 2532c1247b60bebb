# The low-balance alert's mail (SET-1 / FIN-5), to the addresses the administrator entered.
mail-low-balance-account-subject = Low balance: { $account } has { $balance } left
mail-low-balance-account-body = The balance of your account { $account } is { $balance }, below the alert threshold of { $threshold }. Orders are refused once the balance no longer covers them. Add credits here: { $link } You get this e-mail once each time the balance drops below the threshold.
mail-low-balance-group-subject = Low balance: group { $group } has { $balance } left
mail-low-balance-group-body = The balance of the group { $group } in the account { $account } is { $balance }, below the alert threshold of { $threshold }. Orders the group pays for are refused once its balance no longer covers them. Add credits here: { $link } An administrator then allocates them to the group. You get this e-mail once each time the balance drops below the threshold.
