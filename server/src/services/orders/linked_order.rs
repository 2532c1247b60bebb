//! The order a reissue or a names change makes: a copy of the original's product, people and
//! settings with a new CSR (and names), ending when the original certificate ends, since
//! both replace a certificate rather than extend its coverage. Its download delegate carries
//! over.

use app::model::{
    AccountId,
    ev::{EvStep, Signatory, ValidSignatories},
    order_status::OrderStatus,
    orders::{KeySource, TrackingScope},
};
use chrono::{DateTime, Utc};

use super::{OrderError, OrderService};
use crate::{
    services::identity::Caller,
    store::{CertificateRow, OrderRow, Tx, delegates, ev_steps, orders},
};

/// What differs from the original.
pub(super) struct LinkedOrder<'a> {
    pub csr_pem: &'a str,
    pub names: &'a [String],
    pub price_minor: i64,
    pub remarks: &'a str,
}

impl OrderService {
    /// Inserts the linked order in `tx`; the new row and its requester's tracking token.
    pub(super) async fn insert_linked(
        &self,
        tx: &Tx,
        caller: &Caller,
        original: &OrderRow,
        cert: &CertificateRow,
        linked: LinkedOrder<'_>,
        now: DateTime<Utc>,
    ) -> Result<(OrderRow, String), OrderError> {
        let seconds_left = (cert.not_after - now).num_seconds();
        let days_left = i32::try_from((seconds_left + 86_399) / 86_400)
            .unwrap_or(original.validity_days)
            .clamp(1, original.validity_days.max(1));
        let order = orders::insert(
            tx,
            orders::NewOrder {
                account_id: original.account_id,
                group_id: original.group_id,
                placed_by: caller.user.id,
                product_id: original.product_id,
                product_name: &original.product_name,
                product_kind: *original.product_kind,
                profile: &original.profile,
                private_ca: original.private_ca.as_deref(),
                validity_days: days_left,
                price_minor: linked.price_minor,
                currency: *original.currency,
                status: OrderStatus::Accepted,
                csr_pem: Some(linked.csr_pem),
                key_source: KeySource::Paste,
                requester_name: &original.requester_name,
                requester_email: &original.requester_email,
                requester_phone: &original.requester_phone,
                tags: &original.tags,
                remarks: linked.remarks,
                tech_name: &original.tech_name,
                tech_email: &original.tech_email,
                extra_emails: &original.extra_emails,
                auto_renew: original.auto_renew,
                template_values: &original.template_values,
                names: linked.names,
                source: app::model::orders::OrderSource::Portal,
                organization_id: original.organization_id.map(app::model::OrganizationId),
            },
            now,
        )
        .await?;
        if let Some(delegate) = delegates::find(tx, original.id).await? {
            delegates::insert(tx, order.id, &delegate.name, &delegate.email, now).await?;
        }
        // An EV certificate's replacement is a new EV request: the same signatories are asked
        // again, and it issues only after their answers.
        let steps = ev_steps::of_order(tx, AccountId(original.account_id), original.id).await?;
        let signatory = |step: EvStep| {
            steps.iter().find(|r| *r.step == step).map(|r| Signatory {
                name: r.name.clone(),
                email: r.email.clone(),
            })
        };
        if let (Some(contract_signer), Some(approver)) = (
            signatory(EvStep::SubscriberAgreement),
            signatory(EvStep::Approval),
        ) {
            let who = ValidSignatories {
                contract_signer,
                approver,
            };
            self.add_ev_steps(tx, &order, &who, now).await?;
            self.send_ev_links(tx, &order, now).await?;
        }
        let token = self
            .tracking_token(tx, &order, &order.requester_email, TrackingScope::Requester)
            .await?;
        Ok((order, token))
    }
}
