//! `GET /api/v1/products`: what the key's user may order.

use axum::{Json, extract::State};

use super::{
    Ctx,
    auth::Authed,
    dto::ProductDto,
    problem::{Problem, ProblemDocument},
};

#[utoipa::path(
    get,
    path = "/api/v1/products",
    tag = "products",
    security(("access_key" = [])),
    responses(
        (status = 200, description = "The products the key's user may order, with prices in the account's currency.", body = [ProductDto]),
        (status = 401, description = "No valid key.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 403, description = "The user may not request certificates.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn list_products(
    State(rest): State<Ctx>,
    Authed(p): Authed,
) -> Result<Json<Vec<ProductDto>>, Problem> {
    let wizard = rest.orders.wizard(&p.caller, None).await?;
    Ok(Json(
        wizard.offers.into_iter().map(ProductDto::from).collect(),
    ))
}
