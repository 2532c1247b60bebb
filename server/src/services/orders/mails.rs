//! The order e-mails: confirmation with the tracking link, and certificate ready.

use crate::{ports::Mail, store::OrderRow};

/// The same mail to another address.
pub(super) fn to(mail: &Mail, address: &str) -> Mail {
    Mail {
        to: address.to_owned(),
        to_name: None,
        ..mail.clone()
    }
}

pub(super) fn confirmation(order: &OrderRow, names: &[String], tracking: &str) -> Mail {
    Mail {
        to: order.requester_email.clone(),
        to_name: Some(order.requester_name.clone()),
        subject: format!("Order #{} received: {}", order.id, order.product_name),
        text: format!(
            "Hello {},\n\n\
             Order #{} for a {} certificate naming {} was placed on Rootline.\n\n\
             Follow its progress, choose how to prove control of the domains and submit \
             the CSR (if it is still missing) on the order's tracking page:\n\n\
             {tracking}\n\n\
             Keep this link to yourself: anyone with it can act on the order's validation.\n\n\
             -- Rootline\n",
            order.requester_name,
            order.id,
            order.product_name,
            names.join(", ")
        ),
    }
}

pub(super) fn ready(order: &OrderRow, names: &[String], tracking: &str) -> Mail {
    Mail {
        to: order.requester_email.clone(),
        to_name: Some(order.requester_name.clone()),
        subject: format!(
            "Your certificate for {} is ready",
            names.first().map(String::as_str).unwrap_or("your order")
        ),
        text: format!(
            "Hello {},\n\n\
             The certificate of order #{} ({}) is issued. Download it from the order page \
             in Rootline or from the tracking page:\n\n\
             {tracking}\n\n\
             -- Rootline\n",
            order.requester_name, order.id, order.product_name
        ),
    }
}
