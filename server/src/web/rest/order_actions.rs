//! What can be done to an order after it is placed, each exactly as on the order's page:
//! send the CSR, verify a domain, cancel, revoke, reissue, change a UCC's names, renew.

use app::model::order_actions::{ChangeNames, ReissueForm, RenewForm, RevokeForm};
use axum::{Json, body::Bytes, extract::State, http::StatusCode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{
    Ctx,
    auth::Authed,
    dto::OrderDto,
    extract::{ApiPath, json_body},
    problem::{Problem, ProblemDocument},
};
use crate::services::{identity::Caller, validation::CheckOutcome};

async fn order(rest: &Ctx, caller: &Caller, id: i32) -> Result<Json<OrderDto>, Problem> {
    Ok(Json(rest.orders.order_view(caller, id).await?.into()))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CsrBody {
    /// A PEM certificate signing request for the order's names.
    pub csr: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/orders/{id}/csr",
    tag = "orders",
    security(("access_key" = [])),
    params(("id" = i32, Path, description = "The order number.")),
    request_body = CsrBody,
    responses(
        (status = 200, description = "The CSR is on the order (it replaces an earlier one until issuance).", body = OrderDto),
        (status = 404, description = "No such order.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, description = "The order is past taking a CSR.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, description = "The CSR is not valid for the order.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn submit_csr(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath(id): ApiPath<i32>,
    body: Bytes,
) -> Result<Json<OrderDto>, Problem> {
    let b: CsrBody = json_body(&body)?;
    rest.orders.submit_csr(&p.caller, id, &b.csr).await?;
    order(&rest, &p.caller, id).await
}

/// What a domain check found.
#[derive(Debug, Serialize, ToSchema)]
pub struct VerifyOutcome {
    /// `verified`, `not_yet` or `email_sent`.
    pub outcome: String,
    pub detail: String,
    pub order: OrderDto,
}

#[utoipa::path(
    post,
    path = "/api/v1/orders/{id}/domains/{domain_id}/verify",
    tag = "orders",
    security(("access_key" = [])),
    params(
        ("id" = i32, Path, description = "The order number."),
        ("domain_id" = i32, Path, description = "`names[].validation.id` of the order."),
    ),
    responses(
        (status = 200, description = "The check ran; when it was the last step the order is issued.", body = VerifyOutcome),
        (status = 404, description = "No such order, or the domain is not one it still validates.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn verify_domain(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath((id, domain_id)): ApiPath<(i32, i32)>,
) -> Result<Json<VerifyOutcome>, Problem> {
    let outcome = rest
        .orders
        .verify_order_domain(&p.caller, id, domain_id, "REST API")
        .await?;
    let (code, detail) = match outcome {
        CheckOutcome::Verified { until } => (
            "verified",
            format!("Verified; reusable until {}.", until.format("%Y-%m-%d")),
        ),
        // The REST API answers in English.
        CheckOutcome::NotYet(why) => ("not_yet", why.to_string()),
        CheckOutcome::EmailSent(to) => ("email_sent", format!("The e-mail went to {to}.")),
    };
    let Json(order) = order(&rest, &p.caller, id).await?;
    Ok(Json(VerifyOutcome {
        outcome: code.to_owned(),
        detail,
        order,
    }))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CancelBody {
    #[serde(default)]
    pub remarks: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/orders/{id}/cancel",
    tag = "orders",
    security(("access_key" = [])),
    params(("id" = i32, Path, description = "The order number.")),
    request_body = CancelBody,
    responses(
        (status = 200, description = "Cancelled; a paid order is refunded with a credit note.", body = OrderDto),
        (status = 404, description = "No such order.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, description = "The order cannot be cancelled any more.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn cancel_order(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath(id): ApiPath<i32>,
    body: Bytes,
) -> Result<Json<OrderDto>, Problem> {
    let b: CancelBody = if body.is_empty() {
        CancelBody {
            remarks: String::new(),
        }
    } else {
        json_body(&body)?
    };
    rest.orders.cancel(&p.caller, id, &b.remarks).await?;
    order(&rest, &p.caller, id).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevokeBody {
    /// `unspecified`, `keyCompromise`, `affiliationChanged`, `superseded`,
    /// `cessationOfOperation` or `privilegeWithdrawn` (RFC 5280 reasons a subscriber may give).
    pub reason: String,
    pub remarks: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/orders/{id}/revoke",
    tag = "certificates",
    security(("access_key" = [])),
    params(
        ("id" = i32, Path, description = "The order number."),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: the same key and body get the first answer again, and charge once."),
    ),
    request_body = RevokeBody,
    responses(
        (status = 200, description = "Revoked: the CRL and OCSP say so at once.", body = OrderDto),
        (status = 404, description = "No such order.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, description = "Nothing to revoke, or already revoked.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, description = "Not a reason a subscriber may give, or no remarks, or the idempotency key was used for another request.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn revoke(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath(id): ApiPath<i32>,
    body: Bytes,
) -> Result<Json<OrderDto>, Problem> {
    let b: RevokeBody = json_body(&body)?;
    let form = RevokeForm {
        order_id: id,
        reason: b.reason,
        remarks: b.remarks,
        confirm: None,
    };
    rest.orders.revoke(&p.caller, &form).await?;
    order(&rest, &p.caller, id).await
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReissueBody {
    /// One of the reissue reasons listed in the reference.
    pub reason: String,
    #[serde(default)]
    pub remarks: String,
    /// A new CSR for the same names.
    pub csr: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/orders/{id}/reissue",
    tag = "certificates",
    security(("access_key" = [])),
    params(
        ("id" = i32, Path, description = "The order number."),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: the same key and body get the first answer again, and charge once."),
    ),
    request_body = ReissueBody,
    responses(
        (status = 201, description = "A free order linked to this one, ending when this certificate ends.", body = OrderDto),
        (status = 404, description = "No such order.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, description = "The certificate is revoked or expired.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, description = "Unknown reason, or a CSR for other names, or the idempotency key was used for another request.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn reissue(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath(id): ApiPath<i32>,
    body: Bytes,
) -> Result<(StatusCode, Json<OrderDto>), Problem> {
    let b: ReissueBody = json_body(&body)?;
    let form = ReissueForm {
        order_id: id,
        reason: b.reason,
        remarks: b.remarks,
        csr_pem: b.csr,
    };
    let placed = rest.orders.reissue(&p.caller, &form).await?;
    Ok((
        StatusCode::CREATED,
        order(&rest, &p.caller, placed.id).await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeNamesBody {
    /// One of the reissue reasons listed in the reference.
    pub reason: String,
    /// The whole new list of names, the main one first.
    pub names: Vec<String>,
    /// A new CSR for exactly these names.
    pub csr: String,
    #[serde(default)]
    pub remarks: String,
}

#[utoipa::path(
    post,
    path = "/api/v1/orders/{id}/names",
    tag = "certificates",
    security(("access_key" = [])),
    params(
        ("id" = i32, Path, description = "The order number (a DV UCC order with a live certificate)."),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: the same key and body get the first answer again, and charge once."),
    ),
    request_body = ChangeNamesBody,
    responses(
        (status = 201, description = "An order linked to this one with the new names, paid for the names it adds, ending when this certificate ends.", body = OrderDto),
        (status = 404, description = "No such order.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, description = "Not a UCC order, the certificate is revoked or expired, or the balance is too low.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, description = "The names are the same or not allowed, or the CSR names others, or the idempotency key was used for another request.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn change_names(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath(id): ApiPath<i32>,
    body: Bytes,
) -> Result<(StatusCode, Json<OrderDto>), Problem> {
    let b: ChangeNamesBody = json_body(&body)?;
    let command = ChangeNames {
        order_id: id,
        reason: b.reason,
        names: b.names,
        csr_pem: b.csr,
        remarks: b.remarks,
    };
    let placed = rest.orders.change_names(&p.caller, &command).await?;
    Ok((
        StatusCode::CREATED,
        order(&rest, &p.caller, placed.id).await?,
    ))
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewBody {
    /// A new CSR; without one the renewal waits for it.
    #[serde(default)]
    pub csr: String,
    #[serde(default)]
    pub draft: bool,
}

#[utoipa::path(
    post,
    path = "/api/v1/orders/{id}/renew",
    tag = "certificates",
    security(("access_key" = [])),
    params(
        ("id" = i32, Path, description = "The order number."),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe: the same key and body get the first answer again, and charge once."),
    ),
    request_body = RenewBody,
    responses(
        (status = 201, description = "A new order with this one's details, paid and approved as any order.", body = OrderDto),
        (status = 404, description = "No such order.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 409, description = "Not renewable yet, or already renewed.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, description = "The idempotency key was used for another request.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn renew(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath(id): ApiPath<i32>,
    body: Bytes,
) -> Result<(StatusCode, Json<OrderDto>), Problem> {
    let b: RenewBody = if body.is_empty() {
        RenewBody {
            csr: String::new(),
            draft: false,
        }
    } else {
        json_body(&body)?
    };
    let form = RenewForm {
        order_id: id,
        csr_pem: b.csr,
        draft: b.draft,
    };
    let placed = rest.orders.renew(&p.caller, &form).await?;
    Ok((
        StatusCode::CREATED,
        order(&rest, &p.caller, placed.id).await?,
    ))
}
