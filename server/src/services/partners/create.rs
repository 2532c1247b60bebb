//! A partner's Administrator or Manager opens a sub-account.

use app::i18n::{Lang, Msg};
use app::model::{
    AccountStatus, FieldErrors, Permission,
    sub_accounts::{SubAccountForm, ValidSubAccount, fields},
};

use super::{PartnerError, PartnerService, require_partner};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::{Caller, open_sub_account::Parent},
    },
    store::{groups, memberships, price_lists, sub_accounts, users},
};

impl PartnerService {
    /// Opens a sub-account under the caller's partner account; its first administrator is
    /// mailed the activation link. Posting the same sub-account again (a retry) finds the
    /// first instead of refusing it. Needs `CreateSubAccounts`.
    pub async fn create_sub_account(
        &self,
        caller: &Caller,
        form: &SubAccountForm,
        lang: Lang,
        ip: Option<String>,
    ) -> Result<i32, PartnerError> {
        caller.require(Permission::CreateSubAccounts)?;
        require_partner(caller)?;
        if caller.status != AccountStatus::Active {
            return Err(PartnerError::Refused(Msg::new(
                "err-partner-not-active-sub-accounts",
            )));
        }
        let valid = form.validate().map_err(PartnerError::Invalid)?;
        if let Some(id) = self.created_before(caller, &valid).await? {
            return Ok(id);
        }
        self.check_choices(caller, &valid).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let account = self
            .identity
            .open_sub_account(
                &tx,
                Parent {
                    account_id: caller.account.id,
                    group_id: valid.group_id,
                },
                &valid,
                lang,
                now,
            )
            .await?;
        let summary = format!(
            "Sub-account {} (#{}) opened by partner {} with administrator {}",
            account.name, account.id, caller.account.name, valid.admin_email
        );
        for account_id in [caller.account.id, account.id] {
            audit::record(
                &tx,
                now,
                AuditEntry {
                    account_id: Some(account_id),
                    user_id: Some(caller.user.id),
                    ip: ip.clone(),
                    module: "sub_accounts",
                    action: "sub_account_created",
                    summary: summary.clone(),
                },
            )
            .await?;
        }
        tx.commit().await?;
        self.mail.wake();
        Ok(account.id)
    }

    /// The sub-account this partner opened before for the same organization and
    /// administrator, if the form is being posted again.
    async fn created_before(
        &self,
        caller: &Caller,
        valid: &ValidSubAccount,
    ) -> Result<Option<i32>, PartnerError> {
        let Some(user) = users::find_by_email(&self.store, valid.admin_email.as_str()).await?
        else {
            return Ok(None);
        };
        for m in memberships::for_user(&self.store, user.id).await? {
            if let Some(sub) =
                sub_accounts::find(&self.store, caller.account.id, m.account_id).await?
                && sub.name == valid.organization
            {
                return Ok(Some(sub.id));
            }
        }
        Ok(None)
    }

    /// The price list and group must be the partner's own.
    async fn check_choices(
        &self,
        caller: &Caller,
        valid: &ValidSubAccount,
    ) -> Result<(), PartnerError> {
        let mut errors = FieldErrors::new();
        if let Some(list) = valid.price_list_id
            && price_lists::find(&self.store, caller.account.id, list)
                .await?
                .is_none()
        {
            errors.add(fields::PRICE_LIST, Msg::new("err-choose-price-list"));
        }
        if let Some(group) = valid.group_id
            && !groups::for_account(&self.store, caller.account.id)
                .await?
                .iter()
                .any(|g| g.id == group)
        {
            errors.add(fields::GROUP, Msg::new("err-choose-group"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(PartnerError::Invalid(errors))
        }
    }
}
