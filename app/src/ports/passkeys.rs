//! Passkeys on the profile and at sign-in.

use async_trait::async_trait;

use crate::{error::AppError, ports::request::RequestMeta, ports::session::SignedIn};

/// Passkeys: registering and managing them on the profile, and signing in with one.
#[async_trait]
pub trait PasskeyApi: Send + Sync {
    /// Whether passkeys can work at the address this request was made to.
    async fn availability(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::passkeys::PasskeyAvailability, AppError>;
    async fn passkeys(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::passkeys::PasskeyView>, AppError>;
    async fn start_registration(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::passkeys::PasskeyChallengeView, AppError>;
    async fn finish_registration(
        &self,
        meta: &RequestMeta,
        ceremony: String,
        name: String,
        credential: String,
    ) -> Result<(), AppError>;
    async fn rename(&self, meta: &RequestMeta, id: i32, name: String) -> Result<(), AppError>;
    async fn remove(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    async fn start_sign_in(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::passkeys::PasskeyChallengeView, AppError>;
    async fn finish_sign_in(
        &self,
        meta: &RequestMeta,
        ceremony: String,
        credential: String,
    ) -> Result<SignedIn, AppError>;
    async fn second_factor_choices(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::passkeys::SecondFactorChoicesView, AppError>;
    async fn start_second_factor(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::passkeys::PasskeyChallengeView, AppError>;
    async fn finish_second_factor(
        &self,
        meta: &RequestMeta,
        ceremony: String,
        credential: String,
    ) -> Result<(), AppError>;
}
