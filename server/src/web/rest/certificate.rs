//! `GET /api/v1/orders/{id}/certificate`: the issued certificate, as PEM with its chain,
//! DER, or PKCS#7.

use axum::{
    extract::State,
    http::{HeaderValue, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use utoipa::{IntoParams, ToSchema};

use super::{
    Ctx,
    auth::Authed,
    extract::{ApiPath, ApiQuery},
    problem::{Problem, ProblemDocument},
};
use crate::services::orders::DownloadFormat;

/// How the certificate is sent.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum CertificateFormat {
    /// The leaf and its chain, PEM.
    Pem,
    /// The leaf alone, DER.
    Der,
    /// The leaf and its chain, PKCS#7 (DER).
    P7b,
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `pem` (leaf and chain; the default), `der` (leaf) or `p7b` (leaf and chain).
    pub format: Option<CertificateFormat>,
}

#[utoipa::path(
    get,
    path = "/api/v1/orders/{id}/certificate",
    tag = "certificates",
    security(("access_key" = [])),
    params(("id" = i32, Path, description = "The order number."), FormatQuery),
    responses(
        (status = 200, description = "The certificate.", content_type = "application/pem-certificate-chain", body = String),
        (status = 400, description = "Unknown format.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, description = "No such order.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, description = "Not issued yet.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn download(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath(id): ApiPath<i32>,
    ApiQuery(q): ApiQuery<FormatQuery>,
) -> Result<Response, Problem> {
    let format = match q.format.unwrap_or(CertificateFormat::Pem) {
        CertificateFormat::Pem => DownloadFormat::Pem,
        CertificateFormat::Der => DownloadFormat::Der,
        CertificateFormat::P7b => DownloadFormat::Pkcs7,
    };
    let file = rest.orders.download(&p.caller, id, format).await?;
    let mut response = file.bytes.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(file.content_type),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{}\"", file.file_name)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}
