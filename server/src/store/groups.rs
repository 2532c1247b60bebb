//! Groups of an account.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use app::model::{AccountId, GroupId, groups::FinanceMode};

use super::{Db, GroupRow, StoreError, entities::groups, stored::Stored};

pub struct GroupFields<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub finance_mode: FinanceMode,
    pub spend_limit_minor: Option<i64>,
    pub renewal_emails: &'a str,
    pub restricted: bool,
}

/// Inserts a group; `Duplicate` when the account already has one with the name.
pub async fn insert(
    db: &impl Db,
    account_id: i32,
    is_default: bool,
    f: GroupFields<'_>,
    at: DateTime<Utc>,
) -> Result<GroupRow, StoreError> {
    groups::ActiveModel {
        account_id: Set(account_id),
        name: Set(f.name.to_owned()),
        description: Set(f.description.to_owned()),
        is_default: Set(is_default),
        finance_mode: Set(f.finance_mode.into()),
        spend_limit_minor: Set(f.spend_limit_minor),
        renewal_emails: Set(f.renewal_emails.to_owned()),
        restricted: Set(f.restricted),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

/// Updates one of the account's groups; another account's group stays as it is.
pub async fn update(
    db: &impl Db,
    account: AccountId,
    id: GroupId,
    f: GroupFields<'_>,
) -> Result<(), StoreError> {
    groups::Entity::update_many()
        .col_expr(groups::Column::Name, Expr::value(f.name))
        .col_expr(groups::Column::Description, Expr::value(f.description))
        .col_expr(
            groups::Column::FinanceMode,
            Expr::value(Stored(f.finance_mode)),
        )
        .col_expr(
            groups::Column::SpendLimitMinor,
            Expr::value(f.spend_limit_minor),
        )
        .col_expr(groups::Column::RenewalEmails, Expr::value(f.renewal_emails))
        .col_expr(groups::Column::Restricted, Expr::value(f.restricted))
        .filter(groups::Column::AccountId.eq(account.get()))
        .filter(groups::Column::Id.eq(id.get()))
        .exec(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    Ok(())
}

/// An account's groups, the default one first.
pub async fn for_account(db: &impl Db, account_id: i32) -> Result<Vec<GroupRow>, StoreError> {
    Ok(groups::Entity::find()
        .filter(groups::Column::AccountId.eq(account_id))
        .order_by_desc(groups::Column::IsDefault)
        .order_by_asc(groups::Column::Name)
        .all(db.conn())
        .await?)
}

#[cfg(test)]
mod default_group_migration_tests {
    use migrations::{Migrator, MigratorTrait};

    use super::*;
    use crate::store::test_db;

    /// The migrations before the one that gives active accounts their default group.
    const BEFORE_DEFAULT_GROUPS: u32 = 33;

    #[tokio::test]
    async fn the_migration_gives_each_active_account_without_one_its_default_group_once() {
        let store = test_db::unmigrated_store().await;
        Migrator::up(&store.db, Some(BEFORE_DEFAULT_GROUPS))
            .await
            .unwrap();
        let at = "'2026-11-21T10:00:00+00:00'";
        for sql in [
            // 1: active, an administrator added a group before any default was made.
            // 2: active, already has its default group. 3: still pending activation.
            format!(
                "INSERT INTO accounts (kind, name, country, status, created_at) VALUES \
                 ('enterprise', 'Acme', 'IN', 'active', {at}), \
                 ('enterprise', 'Globex', 'IN', 'active', {at}), \
                 ('enterprise', 'Initech', 'IN', 'pending_activation', {at})"
            ),
            format!(
                "INSERT INTO groups (account_id, name, description, is_default, finance_mode, \
                 renewal_emails, created_at) VALUES \
                 (1, 'Engineering', '', false, 'group', '', {at}), \
                 (2, 'Default group', '', true, 'account', '', {at})"
            ),
        ] {
            store.execute_raw(&sql).await.unwrap();
        }

        store.migrate().await.unwrap();

        let acme = for_account(&store, 1).await.unwrap();
        assert_eq!(acme.len(), 2);
        assert!(
            acme[0].is_default && acme[0].name == "Default group",
            "{acme:?}"
        );
        assert_eq!(*acme[0].finance_mode, FinanceMode::Account);
        assert!(!acme[0].restricted);
        assert_eq!(acme[0].created_at.to_rfc3339(), "2026-11-21T10:00:00+00:00");
        assert_eq!(
            for_account(&store, 2).await.unwrap().len(),
            1,
            "kept as it was"
        );
        assert!(
            for_account(&store, 3).await.unwrap().is_empty(),
            "a pending account gets it when it becomes active"
        );
    }
}
