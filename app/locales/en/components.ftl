### Words of the shared components (buttons, form fields, tables, the statement).

copy-button = Copy
copy-done = Copied
copy-failed = Select and copy
toggle-activate = Activate
toggle-deactivate = Deactivate
pager-newer = Newer
pager-older = Older
field-product = Product
field-validity = Validity
field-designation = Designation
field-employee-id = Employee ID
field-role = Role
field-choose-role = Choose a role
field-group-access = Group access
field-user-email-hint = The user signs in with this address; the activation link goes here. An address that already has a Rootline user gets an invitation instead, and joins if they accept.
passkeys-use-at = Use passkeys at { $address }
statement-empty = No transactions yet.
statement-date = Date (UTC)
statement-type = Type
statement-remarks = Remarks
statement-group = Group
statement-account-balance = Account balance after
statement-group-balance = Group balance after
statement-by = By
statement-pager = Page { $page } of { $pages } · { $total ->
        [one] { $total } transaction
       *[other] { $total } transactions
    }
