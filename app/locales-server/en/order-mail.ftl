### The e-mails about orders, in the language of the person who placed the order (an approver
### reads theirs in their own).

mail-hello-name = Hello { $name },
mail-hello = Hello,

mail-order-why-additional = You get this as an additional recipient of the order { $requester } placed. Your link is a read-only view: it shows the order and downloads its certificate; the requester acts on the order with a link of their own.
mail-order-why-technical = You get this as the technical contact of the order { $requester } placed. Your link is a read-only view: it shows the order and downloads its certificate; the requester acts on the order with a link of their own.

mail-order-confirmation-subject = Order #{ $id } received: { $product }
mail-order-placed = Order #{ $id } for a { $product } certificate naming { $names } was placed on Rootline.
mail-order-confirmation-requester =
    { $placed }

    Follow its progress, choose how to prove control of the domains and submit the CSR (if it is still missing) on the order's tracking page:

    { $link }

    Keep this link to yourself: anyone with it can act on the order's validation.
mail-order-confirmation-viewer =
    { $placed }

    Follow its progress, and download the certificate once it is issued, on the order's tracking page:

    { $link }

mail-csr-received-subject = CSR received for order #{ $id }
mail-csr-received-body =
    The certificate signing request of order #{ $id } ({ $product }) was received. The certificate is issued as soon as nothing else is pending; follow it here:

    { $link }

mail-ready-subject = Your certificate for { $name } is ready
mail-ready-body-requester =
    The certificate of order #{ $id } ({ $product }) is issued. Download it from the order page in Rootline or from the tracking page until the certificate expires:

    { $link }
mail-ready-body-viewer =
    The certificate of order #{ $id } ({ $product }) is issued. Download it from the tracking page until the certificate expires:

    { $link }

mail-revoked-subject = Certificate of order #{ $id } revoked
mail-revoked-body =
    The certificate of order #{ $id } ({ $product }), serial { $serial }, was revoked.

    Reason: { $reason }
    Remarks: { $remarks }

    Relying parties now see it as revoked through the CRL and OCSP. Replace it wherever it is installed.

mail-reissue-subject = Reissue of order #{ $id } requested: order #{ $new }
mail-reissue-body = A reissue of the certificate of order #{ $id } ({ $product }) was requested ({ $reason }). The reissued certificate is order #{ $new }; you will hear when it is ready.

mail-names-changed-subject = Names of order #{ $id } changing: order #{ $new }
mail-names-changed-body = The names of the certificate of order #{ $id } ({ $product }) are changing ({ $summary }). The certificate with the new names is order #{ $new }; names it adds are validated first, and you will hear when it is ready.

mail-renewal-when = { $days ->
        [0] expires today
        [1] expires tomorrow
       *[other] expires in { $days } days
    }
mail-renewal-expired = expired { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago
mail-renewal-subject = Renewal reminder: the certificate for { $name } { $when }
mail-renewal-body = The certificate of order #{ $id } ({ $product }) { $when }. Renew it from the order page in Rootline (Renew Certificate).
mail-renewal-body-auto = The certificate of order #{ $id } ({ $product }) { $when }. Renew it from the order page in Rootline (Renew Certificate); auto-renew is on for this order.

mail-pin-subject = Certificate download PIN for order #{ $id }
mail-pin-body =
    { $requester } named you to download the certificate of order #{ $id } ({ $product }).

    Order number: { $id }
    PIN: { $pin }

    Download it here with the order number and the PIN:

    { $link }

    The PIN works for 30 days, and not after the certificate has expired. Keep the PIN to yourself.

mail-approval-subject = Order #{ $id } waits for your approval
mail-approval-body =
    { $requester } placed order #{ $id } for a { $product } certificate naming { $names }. It waits for an approver: nothing is charged or issued until someone approves it.

    Approve or reject it on the order's page:

    { $link }
mail-approval-body-no-names =
    { $requester } placed order #{ $id } for a { $product } certificate. It waits for an approver: nothing is charged or issued until someone approves it.

    Approve or reject it on the order's page:

    { $link }

mail-smime-confirmation-subject = Order #{ $id } received: { $product }
mail-smime-confirmation-link-sent =
    Order #{ $id } for a { $product } certificate was placed on Rootline.

    A verification link was sent to { $email } (unless that address was verified in the last 30 days). Open it to confirm control of the mailbox, then activate the certificate on the order's page:

    { $link }
mail-smime-confirmation-no-email =
    Order #{ $id } for a { $product } certificate was placed on Rootline.

    Provide the e-mail address for the certificate on the order's page:

    { $link }

mail-smime-verification-subject = Verify { $email } for an S/MIME certificate
mail-smime-verification-body =
    { $requester } asked Rootline for an S/MIME certificate for { $email } (order #{ $id }). A certificate authority must check that whoever controls this mailbox agrees, so we wrote to it.

    If you agree, open this link and press Verify:

    { $link }

    The link works for 24 hours. If you did not expect this, ignore this e-mail: no certificate is issued for this address without it.

mail-smime-issued-subject = Your S/MIME certificate for { $email } is ready
mail-smime-issued-body =
    The S/MIME certificate of order #{ $id } for { $email } is issued. Download it (PEM or DER, and the chain) or make a PKCS#12 file with your saved private key on the order's page:

    { $link }

mail-dcv-subject = Confirm control of { $domain } for a certificate
mail-dcv-body =
    Someone asked Rootline for a TLS certificate that names { $domain }. Certificate authorities must check that the domain's owner agrees, so we wrote to this address.

    If you agree, open this link and press Confirm:

    { $link }

    The link works for 24 hours. If you did not expect this, ignore this e-mail: nothing is issued without your confirmation.
mail-ev-consent-subject = Confirm your EV certificate request, order #{ $id }
mail-ev-consent-body = An EV certificate ({ $product }) for { $organization } covering { $names } was requested in your name. Confirm that you made this request, or say that you did not, at { $link } (the link works once, for { $days } days).
mail-ev-agreement-subject = The subscriber agreement for { $organization }'s EV certificate, order #{ $id }
mail-ev-agreement-body = { $requester } requested an EV certificate ({ $product }) for { $organization } covering { $names } and named you as the contract signer. Read the subscriber agreement and accept or decline it on the organization's behalf at { $link } (the link works once, for { $days } days).
mail-ev-approval-subject = Approve the EV certificate request for { $organization }, order #{ $id }
mail-ev-approval-body = { $requester } requested an EV certificate ({ $product }) for { $organization } covering { $names } and named you as the certificate approver. Approve the request, or reject it with a reason, at { $link } (the link works once, for { $days } days). If you are a user of the account, the request is also on its EV Request Approvals page.
mail-ev-rejected-subject = Your EV request, order #{ $id }, was rejected
mail-ev-rejected-body = { $who } answered "no" to the { $step }: { $reason } No certificate is issued for this request. Correct what is wrong and order again, or cancel the order for a refund.

## A partner rejected its sub-account's order.

mail-parent-rejected-subject = Order #{ $id } was rejected by { $partner }
mail-parent-rejected-body =
    { $partner }, who approves your account's orders, rejected order #{ $id } ({ $product } for { $names }).

    Reason: { $reason }

    Nothing was charged. Ask { $partner } if anything is unclear, or place a new order.
