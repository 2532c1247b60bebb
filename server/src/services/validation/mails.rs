//! The constructed e-mail of domain validation.

use crate::ports::Mail;

pub(super) fn constructed(to: &str, domain: &str, link: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        to_name: None,
        subject: format!("Confirm control of {domain} for a certificate"),
        text: format!(
            "Hello,\n\n\
             Someone asked Rootline for a TLS certificate that names {domain}. Certificate \
             authorities must check that the domain's owner agrees, so we wrote to this \
             address.\n\n\
             If you agree, open this link and press Confirm:\n\n\
             {link}\n\n\
             The link works for 24 hours. If you did not expect this, ignore this e-mail: \
             nothing is issued without your confirmation.\n\n\
             -- Rootline\n"
        ),
    }
}
