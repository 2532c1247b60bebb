### The e-mail to a DNS contact (TLS BR 3.2.2.4.13, 3.2.2.4.14).

mail-dcv-contact-in-caa = the contactemail property of the CAA records of { $domain } or a domain above it
mail-dcv-contact-in-txt = the TXT records at { $record }
mail-dcv-contact-body =
    Someone asked Rootline for a TLS certificate that names { $domain }. Certificate authorities must check that the domain's owner agrees; this address is published for that purpose in { $found_in }, so we wrote to it.

    If you agree, open this link and press Confirm:

    { $link }

    The link works for 30 days. If you did not expect this, ignore this e-mail: nothing is issued without your confirmation.
