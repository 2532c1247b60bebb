# The subscribers' mail once an operator's mass revocation is done.
mail-mass-revoked-subject = { $count ->
        [one] A certificate was revoked by the certificate authority
       *[other] { $count } certificates were revoked by the certificate authority
    }
mail-mass-revoked-line = - order #{ $id } ({ $product }): { $names }, serial { $serial }
mail-mass-revoked-body =
    The certificate authority revoked these certificates:

    { $list }

    Reason: { $reason }
    Comment: { $comment }

    Relying parties now see them as revoked through the CRL and OCSP, and ACME clients that ask for renewal information are told to renew now. Replace them wherever they are installed.
