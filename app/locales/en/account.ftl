### The signed-in user's own pages: the overview, the profile and its sign-in methods,
### choosing an account, the second sign-in step and answering an invitation.

overview-account = Account
overview-organization = Organization
overview-account-type = Account type
overview-status = Status
overview-country = Country
overview-country-not-set = Not set
overview-you = You
overview-name = Name
overview-email = E-mail
overview-role = Role
overview-signed-in = Signed in
overview-nothing-needs-attention = Nothing needs your attention.
overview-needs-attention = Needs your attention
overview-credit = Credit
overview-balances = Balances

profile-saved = Your profile was saved.
profile-password-changed = Your password was changed; your other sessions have ended.
profile-details = Your details
profile-email = E-mail
profile-employee-id = Employee ID
profile-designation = Designation
profile-save-details = Save details
profile-change-password = Change password
profile-password-lead = Your other sessions end when the password changes.
profile-current-password = Current password
profile-password-hint = 12 or more characters, with a letter and a digit or symbol.
profile-confirm-new-password = Confirm new password
profile-your-password = Your password
profile-rename = Rename
profile-remove = Remove
profile-col-name = Name
profile-col-added = Added
profile-col-last-used = Last used
profile-col-subject = Subject
profile-col-issuer = Issuer
profile-col-valid-until = Valid until
profile-col-actions = Actions

profile-app-heading = Authenticator app
profile-app-lead = A six-digit code from an app on your phone, asked for after your password.
profile-app-removed = The authenticator app was removed.
profile-app-not-set-up = Not set up.
profile-app-set-up = Set up an authenticator app
profile-app-scan = Scan the QR code with the app, or type the key, then enter the code it shows.
profile-app-enrolled = { $count ->
        [one] Set up. { $count } unused recovery code.
       *[other] Set up. { $count } unused recovery codes.
    }
profile-app-new-codes = New recovery codes
profile-app-current-code = Current code from the app
profile-app-old-codes-stop = Your old recovery codes stop working.
profile-app-make-codes = Make new recovery codes
profile-app-enforced = Your account requires an authenticator app, so it cannot be removed.
profile-app-remove = Remove the authenticator app
profile-app-remove-button = Remove the app

profile-passkeys = Passkeys
profile-passkeys-lead = Sign in with your fingerprint, face or device PIN instead of a password, or confirm a password sign-in with a passkey.
profile-passkeys-none = You have no passkeys yet.
profile-passkey-added = The passkey “{ $name }” was added.
profile-passkey-renamed = The passkey was renamed.
profile-passkey-removed = The passkey was removed.
# What a new passkey is called until the user names it.
profile-passkey-default-name = Passkey
profile-passkey-name = Name for a new passkey
profile-passkey-name-hint = So you can tell your passkeys apart, e.g. “Work laptop”.
profile-passkey-busy = Waiting for your passkey…
profile-passkey-add = Add a passkey
profile-passkey-never = Never
profile-passkey-rename-label = New name for { $name }
profile-passkey-remove-label = Remove passkey { $name }

profile-certificates = Sign-in certificates
profile-certificates-lead = Sign in without a password, with a certificate your browser holds. Register the certificate here; its private key never leaves your computer.
profile-certificates-none = No certificates yet: you sign in with your password.
profile-certificate-added = The certificate was registered: you can sign in with it.
profile-certificate-removed = The certificate was removed.
profile-certificate-remove-label = Remove { $name }
profile-certificate-register-heading = Register a certificate
profile-certificate-name = Certificate name
profile-certificate-name-hint = So you can tell your certificates apart, e.g. Work laptop.
profile-certificate-pem = Certificate (PEM)
profile-certificate-pem-hint = Paste the certificate, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.
profile-certificate-file = Or choose the certificate file (.pem, .cer, .crt)
profile-certificate-unreadable = The file could not be read. Paste the certificate instead.
profile-certificate-register = Register certificate

choose-account-joined = You accepted the invitation. Choose the account to work in.
choose-account-declined = You declined the invitation; that account does not get you.
choose-account-lead = You belong to several accounts. Choose the one to work in; you can switch later.
choose-account-list = Your accounts
choose-account-type = Type
choose-account-role = Your role
choose-account-status = Status
choose-account-current = You are working in this account
choose-account-use = Use this account

# Shared by the sign-in step, setting up two-factor sign-in and the profile's authenticator app.
two-factor-keep-codes = Keep these recovery codes somewhere safe. Each works once, if you lose your phone. They are not shown again.
two-factor-recovery-codes = Recovery codes
two-factor-qr = QR code with the secret
two-factor-key = Key:
two-factor-secret-key = Secret key
two-factor-code-from-app = Code from the app
two-factor-confirm = Confirm

two-factor-sign-in-as-other = Sign in as someone else
two-factor-code-lead = Open your authenticator app and enter the six-digit code for Rootline, or one of your recovery codes.
two-factor-code = Code
two-factor-continue = Continue
two-factor-passkey-lead = Use the passkey you registered with Rootline.
two-factor-passkey-busy = Waiting for your passkey…
two-factor-passkey = Use a passkey
two-factor-enrol-done = Two-factor sign-in is set up.
two-factor-enrol-continue = Continue to Rootline
two-factor-enrol-lead = Your account requires a code from an authenticator app at every sign-in. Scan the QR code with the app, or type the key, then enter the code it shows.

# The page shows $account, $email and $role in bold, wherever the sentence puts them.
invitation-lead = { $account } invites { $email } to join its Rootline account as { $role }.
invitation-privacy = Until you accept, the account sees only your e-mail address. Your name, mobile number and designation stay yours: only you change them, on your profile. The invitation expires { $expires }.
invitation-accept = Accept and join
invitation-decline = Decline
invitation-wrong-user = You are signed in as { $user }. This invitation is for { $email }: sign out, then sign in with that address and open the link again.
# The page shows $email in bold.
invitation-sign-in-first = Sign in as { $email } to accept or decline.
invitation-sign-in = Sign in to answer

# The state of an account, passkey availability, how credit comes in.
account-status-pending-activation = Pending activation
account-status-pending-approval = Waiting for operator approval
account-status-active = Active
account-status-rejected = Rejected
account-status-expired = Expired
passkeys-off-not-set-up = Passkeys are not set up on this server.
passkeys-off-ip = Passkeys are off at this address: browsers allow them only at a host name, not at an IP address.
passkeys-off-only-at = Passkeys are off at this address: they work only at { $address }.
passkeys-off-origin-not-host = Passkeys are off at this address: the server's passkey origin is not a host name a browser accepts.
passkeys-off-origin-ip = Passkeys are off: the server's passkey origin is an IP address, which browsers refuse. Ask the operator to set ROOTLINE_PASSKEY_ORIGIN to a host name.
overview-how-credit = Payments in the portal are not available yet: the Rootline operator adds credit to your account (Operator, Accounts, your account, Credits). An administrator of your account then allocates credits to groups that pay from their own balance.
