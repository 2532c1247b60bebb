//! The order e-mails (seeds: order confirmation, CSR received, certificate ready, revocation,
//! reissue, renewal reminder, download PIN). Additional recipients and the technical contact
//! get copies of everything but the delegate's PIN; a mail with a tracking link is written to
//! each recipient with their own link (the requester's acts, the others' only read).

use app::{
    i18n::{FluentValue, Lang, tr, tr_args},
    model::orders::TrackingScope,
};

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

/// A number as text: Fluent would format a number argument for the locale, and an order
/// number is an identifier, not a quantity.
pub(super) fn id(n: i32) -> FluentValue<'static> {
    FluentValue::from(n.to_string())
}

/// The greeting, the body, an optional paragraph after it, and the signature.
pub(super) fn text(lang: Lang, name: Option<&str>, body: &str, after: Option<String>) -> String {
    let hello = match name {
        Some(name) => tr_args(lang, "mail-hello-name", &[("name", name.into())]),
        None => tr(lang, "mail-hello"),
    };
    let after = after.map(|a| format!("\n\n{a}")).unwrap_or_default();
    format!(
        "{hello}\n\n{body}{after}\n\n{}\n",
        tr(lang, "mail-signature")
    )
}

/// To the requester: the catalogue's `subject` and `body` with `args` (each takes the
/// arguments it names).
pub(super) fn letter(
    lang: Lang,
    order: &OrderRow,
    (subject, body): (&str, &str),
    args: &[(&'static str, FluentValue<'_>)],
) -> Mail {
    Mail {
        to: order.requester_email.clone(),
        to_name: Some(order.requester_name.clone()),
        subject: tr_args(lang, subject, args),
        text: text(
            lang,
            Some(&order.requester_name),
            &tr_args(lang, body, args),
            None,
        ),
    }
}

/// A mail to one recipient carrying their own tracking link: the requester's `body`, and for
/// the others why they get it and that their link only reads.
fn personal(lang: Lang, order: &OrderRow, to: &Recipient, subject: String, body: &str) -> Mail {
    let name = match to.role {
        Role::Requester => Some(order.requester_name.trim()),
        Role::Technical => Some(order.tech_name.trim()),
        Role::Additional => None,
    }
    .filter(|n| !n.is_empty());
    let requester = [(
        "requester",
        FluentValue::from(order.requester_name.as_str()),
    )];
    let why = match to.role {
        Role::Requester => None,
        Role::Additional => Some(tr_args(lang, "mail-order-why-additional", &requester)),
        Role::Technical => Some(tr_args(lang, "mail-order-why-technical", &requester)),
    };
    Mail {
        to: to.address.clone(),
        to_name: name.map(str::to_owned),
        subject,
        text: text(lang, name, body, why),
    }
}

pub(super) fn confirmation(
    lang: Lang,
    order: &OrderRow,
    names: &[String],
    to: &Recipient,
    link: &str,
) -> Mail {
    let placed = tr_args(
        lang,
        "mail-order-placed",
        &[
            ("id", id(order.id)),
            ("product", order.product_name.as_str().into()),
            ("names", names.join(", ").into()),
        ],
    );
    let key = match to.scope() {
        TrackingScope::Requester => "mail-order-confirmation-requester",
        TrackingScope::Viewer => "mail-order-confirmation-viewer",
    };
    let body = tr_args(
        lang,
        key,
        &[("placed", placed.into()), ("link", link.into())],
    );
    personal(
        lang,
        order,
        to,
        tr_args(
            lang,
            "mail-order-confirmation-subject",
            &[
                ("id", id(order.id)),
                ("product", order.product_name.as_str().into()),
            ],
        ),
        &body,
    )
}

pub(super) fn csr_received(lang: Lang, order: &OrderRow, to: &Recipient, link: &str) -> Mail {
    let args = [
        ("id", id(order.id)),
        ("product", order.product_name.as_str().into()),
        ("link", link.into()),
    ];
    personal(
        lang,
        order,
        to,
        tr_args(lang, "mail-csr-received-subject", &args),
        &tr_args(lang, "mail-csr-received-body", &args),
    )
}

pub(super) fn ready(
    lang: Lang,
    order: &OrderRow,
    names: &[String],
    to: &Recipient,
    link: &str,
) -> Mail {
    let key = match to.scope() {
        TrackingScope::Requester => "mail-ready-body-requester",
        TrackingScope::Viewer => "mail-ready-body-viewer",
    };
    let name = names
        .first()
        .map_or(order.product_name.as_str(), String::as_str);
    personal(
        lang,
        order,
        to,
        tr_args(lang, "mail-ready-subject", &[("name", name.into())]),
        &tr_args(
            lang,
            key,
            &[
                ("id", id(order.id)),
                ("product", order.product_name.as_str().into()),
                ("link", link.into()),
            ],
        ),
    )
}

pub(super) fn revoked(
    lang: Lang,
    order: &OrderRow,
    serial: &str,
    reason: &str,
    remarks: &str,
) -> Mail {
    letter(
        lang,
        order,
        ("mail-revoked-subject", "mail-revoked-body"),
        &[
            ("id", id(order.id)),
            ("product", order.product_name.as_str().into()),
            ("serial", serial.into()),
            ("reason", reason.into()),
            ("remarks", remarks.into()),
        ],
    )
}

pub(super) fn reissue(lang: Lang, order: &OrderRow, new_order: i32, reason: &str) -> Mail {
    letter(
        lang,
        order,
        ("mail-reissue-subject", "mail-reissue-body"),
        &[
            ("id", id(order.id)),
            ("new", id(new_order)),
            ("product", order.product_name.as_str().into()),
            ("reason", reason.into()),
        ],
    )
}

pub(super) fn names_changed(lang: Lang, order: &OrderRow, new_order: i32, summary: &str) -> Mail {
    letter(
        lang,
        order,
        ("mail-names-changed-subject", "mail-names-changed-body"),
        &[
            ("id", id(order.id)),
            ("new", id(new_order)),
            ("product", order.product_name.as_str().into()),
            ("summary", summary.into()),
        ],
    )
}

pub(super) fn renewal_reminder(
    lang: Lang,
    order: &OrderRow,
    names: &[String],
    days_left: i64,
) -> Mail {
    let when = if days_left >= 0 {
        tr_args(lang, "mail-renewal-when", &[("days", days_left.into())])
    } else {
        tr_args(
            lang,
            "mail-renewal-expired",
            &[("days", (-days_left).into())],
        )
    };
    let name = names
        .first()
        .map_or(order.product_name.as_str(), String::as_str);
    let body = if order.auto_renew {
        "mail-renewal-body-auto"
    } else {
        "mail-renewal-body"
    };
    letter(
        lang,
        order,
        ("mail-renewal-subject", body),
        &[
            ("name", name.into()),
            ("when", when.as_str().into()),
            ("id", id(order.id)),
            ("product", order.product_name.as_str().into()),
        ],
    )
}

pub(super) fn delegate_pin(
    lang: Lang,
    order: &OrderRow,
    delegate_name: &str,
    delegate_email: &str,
    pin: &str,
    download_url: &str,
) -> Mail {
    let args = [
        ("id", id(order.id)),
        ("product", order.product_name.as_str().into()),
        ("requester", order.requester_name.as_str().into()),
        ("pin", pin.into()),
        ("link", download_url.into()),
    ];
    Mail {
        to: delegate_email.to_owned(),
        to_name: Some(delegate_name.to_owned()),
        subject: tr_args(lang, "mail-pin-subject", &args),
        text: text(
            lang,
            Some(delegate_name),
            &tr_args(lang, "mail-pin-body", &args),
            None,
        ),
    }
}

/// To a user who may approve orders: an order waits for them, with the link to its page.
pub(super) fn awaits_approval(
    lang: Lang,
    order: &OrderRow,
    names: &[String],
    approver_name: &str,
    approver_email: &str,
    link: &str,
) -> Mail {
    let args = [
        ("id", id(order.id)),
        ("product", order.product_name.as_str().into()),
        ("requester", order.requester_name.as_str().into()),
        ("names", names.join(", ").into()),
        ("link", link.into()),
    ];
    let body = if names.is_empty() {
        "mail-approval-body-no-names"
    } else {
        "mail-approval-body"
    };
    Mail {
        to: approver_email.to_owned(),
        to_name: Some(approver_name.to_owned()),
        subject: tr_args(lang, "mail-approval-subject", &args),
        text: text(lang, Some(approver_name), &tr_args(lang, body, &args), None),
    }
}

/// To the requester: the partner rejected their sub-account's order, and why.
pub(super) fn rejected_by_partner(
    lang: Lang,
    order: &OrderRow,
    names: &[String],
    partner: &str,
    reason: &str,
) -> Mail {
    let args = [
        ("id", id(order.id)),
        ("product", order.product_name.as_str().into()),
        ("names", names.join(", ").into()),
        ("partner", partner.into()),
        ("reason", reason.into()),
    ];
    Mail {
        to: order.requester_email.clone(),
        to_name: Some(order.requester_name.clone()),
        subject: tr_args(lang, "mail-parent-rejected-subject", &args),
        text: text(
            lang,
            Some(&order.requester_name),
            &tr_args(lang, "mail-parent-rejected-body", &args),
            None,
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
            interim_certificate_id: None,
            interim_superseded_at: None,
            issue_error: None,
            reason: None,
            source: app::model::orders::OrderSource::Portal.into(),
            organization_id: None,
            partner_account_id: None,
            partner_price_minor: None,
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
        let mine = confirmation(
            Lang::En,
            &order,
            &names,
            &requester,
            "http://portal.test/track/mine",
        );
        assert_eq!(mine.to, "asha@example.com");
        assert!(mine.text.starts_with("Hello Asha,"), "{}", mine.text);
        assert!(mine.text.contains("/track/mine") && mine.text.contains("act on"));
        let theirs = confirmation(
            Lang::En,
            &order,
            &names,
            &copy,
            "http://portal.test/track/theirs",
        );
        assert_eq!(
            (theirs.to.as_str(), theirs.to_name.as_deref()),
            ("ops@example.com", None)
        );
        assert!(theirs.text.starts_with("Hello,"), "{}", theirs.text);
        assert!(theirs.text.contains("/track/theirs") && !theirs.text.contains("/track/mine"));
        assert!(theirs.text.contains("additional recipient") && theirs.text.contains("read-only"));
        let contact = ready(
            Lang::En,
            &order,
            &names,
            &tech,
            "http://portal.test/track/tech",
        );
        assert_eq!(contact.to_name.as_deref(), Some("Tech"));
        assert!(contact.text.contains("technical contact") && contact.text.contains("read-only"));
        assert!(!contact.text.contains("order page"), "{}", contact.text);
    }

    #[test]
    fn an_order_mail_reads_in_the_language_it_is_written_in() {
        let order = order();
        let names = ["shop.example.com".to_owned()];
        let copy = addressed(&order).remove(1);
        let mail = confirmation(
            Lang::Pl,
            &order,
            &names,
            &copy,
            "http://portal.test/track/x",
        );
        assert_eq!(mail.subject, "Przyjęto zamówienie nr 1: DV");
        assert!(mail.text.starts_with("Dzień dobry,"), "{}", mail.text);
        assert!(mail.text.contains("dodatkowy odbiorca"), "{}", mail.text);
        assert!(
            mail.text.trim_end().ends_with("-- Rootline"),
            "{}",
            mail.text
        );
    }

    #[test]
    fn a_renewal_reminder_counts_days_in_each_language() {
        let order = order();
        let names = ["shop.example.com".to_owned()];
        let subject = |lang, days| renewal_reminder(lang, &order, &names, days).subject;
        assert_eq!(
            subject(Lang::En, 30),
            "Renewal reminder: the certificate for shop.example.com expires in 30 days"
        );
        assert!(subject(Lang::En, 1).ends_with("expires tomorrow"));
        assert!(subject(Lang::En, -1).ends_with("expired 1 day ago"));
        assert!(subject(Lang::Pl, 30).ends_with("wygasa za 30 dni"));
        assert!(subject(Lang::Pl, 0).ends_with("wygasa dziś"));
        assert!(subject(Lang::Pl, -1).ends_with("wygasł 1 dzień temu"));
        assert!(subject(Lang::Pl, -5).ends_with("wygasł 5 dni temu"));
    }
}
