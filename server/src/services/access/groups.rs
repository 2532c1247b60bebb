//! Groups of the caller's account: every account has a default group; more only when the
//! operator enabled multiple groups for it.

use app::i18n::Msg;
use app::model::Permission;
use app::model::groups::{FinanceMode, GroupForm, GroupView, GroupsPage};
use app::model::{AccountId, GroupId};

use super::{AccessError, AccessService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{Db, GroupRow, Store, StoreError, group_domains, group_logos, groups},
};

pub const DEFAULT_GROUP: &str = "Default group";

/// The default group's description in English.
const DEFAULT_GROUP_DESCRIPTION: &str = "Every account's first group.";

/// A group as pages show it, with its domains (empty for all) and when its logo last changed.
pub(super) fn view(
    g: GroupRow,
    domains: Vec<String>,
    logo_version: Option<chrono::DateTime<chrono::Utc>>,
) -> GroupView {
    let logo_url = logo_version.map(|at| format!("/groups/{}/logo?v={}", g.id, at.timestamp()));
    GroupView {
        id: g.id,
        name: g.name,
        description: g.description,
        is_default: g.is_default,
        finance_mode: *g.finance_mode,
        spend_limit_minor: g.spend_limit_minor,
        renewal_emails: g
            .renewal_emails
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
            .collect(),
        restricted: g.restricted,
        domains,
        logo_url,
    }
}

/// Makes the account's default group, in the transaction that makes the account active (or
/// wherever one is found missing), named in `lang`: the language of whoever activated the
/// account. Harmless when it exists: another one is never made.
pub async fn create_default_group(
    db: &impl Db,
    account_id: i32,
    lang: app::i18n::Lang,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), StoreError> {
    if groups::for_account(db, account_id)
        .await?
        .iter()
        .any(|g| g.is_default)
    {
        return Ok(());
    }
    // A name the account's people read, and rename when they like (it is theirs then).
    let (name, description) = match lang {
        app::i18n::Lang::En => (
            DEFAULT_GROUP.to_owned(),
            DEFAULT_GROUP_DESCRIPTION.to_owned(),
        ),
        other => (
            app::i18n::tr(other, "group-default-name"),
            app::i18n::tr(other, "group-default-description"),
        ),
    };
    let created = groups::insert(
        db,
        account_id,
        true,
        groups::GroupFields {
            name: &name,
            description: &description,
            finance_mode: FinanceMode::Account,
            spend_limit_minor: None,
            renewal_emails: "",
            restricted: false,
        },
        now,
    )
    .await;
    match created {
        // Another request made it first (or a group of the account carries the name).
        Ok(_) | Err(StoreError::Duplicate) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The account's groups, making the default group first if the account has none. Accounts
/// get it when they become active; this covers any made before that rule.
pub async fn ensure_default_group(
    store: &Store,
    account_id: i32,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<GroupRow>, StoreError> {
    let rows = groups::for_account(store, account_id).await?;
    if rows.iter().any(|g| g.is_default) {
        return Ok(rows);
    }
    // Found missing later (an account from before groups): English, as it always was.
    create_default_group(store, account_id, app::i18n::Lang::En, now).await?;
    groups::for_account(store, account_id).await
}

fn name_taken() -> AccessError {
    AccessError::Invalid(app::model::FieldErrors::single(
        "name",
        Msg::new("err-account-already-has-group-name"),
    ))
}

impl AccessService {
    /// The account's groups (the default one made when missing).
    pub async fn groups_page(&self, caller: &Caller) -> Result<GroupsPage, AccessError> {
        caller.require(Permission::ManageGroups)?;
        let rows = ensure_default_group(&self.store, caller.account.id, self.clock.now()).await?;
        let ids: Vec<i32> = rows.iter().map(|g| g.id).collect();
        let logos = group_logos::versions(&self.store, AccountId(caller.account.id), &ids).await?;
        let mut groups = Vec::with_capacity(rows.len());
        for g in rows {
            let domains =
                group_domains::of_group(&self.store, AccountId(caller.account.id), GroupId(g.id))
                    .await?;
            let logo = logos.iter().find(|(id, _)| *id == g.id).map(|(_, at)| *at);
            groups.push(view(g, domains, logo));
        }
        Ok(GroupsPage {
            groups,
            can_add: caller.account.multiple_groups,
        })
    }

    pub async fn add_group(
        &self,
        caller: &Caller,
        form: &GroupForm,
        ip: Option<String>,
    ) -> Result<i32, AccessError> {
        caller.require(Permission::ManageGroups)?;
        if !caller.account.multiple_groups {
            return Err(AccessError::Refused(Msg::new(
                "err-account-has-one-group-ask",
            )));
        }
        let valid = form.validate().map_err(AccessError::Invalid)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let row = groups::insert(
            &tx,
            caller.account.id,
            false,
            groups::GroupFields {
                name: &valid.name,
                description: &valid.description,
                finance_mode: valid.finance_mode,
                spend_limit_minor: valid.spend_limit_minor,
                renewal_emails: &valid.renewal_emails.join(","),
                restricted: valid.restricted,
            },
            now,
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate => name_taken(),
            other => other.into(),
        })?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "groups",
                action: "group_added",
                summary: format!("Group {} added", valid.name),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    pub async fn update_group(
        &self,
        caller: &Caller,
        id: i32,
        form: &GroupForm,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageGroups)?;
        let existing = groups::for_account(&self.store, caller.account.id)
            .await?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or(AccessError::NotFound)?;
        let valid = form.validate().map_err(AccessError::Invalid)?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        groups::update(
            &tx,
            AccountId(caller.account.id),
            GroupId(existing.id),
            groups::GroupFields {
                name: &valid.name,
                description: &valid.description,
                finance_mode: valid.finance_mode,
                spend_limit_minor: valid.spend_limit_minor,
                renewal_emails: &valid.renewal_emails.join(","),
                restricted: valid.restricted,
            },
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate => name_taken(),
            other => other.into(),
        })?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "groups",
                action: "group_updated",
                summary: format!("Group {} updated (was {})", valid.name, existing.name),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use app::model::Permission;

    use super::*;
    use crate::{services::identity::test_support::harness, store::accounts};

    #[tokio::test]
    async fn a_default_group_then_more_only_when_the_operator_allows_it() {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        let stranger = h.signed_in("ravi@other.example").await;
        let access = AccessService::for_harness(&h);
        let caller = access
            .authorize(Some(&token), Permission::ManageGroups)
            .await
            .unwrap();
        let page = access.groups_page(&caller).await.unwrap();
        assert_eq!(page.groups.len(), 1);
        assert!(page.groups[0].is_default);
        assert!(!page.can_add);
        let form = GroupForm {
            name: "Engineering".into(),
            finance_mode: "group".into(),
            spend_limit: "2500.50".into(),
            renewal_emails: "pki@example.com".into(),
            ..Default::default()
        };
        assert!(matches!(
            access.add_group(&caller, &form, None).await,
            Err(AccessError::Refused(_))
        ));

        accounts::set_multiple_groups(&h.store, caller.account.id, true)
            .await
            .unwrap();
        let caller = access
            .authorize(Some(&token), Permission::ManageGroups)
            .await
            .unwrap();
        let id = access.add_group(&caller, &form, None).await.unwrap();
        assert!(matches!(
            access.add_group(&caller, &form, None).await,
            Err(AccessError::Invalid(e)) if e.get("name").is_some()
        ));
        let page = access.groups_page(&caller).await.unwrap();
        let added = page.groups.iter().find(|g| g.id == id).unwrap();
        assert_eq!(added.spend_limit_minor, Some(250_050));
        assert_eq!(added.renewal_emails, ["pki@example.com"]);

        let other = access
            .authorize(Some(&stranger), Permission::ManageGroups)
            .await
            .unwrap();
        assert!(matches!(
            access.update_group(&other, id, &form, None).await,
            Err(AccessError::NotFound)
        ));
    }
}
