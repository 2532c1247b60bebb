//! The issued certificate behind an order and who may manage it: what revoke, reissue,
//! renew and the order page share.

use app::i18n::Msg;
use app::model::{
    Permission,
    certificate_status::CertificateState,
    order_actions::{CertificateView, RENEWAL_WINDOW_DAYS, revocation_reason_key},
    order_status::OrderStatus,
};
use chrono::{DateTime, Duration, Utc};

use super::{OrderError, OrderService};
use crate::{
    domain::revocation::RevocationReason,
    services::identity::Caller,
    store::{CertificateRow, OrderRow, certificates, stored::Stored},
};

/// Requesters manage their own orders; others need to approve orders.
pub(super) fn may_manage(caller: &Caller, order: &OrderRow) -> Result<(), OrderError> {
    if order.placed_by == caller.user.id || caller.can(Permission::ApproveOrders) {
        Ok(())
    } else {
        Err(OrderError::Forbidden(Permission::ApproveOrders))
    }
}

/// What is about to be done with an order's certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CertificateAction {
    Revoke,
    Reissue,
    Renew,
    ChangeNames,
}

impl CertificateAction {
    /// The catalogue key of the word for the refusals: "… cannot be revoked".
    fn done(self) -> Msg {
        Msg::new(match self {
            Self::Revoke => "err-done-revoked",
            Self::Reissue => "err-done-reissued",
            Self::Renew => "err-done-renewed",
            Self::ChangeNames => "err-done-given-other-names",
        })
    }
}

/// The first moment an order whose certificate ends at `not_after` may be renewed.
pub(super) fn renewable_from(not_after: DateTime<Utc>) -> DateTime<Utc> {
    not_after - Duration::days(RENEWAL_WINDOW_DAYS)
}

/// Revocation reason `code` in `lang` (the code itself if it is not one a subscriber gives).
pub(super) fn reason_label(lang: app::i18n::Lang, code: &str) -> String {
    revocation_reason_key(code).map_or_else(|| code.to_owned(), |key| app::i18n::tr(lang, key))
}

/// Revocation reason `code` as a part of a message, rendered in its reader's language.
fn reason_msg(code: &str) -> app::i18n::MsgArg {
    revocation_reason_key(code).map_or_else(
        || app::i18n::MsgArg::from(code),
        |key| app::i18n::MsgArg::from(Msg::new(key)),
    )
}

/// Revoked before expired: a revoked certificate stays revoked after its end date.
pub(super) fn state_of(c: &CertificateRow, now: DateTime<Utc>) -> CertificateState {
    if c.revoked_at.is_some() {
        CertificateState::Revoked
    } else if c.not_after <= now {
        CertificateState::Expired
    } else {
        CertificateState::Valid
    }
}

pub(super) fn view(c: &CertificateRow, chain_pem: String, now: DateTime<Utc>) -> CertificateView {
    let state = state_of(c, now);
    CertificateView {
        serial: c.serial_hex.clone(),
        not_before: app::model::Moment::from(c.not_before),
        not_after: app::model::Moment::from(c.not_after),
        state,
        revoked_at: c.revoked_at.map(app::model::Moment::from),
        revocation_reason: c.revocation_reason.map(|r| r.as_str().to_owned()),
        renewable_from: app::model::Day::from(renewable_from(c.not_after)),
        chain_pem,
    }
}

impl OrderService {
    pub(super) async fn certificate_of(
        &self,
        order: &OrderRow,
    ) -> Result<Option<CertificateRow>, OrderError> {
        Ok(match order.certificate_id {
            Some(id) => certificates::find_by_id(&self.store, id).await?,
            None => None,
        })
    }

    /// The certificate of a fulfilled order that is still in use: neither revoked nor
    /// expired, for `action`.
    pub(super) async fn live_certificate(
        &self,
        order: &OrderRow,
        action: CertificateAction,
    ) -> Result<CertificateRow, OrderError> {
        let what = action.done();
        let status = *order.status;
        // An S/MIME certificate is activated with a fresh mailbox proof; a new one is ordered
        // again rather than reissued or renewed from the old order. Revocation works alike.
        if action != CertificateAction::Revoke && super::is_smime(order) {
            return Err(OrderError::Refused(
                Msg::new("err-s-mime-certificate-cannot-what").arg("what", what.clone()),
            ));
        }
        let cert = match (status, self.certificate_of(order).await?) {
            (OrderStatus::Fulfilled, Some(c)) => c,
            _ => {
                return Err(OrderError::Refused(
                    Msg::new("err-order-has-no-issued-certificate").arg("what", what.clone()),
                ));
            }
        };
        if let Some(at) = cert.revoked_at {
            return Err(OrderError::Refused(
                Msg::new("err-certificate-was-revoked-cannot")
                    .arg("at", app::model::Day::from(at))
                    .arg(
                        "reason",
                        reason_msg(
                            cert.revocation_reason
                                .map_or(RevocationReason::Unspecified, Stored::into_inner)
                                .as_str(),
                        ),
                    )
                    .arg("what", what.clone()),
            ));
        }
        if cert.not_after <= self.clock.now() {
            return Err(OrderError::Refused(
                Msg::new("err-certificate-expired-cannot")
                    .arg("date", app::model::Day::from(cert.not_after))
                    .arg("what", what.clone()),
            ));
        }
        Ok(cert)
    }
}
