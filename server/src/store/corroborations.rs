//! Rounds of multi-perspective corroboration (TLS BR 3.2.2.9) and each perspective's answer,
//! kept with the validation they corroborated. Every query names the account.

use std::collections::HashMap;

use app::model::corroboration::CorroboratedCheck;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*};

pub use super::entities::corroboration_answers::Model as AnswerRow;
pub use super::entities::corroboration_rounds::Model as RoundRow;
use super::{
    Db, StoreError,
    entities::{corroboration_answers, corroboration_rounds},
};

/// A round as the fan-out ended it.
pub struct NewRound<'a> {
    pub account_id: i32,
    /// Lower case, without a trailing dot.
    pub name: &'a str,
    pub check: CorroboratedCheck,
    pub asked: usize,
    pub corroborated: bool,
    pub enforced: bool,
    pub at: DateTime<Utc>,
    pub answers: &'a [NewAnswer<'a>],
}

pub struct NewAnswer<'a> {
    pub perspective: &'a str,
    pub region: &'a str,
    pub corroborated: bool,
    pub detail: Option<&'a str>,
    pub at: DateTime<Utc>,
}

/// Keeps the round and its answers; call inside a transaction so neither is kept alone.
pub async fn insert(db: &impl Db, round: NewRound<'_>) -> Result<i32, StoreError> {
    let row = corroboration_rounds::ActiveModel {
        account_id: Set(round.account_id),
        name: Set(round.name.to_owned()),
        check_kind: Set(round.check.into()),
        asked: Set(i32::try_from(round.asked).unwrap_or(i32::MAX)),
        corroborated: Set(round.corroborated),
        enforced: Set(round.enforced),
        at: Set(round.at),
        ..Default::default()
    }
    .insert(db.conn())
    .await?;
    for a in round.answers {
        corroboration_answers::ActiveModel {
            round_id: Set(row.id),
            perspective: Set(a.perspective.to_owned()),
            region: Set(a.region.to_owned()),
            corroborated: Set(a.corroborated),
            detail: Set(a.detail.map(str::to_owned)),
            at: Set(a.at),
            ..Default::default()
        }
        .insert(db.conn())
        .await?;
    }
    Ok(row.id)
}

/// The newest round of each of `names` in the account, with its answers in the order they came.
pub async fn newest_for(
    db: &impl Db,
    account_id: i32,
    names: &[String],
) -> Result<HashMap<String, (RoundRow, Vec<AnswerRow>)>, StoreError> {
    if names.is_empty() {
        return Ok(HashMap::new());
    }
    let rounds = corroboration_rounds::Entity::find()
        .filter(corroboration_rounds::Column::AccountId.eq(account_id))
        .filter(corroboration_rounds::Column::Name.is_in(names.iter().cloned()))
        .order_by_desc(corroboration_rounds::Column::Id)
        .all(db.conn())
        .await?;
    let mut newest: HashMap<String, RoundRow> = HashMap::new();
    for round in rounds {
        newest.entry(round.name.clone()).or_insert(round);
    }
    let ids: Vec<i32> = newest.values().map(|r| r.id).collect();
    let mut answers: HashMap<i32, Vec<AnswerRow>> = HashMap::new();
    for a in corroboration_answers::Entity::find()
        .filter(corroboration_answers::Column::RoundId.is_in(ids))
        .order_by_asc(corroboration_answers::Column::Id)
        .all(db.conn())
        .await?
    {
        answers.entry(a.round_id).or_default().push(a);
    }
    Ok(newest
        .into_iter()
        .map(|(name, round)| {
            let its = answers.remove(&round.id).unwrap_or_default();
            (name, (round, its))
        })
        .collect())
}
