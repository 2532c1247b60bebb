//! A bank transfer the customer records: amount, day, bank reference and an optional proof
//! (PDF, PNG or JPEG as its bytes say). It waits for the operator; nothing is credited yet.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Money, Permission,
    payments::{OfflinePaymentForm, PROOF_MAX_BYTES, PaymentId, PaymentProvider},
};

use super::{PaymentError, PaymentService, checked_token};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::payments::{self, NewPayment},
};

/// A proof of payment as posted; empty when none was chosen.
#[derive(Debug, Clone, Default)]
pub struct ProofUpload {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The proof's kept name (no folders, no control characters) and media type; `None` for no
/// file. A file of another type or too large is refused on its field.
fn checked_proof(upload: ProofUpload) -> Result<Option<(String, String, Vec<u8>)>, PaymentError> {
    if upload.bytes.is_empty() {
        return Ok(None);
    }
    let refused = |m: Msg| PaymentError::Invalid(FieldErrors::single("proof", m));
    if upload.bytes.len() > PROOF_MAX_BYTES {
        return Err(refused(
            Msg::new("err-document-too-large").arg("mib", PROOF_MAX_BYTES / (1024 * 1024)),
        ));
    }
    let mime = infer::get(&upload.bytes)
        .map(|k| k.mime_type())
        .filter(|m| matches!(*m, "application/pdf" | "image/png" | "image/jpeg"))
        .ok_or_else(|| refused(Msg::new("err-document-type")))?;
    let base = upload
        .file_name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    let name: String = base
        .chars()
        .filter(|c| !c.is_control() && !app::model::text::is_hidden(*c))
        .take(200)
        .collect();
    let name = if name.trim().is_empty() {
        "proof".to_owned()
    } else {
        name.trim().to_owned()
    };
    Ok(Some((name, mime.to_owned(), upload.bytes)))
}

impl PaymentService {
    pub async fn record_offline_payment(
        &self,
        caller: &Caller,
        form: &OfflinePaymentForm,
        proof: ProofUpload,
        ip: Option<String>,
    ) -> Result<PaymentId, PaymentError> {
        caller.require(Permission::AllocateCredits)?;
        let currency = *caller.account.currency;
        let valid = form.validate(currency).map_err(PaymentError::Invalid)?;
        let now = self.clock.now();
        if valid.paid_on > app::model::Day::from(now) {
            return Err(PaymentError::Invalid(FieldErrors::single(
                "paid_on",
                Msg::new("err-payment-date-future"),
            )));
        }
        let proof = checked_proof(proof)?;
        let token = checked_token(&form.form_token)?;
        let tx = self.store.begin().await?;
        let (payment, fresh) = payments::insert_payment(
            &tx,
            NewPayment {
                account_id: caller.account.id,
                provider: PaymentProvider::Offline,
                amount: Money::new(valid.amount_minor, currency),
                reference: Some(&valid.reference),
                paid_on: Some(valid.paid_on.text(app::i18n::Lang::En)),
                proof,
                form_token: token,
                created_by_user_id: caller.user.id,
                at: now,
            },
        )
        .await?;
        if fresh {
            audit::record(
                &tx,
                now,
                AuditEntry {
                    account_id: Some(caller.account.id),
                    user_id: Some(caller.user.id),
                    ip,
                    module: "billing",
                    action: "offline_payment_recorded",
                    summary: format!(
                        "Bank transfer {} of {} recorded (reference {})",
                        payment.id,
                        app::model::billing::format_money(valid.amount_minor, currency.as_str()),
                        valid.reference
                    ),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(PaymentId(payment.id))
    }
}
