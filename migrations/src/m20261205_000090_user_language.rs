//! A user's language (`en`, `pl`): the portal opens in it at sign-in, and their e-mails and
//! documents are written in it. Empty for users who never chose one: their browser decides
//! the portal's language, and their mail is in English.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Lang,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .add_column(string_len_null(Users::Lang, 8))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Users::Table)
                .drop_column(Users::Lang)
                .to_owned(),
        )
        .await
    }
}
