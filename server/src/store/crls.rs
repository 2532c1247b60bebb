//! Published CRLs, one sequence per shard of a CA. (Operator queries: CRLs belong to the CA.)

use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, QuerySelect, entity::prelude::*};

use super::{CrlRow, Db, StoreError, entities::crls};

pub struct NewCrl<'a> {
    pub ca_id: i32,
    pub shard: i32,
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
        shard: Set(crl.shard),
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
        shard: crl.shard,
    })
}

/// The number and signing time (`this_update`) of the newest CRL of a shard of a CA, without
/// its contents: what deciding whether a CRL is due, and which number comes next, needs.
pub async fn latest_number_and_time_for_shard(
    db: &impl Db,
    ca_id: i32,
    shard: i32,
) -> Result<Option<(i64, DateTime<Utc>)>, StoreError> {
    Ok(crls::Entity::find()
        .select_only()
        .column(crls::Column::CrlNumber)
        .column(crls::Column::ThisUpdate)
        .filter(crls::Column::CaId.eq(ca_id))
        .filter(crls::Column::Shard.eq(shard))
        .order_by_desc(crls::Column::CrlNumber)
        .into_tuple::<(i64, DateTime<Utc>)>()
        .one(db.conn())
        .await?)
}

/// The newest CRL of a shard of a CA, the one served.
pub async fn latest_for_shard(
    db: &impl Db,
    ca_id: i32,
    shard: i32,
) -> Result<Option<CrlRow>, StoreError> {
    Ok(crls::Entity::find()
        .filter(crls::Column::CaId.eq(ca_id))
        .filter(crls::Column::Shard.eq(shard))
        .order_by_desc(crls::Column::CrlNumber)
        .one(db.conn())
        .await?)
}

/// When the newest CRL of each shard of each CA was signed (`this_update`): (CA, shard,
/// time), one row per shard that has a CRL, in one grouped query. (Operator query: every CA.)
pub async fn newest_this_update_per_shard_for_operator(
    db: &impl Db,
) -> Result<Vec<(i32, i32, DateTime<Utc>)>, StoreError> {
    Ok(crls::Entity::find()
        .select_only()
        .column(crls::Column::CaId)
        .column(crls::Column::Shard)
        .column_as(crls::Column::ThisUpdate.max(), "newest")
        .group_by(crls::Column::CaId)
        .group_by(crls::Column::Shard)
        .into_tuple::<(i32, i32, DateTime<Utc>)>()
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

/// Deletes a shard's CRLs numbered `keep` or more below `newest`: each revocation publishes
/// a CRL, and with a million entries each one is 49 MB. Only the newest is served; the
/// revocations themselves stay in `issued_certificates`, from which any CRL can be rebuilt.
pub async fn prune(
    db: &impl Db,
    ca_id: i32,
    shard: i32,
    newest: i64,
    keep: i64,
) -> Result<u64, StoreError> {
    Ok(crls::Entity::delete_many()
        .filter(crls::Column::CaId.eq(ca_id))
        .filter(crls::Column::Shard.eq(shard))
        .filter(crls::Column::CrlNumber.lte(newest - keep))
        .exec(db.conn())
        .await?
        .rows_affected)
}

/// The numbers of the CRLs kept for a shard of a CA, oldest first.
#[cfg(test)]
pub async fn numbers_for_shard(
    db: &impl Db,
    ca_id: i32,
    shard: i32,
) -> Result<Vec<i64>, StoreError> {
    Ok(crls::Entity::find()
        .select_only()
        .column(crls::Column::CrlNumber)
        .filter(crls::Column::CaId.eq(ca_id))
        .filter(crls::Column::Shard.eq(shard))
        .order_by_asc(crls::Column::CrlNumber)
        .into_tuple::<i64>()
        .all(db.conn())
        .await?)
}

#[cfg(test)]
mod shard_migration_tests {
    use migrations::{Migrator, MigratorTrait};
    use sea_orm::DbBackend;

    use super::*;
    use crate::store::{authorities, certificates, test_db};

    #[tokio::test]
    async fn certificates_and_crls_from_before_sharding_stay_on_the_whole_ca_crl() {
        let store = test_db::unmigrated_store().await;
        let before = Migrator::migrations()
            .iter()
            .position(|m| m.name() == "m20261208_000250_crl_shards")
            .unwrap();
        Migrator::up(store.conn(), Some(u32::try_from(before).unwrap()))
            .await
            .unwrap();
        let blob = |hex: &str| match store.conn().get_database_backend() {
            DbBackend::Postgres => format!("'\\x{hex}'"),
            _ => format!("X'{hex}'"),
        };
        let (at, later, der) = (
            "'2026-11-21T10:00:00+00:00'",
            "'2027-11-21T10:00:00+00:00'",
            blob("3000"),
        );
        for sql in [
            format!(
                "INSERT INTO ca_keys (label, backend, spec, public_key, handle, created_at) \
                 VALUES ('ca-root', 'software', 'p256', {der}, {der}, {at}), \
                 ('ca-tls', 'software', 'p256', {der}, {der}, {at})"
            ),
            format!(
                "INSERT INTO certificate_authorities (name, parent_id, key_id, subject, \
                 cert_der, not_before, not_after, created_at) \
                 VALUES ('root', NULL, 1, 'CN=Root', {der}, {at}, {later}, {at})"
            ),
            format!(
                "INSERT INTO certificate_authorities (name, parent_id, key_id, subject, \
                 cert_der, not_before, not_after, created_at) \
                 VALUES ('tls', 1, 2, 'CN=TLS', {der}, {at}, {later}, {at})"
            ),
            format!(
                "INSERT INTO issued_certificates (serial_hex, ca_id, profile, status, subject, \
                 names, not_before, not_after, tbs_der, created_at, revoked_at, \
                 revocation_reason) VALUES ('7e01', 2, 'tls-dv', 'issued', 'example.com', \
                 'example.com', {at}, {later}, {der}, {at}, {at}, 'keyCompromise')"
            ),
            format!(
                "INSERT INTO crls (ca_id, crl_number, this_update, next_update, der, entries) \
                 VALUES (2, 7, {at}, {later}, {der}, 1)"
            ),
        ] {
            store.execute_raw(&sql).await.unwrap();
        }

        store.migrate().await.unwrap();

        // The issuing CA of the day spreads its next certificates over 16 shards; the root
        // keeps its one CRL.
        let tls = authorities::find_by_name(&store, "tls")
            .await
            .unwrap()
            .unwrap();
        let root = authorities::find_by_name(&store, "root")
            .await
            .unwrap()
            .unwrap();
        assert_eq!((root.crl_shards, tls.crl_shards), (0, 16));
        // The certificate issued before names the whole-CA URL: it is on shard 0's CRL.
        let old = certificates::find_by_serial(&store, "7e01")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(old.crl_shard, 0);
        let now: DateTime<Utc> = "2026-12-01T00:00:00Z".parse().unwrap();
        let listed = |shard| certificates::revoked_in_shard(&store, tls.id, shard, now);
        assert_eq!(listed(0).await.unwrap().len(), 1);
        assert!(listed(1).await.unwrap().is_empty());
        // The CRL published before is shard 0's, whose numbers go on from it; shard 1 numbers
        // its own, and a number is still taken once per shard.
        let served = latest_for_shard(&store, tls.id, 0).await.unwrap().unwrap();
        assert_eq!((served.crl_number, served.shard), (7, 0));
        let crl = |shard, crl_number| NewCrl {
            ca_id: tls.id,
            shard,
            crl_number,
            this_update: now,
            next_update: now,
            der: b"0",
            entries: 0,
        };
        insert(&store, crl(1, 7)).await.unwrap();
        assert!(matches!(
            insert(&store, crl(1, 7)).await,
            Err(StoreError::Duplicate)
        ));
        assert!(matches!(
            insert(&store, crl(0, 7)).await,
            Err(StoreError::Duplicate)
        ));
        insert(&store, crl(0, 8)).await.unwrap();
    }
}
