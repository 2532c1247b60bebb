use super::{IdentityError, IdentityService};
use crate::{
    services::audit::{self, AuditEntry},
    store::sessions,
};

impl IdentityService {
    /// Ends the session behind a cookie token. Signing out without a session is not an error.
    pub async fn sign_out(&self, token: &str, ip: Option<String>) -> Result<(), IdentityError> {
        let Some(session) = self.live_session(token).await? else {
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
mod tests {
    use super::super::test_support::harness;
    use crate::store::audit;

    #[tokio::test]
    async fn sign_out_ends_the_session_and_is_audited() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
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
