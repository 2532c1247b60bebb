//! The employee ID is the account's record of a user, not the user's own detail: it moves to
//! the membership, so a user of two accounts has one in each and neither account overwrites
//! the other's. Existing memberships keep the ID their user showed so far.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Memberships {
    Table,
    EmployeeId,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Memberships::Table)
                .add_column(string_len(Memberships::EmployeeId, 32).default(""))
                .to_owned(),
        )
        .await?;
        m.get_connection()
            .execute_unprepared(
                "UPDATE memberships SET employee_id = \
                 (SELECT users.employee_id FROM users WHERE users.id = memberships.user_id)",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Memberships::Table)
                .drop_column(Memberships::EmployeeId)
                .to_owned(),
        )
        .await
    }
}
