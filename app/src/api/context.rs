use leptos::prelude::*;

use crate::model::order_done::OrderDone;
use crate::{
    error::AppError,
    model::orders::PlacedOrder,
    ports::{Backend, RequestMeta, SetCookie},
};

/// Runs a server function's body with the backend and the facts about this request, and gives
/// a failure its HTTP status (see [`respond`]). The body is a closure so it can own both while
/// it borrows them for the one backend call it makes.
pub(crate) async fn call<T, F, Fut>(body: F) -> Result<T, AppError>
where
    F: FnOnce(Backend, RequestMeta) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    let result = match backend() {
        Ok((backend, meta)) => body(backend, meta).await,
        Err(error) => Err(error),
    };
    respond(result)
}

/// [`call`] for a plain form post: once the body succeeded, the browser goes on to `to`.
pub(crate) async fn call_then_redirect<T, F, Fut>(to: &str, body: F) -> Result<(), AppError>
where
    F: FnOnce(Backend, RequestMeta) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    call(|backend, meta| async move {
        body(backend, meta).await?;
        leptos_axum::redirect(to);
        Ok(())
    })
    .await
}

/// [`call_then_redirect`] for an action on order `id`: the browser goes back to the order,
/// whose notice says what `done` names.
pub(crate) async fn call_then_order<T, F, Fut>(
    id: i32,
    done: OrderDone,
    body: F,
) -> Result<(), AppError>
where
    F: FnOnce(Backend, RequestMeta) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    call_then_redirect(&done.order_page(id), body).await
}

/// [`call_then_redirect`] for a change to group `id` made on its page: the browser goes back to
/// the group's page, whose query (`what`, e.g. `member=added`) asks for the notice.
pub(crate) async fn call_then_group<T, F, Fut>(id: i32, what: &str, body: F) -> Result<(), AppError>
where
    F: FnOnce(Backend, RequestMeta) -> Fut,
    Fut: Future<Output = Result<T, AppError>>,
{
    call_then_redirect(&format!("/groups/{id}?{what}"), body).await
}

/// [`call`] for an action that makes a new linked order (a reissue, a renewal, a names change):
/// the browser goes on to the new order.
pub(crate) async fn call_then_new_order<F, Fut>(done: OrderDone, body: F) -> Result<(), AppError>
where
    F: FnOnce(Backend, RequestMeta) -> Fut,
    Fut: Future<Output = Result<PlacedOrder, AppError>>,
{
    call(|backend, meta| async move {
        let placed = body(backend, meta).await?;
        leptos_axum::redirect(&done.order_page(placed.id));
        Ok(())
    })
    .await
}

/// The backend and the facts about this request, as the server provided them.
fn backend() -> Result<(Backend, RequestMeta), AppError> {
    let missing = |what: &str| {
        leptos::logging::error!("server function called without {what} in context");
        AppError::Internal {
            incident_id: "context".into(),
        }
    };
    let backend = use_context::<Backend>().ok_or_else(|| missing("the backend"))?;
    let meta = use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestMeta>().cloned())
        .ok_or_else(|| missing("request metadata"))?;
    Ok((backend, meta))
}

/// Attaches a `Set-Cookie` header to the server function's response.
pub(crate) fn set_cookie(cookie: SetCookie) -> Result<(), AppError> {
    let value = http::HeaderValue::from_str(&cookie.0).map_err(|_| AppError::Internal {
        incident_id: "cookie".into(),
    })?;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(http::header::SET_COOKIE, value);
    }
    Ok(())
}

/// Whether this request is a form the browser posted itself (no script): such a post wants a
/// page back, and its answer is the redirect to the form's page, whose address carries the
/// error. Leptos's client asks for its server functions' answers as data, never as HTML.
pub(crate) fn is_plain_form_post() -> bool {
    use_context::<http::request::Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    })
}

/// Gives a failed server function the HTTP status of its error, so API clients can tell a
/// refusal from a fault. Plain HTML form posts keep the redirect that carries the error back
/// to the form.
fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result
        && let (false, Some(response), Ok(status)) = (
            is_plain_form_post(),
            use_context::<leptos_axum::ResponseOptions>(),
            http::StatusCode::from_u16(error.status_code()),
        )
    {
        response.set_status(status);
    }
    result
}
