//! Acting for a user without a browser session: ACME requests are signed with an account key
//! bound (by External Account Binding) to a user of an account, and act with that user's
//! role there, so the order rules apply to them exactly as in the portal.

use super::{Caller, IdentityError, IdentityService};

impl IdentityService {
    /// The user acting in the account, or `None` when the user or their membership is gone
    /// or deactivated. There is no session: nothing that works on sessions (switching
    /// account, passkeys) applies to a machine.
    pub async fn machine_caller(
        &self,
        user_id: i32,
        account_id: i32,
    ) -> Result<Option<Caller>, IdentityError> {
        self.acting_for(user_id, account_id).await
    }
}
