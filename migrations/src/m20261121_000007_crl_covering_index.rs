//! A CRL reads every revoked certificate of a CA: an index holding all the columns it needs
//! answers from the index alone, in revocation order, with no sort and no table lookups.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum IssuedCertificates {
    Table,
    CaId,
    RevokedAt,
    NotAfter,
    SerialHex,
    RevocationReason,
}

const NAME: &str = "issued_certificates_crl_entries";

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name(NAME)
                .table(IssuedCertificates::Table)
                .col(IssuedCertificates::CaId)
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
                .name(NAME)
                .table(IssuedCertificates::Table)
                .to_owned(),
        )
        .await
    }
}
