//! The profile's authenticator app: set one up without being made to, get new recovery
//! codes, or remove it — unless the account enforces two-factor sign-in.

use app::i18n::Msg;
use app::model::FieldErrors;

use super::{Caller, Enrolment, IdentityError, IdentityService};
use crate::{
    domain::totp::{Totp, Verdict},
    services::audit::{self, AuditEntry},
    store::{two_factor, users},
};

/// Where the user's app stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppStatus {
    pub enrolled: bool,
    /// The account requires an app, so it cannot be removed.
    pub enforced: bool,
    pub recovery_codes_left: u64,
}

fn field(name: &str, message: Msg) -> IdentityError {
    IdentityError::Invalid(FieldErrors::single(name, message))
}

impl IdentityService {
    pub async fn authenticator_app(&self, caller: &Caller) -> Result<AppStatus, IdentityError> {
        // Self-service: the caller's own second factor.
        let enrolled = two_factor::totp_of(&self.store, caller.user.id)
            .await?
            .is_some_and(|t| t.confirmed_at.is_some());
        Ok(AppStatus {
            enrolled,
            enforced: caller.account.enforce_totp,
            recovery_codes_left: if enrolled {
                two_factor::unused_recovery_codes(&self.store, caller.user.id).await?
            } else {
                0
            },
        })
    }

    /// The secret to scan, for a user without an app yet.
    pub async fn start_authenticator_app(
        &self,
        caller: &Caller,
    ) -> Result<Enrolment, IdentityError> {
        // Self-service: the caller's own second factor.
        if self.authenticator_app(caller).await?.enrolled {
            return Err(IdentityError::CannotUse(Msg::new(
                "err-you-already-have-authenticator-app",
            )));
        }
        self.offered_secret(&caller.user).await
    }

    /// Confirms the app with its first code; returns the recovery codes (shown once).
    pub async fn confirm_authenticator_app(
        &self,
        caller: &Caller,
        code: &str,
        ip: Option<String>,
    ) -> Result<Vec<String>, IdentityError> {
        // Self-service: the caller's own second factor.
        let (step, codes, hashes) = self.check_offered(&caller.user, code).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        two_factor::accept_step(
            &tx,
            caller.user.id,
            i64::try_from(step).unwrap_or(i64::MAX),
            Some(now),
        )
        .await?;
        two_factor::replace_recovery_codes(&tx, caller.user.id, &hashes).await?;
        self.audit_app(
            &tx,
            caller,
            ip,
            "totp_enrolled",
            "set up an authenticator app",
        )
        .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// New recovery codes in place of the old ones, for a current code from the app (each
    /// code works once, as at sign-in).
    pub async fn renew_recovery_codes(
        &self,
        caller: &Caller,
        code: &str,
        ip: Option<String>,
    ) -> Result<Vec<String>, IdentityError> {
        // Self-service: the caller's own second factor.
        let row = two_factor::totp_of(&self.store, caller.user.id)
            .await?
            .filter(|t| t.confirmed_at.is_some())
            .ok_or_else(|| field("code", Msg::new("err-you-have-no-authenticator-app")))?;
        let secret = self
            .sealer
            .open(
                &super::two_factor::sealing_context(caller.user.id),
                &row.secret_sealed,
            )
            .map_err(|e| IdentityError::Sealing(e.to_string()))?;
        let totp = Totp::new(&secret).map_err(|e| IdentityError::Sealing(e.to_string()))?;
        let now = self.clock.now();
        let unix = u64::try_from(now.timestamp()).unwrap_or_default();
        let last = u64::try_from(row.last_step).unwrap_or_default();
        let step = match totp.verify(code.trim(), unix, last) {
            Verdict::Accepted { step } => step,
            Verdict::Replayed => {
                return Err(field("code", Msg::new("err-code-was-already-used-wait")));
            }
            Verdict::Wrong => {
                return Err(field("code", Msg::new("err-code-not-right-enter-current")));
            }
        };
        let (codes, hashes) = self.recovery_codes();
        let tx = self.store.begin().await?;
        if !two_factor::accept_step(
            &tx,
            caller.user.id,
            i64::try_from(step).unwrap_or(i64::MAX),
            None,
        )
        .await?
        {
            return Err(field("code", Msg::new("err-code-was-already-used-wait")));
        }
        two_factor::replace_recovery_codes(&tx, caller.user.id, &hashes).await?;
        self.audit_app(
            &tx,
            caller,
            ip,
            "recovery_codes_renewed",
            "made new recovery codes",
        )
        .await?;
        tx.commit().await?;
        Ok(codes)
    }

    /// Removes the app after checking the password; refused where the account requires one.
    pub async fn remove_authenticator_app(
        &self,
        caller: &Caller,
        password: &str,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        // Self-service: the caller's own second factor.
        if caller.account.enforce_totp {
            return Err(IdentityError::CannotUse(Msg::new(
                "err-account-requires-authenticator-app-so",
            )));
        }
        let user = users::find(&self.store, caller.user.id)
            .await?
            .ok_or(IdentityError::NoPendingSignIn)?;
        if !self
            .current_password_matches(&user, password, ip.as_deref())
            .await?
        {
            return Err(field("password", Msg::new("err-not-current-password-2")));
        }
        if !self.authenticator_app(caller).await?.enrolled {
            return Err(field(
                "password",
                Msg::new("err-you-have-no-authenticator-app"),
            ));
        }
        let tx = self.store.begin().await?;
        two_factor::remove(&tx, caller.user.id).await?;
        self.audit_app(
            &tx,
            caller,
            ip,
            "totp_removed",
            "removed their authenticator app",
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit_app(
        &self,
        tx: &crate::store::Tx,
        caller: &Caller,
        ip: Option<String>,
        action: &'static str,
        what: &str,
    ) -> Result<(), IdentityError> {
        audit::record(
            tx,
            self.clock.now(),
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "profile",
                action,
                summary: format!("{} {what}", caller.user.email),
            },
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::test_support::{Harness, PASSWORD, harness, test_sealer};
    use super::*;
    use crate::{ports::Clock, store::accounts};

    async fn signed_in(h: &Harness) -> (String, Caller) {
        let token = h.signed_in("asha@example.com").await;
        let caller = h.service.caller(&token).await.unwrap().unwrap();
        (token, caller)
    }

    /// The code the user's app shows now, read through the sealed secret.
    async fn code_now(h: &Harness, user_id: i32) -> String {
        let row = two_factor::totp_of(&h.store, user_id)
            .await
            .unwrap()
            .unwrap();
        let secret = test_sealer()
            .open(
                &super::super::two_factor::sealing_context(user_id),
                &row.secret_sealed,
            )
            .unwrap();
        let unix = u64::try_from(h.clock.now().timestamp()).unwrap();
        Totp::new(&secret).unwrap().code_at(unix)
    }

    #[tokio::test]
    async fn a_user_sets_up_an_app_unasked_and_is_then_asked_for_a_code() {
        let h = harness().await;
        let (_, caller) = signed_in(&h).await;
        assert!(!h.service.authenticator_app(&caller).await.unwrap().enrolled);
        h.service.start_authenticator_app(&caller).await.unwrap();
        let wrong = h
            .service
            .confirm_authenticator_app(&caller, "000000", None)
            .await;
        assert!(matches!(wrong, Err(IdentityError::Invalid(_))));
        let code = code_now(&h, caller.user.id).await;
        let recovery = h
            .service
            .confirm_authenticator_app(&caller, &code, None)
            .await
            .unwrap();
        assert_eq!(recovery.len(), 10);
        let status = h.service.authenticator_app(&caller).await.unwrap();
        assert!(status.enrolled);
        assert_eq!(status.recovery_codes_left, 10);
        let next = h
            .service
            .sign_in("asha@example.com", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();
        assert_eq!(next.second_factor, Some(super::super::SecondFactor::Code));
        assert!(matches!(
            h.service.start_authenticator_app(&caller).await,
            Err(IdentityError::CannotUse(_))
        ));
    }

    #[tokio::test]
    async fn new_recovery_codes_need_a_fresh_code_and_replace_the_old_ones() {
        let h = harness().await;
        let (_, caller) = signed_in(&h).await;
        h.service.start_authenticator_app(&caller).await.unwrap();
        let first = code_now(&h, caller.user.id).await;
        let old = h
            .service
            .confirm_authenticator_app(&caller, &first, None)
            .await
            .unwrap();
        let replayed = h.service.renew_recovery_codes(&caller, &first, None).await;
        assert!(
            matches!(&replayed, Err(IdentityError::Invalid(e)) if e.get("code").is_some_and(|m| m.to_string().contains("already used"))),
            "{replayed:?}"
        );
        h.clock.advance(Duration::seconds(30));
        let fresh = code_now(&h, caller.user.id).await;
        let new = h
            .service
            .renew_recovery_codes(&caller, &fresh, None)
            .await
            .unwrap();
        assert_ne!(new, old);
        let s = h
            .service
            .sign_in("asha@example.com", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();
        assert!(
            h.service
                .verify_second_factor(&s.token, &old[0], "192.0.2.1")
                .await
                .is_err(),
            "the old codes are gone"
        );
        h.service
            .verify_second_factor(&s.token, &new[0], "192.0.2.1")
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn removing_the_app_needs_the_password_and_is_refused_where_enforced() {
        let h = harness().await;
        let (token, caller) = signed_in(&h).await;
        h.service.start_authenticator_app(&caller).await.unwrap();
        let code = code_now(&h, caller.user.id).await;
        h.service
            .confirm_authenticator_app(&caller, &code, None)
            .await
            .unwrap();
        let err = h
            .service
            .remove_authenticator_app(&caller, "not my password 1", None)
            .await
            .unwrap_err();
        assert!(matches!(err, IdentityError::Invalid(e) if e.get("password").is_some()));

        // The session predates the setting; the caller is read afresh at each request.
        accounts::set_enforce_totp(&h.store, caller.account.id, true)
            .await
            .unwrap();
        let enforced = h.service.caller(&token).await.unwrap().unwrap();
        assert!(matches!(
            h.service
                .remove_authenticator_app(&enforced, PASSWORD, None)
                .await,
            Err(IdentityError::CannotUse(_))
        ));
        assert!(
            h.service
                .authenticator_app(&enforced)
                .await
                .unwrap()
                .enrolled
        );

        accounts::set_enforce_totp(&h.store, caller.account.id, false)
            .await
            .unwrap();
        let caller = h.service.caller(&token).await.unwrap().unwrap();
        h.service
            .remove_authenticator_app(&caller, PASSWORD, None)
            .await
            .unwrap();
        assert!(!h.service.authenticator_app(&caller).await.unwrap().enrolled);
        let s = h
            .service
            .sign_in("asha@example.com", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();
        assert_eq!(s.second_factor, None, "the password alone signs in again");
    }
}
