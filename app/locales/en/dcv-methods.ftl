### Domain validation methods: their names, the persistent DNS record (TLS BR 3.2.2.4.22)
### and the e-mails to DNS contacts (3.2.2.4.13, 3.2.2.4.14).

dcv-method-dns-txt = DNS TXT record
dcv-method-http-file = HTTP file
dcv-method-constructed-email = E-mail to { $mailbox }@
dcv-method-dns-persist = Persistent DNS record
dcv-method-dns-persist-wildcard = Persistent DNS record, sub-domains included
dcv-method-caa-contact-email = E-mail to the CAA contact
dcv-method-txt-contact-email = E-mail to the DNS TXT contact
dcv-email-sunset = The e-mail methods: the CA/Browser Forum's Baseline Requirements say they should not be used since { $discouraged }, and from { $refused } they may not be used at all; validations made by e-mail stop counting that day. Prefer a DNS record or the HTTP file.
dcv-persist-heading = Persistent DNS record
dcv-persist-explain = Publish this TXT record once and leave it in place: each check reads it again, with no new value to publish. It names this certificate authority and your account, so it works for this account only. Each check counts for at most 10 days.
dcv-persist-record-name = Record name
dcv-persist-record-name-example = _validation-persist.<your domain>
dcv-persist-record-value-shape = { $issuer }; accounturi={ $uri }
dcv-persist-record-value = Record value
dcv-persist-issuer = Certificate authority (issuer)
dcv-persist-account-uri = Your account URI (accounturi)
dcv-persist-copy = Copy the value of { $what }
dcv-persist-wildcard-hint = Add "; policy=wildcard" to the value to cover the domain's sub-domains and wildcard certificates too; add "; persistUntil=" and a UNIX time to make the record stop counting then.
dcv-persist-why-syntax = it does not follow the issue-value syntax of RFC 8659 (issuer domain name, then "; name=value" parameters, no spaces inside values, no trailing semicolon)
dcv-persist-why-repeated = it gives { $parameter } more than once
dcv-persist-why-persist-until = its persistUntil is not a whole number of seconds since 1970
dcv-email-contact-explain = The validation e-mail goes to the addresses the domain publishes for this purpose; whoever reads one of them confirms with its link, which works for 30 days.
mpic-check-dns-persist = Persistent DNS record
mpic-check-acme-dns-persist-01 = ACME dns-persist-01
mpic-check-caa-contact-email = CAA contact address
mpic-check-txt-contact-email = DNS TXT contact address
err-dcv-method-not-offered = This validation method is not offered here. Choose another one.
err-dcv-persist-other-ca = The TXT records at { $name } name other certificate authorities ({ $issuers }), not this one.
err-dcv-persist-malformed = The record for this certificate authority at { $name } cannot be used: { $why }.
err-dcv-persist-no-accounturi = The record at { $name } has no accounturi parameter naming your account.
err-dcv-persist-other-account = The record at { $name } names another account ({ $uri }), not yours.
err-dcv-persist-expired = The record at { $name } stopped counting at { $until } (its persistUntil).
err-dcv-persist-not-wildcard = The record at { $name } lacks "; policy=wildcard", which sub-domains and wildcards need.
err-dcv-no-caa = No CAA records were found for { $name } or any domain above it.
err-dcv-no-caa-contact = The CAA records at { $name } name no usable contactemail address.
err-dcv-no-txt-contact = No usable e-mail address was found in the TXT records at { $name }.
track-dns-persist = Publish a TXT record at { $location } with this value and leave it in place, { $then }: { $value }
