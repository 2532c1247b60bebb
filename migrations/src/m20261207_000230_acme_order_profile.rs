//! The certificate profile an ACME order was placed for (draft-ietf-acme-profiles):
//! `classic`, `tlsserver` or `shortlived`. Orders placed before profiles existed, and orders
//! that name none, are `classic`.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AcmeOrders {
    Table,
    Profile,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(AcmeOrders::Table)
                .add_column(string_len(AcmeOrders::Profile, 32).default("classic"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(AcmeOrders::Table)
                .drop_column(AcmeOrders::Profile)
                .to_owned(),
        )
        .await
    }
}
