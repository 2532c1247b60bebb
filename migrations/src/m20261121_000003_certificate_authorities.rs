//! The keys of the certificate authorities and the CA certificates of the hierarchy.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CaKeys {
    Table,
    Id,
    Label,
    Backend,
    Spec,
    PublicKey,
    Handle,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CertificateAuthorities {
    Table,
    Id,
    Name,
    ParentId,
    KeyId,
    Subject,
    CertDer,
    NotBefore,
    NotAfter,
    CreatedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CaKeys::Table)
                .col(pk_auto(CaKeys::Id))
                .col(string_len_uniq(CaKeys::Label, 64))
                .col(string_len(CaKeys::Backend, 16))
                .col(string_len(CaKeys::Spec, 16))
                .col(blob(CaKeys::PublicKey))
                .col(blob(CaKeys::Handle))
                .col(timestamp_with_time_zone(CaKeys::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CertificateAuthorities::Table)
                .col(pk_auto(CertificateAuthorities::Id))
                .col(string_len_uniq(CertificateAuthorities::Name, 32))
                .col(integer_null(CertificateAuthorities::ParentId))
                .col(integer(CertificateAuthorities::KeyId))
                .col(text(CertificateAuthorities::Subject))
                .col(blob(CertificateAuthorities::CertDer))
                .col(timestamp_with_time_zone(CertificateAuthorities::NotBefore))
                .col(timestamp_with_time_zone(CertificateAuthorities::NotAfter))
                .col(timestamp_with_time_zone(CertificateAuthorities::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            CertificateAuthorities::Table,
                            CertificateAuthorities::ParentId,
                        )
                        .to(CertificateAuthorities::Table, CertificateAuthorities::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CertificateAuthorities::Table, CertificateAuthorities::KeyId)
                        .to(CaKeys::Table, CaKeys::Id),
                )
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(
            Table::drop()
                .table(CertificateAuthorities::Table)
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(CaKeys::Table).to_owned())
            .await
    }
}
