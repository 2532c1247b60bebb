//! What account administrators record about users (designation, employee ID) and the state
//! of each membership: a user deactivated in one account can still use another.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Designation,
    EmployeeId,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Status,
    GroupAccess,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(string_len(Users::Designation, 64).default(""))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(string_len(Users::EmployeeId, 32).default(""))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Memberships::Table)
                .add_column(string_len(Memberships::Status, 16).default("active"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Memberships::Table)
                .add_column(string_len(Memberships::GroupAccess, 16).default("all"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, column) in [
            (Users::Table.into_iden(), Users::Designation.into_iden()),
            (Users::Table.into_iden(), Users::EmployeeId.into_iden()),
            (
                Memberships::Table.into_iden(),
                Memberships::Status.into_iden(),
            ),
            (
                Memberships::Table.into_iden(),
                Memberships::GroupAccess.into_iden(),
            ),
        ] {
            m.alter_table(Table::alter().table(table).drop_column(column).to_owned())
                .await?;
        }
        Ok(())
    }
}
