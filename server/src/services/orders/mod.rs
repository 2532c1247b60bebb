//! Certificate orders end to end (ORD-2..7): placing one from the wizard, approval, payment
//! from the ledger, validation of its names, issuance through the CA, the order list, the
//! order page and the public tracking link.

mod approve;
mod approvers;
mod attention;
mod cancel;
mod certificate;
mod change_names;
mod credit_note;
mod delegation;
mod edit;
mod ev;
mod export;
mod groups;
mod interim;
mod invoice;
mod issue;
mod linked_order;
mod list;
mod mail_lang;
mod mails;
pub(crate) mod organization;
mod parent_approval;
mod pay_draft;
mod place;
mod reissue;
mod reminder_settings;
mod renew;
mod renewals;
mod revoke;
mod scope;
mod smime;
mod submit_csr;
mod tracking;
mod tracking_links;
mod verify_domain;
mod view;
mod wizard;
mod wizard_form;

use app::i18n::Msg;
use std::sync::Arc;

use app::model::{
    FieldErrors, Permission,
    order_status::{OrderEvent, OrderStatus},
};
use chrono::{DateTime, Utc};

use crate::{
    ca::{Authority, CaError},
    ports::{Clock, DnsResolver, Random},
    services::{
        billing::BillingError,
        catalog::{CatalogError, CatalogService},
        identity::Caller,
        notifications::MailWaker,
        validation::{ValidationError, ValidationService},
    },
    store::{Db, OrderRow, Store, StoreError, orders},
};

pub use delegation::{
    DelegateRefusal, PIN_ATTEMPTS, PIN_LIFETIME, PIN_LOCK_MINUTES, pin_expires_at,
};
pub use export::ORDERS_XLSX;
pub use renewals::{AUTO_RENEW_DAYS, DueRenewal, RemindersSent};
pub(crate) use smime::is_smime;
pub use tracking::ENDED_LINK_DAYS;
pub use view::{Download, DownloadFormat};

pub struct OrderService {
    store: Store,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Random>,
    catalog: Arc<CatalogService>,
    validation: Arc<ValidationService>,
    authority: Arc<Authority>,
    dns: Arc<dyn DnsResolver>,
    caa_identities: Vec<String>,
    /// The public URL without a trailing slash: the base of tracking links.
    public_url: String,
    /// Derives each recipient's tracking link (kept outside the database).
    tracking_key: Arc<crate::domain::tracking_link::TrackingKey>,
    /// Wakes the delivery job once a transaction that queued mail has committed.
    mail: MailWaker,
    /// How long an interim DV certificate outlives the order's own certificate.
    interim_grace: chrono::Duration,
    /// The operator's GST registration: INR charges carry GST when it is set.
    gst: Option<crate::domain::gst::GstSettings>,
}

/// How long an interim DV certificate outlives the order's own certificate unless the operator
/// says otherwise (`ROOTLINE_INTERIM_DV_GRACE_HOURS`): time to install the new one.
pub const INTERIM_DV_GRACE_HOURS: i64 = 72;

pub struct OrderDeps {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub random: Arc<dyn Random>,
    pub catalog: Arc<CatalogService>,
    pub validation: Arc<ValidationService>,
    pub authority: Arc<Authority>,
    pub dns: Arc<dyn DnsResolver>,
    pub caa_identities: Vec<String>,
    pub public_url: String,
    pub tracking_key: Arc<crate::domain::tracking_link::TrackingKey>,
    pub mail: MailWaker,
}

#[derive(Debug, thiserror::Error)]
pub enum OrderError {
    /// Another account's order, or none: the same answer.
    #[error("not found")]
    NotFound,
    #[error("the role lacks {0:?}")]
    Forbidden(Permission),
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// A valid request the rules refuse, with the reason to show.
    #[error("{0}")]
    Refused(Msg),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Ca(#[from] CaError),
    #[error("catalog: {0}")]
    Catalog(String),
    #[error("export: {0}")]
    Export(String),
}

impl From<crate::services::identity::Forbidden> for OrderError {
    fn from(f: crate::services::identity::Forbidden) -> Self {
        Self::Forbidden(f.0)
    }
}

impl From<ValidationError> for OrderError {
    fn from(e: ValidationError) -> Self {
        match e {
            ValidationError::NotFound => Self::NotFound,
            ValidationError::Forbidden(p) => Self::Forbidden(p),
            ValidationError::Invalid(f) => Self::Invalid(f),
            ValidationError::Refused(r) => Self::Refused(r),
            ValidationError::Store(s) => Self::Store(s),
        }
    }
}

impl From<BillingError> for OrderError {
    fn from(e: BillingError) -> Self {
        match e {
            BillingError::Store(s) => Self::Store(s),
            BillingError::NotFound => Self::NotFound,
            BillingError::Invalid(f) => Self::Invalid(f),
            // Balance and spend-limit refusals carry the message a user reads.
            other => Self::Refused(other.user_msg()),
        }
    }
}

impl From<CatalogError> for OrderError {
    fn from(e: CatalogError) -> Self {
        match e {
            CatalogError::NotFound => Self::Invalid(FieldErrors::single(
                "product_id",
                Msg::new("err-product-not-available-account"),
            )),
            other => Self::Catalog(other.to_string()),
        }
    }
}

/// The seeds' words when an order names a restricted domain.
pub fn restricted() -> Msg {
    Msg::new("err-domains-restricted")
}

impl OrderService {
    pub fn new(d: OrderDeps) -> Self {
        Self {
            store: d.store,
            clock: d.clock,
            random: d.random,
            catalog: d.catalog,
            validation: d.validation,
            authority: d.authority,
            dns: d.dns,
            caa_identities: d.caa_identities,
            public_url: d.public_url,
            tracking_key: d.tracking_key,
            mail: d.mail,
            interim_grace: chrono::Duration::hours(INTERIM_DV_GRACE_HOURS),
            gst: None,
        }
    }

    /// The service with the operator's grace period for interim DV certificates.
    #[must_use]
    /// Charges GST on INR orders under the operator's registration.
    pub fn with_gst(mut self, gst: Option<crate::domain::gst::GstSettings>) -> Self {
        self.gst = gst;
        self
    }

    pub fn with_interim_grace(mut self, grace: chrono::Duration) -> Self {
        self.interim_grace = grace;
        self
    }

    /// Commits `tx`, whose changes queued mail, and wakes the delivery job so the mail goes
    /// out now rather than on the next tick.
    pub(crate) async fn commit_and_send(&self, tx: crate::store::Tx) -> Result<(), OrderError> {
        tx.commit().await?;
        self.mail.wake();
        Ok(())
    }

    /// Wakes the delivery job for mail a committed transaction queued (one this service did
    /// not commit itself, such as ACME's new-order).
    pub(crate) fn send_queued_mail(&self) {
        self.mail.wake();
    }

    fn tracking_url(&self, token: &str) -> String {
        format!(
            "{}{}",
            self.public_url,
            app::model::orders::tracking_path(token)
        )
    }
}

/// An entry in the account's audit log for something a user did to an order, in the same
/// transaction as the change.
pub(crate) async fn audit_order(
    tx: &crate::store::Tx,
    caller: &Caller,
    action: &str,
    summary: String,
    at: DateTime<Utc>,
) -> Result<(), OrderError> {
    crate::services::audit::record(
        tx,
        at,
        crate::services::audit::AuditEntry {
            account_id: Some(caller.account.id),
            user_id: Some(caller.user.id),
            ip: None,
            module: "orders",
            action,
            summary,
        },
    )
    .await?;
    Ok(())
}

/// Applies `event` to the order in `db` (refusing a step the table does not allow, or a
/// status changed meanwhile) and records it in the order's history.
pub(crate) async fn step(
    db: &impl Db,
    order: &OrderRow,
    event: OrderEvent,
    actor: &str,
    detail: &str,
    reason: Option<&str>,
    at: DateTime<Utc>,
) -> Result<OrderStatus, OrderError> {
    let from = *order.status;
    let to = from.after(event).ok_or_else(|| {
        OrderError::Refused(Msg::new("err-order-cannot-done-now").arg("from", Msg::new(from.key())))
    })?;
    if !orders::transition(db, order.account_id, order.id, from, to, reason, at).await? {
        return Err(OrderError::Refused(Msg::new(
            "err-someone-else-changed-order-moment",
        )));
    }
    orders::add_event(db, order.id, actor, to.label(), detail, at).await?;
    Ok(to)
}

#[cfg(test)]
mod approval_notice_tests;
#[cfg(test)]
mod gst_tests;
#[cfg(test)]
mod no_ca_tests;
#[cfg(test)]
mod ov_tests;
#[cfg(test)]
pub(crate) mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tracking_tests;

#[cfg(test)]
mod wizard_form_tests;
