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

use super::AppState;
use crate::services::orders::DelegateRefusal;

pub async fn delegated_certificate(
    State(state): State<AppState>,
    Form(form): Form<DelegateDownloadForm>,
) -> Response {
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
        Err(DelegateRefusal::NotIssued) => "not_issued",
        Err(DelegateRefusal::Failed(e)) => {
            // The incident id is in the log; the page says to try again later.
            super::portal::incident(&e);
            "failed"
        }
    };
    Redirect::to(&format!("/download?error={code}")).into_response()
}
