//! The delegate's download (ORD-10): `POST /download/certificate` with the order number, the
//! PIN and a format answers the certificate file, or sends the browser back to the public
//! `/download` page with a code the page words (never the user's input echoed back).

use app::model::order_actions::DelegateDownloadForm;
use axum::{
    Form,
    extract::State,
    http::header,
    response::{IntoResponse, Redirect, Response},
};

use super::{AppState, client_addr::ClientAddr};
use crate::{domain::client_limits::ThrottleScope, services::orders::DelegateRefusal};

pub async fn delegated_certificate(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    Form(form): Form<DelegateDownloadForm>,
) -> Response {
    // Per order, five wrong PINs lock it; per client, this stops guessing across many orders.
    if let Err(refusal) =
        super::portal::admit(&state.throttle, ThrottleScope::DelegatePin, client).await
    {
        let code = match refusal {
            app::error::AppError::RateLimited { .. } => "too_many",
            _ => "failed",
        };
        return Redirect::to(&format!("/download?error={code}")).into_response();
    }
    let code = match state.orders.delegated_download(&form).await {
        Ok(d) => {
            return (
                [
                    (header::CONTENT_TYPE, d.content_type.to_owned()),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{}\"", d.file_name),
                    ),
                ],
                d.bytes,
            )
                .into_response();
        }
        Err(DelegateRefusal::Malformed) => "malformed",
        Err(DelegateRefusal::Wrong) => "wrong",
        Err(DelegateRefusal::Locked(_)) => "locked",
        Err(DelegateRefusal::Expired) => "expired",
        Err(DelegateRefusal::NotIssued) => "not_issued",
        Err(DelegateRefusal::Failed(e)) => {
            // The incident id is in the log; the page says to try again later.
            super::portal::incident(&e);
            "failed"
        }
    };
    Redirect::to(&format!("/download?error={code}")).into_response()
}
