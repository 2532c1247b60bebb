//! The interim DV certificate an OV or EV order may carry while it waits for vetting or its
//! EV answers (the seeds' "Download Interim DV"), and when it was revoked as superseded once
//! the order's own certificate had been out for the operator's grace period.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Orders {
    Table,
    InterimCertificateId,
    InterimSupersededAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(integer_null(Orders::InterimCertificateId))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(timestamp_with_time_zone_null(Orders::InterimSupersededAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .drop_column(Orders::InterimSupersededAt)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .drop_column(Orders::InterimCertificateId)
                .to_owned(),
        )
        .await
    }
}
