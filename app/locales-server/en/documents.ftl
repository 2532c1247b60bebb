### Documents to download: invoices, credit notes and monthly invoices as PDF (doc-), and the
### header rows of the Excel exports (xlsx-), in the language of the request that downloads them.

## Words more than one document uses.

doc-billed-to = Billed to
doc-account-holder = { $name } (account { $account })
doc-order = Order
doc-order-placed = Order placed
doc-date = Date
doc-description = Description
doc-amount = Amount
doc-currency = Currency
doc-prepaid-nothing-due = Paid from prepaid credits; nothing is due.

## The invoice of one order.

doc-invoice-title = Invoice { $number }
doc-invoice-date = Invoice date
doc-country = Country
doc-paid-from = Paid from
doc-paid-from-account = The account balance
doc-paid-from-group = The balance of the group { $group }
doc-paid-from-a-group = A group's balance
doc-validity = Validity
doc-validity-days = { $days } days
doc-total-charged = Total charged: { $amount }
doc-names = Names: { $names }

## The credit note of a refunded order.

doc-credit-note-title = Credit note { $number }
doc-issued-to = Issued to
doc-amount-charged = Amount charged
doc-reason = Reason
doc-amount-credited = Amount credited: { $amount }
doc-credited-to-balance = Credited to the balance the order was paid from.

## The monthly invoice. A month is named "{ month } { year }" with the month-* names of
## domains.ftl, as in "Period: November 2026".

doc-monthly-title = Monthly invoice { $number }
doc-period = Period
doc-issued = Issued
doc-charged = Charged: { $amount }
doc-refunded = Refunded: { $amount }
doc-month-total = Total for { $month }: { $amount }
doc-month-empty = No orders were charged or refunded in { $month }.

## The orders export: the sheet's name and its header row.

xlsx-organizations-sheet = Organizations
xlsx-organization-id = Organization ID
xlsx-orders-sheet = Orders
xlsx-order = Order
xlsx-placed = Placed (UTC)
xlsx-product = Product
xlsx-domain = Domain
xlsx-names = Names
xlsx-status = Status
xlsx-price = Price
xlsx-placed-by = Placed by
xlsx-tags = Tags

## The partner's orders report: the sheet's name and the headings besides xlsx-order,
## xlsx-placed, xlsx-product and xlsx-status.

xlsx-report-sheet = Sub-account orders
xlsx-report-sub-account = Sub-account
xlsx-report-sub-account-price = Sub-account price
xlsx-report-sub-account-currency = Sub-account currency
xlsx-report-partner-price = Partner price
xlsx-report-partner-currency = Partner currency
xlsx-report-margin = Margin

## The price list export: the sheet's name and its header row (besides xlsx-product).

xlsx-prices-sheet = Price list
xlsx-prices-kind = Product type
xlsx-prices-validity-days = Validity (days)
xlsx-prices-currency = Currency
xlsx-prices-base = Base price
xlsx-prices-per-extra-domain = Per extra domain
xlsx-prices-included-domains = Included domains

## The audit log export: the sheet's name and its header row.

xlsx-audit-sheet = Audit log
xlsx-time = Time (UTC)
xlsx-module = Module
xlsx-action = Action
xlsx-user = User
xlsx-ip-address = IP address
xlsx-summary = Summary
xlsx-entry = Entry

## The ledger statement export: the sheet's name and its header row (besides xlsx-time,
## xlsx-order, xlsx-prices-currency and xlsx-user).

xlsx-statement-sheet = Statement
xlsx-statement-type = Type
xlsx-statement-remarks = Remarks
xlsx-statement-group = Group
xlsx-statement-credit = Credit
xlsx-statement-debit = Debit
xlsx-statement-balance = Account balance after
xlsx-statement-group-balance = Group balance after

## A partner's statement to its sub-account for one order (not an operator tax invoice).

doc-partner-statement-title = Statement { $number }
doc-issued-by = Issued by
doc-total-owed-partner = Total owed to { $partner }: { $amount }
doc-partner-statement-note = { $partner } paid the certificate authority for this order. This statement is issued by { $partner }, not by the certificate authority, and is not a tax invoice.

## GST on an INR tax invoice.

doc-tax-invoice-title = Tax invoice { $number }
doc-seller-gstin = Supplier's GSTIN
doc-buyer-gstin = Recipient's GSTIN
doc-buyer-unregistered = Unregistered
doc-place-of-supply = Place of supply
doc-place-unknown = Not given
doc-sac = SAC
doc-taxable-value = Taxable value: { $amount }
doc-cgst = CGST at { $rate }%: { $amount }
doc-sgst = SGST at { $rate }%: { $amount }
doc-igst = IGST at { $rate }%: { $amount }
doc-no-gst = No GST was charged: the certificate authority has no GST registration configured.
