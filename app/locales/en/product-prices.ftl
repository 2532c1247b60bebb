### The product price list (Billing, FIN-4): what the account pays for each product.

product-prices-intro = What your account pays for each product it can order, for each validity and currency. Orders are charged at these prices.
product-prices-filter-label = Filter the price list
product-prices-currency = Currency
product-prices-all-currencies = All currencies
product-prices-kind = Product type
product-prices-all-kinds = All product types
product-prices-product = Product
product-prices-product-placeholder = Part of the product's name
product-prices-filter = Filter
product-prices-table = Product prices
product-prices-col-validity = Validity
product-prices-col-price = Price
product-prices-col-extra-domain = Each extra domain
product-prices-col-included = Domains included
product-prices-days = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
product-prices-none = No product matches these filters.
product-prices-billing-explain = What each product costs your account, by validity and currency, with a download for Excel.
product-prices-billing-link = Open the product price list

## Product types, as the price list and its export name them.

product-kind-dv-single = DV single domain
product-kind-dv-wildcard = DV wildcard
product-kind-dv-ucc = DV UCC (multi-domain)
product-kind-dv-wildcard-ucc = DV wildcard UCC
product-kind-private = Private
product-kind-smime-mailbox = S/MIME mailbox-validated
product-kind-ov-single = OV single domain
product-kind-ov-wildcard = OV wildcard
product-kind-ov-ucc = OV multi-domain
product-kind-ov-wildcard-ucc = OV multi-domain wildcard
product-kind-ev-single = EV single domain
product-kind-ev-ucc = EV multi-domain

## What is wrong with the price list's filters.

err-product-prices-currency = Choose USD, INR or all currencies.
err-product-prices-kind = Choose a product type from the list.
