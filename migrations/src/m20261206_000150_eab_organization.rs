//! The verified organization an ACME credential is bound to: the ACME accounts it binds order
//! OV certificates for that organization, as commercial CAs' ACME does. Empty for DV.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AcmeEabCredentials {
    Table,
    OrganizationId,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(AcmeEabCredentials::Table)
                .add_column(integer_null(AcmeEabCredentials::OrganizationId))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(AcmeEabCredentials::Table)
                .drop_column(AcmeEabCredentials::OrganizationId)
                .to_owned(),
        )
        .await
    }
}
