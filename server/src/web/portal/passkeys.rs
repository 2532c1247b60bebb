//! `PasskeyApi` for the portal: passkeys on the profile, and signing in with one.

use app::{
    error::AppError,
    model::passkeys::{
        PasskeyAvailability, PasskeyChallengeView, PasskeyView, SecondFactorChoicesView,
        passkey_availability,
    },
    ports::{PasskeyApi, RequestMeta, SignedIn},
};
use async_trait::async_trait;

use super::{Portal, session_token};
use crate::services::identity::PasskeyChallenge;

fn challenge(c: PasskeyChallenge) -> PasskeyChallengeView {
    PasskeyChallengeView {
        ceremony: c.ceremony,
        options: c.options,
    }
}

#[async_trait]
impl PasskeyApi for Portal {
    async fn availability(&self, meta: &RequestMeta) -> Result<PasskeyAvailability, AppError> {
        let origin = self.identity.passkey_origin();
        Ok(passkey_availability(
            meta.host.as_deref(),
            origin.as_deref(),
        ))
    }

    async fn passkeys(&self, meta: &RequestMeta) -> Result<Vec<PasskeyView>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .passkeys(&caller)
            .await?
            .into_iter()
            .map(|p| PasskeyView {
                id: p.id,
                name: p.name,
                added_on: app::model::Day::from(p.created_at),
                last_used: p.last_used_at.map(app::model::Moment::from),
            })
            .collect())
    }

    async fn start_registration(
        &self,
        meta: &RequestMeta,
    ) -> Result<PasskeyChallengeView, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .start_passkey_registration(&caller)
            .await
            .map(challenge)?)
    }

    async fn finish_registration(
        &self,
        meta: &RequestMeta,
        ceremony: String,
        name: String,
        credential: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.identity
            .finish_passkey_registration(
                &caller,
                &ceremony,
                &name,
                &credential,
                Some(meta.ip.to_string()),
            )
            .await?;
        Ok(())
    }

    async fn rename(&self, meta: &RequestMeta, id: i32, name: String) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .rename_passkey(&caller, id, &name, Some(meta.ip.to_string()))
            .await?)
    }

    async fn remove(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .identity
            .remove_passkey(&caller, id, Some(meta.ip.to_string()))
            .await?)
    }

    async fn start_sign_in(&self, _meta: &RequestMeta) -> Result<PasskeyChallengeView, AppError> {
        Ok(self.identity.start_passkey_sign_in().await.map(challenge)?)
    }

    async fn finish_sign_in(
        &self,
        meta: &RequestMeta,
        ceremony: String,
        credential: String,
    ) -> Result<SignedIn, AppError> {
        let session = self
            .identity
            .finish_passkey_sign_in(
                &ceremony,
                &credential,
                &meta.ip.to_string(),
                meta.user_agent.as_deref(),
            )
            .await?;
        Ok(self.new_session(&session, self.secure_cookies))
    }

    async fn second_factor_choices(
        &self,
        meta: &RequestMeta,
    ) -> Result<SecondFactorChoicesView, AppError> {
        let c = self
            .identity
            .second_factor_choices(session_token(meta)?)
            .await?;
        Ok(SecondFactorChoicesView {
            code: c.code,
            passkey: c.passkey,
        })
    }

    async fn start_second_factor(
        &self,
        meta: &RequestMeta,
    ) -> Result<PasskeyChallengeView, AppError> {
        Ok(self
            .identity
            .start_passkey_second_factor(session_token(meta)?)
            .await
            .map(challenge)?)
    }

    async fn finish_second_factor(
        &self,
        meta: &RequestMeta,
        ceremony: String,
        credential: String,
    ) -> Result<(), AppError> {
        Ok(self
            .identity
            .finish_passkey_second_factor(
                session_token(meta)?,
                &ceremony,
                &credential,
                &meta.ip.to_string(),
            )
            .await?)
    }
}
