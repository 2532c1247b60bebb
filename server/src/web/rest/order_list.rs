//! `GET /api/v1/orders`: the orders the key's user may see, searched and paged as in the
//! portal's order list.

use app::model::orders::OrdersQuery;
use axum::{Json, extract::State};
use serde::Deserialize;
use utoipa::IntoParams;

use super::{
    Ctx,
    auth::Authed,
    dto::{OrderListDto, OrderSummaryDto},
    extract::ApiQuery,
    problem::{Problem, ProblemDocument},
};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct OrderSearch {
    /// Placed on or after this day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Placed on or before this day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// A name on the order contains this.
    pub domain: Option<String>,
    /// One of the status codes (see `Order.status`).
    pub status: Option<String>,
    pub product: Option<String>,
    pub tag: Option<String>,
    /// 1-based; 25 orders a page.
    #[param(minimum = 1)]
    pub page: Option<u64>,
}

#[utoipa::path(
    get,
    path = "/api/v1/orders",
    tag = "orders",
    security(("access_key" = [])),
    params(OrderSearch),
    responses(
        (status = 200, description = "A page of orders, newest first.", body = OrderListDto),
        (status = 401, description = "No valid key.", body = ProblemDocument, content_type = "application/problem+json"),
        (status = 422, description = "A search field is not valid.", body = ProblemDocument, content_type = "application/problem+json"),
    )
)]
pub async fn list_orders(
    State(rest): State<Ctx>,
    Authed(p): Authed,
    ApiQuery(q): ApiQuery<OrderSearch>,
) -> Result<Json<OrderListDto>, Problem> {
    let query = OrdersQuery {
        from: q.from.unwrap_or_default(),
        to: q.to.unwrap_or_default(),
        domain: q.domain.unwrap_or_default(),
        status: q.status.unwrap_or_default(),
        product: q.product.unwrap_or_default(),
        tag: q.tag.unwrap_or_default(),
        page: q.page,
    };
    let page = rest.orders.orders_page(&p.caller, &query).await?;
    Ok(Json(OrderListDto {
        orders: page.orders.into_iter().map(OrderSummaryDto::from).collect(),
        page: page.page,
        pages: page.pages,
        total: page.total,
    }))
}
