//! The order e-mails (seeds: order confirmation, CSR received, certificate ready, revocation,
//! reissue, renewal reminder, download PIN). Additional recipients and the technical contact
//! get copies of everything but the delegate's PIN.

use crate::{ports::Mail, store::OrderRow};

/// The same mail to another address.
pub(super) fn to(mail: &Mail, address: &str) -> Mail {
    Mail {
        to: address.to_owned(),
        to_name: None,
        ..mail.clone()
    }
}

/// Who hears about an order: the requester, the additional recipients and the technical
/// contact, each once.
pub(super) fn recipients(order: &OrderRow) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let all = std::iter::once(order.requester_email.as_str())
        .chain(order.extra_emails.split(','))
        .chain(std::iter::once(order.tech_email.as_str()));
    for address in all.map(str::trim).filter(|a| !a.is_empty()) {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(address)) {
            out.push(address.to_owned());
        }
    }
    out
}

/// Queues `mail` to every recipient of the order in `tx`.
pub(super) async fn queue_all(
    tx: &crate::store::Tx,
    order: &OrderRow,
    mail: &Mail,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<(), crate::store::StoreError> {
    for address in recipients(order) {
        crate::services::notifications::queue(tx, &to(mail, &address), at).await?;
    }
    Ok(())
}

fn letter(order: &OrderRow, subject: String, body: &str) -> Mail {
    Mail {
        to: order.requester_email.clone(),
        to_name: Some(order.requester_name.clone()),
        subject,
        text: format!("Hello {},\n\n{body}\n\n-- Rootline\n", order.requester_name),
    }
}

pub(super) fn confirmation(order: &OrderRow, names: &[String], tracking: &str) -> Mail {
    letter(
        order,
        format!("Order #{} received: {}", order.id, order.product_name),
        &format!(
            "Order #{} for a {} certificate naming {} was placed on Rootline.\n\n\
             Follow its progress, choose how to prove control of the domains and submit \
             the CSR (if it is still missing) on the order's tracking page:\n\n\
             {tracking}\n\n\
             Keep this link to yourself: anyone with it can act on the order's validation.",
            order.id,
            order.product_name,
            names.join(", ")
        ),
    )
}

pub(super) fn csr_received(order: &OrderRow, tracking: &str) -> Mail {
    letter(
        order,
        format!("CSR received for order #{}", order.id),
        &format!(
            "The certificate signing request of order #{} ({}) was received. The certificate \
             is issued as soon as nothing else is pending; follow it here:\n\n{tracking}",
            order.id, order.product_name
        ),
    )
}

pub(super) fn ready(order: &OrderRow, names: &[String], tracking: &str) -> Mail {
    letter(
        order,
        format!(
            "Your certificate for {} is ready",
            names.first().map(String::as_str).unwrap_or("your order")
        ),
        &format!(
            "The certificate of order #{} ({}) is issued. Download it from the order page \
             in Rootline or from the tracking page:\n\n{tracking}",
            order.id, order.product_name
        ),
    )
}

pub(super) fn revoked(order: &OrderRow, serial: &str, reason: &str, remarks: &str) -> Mail {
    letter(
        order,
        format!("Certificate of order #{} revoked", order.id),
        &format!(
            "The certificate of order #{} ({}), serial {serial}, was revoked.\n\n\
             Reason: {reason}\nRemarks: {remarks}\n\n\
             Relying parties now see it as revoked through the CRL and OCSP. Replace it \
             wherever it is installed.",
            order.id, order.product_name
        ),
    )
}

pub(super) fn reissue(order: &OrderRow, new_order: i32, reason: &str) -> Mail {
    letter(
        order,
        format!(
            "Reissue of order #{} requested: order #{new_order}",
            order.id
        ),
        &format!(
            "A reissue of the certificate of order #{} ({}) was requested ({reason}). \
             The reissued certificate is order #{new_order}; you will hear when it is ready.",
            order.id, order.product_name
        ),
    )
}

pub(super) fn names_changed(order: &OrderRow, new_order: i32, summary: &str) -> Mail {
    letter(
        order,
        format!("Names of order #{} changing: order #{new_order}", order.id),
        &format!(
            "The names of the certificate of order #{} ({}) are changing ({summary}). \
             The certificate with the new names is order #{new_order}; names it adds are \
             validated first, and you will hear when it is ready.",
            order.id, order.product_name
        ),
    )
}

pub(super) fn renewal_reminder(order: &OrderRow, names: &[String], days_left: i64) -> Mail {
    let when = match days_left {
        d if d > 1 => format!("expires in {d} days"),
        1 => "expires tomorrow".to_owned(),
        0 => "expires today".to_owned(),
        d => format!("expired {} days ago", -d),
    };
    letter(
        order,
        format!(
            "Renewal reminder: the certificate for {} {when}",
            names.first().map(String::as_str).unwrap_or("your order")
        ),
        &format!(
            "The certificate of order #{} ({}) {when}. Renew it from the order page in \
             Rootline (Renew Certificate){}.",
            order.id,
            order.product_name,
            if order.auto_renew {
                "; auto-renew is on for this order"
            } else {
                ""
            }
        ),
    )
}

pub(super) fn delegate_pin(
    order: &OrderRow,
    delegate_name: &str,
    delegate_email: &str,
    pin: &str,
    download_url: &str,
) -> Mail {
    Mail {
        to: delegate_email.to_owned(),
        to_name: Some(delegate_name.to_owned()),
        subject: format!("Certificate download PIN for order #{}", order.id),
        text: format!(
            "Hello {delegate_name},\n\n\
             {} named you to download the certificate of order #{} ({}).\n\n\
             Order number: {}\nPIN: {pin}\n\n\
             Download it here with the order number and the PIN:\n\n{download_url}\n\n\
             Keep the PIN to yourself.\n\n-- Rootline\n",
            order.requester_name, order.id, order.product_name, order.id
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_are_the_requester_extras_and_tech_contact_once_each() {
        let at = chrono::Utc::now();
        let order = OrderRow {
            id: 1,
            account_id: 1,
            group_id: 1,
            placed_by: 1,
            product_id: 1,
            product_name: "DV".into(),
            product_kind: "dv_single".into(),
            profile: "tls-dv".into(),
            private_ca: None,
            validity_days: 90,
            price_minor: 0,
            currency: "USD".into(),
            status: "fulfilled".into(),
            csr_pem: None,
            key_source: "later".into(),
            requester_name: "Asha".into(),
            requester_email: "asha@example.com".into(),
            requester_phone: String::new(),
            tags: String::new(),
            remarks: String::new(),
            tech_name: "Tech".into(),
            tech_email: "tech@example.com".into(),
            extra_emails: "ops@example.com, Asha@example.com ,".into(),
            auto_renew: false,
            template_values: "[]".into(),
            tracking_token: "t".into(),
            certificate_id: None,
            issue_error: None,
            reason: None,
            source: "Portal".into(),
            created_at: at,
            updated_at: at,
        };
        assert_eq!(
            recipients(&order),
            ["asha@example.com", "ops@example.com", "tech@example.com"]
        );
    }
}
