### Pages anyone opens from a link, signed in or not: tracking an order, a delegate's
### download, confirming a domain or a mailbox, the legal documents, and a wrong address.

track-heading = Track your order
track-no-order = This tracking link does not open an order: it is mistyped, or it has expired (a link stops working when the order's certificate expires, or 30 days after an order ended without one). Sign in to Rootline to see your orders.
track-scope-viewer = Read-only view: you were sent this link as an additional recipient or the technical contact of the order. It shows the order and downloads the certificate; the requester acts on the order with their own link.
track-scope-requester = Requester's link: choose how to prove control of the domains, verify them and submit a missing CSR here. Keep it to yourself.
track-scope-ended = Requester's link: the order has ended, so this link only shows it (and downloads the certificate, if one was issued).
track-order = Order #{ $id } · { $product }
track-status = Status:
track-works-until = This link works until { $day } (UTC).
track-steps = Steps
track-step-approval = Approval
track-step-csr = CSR
track-step-domain-validation = Domain validation
track-step-issued = Issued
track-step-done = done
track-step-pending = pending
track-download-pem = Download PEM (with chain)
track-download-der = Download DER
track-download-p7b = Download PKCS#7 chain
track-domains = Domains
# After a domain name that a validated domain covers, $domain.
track-verified-through = · verified through { $domain }
# After a domain name that needs no validation.
track-no-validation = · no validation needed
track-submit-csr-heading = Submit the CSR
track-csr = CSR (PEM)
track-submit-csr = Submit CSR
track-validate = Validate { $name }
track-method-is = Validation method: { $method }
track-method = Validation method
track-use-method = Use this method
# Ends the instructions ($then) on the requester's link.
track-then-verify = then press Verify Now
# Ends the instructions ($then) on a read-only link.
track-then-ask = then ask the requester to verify it
track-dns-txt = Publish a TXT record at { $location } with this value, { $then }: { $value }
track-http-file = Serve a file at { $location } holding exactly this value, { $then }: { $value }
track-email = We e-mail a confirmation link to { $address }; it works for 24 hours.
track-value = Value:
track-send-email = Send the e-mail
track-verify-now = Verify Now

download-lead = You were named to download a certificate. Enter the order number and the PIN from the e-mail.
download-order-number = Order number
download-pin = PIN
download-format = Format
download-format-pem = PEM with the chain
download-format-der = DER (certificate only)
download-format-p7b = PKCS#7 chain
download-button = Download
download-error-malformed = Enter the order number and the 8-digit PIN from the e-mail.
download-error-locked = Too many wrong PINs for this order: its downloads are locked for 15 minutes. Try again later.
download-error-too-many = Too many download attempts from your address. Try again in 15 minutes.
download-error-expired = This PIN has expired: a PIN works for 30 days after it was sent, and not after the certificate has expired. Ask the person who ordered the certificate to send you the file.
download-error-not-issued = The certificate of this order is not issued yet. Try again when it is.
download-error-failed = The download failed on our side. Try again in a few minutes.
download-error-wrong = The order number or the PIN is wrong.

dcv-confirm-lead = A certificate was requested for your domain. Press Confirm if you agree that it may be issued.
dcv-confirm-button = Confirm
dcv-confirm-done = Thank you. Control of { $domain } is confirmed.

smime-verify-lead = An S/MIME certificate was requested for your e-mail address. Press Verify if you agree that it may be issued.
smime-verify-button = Verify
smime-verify-done = Thank you. Control of { $email } is verified; the certificate can now be activated.

not-found-message = There is nothing at this address. Check the link, or start from the portal.
not-found-home = Go to the portal

legal-version = Version { $version }, in force since { $date }
