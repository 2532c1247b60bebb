use leptos::prelude::*;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

use crate::error::AppError;

/// Records a bank transfer (with an optional proof file) for the operator to approve. Needs
/// `AllocateCredits`. A multipart post: the proof comes with the form.
#[server(endpoint = "billing/offline-payment", input = MultipartFormData)]
pub async fn record_offline_payment(data: MultipartData) -> Result<(), AppError> {
    use crate::{
        model::payments::{OfflinePaymentForm, PROOF_MAX_BYTES},
        ports::PostedFile,
    };
    let parts = crate::api::multipart::read_parts(data, PROOF_MAX_BYTES).await?;
    let text = |name: &str| {
        parts
            .iter()
            .find(|p| p.name == name)
            .map(|p| String::from_utf8_lossy(&p.bytes).into_owned())
            .unwrap_or_default()
    };
    let form = OfflinePaymentForm {
        amount: text("amount"),
        currency: text("currency"),
        paid_on: text("paid_on"),
        reference: text("reference"),
        form_token: text("form_token"),
    };
    let proof = parts
        .into_iter()
        .find(|p| p.name == "proof")
        .map(|p| PostedFile {
            file_name: p.file_name.unwrap_or_default(),
            bytes: p.bytes,
        })
        .unwrap_or_default();
    crate::api::call(|backend, meta| async move {
        let id = backend
            .payments
            .record_offline_payment(&meta, form, proof)
            .await?;
        leptos_axum::redirect(&format!("/billing/add-credits?payment={}&recorded=1", id.0));
        Ok(())
    })
    .await
}
