use app::model::{AccountStatus, Email};

use super::{IdentityError, IdentityService, password_strength, passwords};
use crate::{
    services::audit::{self, AuditEntry},
    store::{accounts, user_tokens, users},
};

impl IdentityService {
    /// Sets the first password from an activation link and activates the user and, for a new
    /// Enterprise, the account. The link works once.
    pub async fn activate(
        &self,
        token: &str,
        new_password: &str,
        confirmation: &str,
        ip: Option<String>,
    ) -> Result<(), IdentityError> {
        let target = self.activation_target(&self.store, token).await?;

        let email = Email::parse(&target.user.email).ok();
        let errors = password_strength::new_password_errors(
            new_password,
            confirmation,
            email.as_ref(),
            &[&target.user.name, &target.account.name],
        );
        if !errors.is_empty() {
            return Err(IdentityError::Invalid(errors));
        }
        let hash = passwords::hash(new_password, self.random.as_ref()).await?;

        let now = self.clock.now();
        let tx = self.store.begin().await?;
        // Consuming inside the transaction makes a second, concurrent use fail here.
        if !user_tokens::consume(&tx, target.token.id, now).await? {
            return Err(IdentityError::LinkUsed);
        }
        users::activate(&tx, target.user.id, &hash, now).await?;
        let account_activated = accounts::transition(
            &tx,
            target.account.id,
            AccountStatus::PendingActivation,
            AccountStatus::Active,
            now,
        )
        .await?;
        if account_activated {
            // Every account has its default group from the moment it is active.
            let lang = target.user.lang.map(|l| l.into_inner()).unwrap_or_default();
            crate::services::access::create_default_group(&tx, target.account.id, lang, now)
                .await?;
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(target.account.id),
                user_id: Some(target.user.id),
                ip,
                module: "identity",
                action: "activate",
                summary: format!(
                    "{} set a password and activated their user",
                    target.user.email
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::super::test_support::harness;
    use super::*;

    #[tokio::test]
    async fn activation_sets_the_password_and_activates_user_and_account() {
        let h = harness().await;
        let token = h.signed_up("asha@example.com").await;
        let view = h.service.activation(&token).await.unwrap();
        assert_eq!(view.user_email, "asha@example.com");
        assert_eq!(view.account_name, "Example Pvt Ltd");
        h.service
            .activate(&token, "correct horse 42", "correct horse 42", None)
            .await
            .unwrap();
        let user = users::find_by_email(&h.store, "asha@example.com")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.status, "active");
        assert!(user.password_hash.unwrap().starts_with("$argon2id$"));
        let account = accounts::find(&h.store, 1).await.unwrap().unwrap();
        assert_eq!(account.status, "active");
    }

    #[tokio::test]
    async fn a_guessable_password_that_passes_the_quick_rules_is_refused_and_the_link_stays_usable()
    {
        let h = harness().await;
        let token = h.signed_up("asha@example.com").await;
        let refused = h
            .service
            .activate(&token, "aaaaaaaaaaa1", "aaaaaaaaaaa1", None)
            .await;
        assert!(
            matches!(&refused, Err(IdentityError::Invalid(e)) if e.get("password").is_some_and(|m| m.to_string().contains("too easy to guess"))),
            "{refused:?}"
        );
        h.service
            .activate(&token, "correct horse 42", "correct horse 42", None)
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn a_used_link_is_refused() {
        let h = harness().await;
        let token = h.signed_up("asha@example.com").await;
        h.service
            .activate(&token, "correct horse 42", "correct horse 42", None)
            .await
            .unwrap();
        let again = h
            .service
            .activate(&token, "another horse 43", "another horse 43", None)
            .await
            .unwrap_err();
        assert!(matches!(again, IdentityError::LinkUsed));
        assert!(matches!(
            h.service.activation(&token).await.unwrap_err(),
            IdentityError::LinkUsed
        ));
    }

    #[tokio::test]
    async fn a_link_older_than_24_hours_is_refused_and_changes_nothing() {
        let h = harness().await;
        let token = h.signed_up("asha@example.com").await;
        h.clock.advance(Duration::hours(24) + Duration::seconds(1));
        let err = h
            .service
            .activate(&token, "correct horse 42", "correct horse 42", None)
            .await
            .unwrap_err();
        assert!(matches!(err, IdentityError::LinkExpired));
        let user = users::find_by_email(&h.store, "asha@example.com")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(user.status, "pending_activation");
        assert!(user.password_hash.is_none());
    }

    #[tokio::test]
    async fn an_unknown_or_malformed_link_is_invalid() {
        let h = harness().await;
        h.signed_up("asha@example.com").await;
        for token in ["nonsense", &"A".repeat(43)] {
            assert!(matches!(
                h.service.activation(token).await.unwrap_err(),
                IdentityError::LinkInvalid
            ));
        }
    }

    #[tokio::test]
    async fn a_weak_or_mismatched_password_is_refused_and_keeps_the_link_usable() {
        let h = harness().await;
        let token = h.signed_up("asha@example.com").await;
        let err = h
            .service
            .activate(&token, "short", "short", None)
            .await
            .unwrap_err();
        let IdentityError::Invalid(errors) = err else {
            panic!("expected field errors")
        };
        assert!(errors.get("password").unwrap().to_string().contains("12"));
        let err = h
            .service
            .activate(&token, "correct horse 42", "correct horse 24", None)
            .await
            .unwrap_err();
        let IdentityError::Invalid(errors) = err else {
            panic!("expected field errors")
        };
        assert!(errors.get("password_confirmation").is_some());
        assert!(h.service.activation(&token).await.is_ok());
    }
}
