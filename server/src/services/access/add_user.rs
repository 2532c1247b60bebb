use app::model::UserForm;

use super::{AccessError, AccessService};
use crate::services::identity::Caller;

impl AccessService {
    /// Adds a user to the caller's account (activation e-mail for a new address). Returns the
    /// new membership's id.
    pub async fn add_user(
        &self,
        caller: &Caller,
        form: &UserForm,
        ip: Option<String>,
    ) -> Result<i32, AccessError> {
        let custom = self.custom_role_ids(caller).await?;
        let valid = form
            .validate(caller.kind, false, &custom)
            .map_err(AccessError::Invalid)?;
        let role_label = self.giveable(caller, valid.role).await?;
        let membership = self
            .identity
            .add_user(&caller.account, caller.user.id, &valid, &role_label, ip)
            .await?;
        Ok(membership.id)
    }
}
