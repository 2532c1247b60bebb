//! Registering a passkey from the profile: the server's challenge, then the authenticator's
//! answer checked by webauthn-rs and stored.

use app::i18n::Msg;
use app::model::{FieldErrors, passkeys::CeremonyPurpose};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::Duration;
use webauthn_rs::prelude::{PasskeyRegistration, RegisterPublicKeyCredential, Uuid};
use webauthn_rs_proto::ResidentKeyRequirement;

use super::{Caller, IdentityError, IdentityService, passkeys::passkey_name};
use crate::{
    domain::secret_token::{hash_token, looks_like_token},
    services::audit::{self, AuditEntry},
    store::passkeys,
};

/// How long a browser has between the challenge and its answer.
pub(super) const CEREMONY_TTL: Duration = Duration::minutes(5);

pub(super) const REGISTER: CeremonyPurpose = CeremonyPurpose::Register;

/// A challenge for the browser: the options to hand to `navigator.credentials`, and the
/// token that names this ceremony when the answer comes back.
#[derive(Debug, Clone)]
pub struct PasskeyChallenge {
    pub ceremony: String,
    pub options: String,
}

pub(super) fn passkey_error(message: Msg) -> IdentityError {
    IdentityError::Invalid(FieldErrors::single("passkey", message))
}

pub(super) fn stale() -> IdentityError {
    passkey_error(Msg::new("err-passkey-request-has-expired-was"))
}

/// A ceremony token from the browser, hashed; `None` when it cannot be one of ours.
pub(super) fn ceremony_hash(token: &str) -> Option<String> {
    looks_like_token(token).then(|| hash_token(token))
}

pub(super) fn internal(e: impl std::fmt::Display) -> IdentityError {
    IdentityError::Sealing(format!("passkey state: {e}"))
}

impl IdentityService {
    /// Takes the ceremony a browser names for `purpose` and returns its state, when it has
    /// not expired and `belongs` accepts it (the caller's user or session); otherwise the one
    /// "start again" answer, whatever the reason.
    pub(super) async fn take_ceremony_state<T: serde::de::DeserializeOwned>(
        &self,
        token: &str,
        purpose: CeremonyPurpose,
        belongs: impl Fn(&passkeys::CeremonyRow) -> bool,
    ) -> Result<T, IdentityError> {
        let now = self.clock.now();
        let hash = ceremony_hash(token).ok_or_else(stale)?;
        let row = passkeys::take_ceremony(&self.store, &hash, purpose)
            .await?
            .filter(|c| c.expires_at > now && belongs(c))
            .ok_or_else(stale)?;
        serde_json::from_str(&row.state).map_err(internal)
    }

    /// The random handle the user's authenticators store for them, made on first use.
    async fn passkey_handle(&self, user_id: i32) -> Result<Uuid, IdentityError> {
        if let Some(h) = passkeys::handle_of(&self.store, user_id).await? {
            return Uuid::parse_str(&h).map_err(internal);
        }
        let mut bytes = [0u8; 16];
        self.random.fill(&mut bytes);
        let handle = uuid::Builder::from_random_bytes(bytes).into_uuid();
        passkeys::insert_handle(&self.store, user_id, &handle.to_string()).await?;
        Ok(handle)
    }

    pub async fn start_passkey_registration(
        &self,
        caller: &Caller,
    ) -> Result<PasskeyChallenge, IdentityError> {
        // Self-service: the caller's own passkeys.
        let rp = self.relying()?;
        let handle = self.passkey_handle(caller.user.id).await?;
        let existing = passkeys::of_user(&self.store, caller.user.id)
            .await?
            .iter()
            .filter_map(|p| URL_SAFE_NO_PAD.decode(&p.credential_id).ok())
            .collect();
        let (mut options, state) = rp
            .start_passkey_registration(
                handle,
                &caller.user.email,
                &caller.user.name,
                Some(existing),
            )
            .map_err(internal)?;
        // A discoverable credential is what lets the passkey sign in without an e-mail or
        // password; authenticators that cannot store one still work as a second factor.
        if let Some(selection) = options.public_key.authenticator_selection.as_mut() {
            selection.resident_key = Some(ResidentKeyRequirement::Preferred);
        }
        let token = self.new_token();
        passkeys::insert_ceremony(
            &self.store,
            passkeys::NewCeremony {
                token_hash: &token.hash,
                purpose: REGISTER,
                user_id: Some(caller.user.id),
                session_id: Some(caller.session_id()?),
                state: &serde_json::to_string(&state).map_err(internal)?,
                expires_at: self.clock.now() + CEREMONY_TTL,
            },
        )
        .await?;
        Ok(PasskeyChallenge {
            ceremony: token.plain,
            options: serde_json::to_string(&options).map_err(internal)?,
        })
    }

    /// Checks the authenticator's answer to the caller's challenge and keeps the passkey.
    pub async fn finish_passkey_registration(
        &self,
        caller: &Caller,
        ceremony: &str,
        name: &str,
        credential: &str,
        ip: Option<String>,
    ) -> Result<i32, IdentityError> {
        // Self-service: the caller's own passkeys.
        let rp = self.relying()?;
        let name = passkey_name(name)?;
        let credential: RegisterPublicKeyCredential = serde_json::from_str(credential)
            .map_err(|_| passkey_error(Msg::new("err-browser-s-answer-was-malformed")))?;
        let now = self.clock.now();
        let state: PasskeyRegistration = self
            .take_ceremony_state(ceremony, REGISTER, |c| {
                c.user_id == Some(caller.user.id)
                    && c.session_id.is_some()
                    && c.session_id == caller.session.as_ref().map(|s| s.id)
            })
            .await?;
        let passkey = rp
            .finish_passkey_registration(&credential, &state)
            .map_err(|e| super::passkeys::refusal(&e, self.passkey_origin().as_deref()))?;
        let credential_id = URL_SAFE_NO_PAD.encode(passkey.cred_id());
        let tx = self.store.begin().await?;
        if passkeys::find_by_credential(&tx, &credential_id)
            .await?
            .is_some()
        {
            return Err(passkey_error(Msg::new("err-passkey-already-registered")));
        }
        let id = passkeys::insert(
            &tx,
            passkeys::NewPasskey {
                user_id: caller.user.id,
                credential_id: &credential_id,
                name: &name,
                passkey: &serde_json::to_string(&passkey).map_err(internal)?,
                created_at: now,
            },
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "profile",
                action: "passkey_added",
                summary: format!("{} added the passkey \"{name}\"", caller.user.email),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::{
        Caller,
        soft_authenticator::SoftAuthenticator,
        test_support::{Harness, harness},
    };
    use super::*;

    pub const ORIGIN: &str = "http://portal.test";

    pub async fn caller(h: &Harness, token: &str) -> Caller {
        h.service.caller(token).await.unwrap().unwrap()
    }

    /// A signed-in user with one passkey on a software authenticator.
    pub async fn with_passkey(h: &Harness, email: &str) -> (String, SoftAuthenticator) {
        let token = h.signed_in(email).await;
        let c = caller(h, &token).await;
        let mut authenticator = SoftAuthenticator::new(ORIGIN);
        let challenge = h.service.start_passkey_registration(&c).await.unwrap();
        let answer = authenticator.register(&challenge.options);
        h.service
            .finish_passkey_registration(&c, &challenge.ceremony, "Laptop", &answer, None)
            .await
            .unwrap();
        (token, authenticator)
    }

    fn passkey_message(e: &IdentityError) -> String {
        match e {
            IdentityError::Invalid(errors) => errors.get("passkey").unwrap().to_string(),
            other => panic!("expected a passkey error, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn a_registered_passkey_is_listed_under_its_name_and_audited() {
        let h = harness().await;
        let (token, _) = with_passkey(&h, "asha@example.com").await;
        let list = h.service.passkeys(&caller(&h, &token).await).await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].name, "Laptop");
        assert!(list[0].last_used_at.is_none());
        let audit = crate::store::audit::all(&h.store).await.unwrap();
        assert_eq!(audit.last().unwrap().action, "passkey_added");
    }

    #[tokio::test]
    async fn the_challenge_asks_for_a_verified_user_and_a_discoverable_credential() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let challenge = h
            .service
            .start_passkey_registration(&caller(&h, &token).await)
            .await
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(&challenge.options).unwrap();
        let selection = &v["publicKey"]["authenticatorSelection"];
        assert_eq!(selection["userVerification"], "required");
        assert_eq!(selection["residentKey"], "preferred");
        assert_eq!(v["publicKey"]["rp"]["id"], "portal.test");
    }

    #[tokio::test]
    async fn an_answer_for_another_origin_is_refused_and_nothing_is_stored() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let c = caller(&h, &token).await;
        let challenge = h.service.start_passkey_registration(&c).await.unwrap();
        let mut authenticator = SoftAuthenticator::new("http://evil.test");
        let answer = authenticator.register(&challenge.options);
        let err = h
            .service
            .finish_passkey_registration(&c, &challenge.ceremony, "Laptop", &answer, None)
            .await
            .unwrap_err();
        assert!(
            passkey_message(&err).contains("another site"),
            "{}",
            passkey_message(&err)
        );
        assert!(h.service.passkeys(&c).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn a_challenge_is_answered_once() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let c = caller(&h, &token).await;
        let challenge = h.service.start_passkey_registration(&c).await.unwrap();
        let mut authenticator = SoftAuthenticator::new(ORIGIN);
        let answer = authenticator.register(&challenge.options);
        h.service
            .finish_passkey_registration(&c, &challenge.ceremony, "Laptop", &answer, None)
            .await
            .unwrap();
        let err = h
            .service
            .finish_passkey_registration(&c, &challenge.ceremony, "Laptop", &answer, None)
            .await
            .unwrap_err();
        assert!(passkey_message(&err).contains("expired or was already answered"));
        assert_eq!(h.service.passkeys(&c).await.unwrap().len(), 1);
    }

    #[tokio::test]
    async fn an_expired_challenge_is_refused() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let c = caller(&h, &token).await;
        let challenge = h.service.start_passkey_registration(&c).await.unwrap();
        h.clock.advance(CEREMONY_TTL + Duration::seconds(1));
        let answer = SoftAuthenticator::new(ORIGIN).register(&challenge.options);
        let c = caller(&h, &token).await;
        let err = h
            .service
            .finish_passkey_registration(&c, &challenge.ceremony, "Laptop", &answer, None)
            .await
            .unwrap_err();
        assert!(passkey_message(&err).contains("expired"));
    }

    #[tokio::test]
    async fn another_users_challenge_cannot_be_answered() {
        let h = harness().await;
        let asha = h.signed_in("asha@example.com").await;
        let ravi = h.signed_in("ravi@example.com").await;
        let challenge = h
            .service
            .start_passkey_registration(&caller(&h, &asha).await)
            .await
            .unwrap();
        let answer = SoftAuthenticator::new(ORIGIN).register(&challenge.options);
        let ravi = caller(&h, &ravi).await;
        assert!(
            h.service
                .finish_passkey_registration(&ravi, &challenge.ceremony, "Mine", &answer, None)
                .await
                .is_err()
        );
        assert!(h.service.passkeys(&ravi).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn malformed_answers_and_names_get_clear_errors() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let c = caller(&h, &token).await;
        let challenge = h.service.start_passkey_registration(&c).await.unwrap();
        let err = h
            .service
            .finish_passkey_registration(&c, &challenge.ceremony, "Laptop", "{not json", None)
            .await
            .unwrap_err();
        assert_eq!(passkey_message(&err), "The browser's answer was malformed.");
        let answer = SoftAuthenticator::new(ORIGIN).register(&challenge.options);
        let err = h
            .service
            .finish_passkey_registration(&c, &challenge.ceremony, " ", &answer, None)
            .await
            .unwrap_err();
        let IdentityError::Invalid(errors) = err else {
            panic!("expected field errors")
        };
        assert!(errors.get("name").is_some());
        // The bad name did not use up the challenge.
        h.service
            .finish_passkey_registration(&c, &challenge.ceremony, "Laptop", &answer, None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn without_a_host_name_passkeys_are_off_with_a_reason() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let c = caller(&h, &token).await;
        let service = h.identity();
        let service = std::sync::Arc::try_unwrap(service)
            .ok()
            .unwrap()
            .with_passkey_origin("http://127.0.0.1:3000");
        let err = service.start_passkey_registration(&c).await.unwrap_err();
        assert!(matches!(err, IdentityError::CannotUse(m) if m.to_string().contains("host name")));
    }
}
