### Account settings: ACME and REST API credentials, IP restrictions, roles, private CAs and
### products, renewal reminders, two-factor sign-in.

## ACME APIs
acme-revoked = The credential was revoked.
acme-lead = An ACME client such as certbot or lego registers with a credential's key ID and HMAC key (External Account Binding); its orders are then placed for the credential's user, group and product, paid and listed like any other order.
acme-directory-url = Directory URL:
acme-created-heading = Credential made
acme-copy-now = Copy the HMAC key now: it is shown only this once and cannot be read again.
acme-key-id-label = Key ID:
acme-hmac-key-label = HMAC key:
acme-replace-hint = Replace the e-mail address and the domain with yours.
acme-none = No ACME credentials yet.
acme-table = ACME credentials
acme-key-id = Key ID
acme-user = User
acme-group = Group
acme-product = Product
acme-tags = Tags
acme-created = Created
acme-bound = Bound
acme-revoked-col = Revoked
acme-actions = Actions
acme-not-yet = Not yet
acme-revoke = Revoke
acme-revoke-confirm = Revoke { $key }? ACME accounts bound with it stop working.
acme-yes-revoke = Yes, revoke
acme-create-heading = Make a credential
acme-create-submit = Make credential
acme-tags-hint = Separated by commas, e.g. web, production.

## REST APIs
api-keys-revoked = The key was revoked: requests with it are refused from now on.
# Around the link "REST API".
api-keys-lead-before = An access key lets a program use the
api-keys-lead-after = as one user of this account: it gets that user's permissions and IP restrictions, and what it does is recorded under that user.
api-keys-new-heading = Your new access key
api-keys-copy-now = Copy it now: it is shown only this once. Rootline keeps only a digest of it.
api-keys-access-key = Access key
api-keys-use-it = Use it like this:
# Stands for the portal's address in the example command.
api-keys-this-portal = this portal
api-keys-none = No access keys yet.
api-keys-table = Access keys
api-keys-key-id = Key ID
api-keys-acts-as = Acts as
api-keys-description = Description
api-keys-created = Created
api-keys-last-used = Last used
api-keys-state = State
api-keys-actions = Actions
api-keys-revoked-at = Revoked { $at }
api-keys-active = Active
api-keys-never = Never
api-keys-yes-revoke = Yes, revoke
api-keys-revoke = Revoke
api-keys-create-heading = Create an access key
api-keys-create-submit = Create key
api-keys-description-hint = What uses the key, e.g. "Deploy pipeline".

## IP restrictions
ip-rules-saved = The IP restrictions were saved.
ip-rules-lead = When an account has enabled rules, its users can use Rootline only from the addresses they allow: rules for all users apply to everyone, a user's own rules add to those. Every request is checked.
ip-rules-your-address = Your address:
ip-rules-none = No rules: users can sign in from any address.
ip-rules-table = IP rules
ip-rules-applies-to = Applies to
ip-rules-from = From
ip-rules-to = To
ip-rules-description = Description
ip-rules-state = State
ip-rules-actions = Actions
ip-rules-enable = Enable
ip-rules-disable = Disable
ip-rules-enabled = Enabled
ip-rules-disabled = Disabled
ip-rules-may-lock-out = I may lock myself out
ip-rules-delete = Delete
ip-rules-add-heading = Add a rule
ip-rules-add-submit = Add rule
ip-rules-applies-to-field = Applies to (user's e-mail; empty for all users)
ip-rules-start = Start address
ip-rules-start-hint = IPv4 or IPv6, e.g. 203.0.113.0
ip-rules-end = End address
ip-rules-end-hint = Empty for a single address.
ip-rules-understand = I understand this rule may shut me out

## Roles
roles-saved = The role was saved.
roles-deleted = The role was deleted.
roles-custom = Custom roles
roles-none = No custom roles yet. Build one below from the same permissions as the built-in roles.
roles-built-in = Built-in roles
roles-role = Role
roles-may = May
roles-name = Role name
roles-description = Description
roles-permissions = Permissions
roles-users = Users
roles-edit = Edit
roles-save-submit = Save role
roles-delete = Delete
roles-delete-label = Delete role { $name }
roles-add-heading = Add a custom role
roles-add-submit = Add role

## Private CAs
private-cas-created = The private CA was created.
private-cas-none = Your account has no private CA yet. The first one also makes your account's private root CA.
private-cas-table = Private CAs
private-cas-name-col = Name
private-cas-subject = Subject
private-cas-role = Role
private-cas-valid-until = Valid until
private-cas-root = Root (signs the issuing CAs)
private-cas-issuing = Issuing CA
private-cas-create-heading = Create a private CA
private-cas-create-submit = Create CA
private-cas-name = CA name
private-cas-name-hint = Letters, digits, spaces and dashes, e.g. Intranet.

## Private products
products-saved = The product was saved.
products-none = Your account has no private products yet.
products-list = Private products
products-needs-ca = A private product is issued by one of your private CAs.
# The link, then what follows it, in one sentence.
products-needs-ca-link = Create a private CA
products-needs-ca-after = { " " }first.
products-name = Product name
products-ca = Private CA
products-validity-days = Validity (days)
products-validity-hint = At most 398 days.
products-template = Template
products-fields-legend = Subject and SAN fields
products-fields-hint = Dynamic fields are filled in with each request; fixed values are the same in every certificate.
products-field = Field
products-how-set = How it is set
products-fixed-value = Fixed value
products-fixed-values = Fixed value(s), separated by commas
products-fixed-value-of = { $field } fixed value
products-auto-approve = Approve orders automatically
products-checklist-field = Validation checklist
products-checklist-hint = One item per line; approvers see it with each order.
products-mode-fixed = fixed: { $values }
products-mode-required = dynamic, required
products-mode-optional = dynamic, optional
products-status = Status
products-active = Active
products-inactive = Inactive
products-validity = Validity
products-validity-value = { $days } days
products-fields = Fields
products-approval = Approval
products-automatic = Automatic
products-by-admin = By an administrator
products-checklist = Checklist
products-edit = Edit
products-save-submit = Save product
products-create-heading = Create a private product
products-create-submit = Create product

## Renewal reminders
renewals-saved = The reminder days were saved.
renewals-heading = Certificate renewal notification frequency
renewals-explain = Reminders go to the requester, the additional recipients, the technical contact and the group's renewal addresses. Positive days are before expiry, negative days after it.
renewals-save = Save
renewals-days = Days (comma-separated)

## Two-factor sign-in
two-factor-setting-saved = The setting was saved.
two-factor-setting-heading = Authenticator app (T-OTP)
two-factor-setting-explain = When enforced, every user of the account sets up an authenticator app at their next sign-in and enters a code from it at every sign-in.
two-factor-setting-save = Save
two-factor-setting-enforce = Enforce 2FA via T-OTP

# The name of the API, the same in every language.
api-keys-rest-api = REST API
acme-organization = Organization (OV products)
acme-organization-none = None: DV orders
acme-organization-hint = Bound to a verified organization with an OV product, the ACME client's orders are OV certificates naming that organization as it was vetted.
