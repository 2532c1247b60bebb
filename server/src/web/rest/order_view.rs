//! `GET /api/v1/orders/{id}`: one order with its validation and certificate.

use axum::{Json, extract::State};

use super::{
    Ctx,
    auth::Authed,
    dto::OrderDto,
    extract::ApiPath,
    problem::{Problem, ProblemDocument},
};

#[utoipa::path(
    get,
    path = "/api/v1/orders/{id}",
    tag = "orders",
    security(("access_key" = [])),
    params(("id" = i32, Path, description = "The order number.")),
    responses(
        (status = 200, description = "The order.", body = OrderDto),
        (status = 401, description = "No valid key.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 404, description = "No such order in the key's account, or not one the user may see.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn view_order(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiPath(id): ApiPath<i32>,
) -> Result<Json<OrderDto>, Problem> {
    Ok(Json(rest.orders.order_view(&p.caller, id).await?.into()))
}
