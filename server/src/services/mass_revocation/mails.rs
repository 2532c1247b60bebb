//! The subscribers' mail once a batch is done: one mail per person named on the revoked
//! certificates' orders (the requester, the additional recipients, the technical contact),
//! listing every certificate of that account revoked for them, in the language of the user
//! who placed the first of those orders. A certificate with no order (issued from the
//! command line) has no subscriber to write to.

use std::collections::BTreeMap;

use app::i18n::{FluentValue, Lang, tr, tr_args};
use app::model::revocations::reason_key;

use super::{MassRevocationError, MassRevocationService, search::names_of};
use crate::{
    ports::Mail,
    store::{
        OrderRow,
        revocation_batches::{self, BatchRow},
        users,
    },
};

/// Who hears about an order: its requester, the additional recipients and the technical
/// contact, each once.
fn recipients(order: &OrderRow) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    let named = |name: &str| Some(name.trim().to_owned()).filter(|n| !n.is_empty());
    let all = std::iter::once((order.requester_email.as_str(), named(&order.requester_name)))
        .chain(order.extra_emails.split(',').map(|a| (a, None)))
        .chain(std::iter::once((
            order.tech_email.as_str(),
            named(&order.tech_name),
        )));
    for (address, name) in all {
        let address = address.trim();
        if !address.is_empty() && !out.iter().any(|(a, _)| a.eq_ignore_ascii_case(address)) {
            out.push((address.to_owned(), name));
        }
    }
    out
}

/// One person's mail as it is gathered.
struct Letter {
    name: Option<String>,
    lang: Lang,
    lines: Vec<String>,
}

impl MassRevocationService {
    pub(super) async fn subscriber_mails(
        &self,
        batch: &BatchRow,
        revoked: &[i32],
    ) -> Result<Vec<Mail>, MassRevocationError> {
        let certs = revocation_batches::certificates_for_operator(&self.store, revoked).await?;
        let orders = revocation_batches::orders_holding_for_operator(&self.store, revoked).await?;
        // (account, address in lower case) → the letter: one per person and account.
        let mut letters: BTreeMap<(i32, String), Letter> = BTreeMap::new();
        let mut langs: BTreeMap<i32, Lang> = BTreeMap::new();
        for cert in &certs {
            let Some(order) = orders.iter().find(|o| {
                o.certificate_id == Some(cert.id) || o.interim_certificate_id == Some(cert.id)
            }) else {
                continue;
            };
            let lang = match langs.get(&order.placed_by) {
                Some(lang) => *lang,
                None => {
                    let lang = users::find(&self.store, order.placed_by)
                        .await?
                        .and_then(|u| u.lang)
                        .map(|l| l.into_inner())
                        .unwrap_or_default();
                    langs.insert(order.placed_by, lang);
                    lang
                }
            };
            for (address, name) in recipients(order) {
                let letter = letters
                    .entry((order.account_id, address.to_ascii_lowercase()))
                    .or_insert_with(|| Letter {
                        name,
                        lang,
                        lines: Vec::new(),
                    });
                letter.lines.push(tr_args(
                    letter.lang,
                    "mail-mass-revoked-line",
                    &[
                        ("id", FluentValue::from(order.id.to_string())),
                        ("product", order.product_name.as_str().into()),
                        ("names", names_of(cert).join(", ").into()),
                        ("serial", cert.serial_hex.as_str().into()),
                    ],
                ));
            }
        }
        Ok(letters
            .into_iter()
            .map(|((_, address), letter)| {
                let lang = letter.lang;
                let reason = reason_key(batch.reason.as_str())
                    .map_or_else(|| batch.reason.as_str().to_owned(), |key| tr(lang, key));
                let count = letter.lines.len();
                let hello = match &letter.name {
                    Some(name) => {
                        tr_args(lang, "mail-hello-name", &[("name", name.as_str().into())])
                    }
                    None => tr(lang, "mail-hello"),
                };
                let body = tr_args(
                    lang,
                    "mail-mass-revoked-body",
                    &[
                        ("count", FluentValue::from(count)),
                        ("list", letter.lines.join("\n").into()),
                        ("reason", reason.into()),
                        ("comment", batch.comment.as_str().into()),
                    ],
                );
                Mail {
                    to: address,
                    to_name: letter.name,
                    subject: tr_args(
                        lang,
                        "mail-mass-revoked-subject",
                        &[("count", FluentValue::from(count))],
                    ),
                    text: format!("{hello}\n\n{body}\n\n{}\n", tr(lang, "mail-signature")),
                }
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_person_on_an_order_is_written_to_once_with_their_name_where_known() {
        let at = chrono::Utc::now();
        let order = OrderRow {
            id: 7,
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
            key_source: app::model::orders::KeySource::Paste.into(),
            requester_name: "Asha Rao".into(),
            requester_email: "asha@acme.example".into(),
            requester_phone: String::new(),
            tags: String::new(),
            remarks: String::new(),
            tech_name: " ".into(),
            tech_email: "OPS@acme.example".into(),
            extra_emails: "ops@acme.example, , cfo@acme.example".into(),
            auto_renew: false,
            template_values: String::new(),
            certificate_id: Some(3),
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
        };
        assert_eq!(
            recipients(&order),
            [
                ("asha@acme.example".to_owned(), Some("Asha Rao".to_owned())),
                ("ops@acme.example".to_owned(), None),
                ("cfo@acme.example".to_owned(), None),
            ]
        );
    }
}
