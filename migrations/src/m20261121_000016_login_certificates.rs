//! Certificates users register on their profile to sign in with TLS client authentication.
//! A certificate is found by the SHA-256 of its DER, so a fingerprint belongs to one user only.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LoginCertificates {
    Table,
    Id,
    UserId,
    Label,
    Fingerprint,
    Subject,
    Issuer,
    SerialHex,
    NotBefore,
    NotAfter,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(LoginCertificates::Table)
                .col(pk_auto(LoginCertificates::Id))
                .col(integer(LoginCertificates::UserId))
                .col(string_len(LoginCertificates::Label, 64))
                // Lower-case hex of SHA-256 over the DER encoding.
                .col(string_len_uniq(LoginCertificates::Fingerprint, 64))
                .col(text(LoginCertificates::Subject))
                .col(text(LoginCertificates::Issuer))
                // Lower-case hex without leading zero octets, as the CA stores its serials.
                .col(string_len(LoginCertificates::SerialHex, 64))
                .col(timestamp_with_time_zone(LoginCertificates::NotBefore))
                .col(timestamp_with_time_zone(LoginCertificates::NotAfter))
                .col(timestamp_with_time_zone(LoginCertificates::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(LoginCertificates::Table, LoginCertificates::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("login_certificates_user")
                .table(LoginCertificates::Table)
                .col(LoginCertificates::UserId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(LoginCertificates::Table).to_owned())
            .await
    }
}
