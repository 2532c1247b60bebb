//! Custom roles: an account's own named sets of permissions, built from the same permission
//! list as the built-in roles. A membership holds one as `custom:<id>` in its role.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CustomRoles {
    Table,
    Id,
    AccountId,
    Name,
    Description,
    Permissions,
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
                .table(CustomRoles::Table)
                .col(pk_auto(CustomRoles::Id))
                .col(integer(CustomRoles::AccountId))
                .col(string_len(CustomRoles::Name, 64))
                .col(string_len(CustomRoles::Description, 500))
                // Permission names (`Permission::as_str`), comma-separated.
                .col(text(CustomRoles::Permissions))
                .col(timestamp_with_time_zone(CustomRoles::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(CustomRoles::Table, CustomRoles::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_custom_roles_account_name")
                .table(CustomRoles::Table)
                .col(CustomRoles::AccountId)
                .col(CustomRoles::Name)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CustomRoles::Table).to_owned())
            .await
    }
}
