//! IP restrictions: address ranges an account's users (all, or one) may use the portal from.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum IpRules {
    Table,
    Id,
    AccountId,
    UserId,
    StartIp,
    EndIp,
    Description,
    Enabled,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(IpRules::Table)
                .col(pk_auto(IpRules::Id))
                .col(integer(IpRules::AccountId))
                .col(integer_null(IpRules::UserId))
                .col(string_len(IpRules::StartIp, 45))
                .col(string_len(IpRules::EndIp, 45))
                .col(string_len(IpRules::Description, 200))
                .col(boolean(IpRules::Enabled))
                .col(timestamp_with_time_zone(IpRules::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(IpRules::Table, IpRules::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ip_rules_account")
                .table(IpRules::Table)
                .col(IpRules::AccountId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(IpRules::Table).to_owned())
            .await
    }
}
