### The frame every page shares: header, menu, page titles, the language switcher, and
### words used on many pages.

brand = Rootline
common-loading = Loading…
common-skip-to-content = Skip to main content
common-menu = Menu
common-sign-out = Sign out
common-switch-account = Switch account
common-account = Account
common-signed-in-as = Signed in as
common-main-menu = Main
common-go-to-sign-in = Go to sign in
common-checking-link = Checking your link…
common-previous = Previous
common-next = Next
common-pages = Pages
common-search = Search
common-clear = Clear
common-export-excel = Export to Excel
common-from = From
common-to = To

lang-switch-label = Language
lang-switch-button = Change language

# Page titles: the tab, the heading, and which menu entry is current.
page-acme-apis = ACME APIs
page-accounts = Accounts
page-activate = Activate your account
page-add-user = Add user
page-application-received = Application received
page-audit-log = Audit log
page-billing = Billing
page-product-prices = Product price list
page-check-email = Check your e-mail
page-choose-account = Choose an account
page-confirm-domain = Confirm domain control
page-confirm-identity = Confirm it is you
page-sign-up = Create your account
page-credits = Credits
page-design-system = Design system
page-domains = Domains
page-delegated-download = Download a delegated certificate
page-edit-user = Edit user
page-group = Group
page-groups = Groups
page-ip-restrictions = IP restrictions
page-invitation = Invitation to join an account
page-legal-documents = Legal documents
page-new-smime-order = New S/MIME order
page-new-request = New request
page-order = Order
page-orders = Orders
page-overview = Overview
page-not-found = Page not found
page-private-cas = Private CAs
page-private-products = Private products
page-profile = Profile
page-public-products = Public products
page-rest-apis = REST APIs
page-renewal-reminders = Renewal reminders
page-revoke-certificate = Revoke certificate
page-roles = Roles
page-smime-certificate = S/MIME certificate
page-two-factor-enrol = Set up two-factor sign-in
page-sign-in = Sign in
page-passkey-sign-in = Sign in with a passkey
page-two-factor = Two-factor sign-in
page-users = Users
page-verify-email = Verify your e-mail address
page-terms = Terms of service
page-subscriber-agreement = Subscriber agreement

# The main menu.
menu-overview = Overview
menu-profile = Profile
menu-new-request = New request
menu-new-smime-order = New S/MIME order
menu-orders = Orders
menu-domains = Domains
menu-accounts = Accounts
menu-public-products = Public products
menu-legal-documents = Legal documents
menu-users = Users
menu-two-factor = Two-factor sign-in
menu-ip-restrictions = IP restrictions
menu-renewal-reminders = Renewal reminders
menu-rest-apis = REST APIs
menu-acme-apis = ACME APIs
menu-roles = Roles
menu-private-cas = Private CAs
menu-private-products = Private products
menu-groups = Groups
menu-billing = Billing
menu-product-prices = Product price list
menu-audit-log = Audit log
menu-design-system = Design system

# What a page says to a user whose role does not open it.
refusal-operator-products = Only operator users can manage public products.
refusal-operator-console = Only operator users can open the operator console.
refusal-operator-legal = Only operator users can publish the terms and the subscriber agreement.
refusal-operator-design = The design catalogue is for operators.
refusal-account-settings = Your role does not allow you to change account settings.
refusal-security-settings = Your role does not allow you to change security settings.
refusal-acme = Your role does not allow you to manage ACME credentials.
refusal-api-keys = Your role does not allow you to manage API access keys.
refusal-domains = Your role does not allow you to manage domains.
refusal-groups = Your role does not allow you to manage groups.
refusal-private-cas = Your role does not allow you to manage private CAs.
refusal-products = Your role does not allow you to manage products.
refusal-roles = Your role does not allow you to manage roles.
refusal-users = Your role does not allow you to manage users.
refusal-finance = Your role does not allow you to see balances and the statement.
refusal-product-prices = Your role does not allow you to see the account's prices.
refusal-audit = Your role does not allow you to see the audit log.

# Failures every page shares.
error-not-found = We could not find that.
error-unauthenticated = Please sign in to continue.
error-invalid-credentials = The e-mail address or password is incorrect.
error-forbidden = Your role does not allow this action.
error-validation = Please correct the highlighted fields.
error-rate-limited = Too many attempts. Wait { $seconds } seconds and try again.
error-internal = Something went wrong on our side. Quote incident { $incident } if you contact support.
error-transport = The request could not be completed ({ $detail }). Check your connection and try again.
common-private-ca = This installation is a private certificate authority: its certificates are not publicly trusted. Browsers and systems trust them only where its root certificate is installed.
