//! The order e-mails (seeds: order confirmation, CSR received, certificate ready, revocation,
//! reissue, renewal reminder, download PIN). Additional recipients and the technical contact
//! get copies of everything but the delegate's PIN; a mail with a tracking link is written to
//! each recipient with their own link (the requester's acts, the others' only read).

use app::model::orders::TrackingScope;

use crate::{ports::Mail, store::OrderRow};

/// The same mail to another address.
pub(super) fn to(mail: &Mail, address: &str) -> Mail {
    Mail {
        to: address.to_owned(),
        to_name: None,
        ..mail.clone()
    }
}

/// Why someone hears about an order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Requester,
    Additional,
    Technical,
}

/// One recipient of an order's mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Recipient {
    pub address: String,
    pub role: Role,
}

impl Recipient {
    /// What their tracking link may do.
    pub fn scope(&self) -> TrackingScope {
        match self.role {
            Role::Requester => TrackingScope::Requester,
            Role::Additional | Role::Technical => TrackingScope::Viewer,
        }
    }
}

/// Who hears about an order, each once, first as whom: the requester, the additional
/// recipients and the technical contact.
pub(super) fn addressed(order: &OrderRow) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    let all = std::iter::once((order.requester_email.as_str(), Role::Requester))
        .chain(order.extra_emails.split(',').map(|a| (a, Role::Additional)))
        .chain(std::iter::once((
            order.tech_email.as_str(),
            Role::Technical,
        )));
    for (address, role) in all.map(|(a, role)| (a.trim(), role)) {
        if !address.is_empty() && !out.iter().any(|o| o.address.eq_ignore_ascii_case(address)) {
            out.push(Recipient {
                address: address.to_owned(),
                role,
            });
        }
    }
    out
}

/// The addresses of `addressed`.
pub(super) fn recipients(order: &OrderRow) -> Vec<String> {
    addressed(order).into_iter().map(|r| r.address).collect()
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

/// A mail to one recipient carrying their own tracking link: the requester's `body`, and for
/// the others why they get it and that their link only reads.
fn personal(order: &OrderRow, to: &Recipient, subject: String, body: &str) -> Mail {
    let name = match to.role {
        Role::Requester => Some(order.requester_name.trim()),
        Role::Technical => Some(order.tech_name.trim()),
        Role::Additional => None,
    }
    .filter(|n| !n.is_empty());
    let why = match to.role {
        Role::Requester => String::new(),
        Role::Additional => format!(
            "\n\nYou get this as an additional recipient of the order {} placed. Your link \
             is a read-only view: it shows the order and downloads its certificate; the \
             requester acts on the order with a link of their own.",
            order.requester_name
        ),
        Role::Technical => format!(
            "\n\nYou get this as the technical contact of the order {} placed. Your link \
             is a read-only view: it shows the order and downloads its certificate; the \
             requester acts on the order with a link of their own.",
            order.requester_name
        ),
    };
    Mail {
        to: to.address.clone(),
        to_name: name.map(str::to_owned),
        subject,
        text: format!(
            "Hello{},\n\n{body}{why}\n\n-- Rootline\n",
            name.map(|n| format!(" {n}")).unwrap_or_default()
        ),
    }
}

pub(super) fn confirmation(order: &OrderRow, names: &[String], to: &Recipient, link: &str) -> Mail {
    let placed = format!(
        "Order #{} for a {} certificate naming {} was placed on Rootline.",
        order.id,
        order.product_name,
        names.join(", ")
    );
    let body = match to.scope() {
        TrackingScope::Requester => format!(
            "{placed}\n\n\
             Follow its progress, choose how to prove control of the domains and submit \
             the CSR (if it is still missing) on the order's tracking page:\n\n\
             {link}\n\n\
             Keep this link to yourself: anyone with it can act on the order's validation."
        ),
        TrackingScope::Viewer => format!(
            "{placed}\n\n\
             Follow its progress, and download the certificate once it is issued, on the \
             order's tracking page:\n\n{link}"
        ),
    };
    personal(
        order,
        to,
        format!("Order #{} received: {}", order.id, order.product_name),
        &body,
    )
}

pub(super) fn csr_received(order: &OrderRow, to: &Recipient, link: &str) -> Mail {
    personal(
        order,
        to,
        format!("CSR received for order #{}", order.id),
        &format!(
            "The certificate signing request of order #{} ({}) was received. The certificate \
             is issued as soon as nothing else is pending; follow it here:\n\n{link}",
            order.id, order.product_name
        ),
    )
}

pub(super) fn ready(order: &OrderRow, names: &[String], to: &Recipient, link: &str) -> Mail {
    let from = match to.scope() {
        TrackingScope::Requester => "from the order page in Rootline or ",
        TrackingScope::Viewer => "",
    };
    personal(
        order,
        to,
        format!(
            "Your certificate for {} is ready",
            names.first().map(String::as_str).unwrap_or("your order")
        ),
        &format!(
            "The certificate of order #{} ({}) is issued. Download it {from}from the tracking \
             page until the certificate expires:\n\n{link}",
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
             The PIN works for 30 days, and not after the certificate has expired. \
             Keep the PIN to yourself.\n\n-- Rootline\n",
            order.requester_name, order.id, order.product_name, order.id
        ),
    }
}

/// To a user who may approve orders: an order waits for them, with the link to its page.
pub(super) fn awaits_approval(
    order: &OrderRow,
    names: &[String],
    approver_name: &str,
    approver_email: &str,
    link: &str,
) -> Mail {
    let named = if names.is_empty() {
        String::new()
    } else {
        format!(" naming {}", names.join(", "))
    };
    Mail {
        to: approver_email.to_owned(),
        to_name: Some(approver_name.to_owned()),
        subject: format!("Order #{} waits for your approval", order.id),
        text: format!(
            "Hello {approver_name},\n\n\
             {} placed order #{} for a {} certificate{named}. It waits for an approver: \
             nothing is charged or issued until someone approves it.\n\n\
             Approve or reject it on the order's page:\n\n{link}\n\n-- Rootline\n",
            order.requester_name, order.id, order.product_name
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order() -> OrderRow {
        let at = chrono::Utc::now();
        OrderRow {
            id: 1,
            account_id: 1,
            group_id: 1,
            placed_by: 1,
            product_id: 1,
            product_name: "DV".into(),
            product_kind: app::model::products::ProductKind::DvSingle.into(),
            profile: "tls-dv".into(),
            private_ca: None,
            validity_days: 90,
            price_minor: 0,
            currency: app::model::Currency::Usd.into(),
            status: app::model::order_status::OrderStatus::Fulfilled.into(),
            csr_pem: None,
            key_source: app::model::orders::KeySource::Later.into(),
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
            certificate_id: None,
            issue_error: None,
            reason: None,
            source: app::model::orders::OrderSource::Portal.into(),
            created_at: at,
            updated_at: at,
        }
    }

    #[test]
    fn recipients_are_the_requester_extras_and_tech_contact_once_each() {
        let order = order();
        assert_eq!(
            recipients(&order),
            ["asha@example.com", "ops@example.com", "tech@example.com"]
        );
    }

    #[test]
    fn only_the_requester_gets_a_link_that_acts() {
        let mut order = order();
        order.tech_email = "OPS@example.com".into();
        let to = addressed(&order);
        assert_eq!(
            to.iter()
                .map(|r| (r.address.as_str(), r.role, r.scope()))
                .collect::<Vec<_>>(),
            [
                (
                    "asha@example.com",
                    Role::Requester,
                    TrackingScope::Requester
                ),
                ("ops@example.com", Role::Additional, TrackingScope::Viewer),
            ],
            "an address named twice is written to once, as what it was named first"
        );
    }

    #[test]
    fn each_recipient_reads_their_own_link_and_what_it_may_do() {
        let order = order();
        let names = ["shop.example.com".to_owned()];
        let [requester, copy, tech] = [0, 1, 2].map(|i| addressed(&order).remove(i));
        let mine = confirmation(&order, &names, &requester, "http://portal.test/track/mine");
        assert_eq!(mine.to, "asha@example.com");
        assert!(mine.text.starts_with("Hello Asha,"), "{}", mine.text);
        assert!(mine.text.contains("/track/mine") && mine.text.contains("act on"));
        let theirs = confirmation(&order, &names, &copy, "http://portal.test/track/theirs");
        assert_eq!(
            (theirs.to.as_str(), theirs.to_name.as_deref()),
            ("ops@example.com", None)
        );
        assert!(theirs.text.starts_with("Hello,"), "{}", theirs.text);
        assert!(theirs.text.contains("/track/theirs") && !theirs.text.contains("/track/mine"));
        assert!(theirs.text.contains("additional recipient") && theirs.text.contains("read-only"));
        let contact = ready(&order, &names, &tech, "http://portal.test/track/tech");
        assert_eq!(contact.to_name.as_deref(), Some("Tech"));
        assert!(contact.text.contains("technical contact") && contact.text.contains("read-only"));
        assert!(!contact.text.contains("order page"), "{}", contact.text);
    }
}
