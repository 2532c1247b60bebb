//! Revoking an order's certificate with an RFC 5280 reason and remarks (ORD-8): the CA
//! publishes a new CRL and a signed "revoked" OCSP answer at once; the order keeps the
//! history and everyone on it is told.

use app::i18n::{Lang, Msg};
use app::model::order_actions::RevokeForm;

use super::{
    OrderError, OrderService,
    certificate::{may_manage, reason_label},
    mails,
};
use crate::{
    ca::CaError,
    domain::revocation::RevocationReason,
    services::identity::Caller,
    store::{OrderRow, orders},
};

impl OrderService {
    /// The order whose certificate `caller` may revoke: within their reach and theirs to
    /// manage. ACME's revokeCert asks the same, so both doors follow one rule.
    pub async fn revocable(&self, caller: &Caller, order_id: i32) -> Result<OrderRow, OrderError> {
        // Self-service: the certificate's requester, or an approver, within reach.
        let order = self.visible(caller, order_id).await?;
        may_manage(caller, &order)?;
        Ok(order)
    }

    pub async fn revoke(&self, caller: &Caller, form: &RevokeForm) -> Result<(), OrderError> {
        // Self-service: the certificate's requester, or an approver, within reach.
        let order = self.revocable(caller, form.order_id).await?;
        let valid = form.validate().map_err(OrderError::Invalid)?;
        let main_name = orders::names(&self.store, order.id)
            .await?
            .into_iter()
            .next()
            .unwrap_or_default();
        if !form.confirmed(&main_name) {
            return Err(OrderError::Invalid(app::model::FieldErrors::single(
                "confirm",
                Msg::new("err-type-main-name-confirm-key").arg("main_name", main_name),
            )));
        }
        let cert = self
            .live_certificate(&order, super::certificate::CertificateAction::Revoke)
            .await?;
        let reason = RevocationReason::parse(valid.reason)
            .ok_or_else(|| OrderError::Refused(Msg::new("err-revocation-reason-not-allowed")))?;
        match self.authority.revoke(&cert.serial_hex, reason).await {
            Ok(()) => {}
            // Two people revoking at once: the second learns it is done.
            Err(CaError::Refused {
                rule: "revoke.already",
                ..
            }) => {
                return Err(OrderError::Refused(Msg::new(
                    "err-certificate-already-revoked",
                )));
            }
            Err(e) => return Err(e.into()),
        }
        // The order's history is a record, in English; the mail is in the order's language.
        let label = reason_label(Lang::En, valid.reason);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        orders::add_event(
            &tx,
            order.id,
            &caller.user.name,
            "Certificate revoked",
            &format!("{label}: {}", valid.remarks),
            now,
        )
        .await?;
        super::audit_order(
            &tx,
            caller,
            "certificate_revoked",
            format!(
                "Certificate {} of order #{} revoked ({label}): {}",
                cert.serial_hex, order.id, valid.remarks
            ),
            now,
        )
        .await?;
        let lang = super::mail_lang::order_lang(&tx, &order).await?;
        let mail = mails::revoked(
            lang,
            &order,
            &cert.serial_hex,
            &reason_label(lang, valid.reason),
            &valid.remarks,
        );
        mails::queue_all(&tx, &order, &mail, now).await?;
        self.commit_and_send(tx).await?;
        Ok(())
    }
}
