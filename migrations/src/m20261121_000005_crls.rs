//! Published CRLs, one row per CRL number and CA; the newest is served.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Crls {
    Table,
    Id,
    CaId,
    CrlNumber,
    ThisUpdate,
    NextUpdate,
    Der,
    Entries,
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
                .table(Crls::Table)
                .col(pk_auto(Crls::Id))
                .col(integer(Crls::CaId))
                .col(big_integer(Crls::CrlNumber))
                .col(timestamp_with_time_zone(Crls::ThisUpdate))
                .col(timestamp_with_time_zone(Crls::NextUpdate))
                .col(blob(Crls::Der))
                .col(integer(Crls::Entries))
                .foreign_key(
                    ForeignKey::create()
                        .from(Crls::Table, Crls::CaId)
                        .to(CertificateAuthorities::Table, CertificateAuthorities::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("crls_ca_number")
                .table(Crls::Table)
                .col(Crls::CaId)
                .col(Crls::CrlNumber)
                .unique()
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Crls::Table).to_owned())
            .await
    }
}
