use leptos::prelude::*;

use crate::{
    error::AppError,
    ports::{Backend, RequestMeta, SetCookie},
};

/// The backend and the facts about this request, as the server provided them.
pub(crate) fn backend() -> Result<(Backend, RequestMeta), AppError> {
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

/// Gives a failed server function the HTTP status of its error, so API clients can tell a
/// refusal from a fault. Plain HTML form posts keep the redirect that carries the error back
/// to the form.
pub(crate) fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(error) = &result {
        let form_post = use_context::<http::request::Parts>().is_some_and(|parts| {
            parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
        });
        if let (false, Some(response), Ok(status)) = (
            form_post,
            use_context::<leptos_axum::ResponseOptions>(),
            http::StatusCode::from_u16(error.status_code()),
        ) {
            response.set_status(status);
        }
    }
    result
}
