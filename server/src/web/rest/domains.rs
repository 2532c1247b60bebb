//! `GET /api/v1/domains`: the account's domains and their validation.

use axum::{Json, extract::State};

use super::{
    Ctx,
    auth::Authed,
    dto::DomainDto,
    problem::{Problem, ProblemDocument},
};

#[utoipa::path(
    get,
    path = "/api/v1/domains",
    tag = "domains",
    security(("access_key" = [])),
    responses(
        (status = 200, description = "The account's domains.", body = [DomainDto]),
        (status = 401, description = "No valid key.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 403, description = "The user may not manage domains.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn list_domains(
    State(rest): State<Ctx>,
    Authed(p): Authed,
) -> Result<Json<Vec<DomainDto>>, Problem> {
    let page = rest.validation.domains_page_for(&p.caller, None).await?;
    Ok(Json(
        page.domains.into_iter().map(DomainDto::from).collect(),
    ))
}
