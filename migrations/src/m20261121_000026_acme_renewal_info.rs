//! ACME Renewal Information (RFC 9773, CLM-4): certificates an operator or an administrator
//! marked for early renewal (their suggested window moves to now), and the certificate an
//! ACME order says it replaces.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum AcmeRenewalMarks {
    Table,
    CertificateId,
    MarkedAt,
    MarkedBy,
}

#[derive(DeriveIden)]
enum AcmeOrders {
    Table,
    Replaces,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AcmeRenewalMarks::Table)
                // One mark per certificate: marking again keeps the first moment.
                .col(integer(AcmeRenewalMarks::CertificateId).primary_key())
                .col(timestamp_with_time_zone(AcmeRenewalMarks::MarkedAt))
                .col(string_len(AcmeRenewalMarks::MarkedBy, 320))
                .to_owned(),
        )
        .await?;
        // The RFC 9773 certID (base64url AKI "." base64url serial) of the certificate replaced.
        m.alter_table(
            Table::alter()
                .table(AcmeOrders::Table)
                .add_column(string_len_null(AcmeOrders::Replaces, 200))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(AcmeOrders::Table)
                .drop_column(AcmeOrders::Replaces)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(AcmeRenewalMarks::Table).to_owned())
            .await
    }
}
