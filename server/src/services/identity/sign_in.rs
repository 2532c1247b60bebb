use app::i18n::Msg;
use app::model::{AccountStatus, Email, FieldErrors};
use chrono::{DateTime, Utc};

use super::{IdentityError, IdentityService, passwords};
use crate::{
    domain::identity_limits::{SESSION_MAX_AGE, SIGN_IN_WINDOW, sign_in_allowed},
    services::audit::{self, AuditEntry},
    store::{
        AccountRow, UserRow, accounts, memberships, passkeys, sessions,
        sign_in_attempts::{self, Claim},
        two_factor, users,
    },
};

/// A session just created: the token goes into the cookie, only its hash into the database.
pub struct NewSession {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    /// The user belongs to more than one account and should pick the one to work in.
    pub choose_account: bool,
    /// What the user must still do before the session works: enrol an authenticator app or
    /// enter a code (`None` when the password was enough).
    pub second_factor: Option<SecondFactor>,
    /// The user's saved language: the portal opens in it from now on.
    pub lang: Option<app::i18n::Lang>,
}

/// Where a sign-in comes from, and how the user proved who they are.
pub(super) struct SessionOrigin<'a> {
    pub ip: &'a str,
    pub user_agent: Option<&'a str>,
    pub how: &'a str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondFactor {
    Enrol,
    Code,
}

impl std::fmt::Debug for NewSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The token is a bearer secret: never in logs.
        f.debug_struct("NewSession")
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

impl IdentityService {
    /// Signs in with e-mail and password. An unknown address and a wrong password get the same
    /// answer, after the same work; failures are throttled per address and per client.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        ip: &str,
        user_agent: Option<&str>,
    ) -> Result<NewSession, IdentityError> {
        let mut errors = FieldErrors::new();
        let email = errors.check("email", Email::parse(email));
        if password.is_empty() {
            errors.add("password", Msg::new("err-enter-password"));
        }
        let Some(email) = email.filter(|_| errors.is_empty()) else {
            return Err(IdentityError::Invalid(errors));
        };

        let claim = self.throttled(Some(email.as_str()), ip).await?;

        let user = users::find_by_email(&self.store, email.as_str()).await?;
        let verified = passwords::verify(
            password,
            user.as_ref().and_then(|u| u.password_hash.as_deref()),
        )
        .await;
        let user = match user {
            Some(u) if verified && u.status == app::model::user_status::UserStatus::Active => u,
            other => {
                self.record_failure(Some(claim), email.as_str(), ip, other.as_ref())
                    .await?;
                return Err(IdentityError::BadCredentials);
            }
        };
        sign_in_attempts::forgive(&self.store, claim).await?;
        let account = self.account_to_enter(&user).await?;
        let second_factor = self.second_factor_owed(&user, &account).await?;
        self.open_session(
            &user,
            &account,
            second_factor,
            SessionOrigin {
                ip,
                user_agent,
                how: "",
            },
        )
        .await
    }

    /// Records a sign-in step as failed before it is checked, and refuses it (unchecked, and
    /// forgotten again) while failures for the address (when known) or the client are over
    /// the limit. The step forgives the claim when it succeeds; until then it counts, so
    /// concurrent guesses cannot all pass the count before any of them is recorded.
    pub(super) async fn throttled(
        &self,
        email: Option<&str>,
        ip: &str,
    ) -> Result<Claim, IdentityError> {
        let now = self.clock.now();
        let (claim, for_email, for_ip) =
            sign_in_attempts::claim(&self.store, email, ip, now, now - SIGN_IN_WINDOW).await?;
        // The counts include this attempt; the rule speaks of the failures before it.
        let (email_seen, ip_seen) = (for_email.saturating_sub(1), for_ip.saturating_sub(1));
        let Err(wait) = sign_in_allowed(email_seen, ip_seen) else {
            return Ok(claim);
        };
        // A refused attempt is forgotten once the attempts recorded ahead of it make the
        // limit on their own, so a flood does not fill the table. Those first few are never
        // forgotten, so a burst of concurrent guesses (which may all see one another and all
        // be refused) still leaves the address locked.
        let (email_ahead, ip_ahead) =
            sign_in_attempts::failures_before(&self.store, claim, email, ip, now - SIGN_IN_WINDOW)
                .await?;
        let by_email = sign_in_allowed(email_seen, 0).is_err();
        let by_ip = sign_in_allowed(0, ip_seen).is_err();
        let redundant = (!by_email || sign_in_allowed(email_ahead, 0).is_err())
            && (!by_ip || sign_in_allowed(0, ip_ahead).is_err());
        if redundant {
            sign_in_attempts::forgive(&self.store, claim).await?;
        }
        Err(IdentityError::RateLimited {
            retry_after_secs: u64::try_from(wait.num_seconds()).unwrap_or(900),
        })
    }

    /// Checks a signed-in user's current password before a sensitive change, under the same
    /// per-user throttle as signing in: guessing it through the profile pages is no faster
    /// than through the sign-in page. A wrong password stays counted as a failure.
    pub(super) async fn current_password_matches(
        &self,
        user: &UserRow,
        password: &str,
        ip: Option<&str>,
    ) -> Result<bool, IdentityError> {
        let claim = self
            .throttled(Some(&user.email), ip.unwrap_or_default())
            .await?;
        let matches = passwords::verify(password, user.password_hash.as_deref()).await;
        if matches {
            sign_in_attempts::forgive(&self.store, claim).await?;
        }
        Ok(matches)
    }

    /// What a user who proved who they are must still do: a confirmed app or a registered
    /// passkey is always asked for; an account that enforces 2FA makes the others enrol.
    pub(super) async fn second_factor_owed(
        &self,
        user: &UserRow,
        account: &AccountRow,
    ) -> Result<Option<SecondFactor>, IdentityError> {
        let totp = two_factor::totp_of(&self.store, user.id)
            .await?
            .is_some_and(|t| t.confirmed_at.is_some());
        if totp || passkeys::count_of(&self.store, user.id).await? > 0 {
            return Ok(Some(SecondFactor::Code));
        }
        Ok(account.enforce_totp.then_some(SecondFactor::Enrol))
    }

    /// Opens a session for a user who has proved who they are (password, certificate or
    /// passkey), records the success and audits it. `origin.how` names a way other than the
    /// password, for the audit summary ("" for the password).
    pub(super) async fn open_session(
        &self,
        user: &UserRow,
        account: &AccountRow,
        second_factor: Option<SecondFactor>,
        origin: SessionOrigin<'_>,
    ) -> Result<NewSession, IdentityError> {
        let now = self.clock.now();
        let token = self.new_token();
        let expires_at = now + SESSION_MAX_AGE;
        let tx = self.store.begin().await?;
        sessions::insert(
            &tx,
            sessions::NewSession {
                token_hash: &token.hash,
                user_id: user.id,
                account_id: account.id,
                ip: origin.ip,
                user_agent: origin.user_agent,
                created_at: now,
                expires_at,
                second_factor: match second_factor {
                    None => sessions::SECOND_FACTOR_DONE,
                    Some(SecondFactor::Enrol) => sessions::SECOND_FACTOR_ENROL,
                    Some(SecondFactor::Code) => sessions::SECOND_FACTOR_CODE,
                },
            },
        )
        .await?;
        sign_in_attempts::record(&tx, &user.email, origin.ip, true, now).await?;
        let summary = if origin.how.is_empty() {
            format!("{} signed in", user.email)
        } else {
            format!("{} signed in with {}", user.email, origin.how)
        };
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.id),
                user_id: Some(user.id),
                ip: Some(origin.ip.to_owned()),
                module: "identity",
                action: "sign_in",
                summary,
            },
        )
        .await?;
        tx.commit().await?;
        let choose_account = memberships::for_user(&self.store, user.id)
            .await?
            .iter()
            .filter(|m| m.status != memberships::DEACTIVATED)
            .count()
            > 1;
        Ok(NewSession {
            token: token.plain,
            expires_at,
            choose_account,
            second_factor,
            lang: user.lang.map(|l| l.into_inner()),
        })
    }

    /// Records a failed sign-in step: the step's claim stays as the failure (named for the
    /// user once known), or, for a step that claimed nothing, a new failure is recorded.
    pub(super) async fn record_failure(
        &self,
        claim: Option<Claim>,
        email: &str,
        ip: &str,
        user: Option<&UserRow>,
    ) -> Result<(), IdentityError> {
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        match claim {
            // The claim already counts against the client; no user, no address to add.
            Some(_) if email.is_empty() => {}
            Some(claim) => sign_in_attempts::name_claim(&tx, claim, email).await?,
            None => sign_in_attempts::record(&tx, email, ip, false, now).await?,
        }
        if let Some(user) = user {
            let account_id = memberships::for_user(&tx, user.id)
                .await?
                .first()
                .map(|m| m.account_id);
            audit::record(
                &tx,
                now,
                AuditEntry {
                    account_id,
                    user_id: Some(user.id),
                    ip: Some(ip.to_owned()),
                    module: "identity",
                    action: "sign_in_failed",
                    summary: format!("Failed sign-in for {}", user.email),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The account a new session acts for: the user's first active one. (Choosing among
    /// several accounts comes with multi-account association.)
    pub(super) async fn account_to_enter(
        &self,
        user: &UserRow,
    ) -> Result<AccountRow, IdentityError> {
        let mut first_unusable = None;
        let mut deactivated = false;
        for m in memberships::for_user(&self.store, user.id).await? {
            // An administrator of that account deactivated the user there.
            if m.status == memberships::DEACTIVATED {
                deactivated = true;
                continue;
            }
            if let Some(account) = accounts::find(&self.store, m.account_id).await? {
                if *account.status == AccountStatus::Active {
                    return Ok(account);
                }
                first_unusable.get_or_insert(account);
            }
        }
        if first_unusable.is_none() && deactivated {
            return Err(IdentityError::Deactivated);
        }
        let status = Msg::new(
            first_unusable.map_or("err-account-state-not-set-up", |a| a.status.state_key()),
        );
        Err(IdentityError::AccountUnavailable(status))
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{form, harness};
    use super::*;
    use crate::ports::Clock;

    #[tokio::test]
    async fn the_right_password_opens_a_session() {
        let h = harness().await;
        h.activated("asha@example.com").await;
        let s = h
            .service
            .sign_in(
                "ASHA@example.com",
                "correct horse 42",
                "192.0.2.1",
                Some("test"),
            )
            .await
            .unwrap();
        assert_eq!(s.token.len(), 43);
        let view = h.service.current_session(&s.token).await.unwrap().unwrap();
        assert_eq!(view.user_email, "asha@example.com");
        assert_eq!(view.account_name, "Example Pvt Ltd");
    }

    #[tokio::test]
    async fn unknown_email_and_wrong_password_get_the_same_answer() {
        let h = harness().await;
        h.activated("asha@example.com").await;
        let wrong = h
            .service
            .sign_in("asha@example.com", "wrong horse 42", "192.0.2.1", None)
            .await
            .unwrap_err();
        let unknown = h
            .service
            .sign_in("nobody@example.com", "correct horse 42", "192.0.2.1", None)
            .await
            .unwrap_err();
        assert_eq!(wrong.to_string(), unknown.to_string());
        assert!(matches!(wrong, IdentityError::BadCredentials));
    }

    #[tokio::test]
    async fn a_user_who_has_not_activated_cannot_sign_in() {
        let h = harness().await;
        h.service
            .sign_up(
                &form("enterprise", "new@example.com"),
                None,
                app::i18n::Lang::En,
            )
            .await
            .unwrap();
        let err = h
            .service
            .sign_in("new@example.com", "anything 1234", "192.0.2.1", None)
            .await
            .unwrap_err();
        assert!(matches!(err, IdentityError::BadCredentials));
    }

    #[tokio::test]
    async fn five_failures_for_an_address_lock_it_for_the_window_even_with_the_right_password() {
        let h = harness().await;
        h.activated("asha@example.com").await;
        for i in 0..5 {
            let ip = format!("192.0.2.{i}");
            let err = h
                .service
                .sign_in("asha@example.com", "wrong horse 42", &ip, None)
                .await
                .unwrap_err();
            assert!(matches!(err, IdentityError::BadCredentials));
        }
        let err = h
            .service
            .sign_in("asha@example.com", "correct horse 42", "198.51.100.7", None)
            .await
            .unwrap_err();
        assert!(matches!(err, IdentityError::RateLimited { .. }));
        h.clock
            .advance(SIGN_IN_WINDOW + chrono::Duration::seconds(1));
        assert!(
            h.service
                .sign_in("asha@example.com", "correct horse 42", "198.51.100.7", None)
                .await
                .is_ok()
        );
    }

    /// The penetration test sent 30 wrong passwords at once and 20 were checked: each read
    /// the failure count before any of them recorded one. Every attempt is now recorded
    /// before its check, so only five are checked (a refused one answers RateLimited without
    /// checking) and the right password is then refused too.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn thirty_concurrent_wrong_passwords_get_at_most_five_checks() {
        let h = harness().await;
        h.activated("asha@example.com").await;
        let service = h.identity();
        let attempts = (0..30).map(|i| {
            let service = service.clone();
            tokio::spawn(async move {
                service
                    .sign_in(
                        "asha@example.com",
                        "wrong horse 42",
                        &format!("192.0.2.{i}"),
                        None,
                    )
                    .await
            })
        });
        let mut checked = 0;
        let mut refused = 0;
        for outcome in futures_util::future::join_all(attempts).await {
            match outcome.unwrap() {
                Err(IdentityError::BadCredentials) => checked += 1,
                Err(IdentityError::RateLimited { .. }) => refused += 1,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert!(checked <= 5, "{checked} passwords checked, limit 5");
        assert_eq!(checked + refused, 30);
        let err = h
            .service
            .sign_in("asha@example.com", "correct horse 42", "198.51.100.7", None)
            .await
            .unwrap_err();
        assert!(matches!(err, IdentityError::RateLimited { .. }), "{err:?}");
    }

    #[tokio::test]
    async fn a_successful_sign_in_does_not_count_as_a_failure() {
        let h = harness().await;
        h.activated("asha@example.com").await;
        for _ in 0..10 {
            h.service
                .sign_in("asha@example.com", "correct horse 42", "192.0.2.1", None)
                .await
                .unwrap();
        }
        let since = h.clock.now() - SIGN_IN_WINDOW;
        assert_eq!(
            sign_in_attempts::failures_for_email(&h.store, "asha@example.com", since)
                .await
                .unwrap(),
            0
        );
    }

    #[tokio::test]
    async fn twenty_failures_from_one_client_lock_that_client_out() {
        let h = harness().await;
        h.activated("asha@example.com").await;
        for i in 0..20 {
            let email = format!("guess{i}@example.com");
            let _ = h
                .service
                .sign_in(&email, "wrong horse 42", "203.0.113.9", None)
                .await;
        }
        let err = h
            .service
            .sign_in("asha@example.com", "correct horse 42", "203.0.113.9", None)
            .await
            .unwrap_err();
        assert!(matches!(err, IdentityError::RateLimited { .. }));
        assert!(
            h.service
                .sign_in("asha@example.com", "correct horse 42", "203.0.113.10", None)
                .await
                .is_ok()
        );
    }

    #[tokio::test]
    async fn malformed_input_gets_field_errors() {
        let h = harness().await;
        let err = h
            .service
            .sign_in("nope", "", "192.0.2.1", None)
            .await
            .unwrap_err();
        let IdentityError::Invalid(errors) = err else {
            panic!("expected field errors")
        };
        assert!(errors.get("email").is_some());
        assert!(errors.get("password").is_some());
    }
}
