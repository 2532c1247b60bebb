# The names of the portal's fixed kinds of things: account kinds, built-in roles, permissions.

account-kind-enterprise = Enterprise
account-kind-partner = Partner
account-kind-retail = Retail
account-kind-operator = Operator

role-administrator = Administrator
role-manager = Manager
role-finance-manager = Finance Manager
role-standard-user = Standard User
role-basic-user = Basic User
role-discovery-user = Discovery User
role-sub-account-user = Sub Account User
role-custom = Custom role

permission-request-certificates = Request certificates
permission-view-group-orders = See the orders of their groups
permission-approve-orders = Approve and reject orders
permission-manage-organizations = Manage organizations
permission-manage-domains = Manage domains
permission-manage-groups = Manage groups
permission-allocate-credits = Allocate credits to groups
permission-manage-users = Manage users
permission-manage-roles = Manage custom roles
permission-manage-cas = Manage private CAs
permission-manage-products = Manage products
permission-manage-sub-accounts = Manage sub-accounts' price lists, orders and statements
permission-create-sub-accounts = Create, suspend and reactivate sub-accounts
permission-use-api = Use the REST and ACME APIs
permission-view-finance = See balances, ledger and invoices
permission-view-audit-log = See the audit log
permission-view-reports = See reports
permission-use-tools = Use the tools
permission-manage-settings = Change account settings and security rules
permission-discovery = Certificate discovery, keys and key stores

role-removed = Removed role
