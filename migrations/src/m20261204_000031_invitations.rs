//! Invitations: an address that already has a user joins another account only when that user
//! accepts a mailed, single-use link while signed in. Until then the account has no
//! membership for them and sees only the address. Only a SHA-256 of the link's token is kept.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

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
enum Invitations {
    Table,
    Id,
    AccountId,
    UserId,
    // The membership the user gets on accepting.
    Role,
    GroupAccess,
    EmployeeId,
    TokenHash,
    InvitedBy,
    CreatedAt,
    ExpiresAt,
    AnsweredAt,
    // `accepted` or `declined` once answered.
    Answer,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Invitations::Table)
                .col(pk_auto(Invitations::Id))
                .col(integer(Invitations::AccountId))
                .col(integer(Invitations::UserId))
                .col(string_len(Invitations::Role, 40))
                .col(string_len(Invitations::GroupAccess, 16))
                .col(string_len(Invitations::EmployeeId, 32).default(""))
                .col(string_len_uniq(Invitations::TokenHash, 64))
                .col(integer(Invitations::InvitedBy))
                .col(timestamp_with_time_zone(Invitations::CreatedAt))
                .col(timestamp_with_time_zone(Invitations::ExpiresAt))
                .col(timestamp_with_time_zone_null(Invitations::AnsweredAt))
                .col(string_len_null(Invitations::Answer, 16))
                .foreign_key(
                    ForeignKey::create()
                        .from(Invitations::Table, Invitations::AccountId)
                        .to(Accounts::Table, Accounts::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Invitations::Table, Invitations::UserId)
                        .to(Users::Table, Users::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_invitations_account_user")
                .table(Invitations::Table)
                .col(Invitations::AccountId)
                .col(Invitations::UserId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(Invitations::Table).to_owned())
            .await
    }
}
