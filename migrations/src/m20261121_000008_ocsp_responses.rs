//! Pre-signed OCSP responses, one per certificate: signed when a certificate is issued or
//! revoked and re-signed by a job before they go stale, so answering costs no signature.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OcspResponses {
    Table,
    Id,
    CertificateId,
    Revoked,
    CertIdDer,
    Der,
    ThisUpdate,
    NextUpdate,
}

#[derive(DeriveIden)]
enum IssuedCertificates {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OcspResponses::Table)
                .col(pk_auto(OcspResponses::Id))
                .col(integer_uniq(OcspResponses::CertificateId))
                .col(boolean(OcspResponses::Revoked))
                .col(blob(OcspResponses::CertIdDer))
                .col(blob(OcspResponses::Der))
                .col(timestamp_with_time_zone(OcspResponses::ThisUpdate))
                .col(timestamp_with_time_zone(OcspResponses::NextUpdate))
                .foreign_key(
                    ForeignKey::create()
                        .from(OcspResponses::Table, OcspResponses::CertificateId)
                        .to(IssuedCertificates::Table, IssuedCertificates::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ocsp_responses_this_update")
                .table(OcspResponses::Table)
                .col(OcspResponses::ThisUpdate)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OcspResponses::Table).to_owned())
            .await
    }
}
