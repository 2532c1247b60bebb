//! What the portal shows for the access-key service's errors.

use app::error::AppError;

use super::portal::{identity_error, incident};
use crate::services::api_keys::ApiKeyError;

pub(super) fn api_key_error(e: ApiKeyError) -> AppError {
    match e {
        ApiKeyError::Unauthenticated => AppError::Unauthenticated,
        ApiKeyError::Forbidden(_) | ApiKeyError::AddressRefused(_) => AppError::Forbidden,
        ApiKeyError::NotFound => AppError::NotFound,
        ApiKeyError::Invalid(errors) => AppError::Validation(errors),
        ApiKeyError::Refused(reason) => AppError::Conflict(reason),
        ApiKeyError::Identity(e) => identity_error(e),
        other @ ApiKeyError::Store(_) => incident(&other),
    }
}
