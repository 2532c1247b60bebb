//! `GET /api/v1/orders`: the orders the key's user may see, searched and paged as in the
//! portal's order list.

use app::i18n::Msg;
use app::model::{FieldErrors, orders::OrdersQuery};
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
    /// 1-based.
    #[param(minimum = 1)]
    pub page: Option<u64>,
    /// Orders a page, 1 to 100; 25 when not given.
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// Orders a page when the client does not say, and the most it may ask for.
pub const DEFAULT_PER_PAGE: u64 = 25;
pub const MAX_PER_PAGE: u64 = 100;

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
    let per_page = q.per_page.unwrap_or(DEFAULT_PER_PAGE);
    if !(1..=MAX_PER_PAGE).contains(&per_page) {
        return Err(Problem::invalid(FieldErrors::single(
            "per_page",
            Msg::new("err-choose-1-max-per-page").arg("max_per_page", MAX_PER_PAGE),
        )));
    }
    let query = OrdersQuery {
        from: q.from.unwrap_or_default(),
        to: q.to.unwrap_or_default(),
        domain: q.domain.unwrap_or_default(),
        status: q.status.unwrap_or_default(),
        product: q.product.unwrap_or_default(),
        tag: q.tag.unwrap_or_default(),
        page: q.page,
        ..OrdersQuery::default()
    };
    let page = rest
        .orders
        .orders_page_of(&p.caller, &query, per_page)
        .await?;
    Ok(Json(OrderListDto {
        orders: page.orders.into_iter().map(OrderSummaryDto::from).collect(),
        page: page.page,
        per_page,
        pages: page.pages,
        total: page.total,
    }))
}
