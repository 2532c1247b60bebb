//! An order form a browser is filling in, under the one-use token its page was given: the
//! steps a browser without JavaScript has posted so far (each step is a post and a redirect,
//! so the next page has to find the form somewhere), and the order the token placed. A token
//! places at most one order: a reload, a double click or a second post of the last step finds
//! that order instead of charging again.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrderForms {
    Table,
    Token,
    AccountId,
    UserId,
    Step,
    Form,
    Errors,
    OrderId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OrderForms::Table)
                .col(string_len(OrderForms::Token, 64).primary_key())
                .col(integer(OrderForms::AccountId))
                .col(integer(OrderForms::UserId))
                .col(integer(OrderForms::Step))
                .col(text(OrderForms::Form))
                .col(text(OrderForms::Errors))
                .col(integer_null(OrderForms::OrderId))
                .col(timestamp_with_time_zone(OrderForms::CreatedAt))
                .col(timestamp_with_time_zone(OrderForms::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderForms::Table, OrderForms::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderForms::Table, OrderForms::UserId)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderForms::Table, OrderForms::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        // Forms left half-way are swept by age.
        m.create_index(
            Index::create()
                .name("order_forms_updated_at")
                .table(OrderForms::Table)
                .col(OrderForms::UpdatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OrderForms::Table).to_owned())
            .await
    }
}
