//! A partner opens a sub-account: a full account of its own whose first administrator gets the
//! activation mail, as a signed-up Enterprise's does. Runs in the partner service's
//! transaction, so the account, its parentage, the user and the mail succeed together.

use app::i18n::{Lang, Msg};
use app::model::{AccountKind, AccountStatus, FieldErrors, sub_accounts::ValidSubAccount};
use chrono::{DateTime, Utc};

use super::{IdentityError, IdentityService, mails};
use crate::{
    services::notifications,
    store::{AccountRow, Tx, accounts, sub_accounts, users},
};

/// What the sub-account hangs from.
pub struct Parent {
    pub account_id: i32,
    pub group_id: Option<i32>,
}

impl IdentityService {
    /// Inserts the sub-account and its pending administrator and queues the activation mail.
    /// The address of an existing user is refused on its field (the partner must name
    /// someone who does not use Rootline yet; a user of another account joins by invitation).
    pub(crate) async fn open_sub_account(
        &self,
        tx: &Tx,
        parent: Parent,
        valid: &ValidSubAccount,
        lang: Lang,
        now: DateTime<Utc>,
    ) -> Result<AccountRow, IdentityError> {
        let taken = || {
            IdentityError::Invalid(FieldErrors::single(
                app::model::sub_accounts::fields::ADMIN_EMAIL,
                Msg::new("err-account-mail-address-already-exists"),
            ))
        };
        if users::find_by_email(tx, valid.admin_email.as_str())
            .await?
            .is_some()
        {
            return Err(taken());
        }
        let account = accounts::insert(
            tx,
            accounts::NewAccount {
                kind: AccountKind::Enterprise,
                name: &valid.organization,
                country: &valid.country,
                status: AccountStatus::PendingActivation,
                created_at: now,
            },
        )
        .await?;
        sub_accounts::set_parentage(
            tx,
            account.id,
            sub_accounts::Parentage {
                parent_account_id: parent.account_id,
                parent_group_id: parent.group_id,
                parent_approval: valid.parent_approval,
                price_list_id: valid.price_list_id,
                currency: valid.currency,
            },
        )
        .await?;
        let user = self
            .new_pending_administrator(
                tx,
                account.id,
                users::NewUser {
                    email: valid.admin_email.as_str(),
                    name: &valid.admin_name,
                    mobile: "",
                    status: app::model::user_status::UserStatus::PendingActivation,
                    is_operator: false,
                    created_at: now,
                    designation: "",
                    employee_id: "",
                    lang: Some(lang),
                },
            )
            .await
            .map_err(|e| match e {
                IdentityError::EmailTaken => taken(),
                other => other,
            })?;
        let link = self.issue_activation_link(tx, user.id, now).await?;
        let mail = mails::activation(
            user.mail_lang(),
            &user.email,
            &user.name,
            &account.name,
            &link,
        );
        notifications::queue(tx, &mail, now).await?;
        Ok(accounts::find(tx, account.id).await?.unwrap_or(account))
    }
}
