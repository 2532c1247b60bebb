//! Pre-signed OCSP responses, one per certificate. (Operator queries: they belong to the CA.)

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set,
    QueryOrder, QuerySelect,
    entity::prelude::*,
    sea_query::{ExprTrait, LockBehavior, LockType, OnConflict, Query},
};

use super::{
    CertificateRow, Db, OcspResponseRow, StoreError, Tx,
    certificates::ISSUED,
    entities::{issued_certificates as certs, ocsp_responses as responses},
};

pub struct NewResponse<'a> {
    pub certificate_id: i32,
    pub revoked: bool,
    pub cert_id_der: &'a [u8],
    pub der: &'a [u8],
    pub this_update: DateTime<Utc>,
    pub next_update: DateTime<Utc>,
}

fn model(r: &NewResponse<'_>) -> responses::ActiveModel {
    responses::ActiveModel {
        certificate_id: Set(r.certificate_id),
        revoked: Set(r.revoked),
        cert_id_der: Set(r.cert_id_der.to_vec()),
        der: Set(r.der.to_vec()),
        this_update: Set(r.this_update),
        next_update: Set(r.next_update),
        ..Default::default()
    }
}

fn replace_all() -> OnConflict {
    OnConflict::column(responses::Column::CertificateId)
        .update_columns([
            responses::Column::Revoked,
            responses::Column::CertIdDer,
            responses::Column::Der,
            responses::Column::ThisUpdate,
            responses::Column::NextUpdate,
        ])
        .to_owned()
}

/// Stores "good" answers. One never replaces a "revoked" answer: a refresh that read the
/// certificate just before its revocation must not undo it.
pub async fn store_good(db: &impl Db, rows: &[NewResponse<'_>]) -> Result<(), StoreError> {
    for chunk in rows.chunks(200) {
        responses::Entity::insert_many(chunk.iter().map(model))
            .on_conflict(
                replace_all()
                    .action_and_where(
                        Expr::col((responses::Entity, responses::Column::Revoked)).eq(false),
                    )
                    .to_owned(),
            )
            .exec_without_returning(db.conn())
            .await?;
    }
    Ok(())
}

/// Stores a "revoked" answer, replacing whatever was there.
pub async fn store_revoked(db: &impl Db, row: &NewResponse<'_>) -> Result<(), StoreError> {
    responses::Entity::insert(model(row))
        .on_conflict(replace_all())
        .exec_without_returning(db.conn())
        .await?;
    Ok(())
}

pub async fn for_certificate(
    db: &impl Db,
    certificate_id: i32,
) -> Result<Option<OcspResponseRow>, StoreError> {
    Ok(responses::Entity::find()
        .filter(responses::Column::CertificateId.eq(certificate_id))
        .one(db.conn())
        .await?)
}

/// Unexpired issued certificates whose answer is missing or was signed before `stale_before`,
/// oldest first, at most `limit`.
pub async fn due(
    db: &impl Db,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<CertificateRow>, StoreError> {
    Ok(due_query(now, stale_before, limit).all(db.conn()).await?)
}

/// [`due`], each certificate claimed by the transaction until it ends: on PostgreSQL the rows
/// are locked (`FOR UPDATE SKIP LOCKED`), so another node's round at the same moment takes
/// other certificates instead of signing the same answers again. On SQLite, which has one
/// process and one connection, the same as `due`.
pub async fn claim_due(
    tx: &Tx,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<CertificateRow>, StoreError> {
    let query = due_query(now, stale_before, limit);
    let query = if tx.is_postgres() {
        query.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked)
    } else {
        query
    };
    Ok(query.all(tx.conn()).await?)
}

fn due_query(now: DateTime<Utc>, stale_before: DateTime<Utc>, limit: u64) -> Select<certs::Entity> {
    let fresh = Query::select()
        .column(responses::Column::CertificateId)
        .from(responses::Entity)
        .and_where(responses::Column::ThisUpdate.gte(stale_before))
        .to_owned();
    certs::Entity::find()
        .filter(certs::Column::Status.eq(super::stored::Stored(ISSUED)))
        .filter(certs::Column::NotAfter.gt(now))
        .filter(certs::Column::Id.not_in_subquery(fresh))
        .order_by_asc(certs::Column::Id)
        .limit(limit)
}
