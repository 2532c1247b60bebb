//! Every certificate the CA prepares: its serial is reserved and its to-be-signed bytes stored
//! before the signer is called, so no signed certificate is unknown here and no serial repeats.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum IssuedCertificates {
    Table,
    Id,
    SerialHex,
    CaId,
    Profile,
    Status,
    Subject,
    Names,
    NotBefore,
    NotAfter,
    TbsDer,
    CertDer,
    CreatedAt,
    SigningAt,
    IssuedAt,
    RevokedAt,
    RevocationReason,
}

#[derive(DeriveIden)]
enum CertificateAuthorities {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(IssuedCertificates::Table)
                .col(pk_auto(IssuedCertificates::Id))
                .col(string_len_uniq(IssuedCertificates::SerialHex, 40))
                .col(integer(IssuedCertificates::CaId))
                .col(string_len(IssuedCertificates::Profile, 32))
                .col(string_len(IssuedCertificates::Status, 16))
                .col(text(IssuedCertificates::Subject))
                .col(text(IssuedCertificates::Names))
                .col(timestamp_with_time_zone(IssuedCertificates::NotBefore))
                .col(timestamp_with_time_zone(IssuedCertificates::NotAfter))
                .col(blob(IssuedCertificates::TbsDer))
                .col(blob_null(IssuedCertificates::CertDer))
                .col(timestamp_with_time_zone(IssuedCertificates::CreatedAt))
                .col(timestamp_with_time_zone_null(IssuedCertificates::SigningAt))
                .col(timestamp_with_time_zone_null(IssuedCertificates::IssuedAt))
                .col(timestamp_with_time_zone_null(IssuedCertificates::RevokedAt))
                .col(string_len_null(IssuedCertificates::RevocationReason, 32))
                .foreign_key(
                    ForeignKey::create()
                        .from(IssuedCertificates::Table, IssuedCertificates::CaId)
                        .to(CertificateAuthorities::Table, CertificateAuthorities::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("issued_certificates_ca_revoked")
                .table(IssuedCertificates::Table)
                .col(IssuedCertificates::CaId)
                .col(IssuedCertificates::RevokedAt)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(IssuedCertificates::Table).to_owned())
            .await
    }
}
