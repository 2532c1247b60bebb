//! IP restriction rules of an account.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

use app::model::{AccountId, IpRuleId};

use super::{Db, IpRuleRow, StoreError, entities::ip_rules};

pub struct NewRule<'a> {
    pub account_id: i32,
    pub user_id: Option<i32>,
    pub start_ip: &'a str,
    pub end_ip: &'a str,
    pub description: &'a str,
    pub created_at: DateTime<Utc>,
}

pub async fn insert(db: &impl Db, r: NewRule<'_>) -> Result<IpRuleRow, StoreError> {
    ip_rules::ActiveModel {
        account_id: Set(r.account_id),
        user_id: Set(r.user_id),
        start_ip: Set(r.start_ip.to_owned()),
        end_ip: Set(r.end_ip.to_owned()),
        description: Set(r.description.to_owned()),
        enabled: Set(true),
        created_at: Set(r.created_at),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)
}

pub async fn for_account(db: &impl Db, account_id: i32) -> Result<Vec<IpRuleRow>, StoreError> {
    Ok(ip_rules::Entity::find()
        .filter(ip_rules::Column::AccountId.eq(account_id))
        .order_by_asc(ip_rules::Column::Id)
        .all(db.conn())
        .await?)
}

/// The enabled rules that apply to one user: theirs and those for all users.
pub async fn enabled_for(
    db: &impl Db,
    account_id: i32,
    user_id: i32,
) -> Result<Vec<IpRuleRow>, StoreError> {
    Ok(ip_rules::Entity::find()
        .filter(ip_rules::Column::AccountId.eq(account_id))
        .filter(ip_rules::Column::Enabled.eq(true))
        .filter(
            sea_orm::Condition::any()
                .add(ip_rules::Column::UserId.is_null())
                .add(ip_rules::Column::UserId.eq(user_id)),
        )
        .all(db.conn())
        .await?)
}

/// Enables or disables one of the account's rules; another account's rule stays as it is.
pub async fn set_enabled(
    db: &impl Db,
    account: AccountId,
    id: IpRuleId,
    enabled: bool,
) -> Result<(), StoreError> {
    ip_rules::Entity::update_many()
        .col_expr(ip_rules::Column::Enabled, Expr::value(enabled))
        .filter(ip_rules::Column::AccountId.eq(account.get()))
        .filter(ip_rules::Column::Id.eq(id.get()))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Deletes one of the account's rules; another account's rule stays.
pub async fn delete(db: &impl Db, account: AccountId, id: IpRuleId) -> Result<(), StoreError> {
    ip_rules::Entity::delete_many()
        .filter(ip_rules::Column::AccountId.eq(account.get()))
        .filter(ip_rules::Column::Id.eq(id.get()))
        .exec(db.conn())
        .await?;
    Ok(())
}
