//! Certificates of the CA, from serial reservation to issuance. (Operator queries: issuance
//! records belong to the CA, not to an account.)

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, entity::prelude::*};

use app::model::certificate_status::CertificateStatus;

use super::{
    CertificateRow, Db, StoreError, entities::issued_certificates as certs, stored::Stored,
};
use crate::domain::revocation::RevocationReason;

pub const RESERVED: CertificateStatus = CertificateStatus::Reserved;
pub const SIGNING: CertificateStatus = CertificateStatus::Signing;
pub const ISSUED: CertificateStatus = CertificateStatus::Issued;

pub struct NewReservation<'a> {
    pub serial_hex: &'a str,
    pub ca_id: i32,
    pub profile: &'a str,
    pub subject: &'a str,
    pub names: &'a str,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    pub tbs_der: &'a [u8],
    pub created_at: DateTime<Utc>,
    /// The CRL shard its CRL distribution point names (0: the CA's whole-CA CRL).
    pub crl_shard: i32,
}

/// Rows per statement: far below the bind-parameter limits of SQLite and PostgreSQL.
const ROWS_PER_STATEMENT: usize = 500;

/// Reserves serials with the exact bytes that will be signed, returning the rows in the order
/// given; `Duplicate` (and nothing reserved, once the caller rolls back) if any serial was
/// ever used.
pub async fn reserve_many(
    db: &impl Db,
    reservations: &[NewReservation<'_>],
) -> Result<Vec<CertificateRow>, StoreError> {
    let mut out = Vec::with_capacity(reservations.len());
    for chunk in reservations.chunks(ROWS_PER_STATEMENT) {
        let models = chunk.iter().map(|r| certs::ActiveModel {
            serial_hex: Set(r.serial_hex.to_owned()),
            ca_id: Set(r.ca_id),
            profile: Set(r.profile.to_owned()),
            status: Set(RESERVED.into()),
            subject: Set(r.subject.to_owned()),
            names: Set(r.names.to_owned()),
            not_before: Set(r.not_before),
            not_after: Set(r.not_after),
            tbs_der: Set(r.tbs_der.to_vec()),
            cert_der: Set(None),
            created_at: Set(r.created_at),
            crl_shard: Set(r.crl_shard),
            ..Default::default()
        });
        let mut rows: std::collections::HashMap<String, CertificateRow> =
            certs::Entity::insert_many(models)
                .exec_with_returning(db.conn())
                .await
                .map_err(StoreError::from_db)?
                .into_iter()
                .map(|row| (row.serial_hex.clone(), row))
                .collect();
        // RETURNING promises no order; the serials put the rows back in the caller's.
        for r in chunk {
            out.push(rows.remove(r.serial_hex).ok_or(StoreError::Duplicate)?);
        }
    }
    Ok(out)
}

/// Moves reservations to `signing` and returns the ids that moved: an id missing from the
/// answer was not reserved any more (its token was already used). The status check and the
/// change are one statement, so two callers cannot both claim a reservation.
pub async fn mark_signing_many(
    db: &impl Db,
    ids: &[i32],
    at: DateTime<Utc>,
) -> Result<std::collections::HashSet<i32>, StoreError> {
    let mut moved = std::collections::HashSet::with_capacity(ids.len());
    for chunk in ids.chunks(ROWS_PER_STATEMENT) {
        let rows = certs::Entity::update_many()
            .col_expr(certs::Column::Status, Expr::value(Stored(SIGNING)))
            .col_expr(certs::Column::SigningAt, Expr::value(at))
            .filter(certs::Column::Id.is_in(chunk.iter().copied()))
            .filter(certs::Column::Status.eq(Stored(RESERVED)))
            .exec_with_returning(db.conn())
            .await?;
        moved.extend(rows.into_iter().map(|row| row.id));
    }
    Ok(moved)
}

/// Stores signed certificates (id, DER) with one statement per chunk.
pub async fn mark_issued_many(
    db: &impl Db,
    signed: &[(i32, Vec<u8>)],
    at: DateTime<Utc>,
) -> Result<(), StoreError> {
    for chunk in signed.chunks(ROWS_PER_STATEMENT) {
        let Some(((first_id, first_der), rest)) = chunk.split_first() else {
            continue;
        };
        let der = rest.iter().fold(
            Expr::case(certs::Column::Id.eq(*first_id), first_der.clone()),
            |case, (id, der)| case.case(certs::Column::Id.eq(*id), der.clone()),
        );
        certs::Entity::update_many()
            .col_expr(certs::Column::Status, Expr::value(Stored(ISSUED)))
            .col_expr(
                certs::Column::CertDer,
                der.finally(Expr::col(certs::Column::CertDer)).into(),
            )
            .col_expr(certs::Column::IssuedAt, Expr::value(at))
            .filter(certs::Column::Id.is_in(chunk.iter().map(|(id, _)| *id)))
            .exec(db.conn())
            .await?;
    }
    Ok(())
}

/// Keeps signed precertificates (id, DER) with their `signing` reservations, before any of
/// them is submitted to a log: from here on the serial belongs to a known signed object.
pub async fn record_precertificates(
    db: &impl Db,
    signed: &[(i32, Vec<u8>)],
) -> Result<(), StoreError> {
    for (id, der) in signed {
        certs::Entity::update_many()
            .col_expr(certs::Column::PrecertDer, Expr::value(der.clone()))
            .filter(certs::Column::Id.eq(*id))
            .filter(certs::Column::Status.eq(Stored(SIGNING)))
            .exec(db.conn())
            .await?;
    }
    Ok(())
}

/// Replaces the reserved to-be-signed bytes of a precertificate's reservation with the
/// final certificate's (its SCTs in place of the poison), so that the row keeps exactly what
/// its certificate signs.
pub async fn record_final_tbs(db: &impl Db, id: i32, tbs: &[u8]) -> Result<(), StoreError> {
    certs::Entity::update_many()
        .col_expr(certs::Column::TbsDer, Expr::value(tbs.to_vec()))
        .filter(certs::Column::Id.eq(id))
        .exec(db.conn())
        .await?;
    Ok(())
}

pub async fn find_by_serial(
    db: &impl Db,
    serial_hex: &str,
) -> Result<Option<CertificateRow>, StoreError> {
    Ok(certs::Entity::find()
        .filter(certs::Column::SerialHex.eq(serial_hex))
        .one(db.conn())
        .await?)
}

pub async fn find_by_id(db: &impl Db, id: i32) -> Result<Option<CertificateRow>, StoreError> {
    Ok(certs::Entity::find_by_id(id).one(db.conn()).await?)
}

/// The certificates of a page of orders, in one query (ids come from the caller's own orders).
pub async fn find_many(db: &impl Db, ids: &[i32]) -> Result<Vec<CertificateRow>, StoreError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(certs::Entity::find()
        .filter(certs::Column::Id.is_in(ids.iter().copied()))
        .all(db.conn())
        .await?)
}

/// Records a revocation; false when the certificate was already revoked.
pub async fn revoke(
    db: &impl Db,
    id: i32,
    reason: RevocationReason,
    at: DateTime<Utc>,
) -> Result<bool, StoreError> {
    let r = certs::Entity::update_many()
        .col_expr(certs::Column::RevokedAt, Expr::value(at))
        .col_expr(certs::Column::RevocationReason, Expr::value(Stored(reason)))
        .filter(certs::Column::Id.eq(id))
        .filter(certs::Column::RevokedAt.is_null())
        .exec(db.conn())
        .await?;
    Ok(r.rows_affected == 1)
}

/// A revoked certificate as a CRL lists it, borrowed from a [`RevokedList`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RevokedEntry<'a> {
    pub serial_hex: &'a str,
    /// Seconds since the Unix epoch, truncated: a CRL's times have no fractions.
    pub revoked_at: i64,
    pub reason: Option<RevocationReason>,
}

/// Every revoked, unexpired certificate of a CA, as the database lists them in one text:
/// `serial,seconds,reason` entries separated by `;`.
pub struct RevokedList {
    text: String,
    count: usize,
}

impl RevokedList {
    /// A list as the database would join it, for tests of what is built from one.
    #[cfg(test)]
    pub(crate) fn from_text(text: &str) -> Self {
        Self {
            count: text.split(';').filter(|e| !e.is_empty()).count(),
            text: text.to_owned(),
        }
    }

    pub fn len(&self) -> usize {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The entries in revocation order; a malformed one (an unknown reason too) is an error,
    /// never skipped (a CRL that silently dropped a revocation would be worse than none).
    pub fn iter(&self) -> impl Iterator<Item = Result<RevokedEntry<'_>, StoreError>> {
        self.text.split(';').filter(|e| !e.is_empty()).map(|entry| {
            let mut fields = entry.split(',');
            let parsed = (|| {
                let serial_hex = fields.next().filter(|s| !s.is_empty())?;
                let revoked_at = fields.next()?.parse().ok()?;
                let reason = match fields.next()? {
                    "" => None,
                    text => Some(RevocationReason::parse(text)?),
                };
                fields.next().is_none().then_some(RevokedEntry {
                    serial_hex,
                    revoked_at,
                    reason,
                })
            })();
            parsed.ok_or_else(|| {
                StoreError::Inconsistent(format!("a revoked entry does not parse: {entry:?}"))
            })
        })
    }
}

/// Every revoked certificate of one CRL shard of a CA that has not expired yet (expired ones
/// leave the CRL). The database joins the entries into one text: handing a million rows one
/// by one from the driver's thread costs ten times what the database spends finding them in
/// the covering index (`issued_certificates_crl_shard_entries`).
pub async fn revoked_in_shard(
    db: &impl Db,
    ca_id: i32,
    shard: i32,
    now: DateTime<Utc>,
) -> Result<RevokedList, StoreError> {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let backend = db.conn().get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT count(*), string_agg(serial_hex || ',' || floor(extract(epoch FROM revoked_at))::bigint \
             || ',' || coalesce(revocation_reason, ''), ';') \
             FROM issued_certificates WHERE ca_id = $1 AND crl_shard = $2 \
             AND revoked_at IS NOT NULL AND not_after > $3"
        }
        _ => {
            "SELECT count(*), group_concat(serial_hex || ',' || strftime('%s', revoked_at) \
             || ',' || coalesce(revocation_reason, ''), ';') \
             FROM issued_certificates WHERE ca_id = ? AND crl_shard = ? \
             AND revoked_at IS NOT NULL AND not_after > ?"
        }
    };
    let row = db
        .conn()
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            sql,
            [ca_id.into(), shard.into(), now.into()],
        ))
        .await?
        .ok_or_else(|| StoreError::Inconsistent("an aggregate returned no row".into()))?;
    let count: i64 = row.try_get_by_index(0)?;
    let text: Option<String> = row.try_get_by_index(1)?;
    let list = RevokedList {
        text: text.unwrap_or_default(),
        count: usize::try_from(count).unwrap_or_default(),
    };
    // A NULL inside an entry would make the database leave that entry out of the text.
    let listed = list.text.split(';').filter(|e| !e.is_empty()).count();
    if listed != list.count {
        return Err(StoreError::Inconsistent(format!(
            "{} revoked certificates, but {listed} entries could be listed",
            list.count
        )));
    }
    Ok(list)
}

/// Every certificate record (operator query; for consistency checks).
pub async fn all_for_operator(db: &impl Db) -> Result<Vec<CertificateRow>, StoreError> {
    Ok(certs::Entity::find().all(db.conn()).await?)
}

/// Adds `count` revoked certificate records to a shard of a CA in one transaction, for the
/// CRL benchmark.
pub async fn insert_revoked_for_bench(
    db: &impl Db,
    ca_id: i32,
    shard: i32,
    first: usize,
    count: usize,
    at: DateTime<Utc>,
    not_after: DateTime<Utc>,
) -> Result<(), StoreError> {
    const CHUNK: usize = 2000;
    let mut done = first;
    let end = first + count;
    while done < end {
        let n = CHUNK.min(end - done);
        let rows = (done..done + n).map(|i| certs::ActiveModel {
            serial_hex: Set(format!("7e{i:030x}")),
            ca_id: Set(ca_id),
            profile: Set("bench".to_owned()),
            status: Set(ISSUED.into()),
            subject: Set(String::new()),
            names: Set(String::new()),
            not_before: Set(at),
            not_after: Set(not_after),
            tbs_der: Set(Vec::new()),
            cert_der: Set(None),
            created_at: Set(at),
            signing_at: Set(None),
            issued_at: Set(Some(at)),
            revoked_at: Set(Some(at)),
            revocation_reason: Set(Some(RevocationReason::Superseded.into())),
            crl_shard: Set(shard),
            ..Default::default()
        });
        certs::Entity::insert_many(rows).exec(db.conn()).await?;
        done += n;
    }
    Ok(())
}
