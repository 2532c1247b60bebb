//! Certum's "Certificate activation": the fields (E and CN, both the verified address), the
//! key pair method (a CSR, or a key generated in the browser that sends only its CSR), the
//! summary with the required statements; then the CA prepares (and lints) and issues under
//! the mailbox-validated strict profile.

use app::i18n::{Msg, MsgArg};
use app::model::{
    FieldErrors, Permission,
    order_status::OrderStatus,
    orders::KeySource,
    smime::{ActivationForm, PROOF_REUSE_DAYS, STATEMENTS},
};

use super::{mails, open, proof_fresh};
use crate::{
    ca::{CaError, CheckedCsr, SignOptions},
    services::{
        identity::Caller,
        notifications,
        orders::{OrderError, OrderService, audit_order},
    },
    store::orders,
};

/// Reads a CSR given as text, once: it must ask for exactly the verified mailbox (as its
/// subject's CN, its SAN, or both) and nothing else, as the CA certifies what was validated.
/// The checked request is what goes on to the CA.
pub(super) fn check_mailbox_csr(csr_pem: &str, email: &str) -> Result<CheckedCsr, Msg> {
    let checked = crate::ca::inspect_csr(csr_pem.as_bytes())
        .map_err(|e| Msg::new("err-csr-cannot-be-used").arg("detail", &e.detail))?;
    let csr = checked.clone().with_common_names_as_names();
    if !csr.dns_names.is_empty() || csr.ip_count > 0 {
        return Err(Msg::new("err-csr-names-csr-s-mime")
            .arg("csr", csr.dns_names.join(", "))
            .arg("email", email));
    }
    let mut asked = csr.mailboxes.clone();
    asked.sort_unstable();
    asked.dedup();
    if asked != [email] {
        let named = if asked.is_empty() {
            MsgArg::from(Msg::new("err-no-email-address"))
        } else {
            MsgArg::from(asked.join(", "))
        };
        return Err(Msg::new("err-csr-names-named-but-certificate")
            .arg("named", named)
            .arg("email", email));
    }
    Ok(checked)
}

impl OrderService {
    pub async fn smime_activate(
        &self,
        caller: &Caller,
        order_id: i32,
        form: &ActivationForm,
    ) -> Result<(), OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let (order, m) = self.smime_order(caller, order_id).await?;
        let (csr, key_source) = form.validate().map_err(OrderError::Invalid)?;
        let status = *order.status;
        if status == OrderStatus::Fulfilled {
            return Err(OrderError::Refused(Msg::new(
                "err-certificate-order-issued-already",
            )));
        }
        if !open(status) {
            return Err(OrderError::Refused(
                Msg::new("err-order-status-can-activated-once")
                    .arg("status", Msg::new(status.key())),
            ));
        }
        let Some(email) = m.email.clone() else {
            return Err(OrderError::Refused(Msg::new(
                "err-provide-mail-address-certificate-first",
            )));
        };
        let now = self.clock.now();
        if !proof_fresh(m.verified_at, now) {
            return Err(OrderError::Refused(if m.verified_at.is_some() {
                Msg::new("err-smime-proof-too-old")
                    .arg("email", &email)
                    .arg("days", PROOF_REUSE_DAYS)
            } else {
                Msg::new("err-smime-verify-first").arg("email", &email)
            }));
        }
        let checked = check_mailbox_csr(&csr, &email)
            .map_err(|e| OrderError::Invalid(FieldErrors::single("csr_pem", e)))?;
        if let Err(why) = self.issuemail_allows(order.account_id, &email).await? {
            // Kept on the order in English, like the rest of its history.
            let logged = why.text(app::i18n::Lang::En);
            let tx = self.store.begin().await?;
            orders::set_issue_error(&tx, order.account_id, order.id, Some(&logged)).await?;
            orders::add_event(&tx, order.id, "Rootline", "Issuance refused", &logged, now).await?;
            tx.commit().await?;
            return Err(OrderError::Refused(why));
        }

        let token = match self
            .authority
            .prepare(
                &checked,
                SignOptions {
                    profile: &order.profile,
                    days: Some(i64::from(order.validity_days)),
                    ..Default::default()
                },
            )
            .await
        {
            Ok(t) => t,
            Err(CaError::Refused { rule, detail }) => {
                let why = Msg::new("err-ca-refused-to-issue")
                    .arg("rule", rule)
                    .arg("detail", detail);
                // Kept on the order in English, like the rest of its history.
                let logged = why.text(app::i18n::Lang::En);
                let tx = self.store.begin().await?;
                orders::set_issue_error(&tx, order.account_id, order.id, Some(&logged)).await?;
                orders::add_event(&tx, order.id, "Rootline", "Issuance refused", &logged, now)
                    .await?;
                tx.commit().await?;
                return Err(OrderError::Refused(why));
            }
            Err(e) => return Err(e.into()),
        };
        let issued = self.authority.issue(token).await?;
        let now = self.clock.now();
        let actor = caller.user.name.clone();
        let tx = self.store.begin().await?;
        orders::set_csr(&tx, order.account_id, order.id, &csr, key_source, now).await?;
        orders::add_event(
            &tx,
            order.id,
            &actor,
            "Certificate activated",
            &format!(
                "Fields: E and CN = {email}; key pair: {}; statements marked: {}",
                if key_source == KeySource::Browser {
                    "generated in the browser"
                } else {
                    "CSR"
                },
                STATEMENTS.join(" / ")
            ),
            now,
        )
        .await?;
        if !orders::fulfil(
            &tx,
            order.account_id,
            order.id,
            status,
            issued.certificate_id,
            now,
        )
        .await?
        {
            return Err(OrderError::Refused(Msg::new(
                "err-someone-else-changed-order-moment",
            )));
        }
        orders::add_event(
            &tx,
            order.id,
            "Rootline",
            OrderStatus::Fulfilled.label(),
            &format!("Certificate issued, serial {}", issued.serial_hex),
            now,
        )
        .await?;
        audit_order(
            &tx,
            caller,
            "smime_activated",
            format!(
                "Order #{}: S/MIME certificate for {email} issued, serial {}",
                order.id, issued.serial_hex
            ),
            now,
        )
        .await?;
        let lang = super::super::mail_lang::order_lang(&tx, &order).await?;
        notifications::queue(
            &tx,
            &mails::issued(lang, &order, &email, &self.smime_page(order.id)),
            now,
        )
        .await?;
        self.commit_and_send(tx).await?;
        Ok(())
    }
}
