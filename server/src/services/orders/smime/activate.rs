//! Certum's "Certificate activation": the fields (E and CN, both the verified address), the
//! key pair method (a CSR, or a key generated in the browser that sends only its CSR), the
//! summary with the required statements; then the CA prepares (and lints) and issues under
//! the mailbox-validated strict profile.

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
pub(super) fn check_mailbox_csr(csr_pem: &str, email: &str) -> Result<CheckedCsr, String> {
    let checked = crate::ca::inspect_csr(csr_pem.as_bytes())
        .map_err(|e| format!("The CSR cannot be used: {}.", e.detail))?;
    let csr = checked.clone().with_common_names_as_names();
    if !csr.dns_names.is_empty() || csr.ip_count > 0 {
        return Err(format!(
            "The CSR names {}; an S/MIME certificate names only the mailbox {email}.",
            csr.dns_names.join(", ")
        ));
    }
    let mut asked = csr.mailboxes.clone();
    asked.sort_unstable();
    asked.dedup();
    if asked != [email] {
        let named = if asked.is_empty() {
            "no e-mail address".to_owned()
        } else {
            asked.join(", ")
        };
        return Err(format!(
            "The CSR names {named}, but the certificate is for {email}. Make a CSR for exactly {email}."
        ));
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
            return Err(OrderError::Refused(
                "The certificate of this order is issued already.".into(),
            ));
        }
        if !open(status) {
            return Err(OrderError::Refused(format!(
                "This order is \"{}\"; it can be activated once it is paid.",
                status.label()
            )));
        }
        let Some(email) = m.email.clone() else {
            return Err(OrderError::Refused(
                "Provide the e-mail address for the certificate first.".into(),
            ));
        };
        let now = self.clock.now();
        if !proof_fresh(m.verified_at, now) {
            return Err(OrderError::Refused(if m.verified_at.is_some() {
                format!(
                    "The proof of control of {email} is older than {PROOF_REUSE_DAYS} days and cannot be reused. Send a new verification link, open it, then activate."
                )
            } else {
                format!("Verify {email} first: open the link sent to it.")
            }));
        }
        let checked = check_mailbox_csr(&csr, &email)
            .map_err(|e| OrderError::Invalid(FieldErrors::single("csr_pem", e)))?;

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
                let why = format!("The CA refused to issue ({rule}): {detail}.");
                let tx = self.store.begin().await?;
                orders::set_issue_error(&tx, order.account_id, order.id, Some(&why)).await?;
                orders::add_event(&tx, order.id, "Rootline", "Issuance refused", &why, now).await?;
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
            return Err(OrderError::Refused(
                "Someone else changed this order a moment ago; reload it.".into(),
            ));
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
        notifications::queue(
            &tx,
            &mails::issued(&order, &email, &self.smime_page(order.id)),
            now,
        )
        .await?;
        self.commit_and_send(tx).await?;
        Ok(())
    }
}
