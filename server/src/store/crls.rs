//! Published CRLs. (Operator queries: CRLs belong to the CA.)

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, QuerySelect, entity::prelude::*};

use super::{CrlRow, Db, StoreError, entities::crls};

pub struct NewCrl<'a> {
    pub ca_id: i32,
    pub crl_number: i64,
    pub this_update: DateTime<Utc>,
    pub next_update: DateTime<Utc>,
    pub der: &'a [u8],
    pub entries: i32,
}

/// Stores a CRL; `Duplicate` when another process published the same number first.
pub async fn insert(db: &impl Db, crl: NewCrl<'_>) -> Result<CrlRow, StoreError> {
    let der = crl.der.to_vec();
    // Only the id comes back: returning the row would copy a CRL of megabytes back.
    let id = crls::Entity::insert(crls::ActiveModel {
        ca_id: Set(crl.ca_id),
        crl_number: Set(crl.crl_number),
        this_update: Set(crl.this_update),
        next_update: Set(crl.next_update),
        der: Set(der.clone()),
        entries: Set(crl.entries),
        ..Default::default()
    })
    .exec(db.conn())
    .await
    .map_err(StoreError::from_db)?
    .last_insert_id;
    Ok(CrlRow {
        id,
        ca_id: crl.ca_id,
        crl_number: crl.crl_number,
        this_update: crl.this_update,
        next_update: crl.next_update,
        der,
        entries: crl.entries,
    })
}

/// The number and signing time (`this_update`) of the newest CRL of a CA, without its
/// contents: what deciding whether a CRL is due, and which number comes next, needs.
pub async fn latest_number_and_time_for_ca(
    db: &impl Db,
    ca_id: i32,
) -> Result<Option<(i64, DateTime<Utc>)>, StoreError> {
    Ok(crls::Entity::find()
        .select_only()
        .column(crls::Column::CrlNumber)
        .column(crls::Column::ThisUpdate)
        .filter(crls::Column::CaId.eq(ca_id))
        .order_by_desc(crls::Column::CrlNumber)
        .into_tuple::<(i64, DateTime<Utc>)>()
        .one(db.conn())
        .await?)
}

pub async fn latest_for_ca(db: &impl Db, ca_id: i32) -> Result<Option<CrlRow>, StoreError> {
    Ok(crls::Entity::find()
        .filter(crls::Column::CaId.eq(ca_id))
        .order_by_desc(crls::Column::CrlNumber)
        .one(db.conn())
        .await?)
}

/// When each CA's newest CRL was signed (`this_update`), one row per CA that has a CRL, in
/// one grouped query. (Operator query: every CA.)
pub async fn newest_this_update_per_ca_for_operator(
    db: &impl Db,
) -> Result<Vec<(i32, DateTime<Utc>)>, StoreError> {
    Ok(crls::Entity::find()
        .select_only()
        .column(crls::Column::CaId)
        .column_as(crls::Column::ThisUpdate.max(), "newest")
        .group_by(crls::Column::CaId)
        .into_tuple::<(i32, DateTime<Utc>)>()
        .all(db.conn())
        .await?)
}

/// The id of the newest CRL of any CA: it changes with every revocation (each publishes a
/// CRL), so other processes can tell cheaply that revocation data moved. (Operator query.)
pub async fn newest_id_for_operator(db: &impl Db) -> Result<Option<i32>, StoreError> {
    use sea_orm::QuerySelect;
    Ok(crls::Entity::find()
        .select_only()
        .column(crls::Column::Id)
        .order_by_desc(crls::Column::Id)
        .into_tuple::<i32>()
        .one(db.conn())
        .await?)
}

/// Deletes a CA's CRLs numbered `keep` or more below `newest`: each revocation publishes a
/// CRL, and with a million entries each one is 49 MB. Only the newest is served; the
/// revocations themselves stay in `issued_certificates`, from which any CRL can be rebuilt.
pub async fn prune(db: &impl Db, ca_id: i32, newest: i64, keep: i64) -> Result<u64, StoreError> {
    Ok(crls::Entity::delete_many()
        .filter(crls::Column::CaId.eq(ca_id))
        .filter(crls::Column::CrlNumber.lte(newest - keep))
        .exec(db.conn())
        .await?
        .rows_affected)
}

/// The numbers of the CRLs kept for a CA, oldest first.
#[cfg(test)]
pub async fn numbers_for_ca(db: &impl Db, ca_id: i32) -> Result<Vec<i64>, StoreError> {
    Ok(crls::Entity::find()
        .select_only()
        .column(crls::Column::CrlNumber)
        .filter(crls::Column::CaId.eq(ca_id))
        .order_by_asc(crls::Column::CrlNumber)
        .into_tuple::<i64>()
        .all(db.conn())
        .await?)
}
