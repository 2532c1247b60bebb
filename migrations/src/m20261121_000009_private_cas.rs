//! Private CAs belong to an account (its own root and the issuing CAs under it); the operator's
//! public hierarchy has no account.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CertificateAuthorities {
    Table,
    AccountId,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(CertificateAuthorities::Table)
                .add_column(integer_null(CertificateAuthorities::AccountId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("certificate_authorities_account")
                .table(CertificateAuthorities::Table)
                .col(CertificateAuthorities::AccountId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("certificate_authorities_account")
                .table(CertificateAuthorities::Table)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(CertificateAuthorities::Table)
                .drop_column(CertificateAuthorities::AccountId)
                .to_owned(),
        )
        .await
    }
}
