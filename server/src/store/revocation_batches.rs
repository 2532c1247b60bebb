//! Mass revocation: the operator's search over every account's certificates, the index of
//! their public keys that search reads, and the batches with one item per certificate.
//! (Operator queries: a certificate belongs to the CA, a batch to the operator; none is
//! scoped to an account, and each function says so in its name.)

use std::collections::HashMap;

use app::model::{
    ProductId,
    certificate_status::CertificateStatus,
    revocations::{BatchOutcome, NameMatch, StateFilter, ValidSearch},
};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    Condition, QueryOrder, QuerySelect,
    entity::prelude::*,
    sea_query::{Expr, ExprTrait, LikeExpr, OnConflict, Query, SelectStatement},
};

use super::{
    CertificateRow, Db, OrderRow, StoreError, Tx,
    entities::{
        acme_orders, certificate_keys as keys, issued_certificates as certs, orders, products,
        revocation_batch_items as items, revocation_batches as batches,
    },
    stored::Stored,
};
use crate::domain::revocation::RevocationReason;

pub use super::entities::{
    revocation_batch_items::Model as BatchItemRow, revocation_batches::Model as BatchRow,
};

/// Rows per statement: far below the bind-parameter limits of SQLite and PostgreSQL.
const ROWS_PER_STATEMENT: usize = 500;

/// Hex digits of this CA's serials: 16 octets (`ca::serial`), stored lower-case and padded,
/// so equal-length text compares as the numbers do.
const SERIAL_DIGITS: usize = 32;

// ---- The search.

/// `text` for a LIKE pattern whose own `%`, `_` and `\` match only themselves.
fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The certificate's names between commas at both ends, case folded: a name is then found
/// as `,name,` whichever place it has in the list.
fn listed_names() -> Expr {
    Expr::cust("(',' || lower(names) || ',')")
}

fn name_condition(name: &NameMatch) -> Condition {
    let like = |pattern: String| listed_names().like(LikeExpr::new(pattern).escape('\\'));
    match name {
        NameMatch::Exact(n) => Condition::all().add(like(format!("%,{},%", like_escaped(n)))),
        NameMatch::Suffix(n) => Condition::any()
            .add(like(format!("%,{},%", like_escaped(n))))
            .add(like(format!("%.{},%", like_escaped(n)))),
    }
}

/// The start of `day` (UTC).
fn midnight(day: app::model::Day) -> Option<DateTime<Utc>> {
    Some(day.date()?.and_time(NaiveTime::MIN).and_utc())
}

/// Certificates held by the orders `filter` selects, as their own or as an interim DV.
fn held_by_orders(filter: Condition) -> Condition {
    let holding = |column: orders::Column| {
        certs::Column::Id.in_subquery(
            Query::select()
                .column(column)
                .from(orders::Entity)
                .cond_where(filter.clone())
                .to_owned(),
        )
    };
    Condition::any()
        .add(holding(orders::Column::CertificateId))
        .add(holding(orders::Column::InterimCertificateId))
}

fn state_condition(state: StateFilter, now: DateTime<Utc>) -> Condition {
    let c = Condition::all();
    match state {
        StateFilter::Valid => c
            .add(certs::Column::RevokedAt.is_null())
            .add(certs::Column::NotAfter.gt(now)),
        StateFilter::Revoked => c.add(certs::Column::RevokedAt.is_not_null()),
        StateFilter::Expired => c
            .add(certs::Column::RevokedAt.is_null())
            .add(certs::Column::NotAfter.lte(now)),
        StateFilter::Any => c,
    }
}

/// What `s` selects among issued certificates, `state` as given (the revocable ones are
/// the valid ones whatever the page shows).
fn condition(s: &ValidSearch, state: StateFilter, now: DateTime<Utc>) -> Condition {
    let mut c = Condition::all()
        .add(certs::Column::Status.eq(Stored(CertificateStatus::Issued)))
        .add(state_condition(state, now));
    if let Some(ca) = s.ca {
        c = c.add(certs::Column::CaId.eq(ca));
    }
    // A bound longer than any serial of this CA: "from" is above them all, "to" below none.
    if let Some(from) = &s.serial_from {
        c = match from.len() {
            n if n > SERIAL_DIGITS => c.add(Expr::cust("1 = 0")),
            _ => c.add(certs::Column::SerialHex.gte(format!("{from:0>SERIAL_DIGITS$}"))),
        };
    }
    if let Some(to) = &s.serial_to
        && to.len() <= SERIAL_DIGITS
    {
        c = c.add(certs::Column::SerialHex.lte(format!("{to:0>SERIAL_DIGITS$}")));
    }
    if let Some(key) = &s.key {
        c = c.add(
            certs::Column::Id.in_subquery(
                Query::select()
                    .column(keys::Column::CertificateId)
                    .from(keys::Entity)
                    .and_where(keys::Column::SpkiSha256.eq(key.as_str()))
                    .to_owned(),
            ),
        );
    }
    if let Some(name) = &s.name {
        c = c.add(name_condition(name));
    }
    if let Some(profile) = &s.profile {
        c = c.add(certs::Column::Profile.eq(profile.as_str()));
    }
    if let Some(ProductId(product)) = s.product {
        c = c.add(held_by_orders(
            Condition::all().add(orders::Column::ProductId.eq(product)),
        ));
    }
    if let Some(profile) = s.acme_profile {
        c = c.add(held_by_orders(
            Condition::all().add(
                orders::Column::Id.in_subquery(
                    Query::select()
                        .column(acme_orders::Column::OrderId)
                        .from(acme_orders::Entity)
                        .and_where(acme_orders::Column::Profile.eq(Stored(profile)))
                        .to_owned(),
                ),
            ),
        ));
    }
    let day_bounds = [
        (s.issued_from, certs::Column::NotBefore, false),
        (s.issued_to, certs::Column::NotBefore, true),
        (s.expires_from, certs::Column::NotAfter, false),
        (s.expires_to, certs::Column::NotAfter, true),
    ];
    for (day, column, to) in day_bounds {
        // A `Day` always has a date (`Day::new` checked it); the bound is inclusive.
        if let Some(start) = day.and_then(midnight) {
            c = c.add(if to {
                column.lt(start + Duration::days(1))
            } else {
                column.gte(start)
            });
        }
    }
    c
}

fn ids_matching(s: &ValidSearch, state: StateFilter, now: DateTime<Utc>) -> SelectStatement {
    Query::select()
        .column(certs::Column::Id)
        .from(certs::Entity)
        .cond_where(condition(s, state, now))
        .to_owned()
}

/// One page of the certificates `s` finds in every account, newest first, and how many it
/// finds in all.
pub async fn search_for_operator(
    db: &impl Db,
    s: &ValidSearch,
    now: DateTime<Utc>,
    per_page: u64,
) -> Result<(Vec<CertificateRow>, u64), StoreError> {
    let total = certs::Entity::find()
        .filter(condition(s, s.state, now))
        .count(db.conn())
        .await?;
    let offset = s.page.saturating_sub(1).saturating_mul(per_page);
    if offset >= total {
        return Ok((Vec::new(), total));
    }
    let page_ids = ids_matching(s, s.state, now)
        .order_by(certs::Column::Id, sea_orm::Order::Desc)
        .offset(offset)
        .limit(per_page)
        .to_owned();
    let rows = certs::Entity::find()
        .filter(certs::Column::Id.in_subquery(page_ids))
        .order_by_desc(certs::Column::Id)
        .all(db.conn())
        .await?;
    Ok((rows, total))
}

/// How many of the certificates `s` finds are valid now (in every account).
pub async fn count_revocable_for_operator(
    db: &impl Db,
    s: &ValidSearch,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(certs::Entity::find()
        .filter(condition(s, StateFilter::Valid, now))
        .count(db.conn())
        .await?)
}

/// The valid certificates `s` finds (in every account), oldest first, at most `limit`.
pub async fn revocable_ids_for_operator(
    db: &impl Db,
    s: &ValidSearch,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<i32>, StoreError> {
    Ok(certs::Entity::find()
        .select_only()
        .column(certs::Column::Id)
        .filter(condition(s, StateFilter::Valid, now))
        .order_by_asc(certs::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db.conn())
        .await?)
}

/// Which of `ids` are issued certificates, valid now (in every account).
pub async fn revocable_among_for_operator(
    db: &impl Db,
    ids: &[i32],
    now: DateTime<Utc>,
) -> Result<Vec<i32>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(ROWS_PER_STATEMENT) {
        let rows = certs::Entity::find()
            .select_only()
            .column(certs::Column::Id)
            .filter(certs::Column::Id.is_in(chunk.iter().copied()))
            .filter(certs::Column::Status.eq(Stored(CertificateStatus::Issued)))
            .filter(state_condition(StateFilter::Valid, now))
            .into_tuple::<i32>()
            .all(db.conn())
            .await?;
        out.extend(rows);
    }
    out.sort_unstable();
    Ok(out)
}

/// The certificates with these ids (in every account).
pub async fn certificates_for_operator(
    db: &impl Db,
    ids: &[i32],
) -> Result<Vec<CertificateRow>, StoreError> {
    let mut out = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(ROWS_PER_STATEMENT) {
        out.extend(
            certs::Entity::find()
                .filter(certs::Column::Id.is_in(chunk.iter().copied()))
                .all(db.conn())
                .await?,
        );
    }
    Ok(out)
}

/// The orders (of any account) that hold these certificates, as their own or as an interim.
pub async fn orders_holding_for_operator(
    db: &impl Db,
    certificate_ids: &[i32],
) -> Result<Vec<OrderRow>, StoreError> {
    let mut out: Vec<OrderRow> = Vec::new();
    for chunk in certificate_ids.chunks(ROWS_PER_STATEMENT) {
        let rows = orders::Entity::find()
            .filter(
                Condition::any()
                    .add(orders::Column::CertificateId.is_in(chunk.iter().copied()))
                    .add(orders::Column::InterimCertificateId.is_in(chunk.iter().copied())),
            )
            .all(db.conn())
            .await?;
        for row in rows {
            if !out.iter().any(|o| o.id == row.id) {
                out.push(row);
            }
        }
    }
    Ok(out)
}

/// Every product, public or an account's private one, by name (the search's choices).
pub async fn products_for_operator(db: &impl Db) -> Result<Vec<(i32, String)>, StoreError> {
    Ok(products::Entity::find()
        .select_only()
        .column(products::Column::Id)
        .column(products::Column::Name)
        .order_by_asc(products::Column::Name)
        .order_by_asc(products::Column::Id)
        .into_tuple()
        .all(db.conn())
        .await?)
}

// ---- The index of public keys.

/// Certificates whose public key is not indexed yet, with the bytes the CA signed (any
/// account), oldest first.
pub async fn unindexed_keys_for_operator(
    db: &impl Db,
    limit: u64,
) -> Result<Vec<(i32, Vec<u8>)>, StoreError> {
    Ok(certs::Entity::find()
        .select_only()
        .column(certs::Column::Id)
        .column(certs::Column::TbsDer)
        .filter(
            certs::Column::Id.not_in_subquery(
                Query::select()
                    .column(keys::Column::CertificateId)
                    .from(keys::Entity)
                    .to_owned(),
            ),
        )
        .order_by_asc(certs::Column::Id)
        .limit(limit)
        .into_tuple()
        .all(db.conn())
        .await?)
}

/// Records certificates' key hashes; one already recorded (another node indexing at the
/// same time) is kept.
pub async fn insert_keys(db: &impl Db, entries: &[(i32, String)]) -> Result<(), StoreError> {
    for chunk in entries.chunks(ROWS_PER_STATEMENT) {
        if chunk.is_empty() {
            continue;
        }
        keys::Entity::insert_many(chunk.iter().map(|(id, hash)| keys::ActiveModel {
            certificate_id: Set(*id),
            spki_sha256: Set(hash.clone()),
        }))
        .on_conflict(
            OnConflict::column(keys::Column::CertificateId)
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db.conn())
        .await
        .map_err(StoreError::from_db)?;
    }
    Ok(())
}

// ---- Batches.

pub struct NewBatch<'a> {
    pub created_by: i32,
    pub operator: &'a str,
    pub reason: RevocationReason,
    pub comment: &'a str,
    pub form_token: &'a str,
    pub criteria: &'a str,
    pub certificate_ids: &'a [i32],
    pub at: DateTime<Utc>,
}

/// Records a batch and its items, every item pending; `Duplicate` (nothing written, once
/// the caller rolls back) when a batch with the form token exists.
pub async fn insert(tx: &Tx, new: NewBatch<'_>) -> Result<BatchRow, StoreError> {
    let total = i32::try_from(new.certificate_ids.len())
        .map_err(|_| StoreError::Inconsistent("a batch of more than 2^31 items".into()))?;
    let batch = batches::ActiveModel {
        created_by: Set(new.created_by),
        operator: Set(new.operator.to_owned()),
        reason: Set(Stored(new.reason)),
        comment: Set(new.comment.to_owned()),
        form_token: Set(new.form_token.to_owned()),
        criteria: Set(new.criteria.to_owned()),
        total: Set(total),
        created_at: Set(new.at),
        finished_at: Set(None),
        ..Default::default()
    }
    .insert(tx.conn())
    .await
    .map_err(StoreError::from_db)?;
    for chunk in new.certificate_ids.chunks(ROWS_PER_STATEMENT) {
        if chunk.is_empty() {
            continue;
        }
        items::Entity::insert_many(chunk.iter().map(|id| items::ActiveModel {
            batch_id: Set(batch.id),
            certificate_id: Set(*id),
            outcome: Set(Stored(BatchOutcome::Pending)),
            detail: Set(None),
            done_at: Set(None),
            ..Default::default()
        }))
        .exec_without_returning(tx.conn())
        .await
        .map_err(StoreError::from_db)?;
    }
    Ok(batch)
}

pub async fn find_by_token(db: &impl Db, form_token: &str) -> Result<Option<BatchRow>, StoreError> {
    Ok(batches::Entity::find()
        .filter(batches::Column::FormToken.eq(form_token))
        .one(db.conn())
        .await?)
}

pub async fn find(db: &impl Db, id: i32) -> Result<Option<BatchRow>, StoreError> {
    Ok(batches::Entity::find_by_id(id).one(db.conn()).await?)
}

/// The newest batches.
pub async fn recent(db: &impl Db, limit: u64) -> Result<Vec<BatchRow>, StoreError> {
    Ok(batches::Entity::find()
        .order_by_desc(batches::Column::Id)
        .limit(limit)
        .all(db.conn())
        .await?)
}

/// The ids of batches with items still to do, oldest first.
pub async fn unfinished(db: &impl Db) -> Result<Vec<i32>, StoreError> {
    Ok(batches::Entity::find()
        .select_only()
        .column(batches::Column::Id)
        .filter(batches::Column::FinishedAt.is_null())
        .order_by_asc(batches::Column::Id)
        .into_tuple()
        .all(db.conn())
        .await?)
}

/// The next items a runner takes up: pending ones, and those a runner had claimed when its
/// process stopped.
pub async fn next_items(
    db: &impl Db,
    batch_id: i32,
    limit: u64,
) -> Result<Vec<BatchItemRow>, StoreError> {
    Ok(items::Entity::find()
        .filter(items::Column::BatchId.eq(batch_id))
        .filter(items::Column::Outcome.is_in([
            Stored(BatchOutcome::Pending),
            Stored(BatchOutcome::Revoking),
        ]))
        .order_by_asc(items::Column::Id)
        .limit(limit)
        .all(db.conn())
        .await?)
}

/// Moves an item from `from` to `to`, stamping it; false when it was not at `from` any
/// more (another runner moved it), so two runners never both settle one item.
pub async fn move_item(
    db: &impl Db,
    item_id: i32,
    from: BatchOutcome,
    to: BatchOutcome,
    detail: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let r = items::Entity::update_many()
        .col_expr(items::Column::Outcome, Expr::value(Stored(to)))
        .col_expr(
            items::Column::Detail,
            Expr::value(detail.map(str::to_owned)),
        )
        .col_expr(
            items::Column::DoneAt,
            Expr::value(to.is_final().then_some(at)),
        )
        .filter(items::Column::Id.eq(item_id))
        .filter(items::Column::Outcome.eq(Stored(from)))
        .exec(db.conn())
        .await?;
    Ok(r.rows_affected == 1)
}

/// How many items of the batch have each outcome.
pub async fn counts(db: &impl Db, batch_id: i32) -> Result<HashMap<BatchOutcome, u64>, StoreError> {
    let rows: Vec<(Stored<BatchOutcome>, i64)> = items::Entity::find()
        .select_only()
        .column(items::Column::Outcome)
        .column_as(items::Column::Id.count(), "n")
        .filter(items::Column::BatchId.eq(batch_id))
        .group_by(items::Column::Outcome)
        .into_tuple()
        .all(db.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(o, n)| (o.into_inner(), u64::try_from(n).unwrap_or_default()))
        .collect())
}

/// A page of the batch's items, in the order they were taken.
pub async fn items_page(
    db: &impl Db,
    batch_id: i32,
    page: u64,
    per_page: u64,
) -> Result<Vec<BatchItemRow>, StoreError> {
    Ok(items::Entity::find()
        .filter(items::Column::BatchId.eq(batch_id))
        .order_by_asc(items::Column::Id)
        .offset(page.saturating_sub(1).saturating_mul(per_page))
        .limit(per_page)
        .all(db.conn())
        .await?)
}

/// The certificates this batch revoked.
pub async fn revoked_certificates(db: &impl Db, batch_id: i32) -> Result<Vec<i32>, StoreError> {
    Ok(items::Entity::find()
        .select_only()
        .column(items::Column::CertificateId)
        .filter(items::Column::BatchId.eq(batch_id))
        .filter(items::Column::Outcome.eq(Stored(BatchOutcome::Revoked)))
        .order_by_asc(items::Column::Id)
        .into_tuple()
        .all(db.conn())
        .await?)
}

/// Marks the batch finished; false when another runner already did.
pub async fn finish(db: &impl Db, batch_id: i32, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let r = batches::Entity::update_many()
        .col_expr(batches::Column::FinishedAt, Expr::value(at))
        .filter(batches::Column::Id.eq(batch_id))
        .filter(batches::Column::FinishedAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(r.rows_affected == 1)
}
