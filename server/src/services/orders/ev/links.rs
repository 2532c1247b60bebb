//! Asking: the steps of an EV order stored when it is placed, and their links mailed once it
//! is paid (a draft or an order waiting for the account's approval asks nobody yet).

use app::i18n::{Lang, tr, tr_args};
use app::model::{AccountId, OrganizationId, ev::EvStep, ev::ValidSignatories};
use chrono::{DateTime, Duration, Utc};

use super::EV_LINK_DAYS;
use crate::{
    domain::secret_token::SecretToken,
    ports::Mail,
    services::{
        notifications,
        orders::{OrderError, OrderService},
    },
    store::{Db, OrderRow, Tx, ev_steps, orders, organizations},
};

/// The path of a step's link.
pub fn ev_link_path(token: &str) -> String {
    format!("/ev/{token}")
}

fn mail(
    lang: Lang,
    step: &ev_steps::EvStepRow,
    order: &OrderRow,
    names: &[String],
    organization: &str,
    link: &str,
) -> Mail {
    let (subject, body) = match *step.step {
        EvStep::RequesterConsent => ("mail-ev-consent-subject", "mail-ev-consent-body"),
        EvStep::SubscriberAgreement => ("mail-ev-agreement-subject", "mail-ev-agreement-body"),
        EvStep::Approval => ("mail-ev-approval-subject", "mail-ev-approval-body"),
    };
    let args = [
        ("id", order.id.to_string().into()),
        ("product", order.product_name.as_str().into()),
        ("names", names.join(", ").into()),
        ("organization", organization.into()),
        ("requester", order.requester_name.as_str().into()),
        ("link", link.into()),
        ("days", EV_LINK_DAYS.into()),
    ];
    Mail {
        to: step.email.clone(),
        to_name: Some(step.name.clone()),
        subject: tr_args(lang, subject, &args),
        text: format!(
            "{}\n\n{}\n\n{}\n",
            tr(lang, "mail-hello"),
            tr_args(lang, body, &args),
            tr(lang, "mail-signature")
        ),
    }
}

/// The legal name of the organization an order names (empty when it names none).
pub(super) async fn organization_name(
    db: &impl Db,
    order: &OrderRow,
) -> Result<String, OrderError> {
    Ok(match order.organization_id {
        Some(id) => organizations::get_usable(db, AccountId(order.account_id), OrganizationId(id))
            .await?
            .map(|o| o.legal_name)
            .unwrap_or_default(),
        None => String::new(),
    })
}

impl OrderService {
    /// Stores, in `tx`, what an EV order will ask of whom: the requester's consent, the
    /// contract signer's acceptance, the approver's approval.
    pub(in crate::services::orders) async fn add_ev_steps(
        &self,
        tx: &Tx,
        order: &OrderRow,
        who: &ValidSignatories,
        now: DateTime<Utc>,
    ) -> Result<(), OrderError> {
        let steps = [
            ev_steps::NewStep {
                order_id: order.id,
                account_id: order.account_id,
                step: EvStep::RequesterConsent,
                name: &order.requester_name,
                email: &order.requester_email,
            },
            ev_steps::NewStep {
                order_id: order.id,
                account_id: order.account_id,
                step: EvStep::SubscriberAgreement,
                name: &who.contract_signer.name,
                email: &who.contract_signer.email,
            },
            ev_steps::NewStep {
                order_id: order.id,
                account_id: order.account_id,
                step: EvStep::Approval,
                name: &who.approver.name,
                email: &who.approver.email,
            },
        ];
        ev_steps::add(tx, &steps, now).await?;
        Ok(())
    }

    /// Mails, in `tx`, a link for each step of `order` that has none yet: called wherever an
    /// EV order becomes paid (placing, approval, a paid draft, a reissue or names change), it
    /// asks each person once. Nothing for an order that is not EV.
    pub(in crate::services::orders) async fn send_ev_links(
        &self,
        tx: &Tx,
        order: &OrderRow,
        now: DateTime<Utc>,
    ) -> Result<(), OrderError> {
        let rows = ev_steps::of_order(tx, AccountId(order.account_id), order.id).await?;
        let open: Vec<_> = rows
            .into_iter()
            .filter(|r| r.answer.is_none() && r.token_hash.is_none())
            .collect();
        if open.is_empty() {
            return Ok(());
        }
        let names = orders::names(tx, order.id).await?;
        let organization = organization_name(tx, order).await?;
        let lang = crate::services::orders::mail_lang::order_lang(tx, order).await?;
        for row in &open {
            let mut bytes = [0u8; 32];
            self.random.fill(&mut bytes);
            let token = SecretToken::from_random(bytes);
            ev_steps::send_link(tx, row.id, &token.hash, now + Duration::days(EV_LINK_DAYS))
                .await?;
            let link = format!("{}{}", self.public_url, ev_link_path(&token.plain));
            notifications::queue(
                tx,
                &mail(lang, row, order, &names, &organization, &link),
                now,
            )
            .await?;
        }
        orders::add_event(
            tx,
            order.id,
            "Rootline",
            "EV links sent",
            &open
                .iter()
                .map(|r| {
                    format!(
                        "{} to {} <{}>",
                        r.step.as_str().replace('_', " "),
                        r.name,
                        r.email
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
            now,
        )
        .await?;
        Ok(())
    }
}
