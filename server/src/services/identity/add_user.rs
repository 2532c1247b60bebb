use app::model::users::ValidUserForm;

use super::{IdentityError, IdentityService, mails};
use crate::{
    services::{
        audit::{self, AuditEntry},
        notifications,
    },
    store::{AccountRow, MembershipRow, StoreError, memberships, users},
};

impl IdentityService {
    /// Adds a user to an account for an administrator (`by`). A new address gets a user who
    /// must choose a password from the activation e-mail; an address that already has a user
    /// (of another account) joins with the password it has and is told by e-mail. The user,
    /// the membership, the audit entry and the e-mail succeed or fail together.
    pub async fn add_user(
        &self,
        account: &AccountRow,
        by: i32,
        form: &ValidUserForm,
        role_label: &str,
        ip: Option<String>,
    ) -> Result<MembershipRow, IdentityError> {
        let email = form.email.as_ref().ok_or_else(|| {
            IdentityError::Invalid(app::model::FieldErrors::single(
                "email",
                "Enter an e-mail address.",
            ))
        })?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let existing = users::find_by_email(&tx, email.as_str()).await?;
        let (user, mail) = match existing {
            Some(user) => {
                if memberships::find(&tx, user.id, account.id).await?.is_some() {
                    return Err(IdentityError::AlreadyMember);
                }
                let mail = mails::added_to_account(
                    &user.email,
                    &user.name,
                    &account.name,
                    &format!("{}/sign-in", self.link_base),
                );
                (user, mail)
            }
            None => {
                let user = users::insert(
                    &tx,
                    users::NewUser {
                        email: email.as_str(),
                        name: &form.name,
                        mobile: &form.mobile,
                        status: "pending_activation",
                        is_operator: false,
                        created_at: now,
                        designation: &form.designation,
                        employee_id: &form.employee_id,
                    },
                )
                .await
                .map_err(|e| match e {
                    StoreError::Duplicate => IdentityError::EmailTaken,
                    other => other.into(),
                })?;
                let link = self.issue_activation_link(&tx, user.id, now).await?;
                let mail = mails::activation(&user.email, &user.name, &account.name, &link);
                (user, mail)
            }
        };
        let membership = memberships::insert(
            &tx,
            user.id,
            account.id,
            &form.role.stored(),
            form.group_access.as_str(),
            now,
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.id),
                user_id: Some(by),
                ip,
                module: "users",
                action: "user_added",
                summary: format!(
                    "Added {} as {} ({})",
                    user.email,
                    role_label,
                    form.group_access.label()
                ),
            },
        )
        .await?;
        notifications::queue(&tx, &mail, now).await?;
        tx.commit().await?;
        self.mail.wake();
        Ok(membership)
    }
}
