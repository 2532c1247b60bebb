//! Delegated OCSP responder certificates, one current per issuing CA.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OcspResponders {
    Table,
    Id,
    CaId,
    KeyId,
    CertDer,
    NotAfter,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CertificateAuthorities {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CaKeys {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OcspResponders::Table)
                .col(pk_auto(OcspResponders::Id))
                .col(integer(OcspResponders::CaId))
                .col(integer(OcspResponders::KeyId))
                .col(blob(OcspResponders::CertDer))
                .col(timestamp_with_time_zone(OcspResponders::NotAfter))
                .col(timestamp_with_time_zone(OcspResponders::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OcspResponders::Table, OcspResponders::CaId)
                        .to(CertificateAuthorities::Table, CertificateAuthorities::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OcspResponders::Table, OcspResponders::KeyId)
                        .to(CaKeys::Table, CaKeys::Id),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OcspResponders::Table).to_owned())
            .await
    }
}
