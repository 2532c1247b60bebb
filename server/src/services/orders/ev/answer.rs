//! Answering: through a step's link (the link is the only key) or, for the certificate
//! approver who is a user of the account, on the EV Request Approvals page. Either way the
//! answer is written once, recorded in the order's history and the audit log with its time
//! and address, and an order whose three answers are all yes issues at once.

use app::i18n::{Lang, Msg, tr, tr_args};
use app::model::{
    FieldErrors,
    ev::{EvAnswer, EvLinkView, EvStep, parse_answer},
    legal::LegalDocumentKind,
};

use super::{EvGate, links::organization_name};
use crate::{
    domain::secret_token::{hash_token, looks_like_token},
    ports::Mail,
    services::{
        audit::{self, AuditEntry},
        notifications,
        orders::{OrderError, OrderService},
    },
    store::{OrderRow, ev_steps, legal, orders},
};

/// Who answered, as the records name them.
pub(super) struct Answerer {
    /// The link's client address, when it came through the link.
    pub ip: Option<String>,
    /// The signed-in user, when it came through the portal.
    pub user_id: Option<i32>,
}

fn rejected_mail(lang: Lang, order: &OrderRow, row: &ev_steps::EvStepRow) -> Mail {
    let args = [
        ("id", order.id.to_string().into()),
        ("who", format!("{} <{}>", row.name, row.email).into()),
        ("step", tr(lang, row.step.key()).into()),
        ("reason", row.reason.as_str().into()),
    ];
    Mail {
        to: order.requester_email.clone(),
        to_name: Some(order.requester_name.clone()),
        subject: tr_args(lang, "mail-ev-rejected-subject", &args),
        text: format!(
            "{}\n\n{}\n\n{}\n",
            tr(lang, "mail-hello"),
            tr_args(lang, "mail-ev-rejected-body", &args),
            tr(lang, "mail-signature")
        ),
    }
}

impl OrderService {
    /// The step behind a link while it works; an unknown or expired link is not found. An
    /// answered step's link only says how it was answered.
    async fn live_step(&self, token: &str) -> Result<ev_steps::EvStepRow, OrderError> {
        if !looks_like_token(token) {
            return Err(OrderError::NotFound);
        }
        let row = ev_steps::by_token(&self.store, &hash_token(token))
            .await?
            .ok_or(OrderError::NotFound)?;
        if row.answer.is_none() && row.expires_at <= self.clock.now() {
            return Err(OrderError::NotFound);
        }
        Ok(row)
    }

    /// What a step's link shows: the order, the organization, and for the contract signer the
    /// subscriber agreement in force.
    pub async fn ev_link(&self, token: &str) -> Result<EvLinkView, OrderError> {
        let row = self.live_step(token).await?;
        let order = orders::get(&self.store, row.account_id, row.order_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let agreement = match *row.step {
            EvStep::SubscriberAgreement => {
                legal::current(&self.store, LegalDocumentKind::SubscriberAgreement)
                    .await?
                    .map(|d| (d.version, d.title, d.body))
            }
            _ => None,
        };
        Ok(EvLinkView {
            order_id: order.id,
            product: order.product_name.clone(),
            names: orders::names(&self.store, order.id).await?,
            organization: organization_name(&self.store, &order).await?,
            requester: order.requester_name.clone(),
            step: *row.step,
            name: row.name.clone(),
            agreement,
            answer: row.answer.map(|a| *a),
        })
    }

    /// The answer posted through a step's link. The contract signer accepts the agreement
    /// version the page showed; one published since is refused, to be read first.
    pub async fn answer_ev_link(
        &self,
        token: &str,
        answer: &str,
        reason: &str,
        agreement_version: i32,
        ip: Option<String>,
    ) -> Result<EvAnswer, OrderError> {
        let row = self.live_step(token).await?;
        if row.answer.is_some() {
            return Err(OrderError::Refused(Msg::new("err-ev-answered-already")));
        }
        let (answer, reason) = parse_answer(answer, reason).map_err(OrderError::Invalid)?;
        self.record_ev_answer(
            row,
            answer,
            &reason,
            agreement_version,
            Answerer { ip, user_id: None },
        )
        .await?;
        Ok(answer)
    }

    /// Writes an answer, tells the requester of a rejection, and issues the order when its
    /// three answers are all yes.
    pub(super) async fn record_ev_answer(
        &self,
        row: ev_steps::EvStepRow,
        answer: EvAnswer,
        reason: &str,
        agreement_version: i32,
        by: Answerer,
    ) -> Result<(), OrderError> {
        let order = orders::get(&self.store, row.account_id, row.order_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let agreement = match (*row.step, answer) {
            (EvStep::SubscriberAgreement, EvAnswer::Approved) => {
                let current =
                    legal::current(&self.store, LegalDocumentKind::SubscriberAgreement).await?;
                match current {
                    Some(d) if d.version == agreement_version => Some((d.version, d.body)),
                    Some(_) => {
                        return Err(OrderError::Invalid(FieldErrors::single(
                            "agreement_version",
                            Msg::new("err-ev-agreement-changed"),
                        )));
                    }
                    None => {
                        return Err(OrderError::Refused(Msg::new("err-ev-no-agreement")));
                    }
                }
            }
            _ => None,
        };
        let from = match (&by.ip, by.user_id) {
            (_, Some(_)) => format!("signed in as {}", row.email),
            (Some(ip), None) => format!("link mailed to {}, from {ip}", row.email),
            (None, None) => format!("link mailed to {}", row.email),
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let written = ev_steps::answer(
            &tx,
            row.id,
            ev_steps::Answer {
                answer,
                reason,
                from: &from,
                agreement: agreement.as_ref().map(|(v, t)| (*v, t.as_str())),
            },
            now,
        )
        .await?;
        if !written {
            return Err(OrderError::Refused(Msg::new("err-ev-answered-already")));
        }
        let what = row.step.as_str().replace('_', " ");
        let detail = match (answer, &agreement) {
            (EvAnswer::Rejected, _) => {
                format!("{what} rejected by {} ({from}): {reason}", row.name)
            }
            (EvAnswer::Approved, Some((v, _))) => {
                format!("{what}: version {v} accepted by {} ({from})", row.name)
            }
            (EvAnswer::Approved, None) => format!("{what} given by {} ({from})", row.name),
        };
        orders::add_event(&tx, order.id, &row.name, "EV answer", &detail, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(order.account_id),
                user_id: by.user_id,
                ip: by.ip.clone(),
                module: "orders",
                action: "ev_answer",
                summary: format!("EV order #{}: {detail}", order.id),
            },
        )
        .await?;
        if answer == EvAnswer::Rejected {
            let why = format!("The EV request was rejected: {detail}.");
            orders::set_issue_error(&tx, order.account_id, order.id, Some(&why)).await?;
            let lang = crate::services::orders::mail_lang::order_lang(&tx, &order).await?;
            let mut answered = row.clone();
            answered.reason = reason.to_owned();
            notifications::queue(&tx, &rejected_mail(lang, &order, &answered), now).await?;
        }
        self.commit_and_send(tx).await?;
        if answer == EvAnswer::Approved && self.ev_gate(&order).await? == EvGate::Ready {
            self.try_issue(order.account_id, order.id, &row.name)
                .await?;
        }
        Ok(())
    }
}
