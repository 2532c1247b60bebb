use app::i18n::Msg;
use app::model::users::ValidUserForm;
use chrono::Duration;

use super::{IdentityError, IdentityService, mails};
use crate::{
    services::{
        audit::{self, AuditEntry},
        notifications,
    },
    store::{
        AccountRow, InvitationRow, MembershipRow, StoreError, invitations, memberships, users,
    },
};

/// How long an invitation link stays valid (the e-mail says so): long enough for someone
/// away for a few days, short enough that a forgotten link is not a standing door.
pub(super) const INVITATION_TTL: Duration = Duration::days(7);

/// What adding a user did.
#[derive(Debug)]
pub enum Added {
    /// A new user, who chooses a password from the activation e-mail.
    Member(MembershipRow),
    /// The address already has a user: they were invited and join only if they accept.
    Invited(InvitationRow),
}

impl IdentityService {
    /// Adds a user to an account for an administrator (`by`). A new address gets a user who
    /// must choose a password from the activation e-mail. An address that already has a user
    /// (of another account) is only invited: their personal details stay theirs, the account
    /// gets no membership until they accept the mailed link while signed in. The rows, the
    /// audit entry and the e-mail succeed or fail together.
    pub async fn add_user(
        &self,
        account: &AccountRow,
        by: i32,
        form: &ValidUserForm,
        role_label: &app::model::role_name::RoleName,
        ip: Option<String>,
    ) -> Result<Added, IdentityError> {
        let email = form.email.as_ref().ok_or_else(|| {
            IdentityError::Invalid(app::model::FieldErrors::single(
                "email",
                Msg::new("err-enter-mail-address-2"),
            ))
        })?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        // A new user has not chosen a language yet: the administrator adding them is the
        // best guess at the one they share.
        let lang = users::find(&tx, by)
            .await?
            .and_then(|u| u.lang.map(|l| l.into_inner()));
        let (added, mail, action, summary) = match users::find_by_email(&tx, email.as_str()).await?
        {
            Some(user) => {
                if memberships::find(&tx, user.id, account.id).await?.is_some() {
                    return Err(IdentityError::AlreadyMember);
                }
                if invitations::pending_for(&tx, account.id, user.id, now)
                    .await?
                    .is_some()
                {
                    return Err(IdentityError::AlreadyInvited);
                }
                let token = self.new_token();
                let invitation = invitations::insert(
                    &tx,
                    invitations::NewInvitation {
                        account_id: account.id,
                        user_id: user.id,
                        role: form.role,
                        group_access: form.group_access,
                        employee_id: &form.employee_id,
                        token_hash: &token.hash,
                        invited_by: by,
                        created_at: now,
                        expires_at: now + INVITATION_TTL,
                    },
                )
                .await?;
                let mail = mails::invitation(
                    user.mail_lang(),
                    &user.email,
                    &user.name,
                    &account.name,
                    &role_label.text(user.mail_lang()),
                    &self.invitation_link(&token.plain),
                );
                (
                    Added::Invited(invitation),
                    mail,
                    "user_invited",
                    format!(
                        "Invited {} as {} ({}); they join if they accept",
                        user.email,
                        role_label,
                        form.group_access.label()
                    ),
                )
            }
            None => {
                let user = users::insert(
                    &tx,
                    users::NewUser {
                        email: email.as_str(),
                        name: &form.name,
                        mobile: &form.mobile,
                        status: app::model::user_status::UserStatus::PendingActivation,
                        is_operator: false,
                        created_at: now,
                        designation: &form.designation,
                        employee_id: "",
                        lang,
                    },
                )
                .await
                .map_err(|e| match e {
                    StoreError::Duplicate => IdentityError::EmailTaken,
                    other => other.into(),
                })?;
                let membership = memberships::insert(
                    &tx,
                    user.id,
                    account.id,
                    form.role,
                    form.group_access,
                    now,
                )
                .await?;
                memberships::set_employee_id(
                    &tx,
                    app::model::AccountId(membership.account_id),
                    app::model::MembershipId(membership.id),
                    &form.employee_id,
                )
                .await?;
                let link = self.issue_activation_link(&tx, user.id, now).await?;
                let mail = mails::activation(
                    user.mail_lang(),
                    &user.email,
                    &user.name,
                    &account.name,
                    &link,
                );
                (
                    Added::Member(membership),
                    mail,
                    "user_added",
                    format!(
                        "Added {} as {} ({})",
                        user.email,
                        role_label,
                        form.group_access.label()
                    ),
                )
            }
        };
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account.id),
                user_id: Some(by),
                ip,
                module: "users",
                action,
                summary,
            },
        )
        .await?;
        notifications::queue(&tx, &mail, now).await?;
        tx.commit().await?;
        self.mail.wake();
        Ok(added)
    }
}
