//! Signing in with a passkey: without a password (the authenticator names the user and
//! verifies them, so it is both factors), or as the second factor after the password.

use app::i18n::Msg;
use app::model::passkeys::CeremonyPurpose;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyAuthentication, PublicKeyCredential,
};

use super::{
    IdentityError, IdentityService, NewSession,
    passkey_registration::{CEREMONY_TTL, PasskeyChallenge, internal, passkey_error},
    passkeys::refusal,
    sign_in::SessionOrigin,
};
use crate::store::{passkeys, sessions, sign_in_attempts, users};

const SIGN_IN: CeremonyPurpose = CeremonyPurpose::SignIn;
const SECOND_FACTOR: CeremonyPurpose = CeremonyPurpose::SecondFactor;

/// Which second factors a half-done sign-in can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SecondFactorChoices {
    pub code: bool,
    pub passkey: bool,
}

fn parse_answer(credential: &str) -> Result<PublicKeyCredential, IdentityError> {
    serde_json::from_str(credential)
        .map_err(|_| passkey_error(Msg::new("err-browser-s-answer-was-malformed")))
}

impl IdentityService {
    async fn new_ceremony(
        &self,
        purpose: CeremonyPurpose,
        user_id: Option<i32>,
        session_id: Option<i32>,
        state: String,
        options: String,
    ) -> Result<PasskeyChallenge, IdentityError> {
        let token = self.new_token();
        passkeys::insert_ceremony(
            &self.store,
            passkeys::NewCeremony {
                token_hash: &token.hash,
                purpose,
                user_id,
                session_id,
                state: &state,
                expires_at: self.clock.now() + CEREMONY_TTL,
            },
        )
        .await?;
        Ok(PasskeyChallenge {
            ceremony: token.plain,
            options,
        })
    }

    /// A challenge any of the portal's passkeys can answer; the answer says whose it is.
    pub async fn start_passkey_sign_in(&self) -> Result<PasskeyChallenge, IdentityError> {
        let rp = self.relying()?;
        // Forgetting abandoned ceremonies here keeps the table small without another job.
        passkeys::delete_expired_ceremonies(&self.store, self.clock.now()).await?;
        let (mut options, state) = rp.start_discoverable_authentication().map_err(internal)?;
        // The user pressed a button: a modal prompt, not the autofill of conditional mediation.
        options.mediation = None;
        self.new_ceremony(
            SIGN_IN,
            None,
            None,
            serde_json::to_string(&state).map_err(internal)?,
            serde_json::to_string(&options).map_err(internal)?,
        )
        .await
    }

    /// Signs in with a passkey's answer and no password. The passkey must be registered to
    /// the user its authenticator names; failures count towards the client's throttle.
    pub async fn finish_passkey_sign_in(
        &self,
        ceremony: &str,
        credential: &str,
        ip: &str,
        user_agent: Option<&str>,
    ) -> Result<NewSession, IdentityError> {
        let rp = self.relying()?;
        let claim = self.throttled(None, ip).await?;
        let credential = parse_answer(credential)?;
        let now = self.clock.now();
        let state: DiscoverableAuthentication = self
            .take_ceremony_state(ceremony, SIGN_IN, |_| true)
            .await?;
        let origin = self.passkey_origin();
        let (handle, credential_id) = rp
            .identify_discoverable_authentication(&credential)
            .map_err(|e| refusal(&e, origin.as_deref()))?;
        let credential_id = URL_SAFE_NO_PAD.encode(credential_id);
        let owner = passkeys::user_of_handle(&self.store, &handle.to_string()).await?;
        let stored = passkeys::find_by_credential(&self.store, &credential_id)
            .await?
            .filter(|p| Some(p.user_id) == owner);
        let Some(stored) = stored else {
            self.passkey_failure(claim, None, ip).await?;
            return Err(passkey_error(Msg::new(
                "err-passkey-not-registered-here-sign",
            )));
        };
        let user = users::find(&self.store, stored.user_id)
            .await?
            .ok_or(IdentityError::BadCredentials)?;
        let mut passkey: Passkey = serde_json::from_str(&stored.passkey).map_err(internal)?;
        let result = match rp.finish_discoverable_authentication_v2(&credential, state, &passkey) {
            Ok(r) => r,
            Err(e) => {
                self.passkey_failure(claim, Some(&user), ip).await?;
                return Err(refusal(&e, origin.as_deref()));
            }
        };
        if user.status != app::model::user_status::UserStatus::Active {
            self.passkey_failure(claim, Some(&user), ip).await?;
            return Err(IdentityError::BadCredentials);
        }
        sign_in_attempts::forgive(&self.store, claim).await?;
        passkey.update_credential(&result);
        passkeys::record_use(
            &self.store,
            stored.id,
            &serde_json::to_string(&passkey).map_err(internal)?,
            now,
        )
        .await?;
        let account = self.account_to_enter(&user).await?;
        self.open_session(
            &user,
            &account,
            None,
            SessionOrigin {
                ip,
                user_agent,
                how: &format!("the passkey \"{}\"", stored.name),
            },
        )
        .await
    }

    async fn passkey_failure(
        &self,
        claim: sign_in_attempts::Claim,
        user: Option<&crate::store::UserRow>,
        ip: &str,
    ) -> Result<(), IdentityError> {
        self.record_failure(Some(claim), user.map_or("", |u| u.email.as_str()), ip, user)
            .await
    }

    /// What the second-factor page offers a half-done sign-in.
    pub async fn second_factor_choices(
        &self,
        token: &str,
    ) -> Result<SecondFactorChoices, IdentityError> {
        let (_, user) = self.pending(token, sessions::SECOND_FACTOR_CODE).await?;
        let code = crate::store::two_factor::totp_of(&self.store, user.id)
            .await?
            .is_some_and(|t| t.confirmed_at.is_some());
        let passkey =
            self.webauthn.is_some() && passkeys::count_of(&self.store, user.id).await? > 0;
        Ok(SecondFactorChoices { code, passkey })
    }

    /// A challenge only the passkeys of the half-signed-in user can answer.
    pub async fn start_passkey_second_factor(
        &self,
        token: &str,
    ) -> Result<PasskeyChallenge, IdentityError> {
        let rp = self.relying()?;
        let (session, user) = self.pending(token, sessions::SECOND_FACTOR_CODE).await?;
        let keys = passkeys::of_user(&self.store, user.id)
            .await?
            .iter()
            .map(|p| serde_json::from_str::<Passkey>(&p.passkey))
            .collect::<Result<Vec<_>, _>>()
            .map_err(internal)?;
        if keys.is_empty() {
            return Err(passkey_error(Msg::new("err-you-have-no-passkey-enter")));
        }
        let (options, state) = rp.start_passkey_authentication(&keys).map_err(internal)?;
        self.new_ceremony(
            SECOND_FACTOR,
            Some(user.id),
            Some(session.id),
            serde_json::to_string(&state).map_err(internal)?,
            serde_json::to_string(&options).map_err(internal)?,
        )
        .await
    }

    /// Completes a password sign-in with a passkey's answer.
    pub async fn finish_passkey_second_factor(
        &self,
        token: &str,
        ceremony: &str,
        credential: &str,
        ip: &str,
    ) -> Result<(), IdentityError> {
        let rp = self.relying()?;
        let (session, user) = self.pending(token, sessions::SECOND_FACTOR_CODE).await?;
        let claim = self.throttled(Some(&user.email), ip).await?;
        let credential = parse_answer(credential)?;
        let now = self.clock.now();
        let state: PasskeyAuthentication = self
            .take_ceremony_state(ceremony, SECOND_FACTOR, |c| {
                c.session_id == Some(session.id)
            })
            .await?;
        let result = match rp.finish_passkey_authentication(&credential, &state) {
            Ok(r) => r,
            Err(e) => {
                self.passkey_failure(claim, Some(&user), ip).await?;
                return Err(refusal(&e, self.passkey_origin().as_deref()));
            }
        };
        let credential_id = URL_SAFE_NO_PAD.encode(result.cred_id());
        let tx = self.store.begin().await?;
        if let Some(stored) = passkeys::find_by_credential(&tx, &credential_id)
            .await?
            .filter(|p| p.user_id == user.id)
        {
            let mut passkey: Passkey = serde_json::from_str(&stored.passkey).map_err(internal)?;
            passkey.update_credential(&result);
            passkeys::record_use(
                &tx,
                stored.id,
                &serde_json::to_string(&passkey).map_err(internal)?,
                now,
            )
            .await?;
        }
        self.second_factor_done(tx, claim, &session, &user, ip, "a passkey")
            .await
    }
}

#[cfg(test)]
mod tests {
    use super::super::{
        passkey_registration::tests::{ORIGIN, caller, with_passkey},
        soft_authenticator::SoftAuthenticator,
        test_support::harness,
    };
    use super::*;
    use crate::{
        domain::identity_limits::SIGN_IN_WINDOW, services::identity::SecondFactor,
        store::sign_in_attempts,
    };

    fn passkey_message(e: &IdentityError) -> String {
        match e {
            IdentityError::Invalid(errors) => errors.get("passkey").unwrap().to_string(),
            other => panic!("expected a passkey error, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn a_passkey_signs_in_without_a_password_or_second_factor() {
        let h = harness().await;
        let (_, mut authenticator) = with_passkey(&h, "asha@example.com").await;
        let challenge = h.service.start_passkey_sign_in().await.unwrap();
        let answer = authenticator.assert(&challenge.options);
        let session = h
            .service
            .finish_passkey_sign_in(&challenge.ceremony, &answer, "192.0.2.1", None)
            .await
            .unwrap();
        assert_eq!(session.second_factor, None);
        let view = h
            .service
            .current_session(&session.token)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(view.user_email, "asha@example.com");
        let c = caller(&h, &session.token).await;
        assert!(
            h.service.passkeys(&c).await.unwrap()[0]
                .last_used_at
                .is_some()
        );
        let audit = crate::store::audit::all(&h.store).await.unwrap();
        assert!(
            audit
                .last()
                .unwrap()
                .summary
                .contains("signed in with the passkey \"Laptop\"")
        );
    }

    #[tokio::test]
    async fn the_sign_in_challenge_lists_no_credentials_and_is_modal() {
        let h = harness().await;
        let challenge = h.service.start_passkey_sign_in().await.unwrap();
        let v: serde_json::Value = serde_json::from_str(&challenge.options).unwrap();
        assert!(v.get("mediation").is_none_or(serde_json::Value::is_null));
        assert!(
            v["publicKey"]["allowCredentials"]
                .as_array()
                .is_none_or(Vec::is_empty)
        );
    }

    #[tokio::test]
    async fn a_replayed_sign_in_answer_is_refused() {
        let h = harness().await;
        let (_, mut authenticator) = with_passkey(&h, "asha@example.com").await;
        let challenge = h.service.start_passkey_sign_in().await.unwrap();
        let answer = authenticator.assert(&challenge.options);
        h.service
            .finish_passkey_sign_in(&challenge.ceremony, &answer, "192.0.2.1", None)
            .await
            .unwrap();
        let err = h
            .service
            .finish_passkey_sign_in(&challenge.ceremony, &answer, "192.0.2.1", None)
            .await
            .unwrap_err();
        assert!(passkey_message(&err).contains("already answered"));
    }

    #[tokio::test]
    async fn an_unregistered_passkey_is_refused_and_counts_as_a_failure() {
        let h = harness().await;
        let (_, _) = with_passkey(&h, "asha@example.com").await;
        let mut stranger = SoftAuthenticator::new(ORIGIN);
        stranger.user_handle = b"0123456789abcdef".to_vec();
        let challenge = h.service.start_passkey_sign_in().await.unwrap();
        let err = h
            .service
            .finish_passkey_sign_in(
                &challenge.ceremony,
                &stranger.assert(&challenge.options),
                "192.0.2.9",
                None,
            )
            .await
            .unwrap_err();
        assert!(passkey_message(&err).contains("not registered here"));
        let since = crate::ports::Clock::now(h.clock.as_ref()) - SIGN_IN_WINDOW;
        assert_eq!(
            sign_in_attempts::failures_for_ip(&h.store, "192.0.2.9", since)
                .await
                .unwrap(),
            1
        );
    }

    #[tokio::test]
    async fn a_passkey_answering_for_another_origin_does_not_sign_in() {
        let h = harness().await;
        let (_, mut authenticator) = with_passkey(&h, "asha@example.com").await;
        authenticator.origin = "http://evil.test".into();
        let challenge = h.service.start_passkey_sign_in().await.unwrap();
        let err = h
            .service
            .finish_passkey_sign_in(
                &challenge.ceremony,
                &authenticator.assert(&challenge.options),
                "192.0.2.1",
                None,
            )
            .await
            .unwrap_err();
        assert!(passkey_message(&err).contains("another site"));
    }

    #[tokio::test]
    async fn a_removed_passkey_no_longer_signs_in() {
        let h = harness().await;
        let (token, mut authenticator) = with_passkey(&h, "asha@example.com").await;
        let c = caller(&h, &token).await;
        let id = h.service.passkeys(&c).await.unwrap()[0].id;
        h.service.remove_passkey(&c, id, None).await.unwrap();
        let challenge = h.service.start_passkey_sign_in().await.unwrap();
        assert!(
            h.service
                .finish_passkey_sign_in(
                    &challenge.ceremony,
                    &authenticator.assert(&challenge.options),
                    "192.0.2.1",
                    None,
                )
                .await
                .is_err()
        );
    }

    #[tokio::test]
    async fn with_a_passkey_the_password_alone_is_not_enough_and_the_passkey_completes_it() {
        let h = harness().await;
        let (_, mut authenticator) = with_passkey(&h, "asha@example.com").await;
        let session = h
            .service
            .sign_in(
                "asha@example.com",
                super::super::test_support::PASSWORD,
                "192.0.2.1",
                None,
            )
            .await
            .unwrap();
        assert_eq!(session.second_factor, Some(SecondFactor::Code));
        assert!(h.service.caller(&session.token).await.unwrap().is_none());
        let choices = h
            .service
            .second_factor_choices(&session.token)
            .await
            .unwrap();
        assert_eq!(
            choices,
            SecondFactorChoices {
                code: false,
                passkey: true
            }
        );
        let challenge = h
            .service
            .start_passkey_second_factor(&session.token)
            .await
            .unwrap();
        h.service
            .finish_passkey_second_factor(
                &session.token,
                &challenge.ceremony,
                &authenticator.assert(&challenge.options),
                "192.0.2.1",
            )
            .await
            .unwrap();
        assert!(h.service.caller(&session.token).await.unwrap().is_some());
    }

    #[tokio::test]
    async fn another_users_passkey_cannot_complete_a_sign_in() {
        let h = harness().await;
        let (_, _) = with_passkey(&h, "asha@example.com").await;
        let (_, mut ravis) = with_passkey(&h, "ravi@example.com").await;
        let session = h
            .service
            .sign_in(
                "asha@example.com",
                super::super::test_support::PASSWORD,
                "192.0.2.1",
                None,
            )
            .await
            .unwrap();
        let challenge = h
            .service
            .start_passkey_second_factor(&session.token)
            .await
            .unwrap();
        let err = h
            .service
            .finish_passkey_second_factor(
                &session.token,
                &challenge.ceremony,
                &ravis.assert(&challenge.options),
                "192.0.2.1",
            )
            .await
            .unwrap_err();
        assert!(matches!(err, IdentityError::Invalid(_)));
        assert!(h.service.caller(&session.token).await.unwrap().is_none());
    }
}
