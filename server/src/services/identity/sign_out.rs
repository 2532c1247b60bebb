use super::{IdentityError, IdentityService};
use crate::{
    services::audit::{self, AuditEntry},
    store::sessions,
};

impl IdentityService {
    /// Ends the session behind a cookie token. Signing out without a session is not an error.
    pub async fn sign_out(&self, token: &str, ip: Option<String>) -> Result<(), IdentityError> {
        let Some(session) = self.session(token).await? else {
            return Ok(());
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        sessions::revoke(&tx, session.id, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(session.account_id),
                user_id: Some(session.user_id),
                ip,
                module: "identity",
                action: "sign_out",
                summary: "Signed out".into(),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::test_support::{Harness, harness};
    use crate::store::audit;

    pub(crate) async fn signed_in(h: &Harness) -> String {
        h.service
            .sign_up(
                &super::super::sign_up::tests::form("enterprise", "asha@example.com"),
                None,
            )
            .await
            .unwrap();
        let token = h.activation_token().await;
        h.service
            .activate(&token, "correct horse 42", "correct horse 42", None)
            .await
            .unwrap();
        sign_in_again(h).await
    }

    pub(crate) async fn sign_in_again(h: &Harness) -> String {
        h.service
            .sign_in("asha@example.com", "correct horse 42", "192.0.2.1", None)
            .await
            .unwrap()
            .token
    }

    #[tokio::test]
    async fn sign_out_ends_the_session_and_is_audited() {
        let h = harness().await;
        let token = signed_in(&h).await;
        h.service.sign_out(&token, None).await.unwrap();
        assert!(h.service.current_session(&token).await.unwrap().is_none());
        let actions: Vec<String> = audit::for_account(&h.store, 1)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.action)
            .collect();
        assert_eq!(actions, ["sign_up", "activate", "sign_in", "sign_out"]);
        // Signing out twice is harmless.
        h.service.sign_out(&token, None).await.unwrap();
    }
}
