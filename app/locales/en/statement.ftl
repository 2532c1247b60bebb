### The ledger statement (/billing/statement) and the names of the kinds of transaction.

page-statement = Statement
menu-statement = Statement
statement-intro = Every credit and debit of the balance, with the balance after each. Choose a period, a type or a group; the Excel export holds every line the filters select.
statement-full-link = Open the full statement with filters and Excel export
statement-filter-label = Filter the statement
statement-account = Account
statement-own-account = This account
statement-from = From (UTC)
statement-to = To (UTC)
statement-all-types = All types
statement-all-groups = All groups
statement-filter = Show
statement-of-account = Statement of { $account }
statement-of-sub-account = Statement of the sub-account { $account }
statement-opening = Balance at the start of the period
statement-credits = Credits in the selection
statement-debits = Debits in the selection
statement-closing = Balance at the end of the period
statement-balance-now = Balance now
statement-none-match = No transactions match these filters.
statement-credit = Credit
statement-debit = Debit
statement-order = order { $order }

ledger-kind-grant = Credits granted
ledger-kind-allocate = Allocated to group
ledger-kind-deallocate = De-allocated from group
ledger-kind-order-charge = Order charged
ledger-kind-order-refund = Order refunded
ledger-kind-payment = Payment received
ledger-kind-withdrawal-hold = Withdrawal requested (held)
ledger-kind-withdrawal-paid = Withdrawal paid out
ledger-kind-withdrawal-release = Withdrawal refused (released)
