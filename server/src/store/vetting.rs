//! The vetting desk's reads and writes. The desk is the operator's and acts across accounts, so
//! these calls take an organization id alone; the vetting service lets only operator users (and
//! the representative's one-use link) reach them.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    QueryOrder,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, OnConflict},
};

use app::model::{OrganizationId, UserId, organizations::OrganizationStatus, vetting::VettingItem};

use super::{
    Db, StoreError,
    entities::{organization_auth_codes, organization_checks, organization_events, organizations},
    organizations::OrganizationRow,
    stored::Stored,
};

pub use organization_auth_codes::Model as AuthCodeRow;
pub use organization_checks::Model as CheckRow;
pub use organization_events::Model as EventRow;

/// Organizations waiting for the desk (sent, or being checked), the longest waiting first.
pub async fn queue(db: &impl Db) -> Result<Vec<OrganizationRow>, StoreError> {
    Ok(organizations::Entity::find()
        .filter(organizations::Column::Status.is_in([
            Stored(OrganizationStatus::Submitted),
            Stored(OrganizationStatus::InValidation),
        ]))
        .order_by_asc(organizations::Column::SubmittedAt)
        .order_by_asc(organizations::Column::Id)
        .all(db.conn())
        .await?)
}

/// Any account's organization.
pub async fn organization(
    db: &impl Db,
    id: OrganizationId,
) -> Result<Option<OrganizationRow>, StoreError> {
    Ok(organizations::Entity::find_by_id(id.get())
        .one(db.conn())
        .await?)
}

/// The organization's standing checks.
pub async fn checks(db: &impl Db, id: OrganizationId) -> Result<Vec<CheckRow>, StoreError> {
    Ok(organization_checks::Entity::find()
        .filter(organization_checks::Column::OrganizationId.eq(id.get()))
        .order_by_asc(organization_checks::Column::Id)
        .all(db.conn())
        .await?)
}

/// What a check records.
pub struct NewCheck<'a> {
    pub item: VettingItem,
    pub by: Option<UserId>,
    pub source: &'a str,
    pub note: &'a str,
}

/// Records a check of an item, replacing an earlier one of the same item.
pub async fn put_check(
    db: &impl Db,
    id: OrganizationId,
    c: NewCheck<'_>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    organization_checks::Entity::insert(organization_checks::ActiveModel {
        organization_id: Set(id.get()),
        item: Set(Stored(c.item)),
        checked_by: Set(c.by.map(UserId::get)),
        checked_at: Set(at),
        source: Set(c.source.to_owned()),
        note: Set(c.note.to_owned()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            organization_checks::Column::OrganizationId,
            organization_checks::Column::Item,
        ])
        .update_columns([
            organization_checks::Column::CheckedBy,
            organization_checks::Column::CheckedAt,
            organization_checks::Column::Source,
            organization_checks::Column::Note,
        ])
        .to_owned(),
    )
    .exec_without_returning(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// Sets where the organization's vetting stands: a decision's status, the refusal's reason
/// (cleared otherwise) and the last instant the vetting backs a certificate.
pub async fn decide(
    db: &impl Db,
    id: OrganizationId,
    status: OrganizationStatus,
    reason: Option<&str>,
    verified_until: Option<DateTime<Utc>>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    organizations::Entity::update_many()
        .col_expr(organizations::Column::Status, Expr::value(status.as_str()))
        .col_expr(
            organizations::Column::RejectionReason,
            Expr::value(reason.map(str::to_owned)),
        )
        .col_expr(
            organizations::Column::VerifiedUntil,
            Expr::value(verified_until),
        )
        .col_expr(organizations::Column::UpdatedAt, Expr::value(at))
        .filter(organizations::Column::Id.eq(id.get()))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Moves a sent organization into the agent's hands; false when it was not waiting as sent.
pub async fn take(db: &impl Db, id: OrganizationId, at: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(organizations::Entity::update_many()
        .col_expr(
            organizations::Column::Status,
            Expr::value(OrganizationStatus::InValidation.as_str()),
        )
        .col_expr(organizations::Column::UpdatedAt, Expr::value(at))
        .filter(organizations::Column::Id.eq(id.get()))
        .filter(organizations::Column::Status.eq(Stored(OrganizationStatus::Submitted)))
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}

pub async fn add_event(
    db: &impl Db,
    id: OrganizationId,
    by: Option<UserId>,
    summary: &str,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    organization_events::ActiveModel {
        organization_id: Set(id.get()),
        at: Set(at),
        user_id: Set(by.map(UserId::get)),
        summary: Set(summary.to_owned()),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// The organization's history on the desk, newest first.
pub async fn events(db: &impl Db, id: OrganizationId) -> Result<Vec<EventRow>, StoreError> {
    Ok(organization_events::Entity::find()
        .filter(organization_events::Column::OrganizationId.eq(id.get()))
        .order_by_desc(organization_events::Column::Id)
        .all(db.conn())
        .await?)
}

/// A code mailed to the representative.
pub struct NewCode<'a> {
    pub token_hash: &'a str,
    pub code_hash: &'a str,
    pub sent_to: &'a str,
    pub expires_at: DateTime<Utc>,
}

/// Keeps a new code; earlier unused codes of the organization stop working.
pub async fn put_code(
    db: &impl Db,
    id: OrganizationId,
    c: NewCode<'_>,
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    organization_auth_codes::Entity::update_many()
        .col_expr(organization_auth_codes::Column::ExpiresAt, Expr::value(at))
        .filter(organization_auth_codes::Column::OrganizationId.eq(id.get()))
        .filter(organization_auth_codes::Column::UsedAt.is_null())
        .filter(organization_auth_codes::Column::ExpiresAt.gt(at))
        .exec(db.conn())
        .await?;
    organization_auth_codes::ActiveModel {
        organization_id: Set(id.get()),
        token_hash: Set(c.token_hash.to_owned()),
        code_hash: Set(c.code_hash.to_owned()),
        sent_to: Set(c.sent_to.to_owned()),
        created_at: Set(at),
        expires_at: Set(c.expires_at),
        used_at: Set(None),
        attempts: Set(0),
        ..Default::default()
    }
    .insert(db.conn())
    .await
    .map_err(StoreError::from_db)?;
    Ok(())
}

/// The code behind a link's token.
pub async fn code_by_token(
    db: &impl Db,
    token_hash: &str,
) -> Result<Option<AuthCodeRow>, StoreError> {
    Ok(organization_auth_codes::Entity::find()
        .filter(organization_auth_codes::Column::TokenHash.eq(token_hash))
        .one(db.conn())
        .await?)
}

/// The organization's newest code still waiting to be entered.
pub async fn waiting_code(
    db: &impl Db,
    id: OrganizationId,
    now: DateTime<Utc>,
) -> Result<Option<AuthCodeRow>, StoreError> {
    Ok(organization_auth_codes::Entity::find()
        .filter(organization_auth_codes::Column::OrganizationId.eq(id.get()))
        .filter(organization_auth_codes::Column::UsedAt.is_null())
        .filter(organization_auth_codes::Column::ExpiresAt.gt(now))
        .order_by_desc(organization_auth_codes::Column::Id)
        .one(db.conn())
        .await?)
}

/// Counts a wrong attempt.
pub async fn count_attempt(db: &impl Db, code: i32) -> Result<(), StoreError> {
    organization_auth_codes::Entity::update_many()
        .col_expr(
            organization_auth_codes::Column::Attempts,
            Expr::col(organization_auth_codes::Column::Attempts).add(1),
        )
        .filter(organization_auth_codes::Column::Id.eq(code))
        .exec(db.conn())
        .await?;
    Ok(())
}

/// Marks the code used; false when it was used already (two posts at once).
pub async fn use_code(db: &impl Db, code: i32, at: DateTime<Utc>) -> Result<bool, StoreError> {
    Ok(organization_auth_codes::Entity::update_many()
        .col_expr(organization_auth_codes::Column::UsedAt, Expr::value(at))
        .filter(organization_auth_codes::Column::Id.eq(code))
        .filter(organization_auth_codes::Column::UsedAt.is_null())
        .exec(db.conn())
        .await?
        .rows_affected
        == 1)
}
