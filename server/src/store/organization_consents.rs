//! Consents to name another account's organization: asked of its representative by a one-use
//! link, answered once. A consented row lets the asking account name the organization (its
//! orders read the owner's vetted record); reads by account name the asking account.

use app::model::{AccountId, OrganizationId, UserId};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    entity::prelude::*,
    sea_query::{Expr, Query, SelectStatement},
};

use super::{Db, StoreError, entities::organization_consents};

pub use organization_consents::Model as ConsentRow;

/// The organizations `account` was granted, as a subquery of their ids.
pub(super) fn granted_to(account: AccountId) -> SelectStatement {
    Query::select()
        .column(organization_consents::Column::OrganizationId)
        .from(organization_consents::Entity)
        .and_where(organization_consents::Column::AccountId.eq(account.get()))
        .and_where(organization_consents::Column::Granted.eq(true))
        .to_owned()
}

/// A request to ask.
pub struct NewConsent<'a> {
    pub organization: OrganizationId,
    pub account: AccountId,
    pub requested_by: UserId,
    pub email: &'a str,
    pub token_hash: &'a str,
    pub expires_at: DateTime<Utc>,
}

pub async fn add(db: &impl Db, c: NewConsent<'_>, now: DateTime<Utc>) -> Result<(), StoreError> {
    organization_consents::ActiveModel {
        organization_id: Set(c.organization.get()),
        account_id: Set(c.account.get()),
        requested_by: Set(c.requested_by.get()),
        email: Set(c.email.to_owned()),
        token_hash: Set(c.token_hash.to_owned()),
        expires_at: Set(c.expires_at),
        answered_at: Set(None),
        granted: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db.conn())
    .await?;
    Ok(())
}

/// The request a link's token hash belongs to.
pub async fn by_token(db: &impl Db, token_hash: &str) -> Result<Option<ConsentRow>, StoreError> {
    Ok(organization_consents::Entity::find()
        .filter(organization_consents::Column::TokenHash.eq(token_hash))
        .one(db.conn())
        .await?)
}

/// Whether `account` may name `organization` by consent.
pub async fn is_granted(
    db: &impl Db,
    account: AccountId,
    organization: OrganizationId,
) -> Result<bool, StoreError> {
    Ok(organization_consents::Entity::find()
        .filter(organization_consents::Column::AccountId.eq(account.get()))
        .filter(organization_consents::Column::OrganizationId.eq(organization.get()))
        .filter(organization_consents::Column::Granted.eq(true))
        .one(db.conn())
        .await?
        .is_some())
}

/// Records the representative's answer to a request not answered yet; false when it was.
pub async fn answer(
    db: &impl Db,
    id: i32,
    granted: bool,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = organization_consents::Entity::update_many()
        .col_expr(organization_consents::Column::Granted, Expr::value(granted))
        .col_expr(organization_consents::Column::AnsweredAt, Expr::value(now))
        .filter(organization_consents::Column::Id.eq(id))
        .filter(organization_consents::Column::AnsweredAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}
