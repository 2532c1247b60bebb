### The operator console: legal documents, public products, credits.

legal-admin-intro = Every sign-up accepts the version in force of both documents, and Rootline records which versions each user accepted. A new version applies to sign-ups from the moment it is published; what users accepted before stays recorded as it was.
legal-admin-published = The new version is published and in force.
legal-admin-version = Version in force
legal-admin-published-on = Published
legal-admin-address = Public address
legal-admin-read = Read the text
legal-admin-publish-heading = Publish a new version
legal-admin-publish-hint = Write plain text; a blank line starts a new paragraph. The version number is the next one for the document you choose.
legal-admin-publish = Publish
legal-admin-document = Document
legal-admin-title = Title
legal-admin-text = Text
products-admin-saved = The product was saved.
products-admin-cap = The TLS validity cap in force today is { $days } days; choices over it cannot be saved and are not offered.
products-admin-name = Product name
products-admin-validity = Validity choices (days)
products-admin-validity-hint = Separated by commas, e.g. 90, 199.
products-admin-included = Included domains
products-admin-included-hint = UCC products: names the base price covers.
products-admin-max = Maximum domains
products-admin-max-hint = UCC products: the most names a certificate may have.
products-admin-active = Active
products-admin-prices-of = Prices of { $product }
products-admin-per-extra = Per extra domain
products-admin-no-prices = No prices yet: the product is not offered until it has one.
products-admin-set-price-summary = Set a price
products-admin-set-price = Set price
products-admin-price-hint = e.g. 49.00
products-admin-extra-price = Price per extra domain
products-admin-extra-hint = Each name beyond the included ones.
products-admin-edit = Edit
products-admin-save = Save product
products-admin-add-heading = Add a product
products-admin-add = Add product
products-admin-type = Product type
products-admin-inactive = Inactive
credits-granted = The credits were granted.
credits-all-accounts = All accounts
credits-grant = Grant credits
credits-amount = Amount
credits-remarks-hint = Why, e.g. the offline payment's reference.
credits-amount-hint = In the account's currency, e.g. 250.00.

accounts-filter-label = Filter accounts
accounts-all = All
accounts-filter = Filter
accounts-none = No accounts.
accounts-disable-groups = Disable multiple groups
accounts-administrator = Administrator
accounts-signed-up = Signed up
accounts-multiple-groups = Multiple groups
accounts-approve = Approve application
accounts-reject-reason = Reason for rejecting
accounts-reject = Reject application
accounts-credits-of = Credits of { $account }
accounts-approved = The application was approved; the applicant gets the activation e-mail.
accounts-rejected = The application was rejected; the applicant was told why.
accounts-saved = The account's options were saved.
accounts-enable-groups = Enable multiple groups
accounts-enabled = Enabled
accounts-disabled = Disabled
accounts-pager = Page { $page } of { $pages } · { $total ->
        [one] { $total } account
       *[other] { $total } accounts
    }
