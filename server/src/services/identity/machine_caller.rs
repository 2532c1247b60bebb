//! Acting for a user without a browser session: ACME requests are signed with an account key
//! bound (by External Account Binding) to a user of an account, and act with that user's
//! role there, so the order rules apply to them exactly as in the portal.

use super::{Caller, IdentityError, IdentityService};
use crate::store::{SessionRow, sessions};

impl IdentityService {
    /// The user acting in the account, or `None` when the user or their membership is gone
    /// or deactivated. The session is a value that was never stored (id 0): nothing that
    /// works on sessions (switching account, passkeys) applies to a machine.
    pub async fn machine_caller(
        &self,
        user_id: i32,
        account_id: i32,
    ) -> Result<Option<Caller>, IdentityError> {
        let now = self.clock.now();
        let session = SessionRow {
            id: 0,
            token_hash: String::new(),
            user_id,
            account_id,
            ip: String::new(),
            user_agent: Some("ACME".into()),
            created_at: now,
            last_seen_at: now,
            expires_at: now,
            revoked_at: None,
            second_factor: sessions::SECOND_FACTOR_DONE.into(),
        };
        self.caller_in(session).await
    }
}
