### Signing up, signing in, activating: the pages a visitor sees before the portal.

field-email = E-mail
field-password = Password
field-full-name = Full name
field-mobile = Mobile number
field-organization = Organization name
field-country = Country
field-new-password = New password
field-confirm-password = Confirm password

sign-in-activated = Your password is set and your account is active. Sign in to continue.
sign-in-signed-out = You have signed out.
sign-in-button = Sign in
sign-in-busy = Signing in…
sign-in-new-here = New to Rootline?
sign-in-create-account = Create an account
sign-in-passkey = Sign in with a passkey
sign-in-passkey-busy = Waiting for your passkey…
passkey-sign-in-lead = Your browser asks for your passkey as soon as this page has loaded. A passkey needs JavaScript in the browser; without it, sign in with your e-mail and password.
passkey-sign-in-password = Sign in with e-mail and password instead
sign-in-certificate = Sign in with a certificate

sign-up-lead = Order, validate and manage certificates for your organization.
sign-up-have-account = Already have an account?
sign-up-sign-in = Sign in
sign-up-account-type = Account type
sign-up-enterprise = Enterprise
sign-up-enterprise-note = — certificates for your own organization; active as soon as you confirm your e-mail.
sign-up-partner = Partner
sign-up-partner-note = — resell to your own customers; an operator reviews the application first.
sign-up-email-hint = We send the activation link here.
sign-up-mobile-hint = With country code, e.g. +91 98450 12345.
sign-up-choose-country = Choose a country
sign-up-accept = I accept the terms of service and the subscriber agreement
sign-up-read-the = Read the
sign-up-terms-link = terms of service
sign-up-and-the = and the
sign-up-agreement-link = subscriber agreement
sign-up-new-tabs = (each opens in a new tab).
sign-up-button = Create account
sign-up-busy = Creating account…

check-email-message = We have sent an e-mail to the address you gave. Open its link within 24 hours to choose your password and activate your account.
check-email-note = The link works once. Nothing arrived? Check your spam folder.

application-received-message = Thank you for applying to become a partner. Our operators review every partner application; once yours is approved we e-mail you an activation link to set your password.
application-received-note = We have sent a confirmation of your application to the address you gave.

activate-welcome = Welcome, { $name }. Choose a password for { $email } to activate { $account }.
activate-button = Set password and activate
