//! The EV workflow's steps of an order: what each person outside the portal was asked and what
//! they answered. Reads by account name it; a link's token finds its step by its hash alone
//! (the link is the key), and an answer is written once.

use app::model::{
    AccountId,
    ev::{EvAnswer, EvStep},
};
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*, sea_query::Expr};

use super::{Db, StoreError, entities::ev_steps};

pub use ev_steps::Model as EvStepRow;

/// A step to ask.
pub struct NewStep<'a> {
    pub order_id: i32,
    pub account_id: i32,
    pub step: EvStep,
    pub name: &'a str,
    pub email: &'a str,
}

/// Adds the order's steps, unanswered and without a link yet (`send_link` gives one).
pub async fn add(
    db: &impl Db,
    steps: &[NewStep<'_>],
    now: DateTime<Utc>,
) -> Result<(), StoreError> {
    for s in steps {
        ev_steps::ActiveModel {
            order_id: Set(s.order_id),
            account_id: Set(s.account_id),
            step: Set(s.step.into()),
            name: Set(s.name.to_owned()),
            email: Set(s.email.to_owned()),
            token_hash: Set(None),
            expires_at: Set(now),
            answer: Set(None),
            answered_at: Set(None),
            answered_from: Set(None),
            reason: Set(String::new()),
            agreement_version: Set(None),
            agreement_text: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db.conn())
        .await?;
    }
    Ok(())
}

/// The order's steps in the workflow's order; none for an order that is not EV.
pub async fn of_order(
    db: &impl Db,
    account: AccountId,
    order_id: i32,
) -> Result<Vec<EvStepRow>, StoreError> {
    let mut rows = ev_steps::Entity::find()
        .filter(ev_steps::Column::AccountId.eq(account.get()))
        .filter(ev_steps::Column::OrderId.eq(order_id))
        .all(db.conn())
        .await?;
    rows.sort_by_key(|r| EvStep::ALL.iter().position(|s| *s == *r.step));
    Ok(rows)
}

/// Gives an unanswered step a new link (the earlier one stops working) until `expires_at`.
pub async fn send_link(
    db: &impl Db,
    id: i32,
    token_hash: &str,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    ev_steps::Entity::update_many()
        .col_expr(ev_steps::Column::TokenHash, Expr::value(token_hash))
        .col_expr(ev_steps::Column::ExpiresAt, Expr::value(expires_at))
        .filter(ev_steps::Column::Id.eq(id))
        .filter(ev_steps::Column::Answer.is_null())
        .exec(db.conn())
        .await?;
    Ok(())
}

/// The step a link's token hash belongs to.
pub async fn by_token(db: &impl Db, token_hash: &str) -> Result<Option<EvStepRow>, StoreError> {
    Ok(ev_steps::Entity::find()
        .filter(ev_steps::Column::TokenHash.eq(token_hash))
        .one(db.conn())
        .await?)
}

/// One of the account's steps.
pub async fn get(
    db: &impl Db,
    account: AccountId,
    id: i32,
) -> Result<Option<EvStepRow>, StoreError> {
    Ok(ev_steps::Entity::find_by_id(id)
        .filter(ev_steps::Column::AccountId.eq(account.get()))
        .one(db.conn())
        .await?)
}

/// The account's approval steps, newest first (the EV Request Approvals page).
pub async fn approvals(db: &impl Db, account: AccountId) -> Result<Vec<EvStepRow>, StoreError> {
    Ok(ev_steps::Entity::find()
        .filter(ev_steps::Column::AccountId.eq(account.get()))
        .filter(ev_steps::Column::Step.eq(EvStep::Approval.as_str()))
        .order_by_desc(ev_steps::Column::Id)
        .all(db.conn())
        .await?)
}

/// An answer, with the agreement accepted for that step.
pub struct Answer<'a> {
    pub answer: EvAnswer,
    pub reason: &'a str,
    /// Where it came from: the link's client address, or the signed-in user.
    pub from: &'a str,
    pub agreement: Option<(i32, &'a str)>,
}

/// Records the answer of a step not answered yet; false when it was (a second click, or two
/// at once: one of them wins).
pub async fn answer(
    db: &impl Db,
    id: i32,
    a: Answer<'_>,
    now: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let done = ev_steps::Entity::update_many()
        .col_expr(ev_steps::Column::Answer, Expr::value(a.answer.as_str()))
        .col_expr(ev_steps::Column::AnsweredAt, Expr::value(now))
        .col_expr(ev_steps::Column::AnsweredFrom, Expr::value(a.from))
        .col_expr(ev_steps::Column::Reason, Expr::value(a.reason))
        .col_expr(
            ev_steps::Column::AgreementVersion,
            Expr::value(a.agreement.map(|(v, _)| v)),
        )
        .col_expr(
            ev_steps::Column::AgreementText,
            Expr::value(a.agreement.map(|(_, t)| t.to_owned())),
        )
        .filter(ev_steps::Column::Id.eq(id))
        .filter(ev_steps::Column::Answer.is_null())
        .exec(db.conn())
        .await?;
    Ok(done.rows_affected == 1)
}
