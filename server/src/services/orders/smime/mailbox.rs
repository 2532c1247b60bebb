//! Certum's "Provide e-mail address" (or correct it before it is verified) and "send the
//! verification link again".

use app::i18n::Msg;
use app::model::{
    FieldErrors, Permission,
    smime::{LINK_HOURS, StepStatus, certificate_email},
};

use super::{email_step, open};
use crate::{
    services::{
        identity::Caller,
        orders::{OrderError, OrderService, audit_order},
    },
    store::smime as mailboxes,
};

impl OrderService {
    /// Saves the address and starts its verification; what happened, in words.
    pub async fn smime_provide_email(
        &self,
        caller: &Caller,
        order_id: i32,
        raw: &str,
    ) -> Result<String, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let (order, m) = self.smime_order(caller, order_id).await?;
        let email = certificate_email(raw)
            .map_err(|e| OrderError::Invalid(FieldErrors::single("email", e)))?;
        let status = *order.status;
        let now = self.clock.now();
        if !open(status) {
            return Err(OrderError::Refused(
                Msg::new("err-order-status-address-can-provided")
                    .arg("status", Msg::new(status.key())),
            ));
        }
        if email_step(status, &m, now) == StepStatus::Verified {
            return Err(OrderError::Refused(
                Msg::new("err-m-verified-already-address-order")
                    .arg("m", m.email.unwrap_or_default()),
            ));
        }
        let tx = self.store.begin().await?;
        mailboxes::set_email(&tx, order.account_id, order.id, &email, now).await?;
        audit_order(
            &tx,
            caller,
            "smime_email_provided",
            format!("Order #{}: e-mail address {email} provided", order.id),
            now,
        )
        .await?;
        let reused = self.verify_or_send(&tx, &order, &email, now).await?;
        self.commit_and_send(tx).await?;
        Ok(if reused {
            format!(
                "{email} was verified in the last 30 days; the proof is reused. Activate the certificate."
            )
        } else {
            format!(
                "The e-mail address is saved. A verification link went to {email}; it works for {LINK_HOURS} hours."
            )
        })
    }

    /// Mails a new link (the previous one stops working); what happened, in words.
    pub async fn smime_resend(&self, caller: &Caller, order_id: i32) -> Result<String, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let (order, m) = self.smime_order(caller, order_id).await?;
        let status = *order.status;
        let now = self.clock.now();
        let email = match (email_step(status, &m, now), m.email) {
            (StepStatus::WaitingForVerification, Some(email)) => email,
            (StepStatus::Verified, Some(email)) => {
                return Err(OrderError::Refused(
                    Msg::new("err-email-verified-already-there-nothing").arg("email", email),
                ));
            }
            (StepStatus::WaitingForData, _) | (_, None) => {
                return Err(OrderError::Refused(Msg::new(
                    "err-provide-mail-address-first",
                )));
            }
            _ => {
                return Err(OrderError::Refused(
                    Msg::new("err-order-status-verification-not-available")
                        .arg("status", Msg::new(status.key())),
                ));
            }
        };
        let tx = self.store.begin().await?;
        self.send_link(&tx, &order, &email, now).await?;
        audit_order(
            &tx,
            caller,
            "smime_link_sent",
            format!(
                "Order #{}: verification link sent again to {email}",
                order.id
            ),
            now,
        )
        .await?;
        self.commit_and_send(tx).await?;
        Ok(format!(
            "A new verification link went to {email}; it works for {LINK_HOURS} hours. Earlier links no longer work."
        ))
    }
}
