//! Certificate Transparency (RFC 6962): a publicly trusted TLS certificate is first signed as a
//! precertificate and submitted to logs. The precertificate is kept with its reservation
//! before it leaves the CA, so that a crash between the logs and the final certificate leaves
//! a known, signed object (which the BRs treat as issued) and never an unknown one.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum IssuedCertificates {
    Table,
    PrecertDer,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(IssuedCertificates::Table)
                .add_column(blob_null(IssuedCertificates::PrecertDer))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(IssuedCertificates::Table)
                .drop_column(IssuedCertificates::PrecertDer)
                .to_owned(),
        )
        .await
    }
}
