//! Sharded CRLs (TLS BR 7.2 and 7.2.2.1, as Boulder's crl-updater does): an issuing CA keeps
//! its number of CRL shards, a certificate the shard its CRL distribution point names, a CRL
//! the shard it covers, with a number sequence of its own.
//!
//! Shard 0 is the CA's whole-CA URL, `/crl/<ca>.crl`. Every certificate issued before this
//! migration names that URL, so they all stay in shard 0 and that CRL keeps listing them. The
//! issuing CAs (those with a parent) that exist now get 16 shards for the certificates they
//! issue from now on; a root keeps 0 (it signs CA certificates only, on its one CRL). The
//! number is stored per CA so that changing the default for new CAs later moves nothing.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CertificateAuthorities {
    Table,
    ParentId,
    CrlShards,
}

#[derive(DeriveIden)]
enum IssuedCertificates {
    Table,
    CaId,
    CrlShard,
    RevokedAt,
    NotAfter,
    SerialHex,
    RevocationReason,
}

#[derive(DeriveIden)]
enum Crls {
    Table,
    CaId,
    Shard,
    CrlNumber,
}

/// The shards the issuing CAs of the day get: written here, not read from the code, so the
/// migration means the same thing whenever it runs.
const SHARDS_OF_EXISTING_ISSUING_CAS: i32 = 16;

const OLD_CRL_NUMBER_INDEX: &str = "crls_ca_number";
const CRL_NUMBER_INDEX: &str = "crls_ca_shard_number";
const OLD_ENTRIES_INDEX: &str = "issued_certificates_crl_entries";
const ENTRIES_INDEX: &str = "issued_certificates_crl_shard_entries";

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one thing at a time.
        m.alter_table(
            Table::alter()
                .table(CertificateAuthorities::Table)
                .add_column(integer(CertificateAuthorities::CrlShards).default(0))
                .to_owned(),
        )
        .await?;
        m.exec_stmt(
            Query::update()
                .table(CertificateAuthorities::Table)
                .value(
                    CertificateAuthorities::CrlShards,
                    SHARDS_OF_EXISTING_ISSUING_CAS,
                )
                .and_where(Expr::col(CertificateAuthorities::ParentId).is_not_null())
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(IssuedCertificates::Table)
                .add_column(integer(IssuedCertificates::CrlShard).default(0))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Crls::Table)
                .add_column(integer(Crls::Shard).default(0))
                .to_owned(),
        )
        .await?;

        // Each shard numbers its CRLs from 1; the unique number per shard is what makes two
        // nodes that sign the same shard at once publish one CRL between them.
        m.drop_index(
            Index::drop()
                .name(OLD_CRL_NUMBER_INDEX)
                .table(Crls::Table)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(CRL_NUMBER_INDEX)
                .table(Crls::Table)
                .col(Crls::CaId)
                .col(Crls::Shard)
                .col(Crls::CrlNumber)
                .unique()
                .to_owned(),
        )
        .await?;

        // A shard's CRL reads its entries from the index alone, as the whole CA's did.
        m.drop_index(
            Index::drop()
                .name(OLD_ENTRIES_INDEX)
                .table(IssuedCertificates::Table)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(ENTRIES_INDEX)
                .table(IssuedCertificates::Table)
                .col(IssuedCertificates::CaId)
                .col(IssuedCertificates::CrlShard)
                .col(IssuedCertificates::RevokedAt)
                .col(IssuedCertificates::NotAfter)
                .col(IssuedCertificates::SerialHex)
                .col(IssuedCertificates::RevocationReason)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name(ENTRIES_INDEX)
                .table(IssuedCertificates::Table)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(OLD_ENTRIES_INDEX)
                .table(IssuedCertificates::Table)
                .col(IssuedCertificates::CaId)
                .col(IssuedCertificates::RevokedAt)
                .col(IssuedCertificates::NotAfter)
                .col(IssuedCertificates::SerialHex)
                .col(IssuedCertificates::RevocationReason)
                .to_owned(),
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name(CRL_NUMBER_INDEX)
                .table(Crls::Table)
                .to_owned(),
        )
        .await?;
        // The shards' CRLs would repeat the whole-CA CRL's numbers; each can be signed again
        // from the revocation records.
        m.exec_stmt(
            Query::delete()
                .from_table(Crls::Table)
                .and_where(Expr::col(Crls::Shard).ne(0))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name(OLD_CRL_NUMBER_INDEX)
                .table(Crls::Table)
                .col(Crls::CaId)
                .col(Crls::CrlNumber)
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Crls::Table)
                .drop_column(Crls::Shard)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(IssuedCertificates::Table)
                .drop_column(IssuedCertificates::CrlShard)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(CertificateAuthorities::Table)
                .drop_column(CertificateAuthorities::CrlShards)
                .to_owned(),
        )
        .await
    }
}
