use app::model::UserForm;

use super::{AccessError, AccessService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{memberships, users},
};

impl AccessService {
    /// Changes a user's details, role and group access in the caller's account. The caller
    /// cannot change their own role: an administrator demoting themselves could leave the
    /// account without one.
    pub async fn update_user(
        &self,
        caller: &Caller,
        membership_id: i32,
        form: &UserForm,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        let (m, u) = self.member(caller, membership_id).await?;
        let custom = self.custom_role_ids(caller).await?;
        let valid = form
            .validate(caller.kind, true, &custom)
            .map_err(AccessError::Invalid)?;
        let changes_role = valid.role.stored() != m.role;
        if u.id == caller.user.id && changes_role {
            return Err(AccessError::Invalid(app::model::FieldErrors::single(
                "role",
                "You cannot change your own role. Ask another administrator.",
            )));
        }
        // Keeping a user's role is no grant; giving one is, and needs its permissions.
        let role_label = if changes_role {
            self.giveable(caller, valid.role).await?
        } else {
            self.role_label(caller.account.id, &m.role).await?
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        users::update_details(
            &tx,
            u.id,
            users::Details {
                name: &valid.name,
                mobile: &valid.mobile,
                designation: &valid.designation,
                employee_id: &valid.employee_id,
            },
        )
        .await?;
        memberships::update_access(&tx, m.id, &valid.role.stored(), valid.group_access.as_str())
            .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "users",
                action: "user_updated",
                summary: format!(
                    "Updated {}: role {}, {}",
                    u.email,
                    role_label,
                    valid.group_access.label()
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
