//! Axum's extractors answer bad input in plain text; the API answers every error as a
//! problem document, so these wrap them.

use axum::{
    extract::{FromRequestParts, Path, Query},
    http::request::Parts,
};
use serde::de::DeserializeOwned;

use super::problem::{Kind, Problem};

/// Declares an extractor that reads like axum's own but refuses bad input with a problem
/// document instead of plain text.
macro_rules! problem_extractor {
    ($(#[$doc:meta])* $name:ident wraps $inner:ident) => {
        $(#[$doc])*
        pub struct $name<T>(pub T);

        impl<T, S> FromRequestParts<S> for $name<T>
        where
            T: DeserializeOwned + Send,
            S: Send + Sync,
        {
            type Rejection = Problem;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
                $inner::<T>::from_request_parts(parts, state)
                    .await
                    .map(|$inner(v)| Self(v))
                    .map_err(|e| Problem::new(Kind::Malformed, e.body_text()))
            }
        }
    };
}

problem_extractor!(
    /// The path's parameters.
    ApiPath wraps Path
);
problem_extractor!(
    /// The query string.
    ApiQuery wraps Query
);

/// A JSON body, read after the key is checked so a request without a key learns nothing
/// about what the body should be.
pub fn json_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    serde_json::from_slice(bytes)
        .map_err(|e| Problem::new(Kind::Malformed, format!("The JSON body is not valid: {e}.")))
}
