//! The S/MIME order's e-mails: the confirmation to the requester and the verification link
//! to the mailbox.

use crate::{ports::Mail, store::OrderRow};

pub(super) fn confirmation(order: &OrderRow, email: Option<&str>, page: &str) -> Mail {
    let next = match email {
        Some(email) => format!(
            "A verification link was sent to {email} (unless that address was verified in \
             the last 30 days). Open it to confirm control of the mailbox, then activate the \
             certificate on the order's page:"
        ),
        None => "Provide the e-mail address for the certificate on the order's page:".into(),
    };
    Mail {
        to: order.requester_email.clone(),
        to_name: Some(order.requester_name.clone()),
        subject: format!("Order #{} received: {}", order.id, order.product_name),
        text: format!(
            "Hello {},\n\n\
             Order #{} for a {} certificate was placed on Rootline.\n\n\
             {next}\n\n\
             {page}\n\n\
             -- Rootline\n",
            order.requester_name, order.id, order.product_name
        ),
    }
}

/// Sent to the mailbox being verified and to nobody else: reading it is the proof.
pub(super) fn verification(order: &OrderRow, email: &str, link: &str) -> Mail {
    Mail {
        to: email.to_owned(),
        to_name: None,
        subject: format!("Verify {email} for an S/MIME certificate"),
        text: format!(
            "Hello,\n\n\
             {} asked Rootline for an S/MIME certificate for {email} (order #{}). A \
             certificate authority must check that whoever controls this mailbox agrees, so \
             we wrote to it.\n\n\
             If you agree, open this link and press Verify:\n\n\
             {link}\n\n\
             The link works for 24 hours. If you did not expect this, ignore this e-mail: no \
             certificate is issued for this address without it.\n\n\
             -- Rootline\n",
            order.requester_name, order.id
        ),
    }
}

pub(super) fn issued(order: &OrderRow, email: &str, page: &str) -> Mail {
    Mail {
        to: order.requester_email.clone(),
        to_name: Some(order.requester_name.clone()),
        subject: format!("Your S/MIME certificate for {email} is ready"),
        text: format!(
            "Hello {},\n\n\
             The S/MIME certificate of order #{} for {email} is issued. Download it (PEM or \
             DER, and the chain) or make a PKCS#12 file with your saved private key on the \
             order's page:\n\n\
             {page}\n\n\
             -- Rootline\n",
            order.requester_name, order.id
        ),
    }
}
