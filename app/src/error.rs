use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use serde::{Deserialize, Serialize};

use crate::{
    i18n::{Lang, Msg, tr, tr_args},
    model::FieldErrors,
};

/// What a user may see when something does not work. Internal detail stays in the server log;
/// the browser only gets an incident id to quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("We could not find that.")]
    NotFound,
    #[error("Please sign in to continue.")]
    Unauthenticated,
    /// One answer for an unknown e-mail and a wrong password, so neither can be told apart.
    #[error("The e-mail address or password is incorrect.")]
    InvalidCredentials,
    #[error("Your role does not allow this action.")]
    Forbidden,
    #[error("Please correct the highlighted fields.")]
    Validation(FieldErrors),
    #[error("{0}")]
    Conflict(Msg),
    #[error("{}", join(.0, Lang::En))]
    PolicyRejected(Vec<Msg>),
    #[error("Too many attempts. Wait {retry_after_secs} seconds and try again.")]
    RateLimited { retry_after_secs: u64 },
    #[error(
        "Something went wrong on our side. Quote incident {incident_id} if you contact support."
    )]
    Internal { incident_id: String },
    #[error("The request could not be completed ({0}). Check your connection and try again.")]
    Transport(String),
    /// The request itself was malformed (e.g. a missing or mistyped argument of an API call).
    #[error("The request was malformed: {0}.")]
    BadRequest(String),
}

impl AppError {
    /// The HTTP status that says what kind of failure this is, for API clients.
    pub fn status_code(&self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::Unauthenticated | Self::InvalidCredentials => 401,
            Self::Forbidden => 403,
            Self::Validation(_) | Self::PolicyRejected(_) => 422,
            Self::Conflict(_) => 409,
            Self::RateLimited { .. } => 429,
            Self::Internal { .. } => 500,
            Self::Transport(_) => 502,
            Self::BadRequest(_) => 400,
        }
    }

    /// The message in `lang`: the kinds of failure every page shares, and a service's own
    /// explanation (a conflict, a policy's reasons), all from the catalogue. A malformed
    /// request's detail is technical and stays as the parser gave it.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::NotFound => tr(lang, "error-not-found"),
            Self::Unauthenticated => tr(lang, "error-unauthenticated"),
            Self::InvalidCredentials => tr(lang, "error-invalid-credentials"),
            Self::Forbidden => tr(lang, "error-forbidden"),
            Self::Validation(_) => tr(lang, "error-validation"),
            Self::RateLimited { retry_after_secs } => tr_args(
                lang,
                "error-rate-limited",
                &[("seconds", (*retry_after_secs).into())],
            ),
            Self::Internal { incident_id } => tr_args(
                lang,
                "error-internal",
                &[("incident", incident_id.as_str().into())],
            ),
            Self::Transport(detail) => tr_args(
                lang,
                "error-transport",
                &[("detail", detail.as_str().into())],
            ),
            Self::PolicyRejected(reasons) => join(reasons, lang),
            Self::Conflict(reason) => reason.text(lang),
            Self::BadRequest(detail) => tr_args(
                lang,
                "err-bad-request",
                &[("detail", detail.as_str().into())],
            ),
        }
    }

    /// The message for one field, when this is a validation error, in the language of the
    /// page being rendered (so call it while rendering: on the server it is the request's
    /// language, in the browser the one the server rendered).
    pub fn field(&self, name: &str) -> Option<String> {
        self.field_msg(name)
            .map(|m| m.text(crate::i18n::use_lang()))
    }

    /// The message for one field, when this is a validation error.
    pub fn field_msg(&self, name: &str) -> Option<Msg> {
        match self {
            Self::Validation(errors) => errors.get(name).cloned(),
            _ => None,
        }
    }
}

/// A policy's reasons in `lang`, one sentence after another.
fn join(reasons: &[Msg], lang: Lang) -> String {
    reasons
        .iter()
        .map(|m| m.text(lang))
        .collect::<Vec<_>>()
        .join(" ")
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        Self::Validation(errors)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport(value.to_string())
    }
}
