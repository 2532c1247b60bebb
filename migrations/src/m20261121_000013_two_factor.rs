//! Two-factor sign-in with TOTP: the account setting that enforces it, each user's sealed
//! secret and last accepted step (against replay), single-use recovery codes, and how far a
//! session is through sign-in.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    EnforceTotp,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    SecondFactor,
}

#[derive(DeriveIden)]
enum UserTotp {
    Table,
    Id,
    UserId,
    SecretSealed,
    ConfirmedAt,
    LastStep,
}

#[derive(DeriveIden)]
enum RecoveryCodes {
    Table,
    Id,
    UserId,
    CodeHash,
    UsedAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .add_column(boolean(Accounts::EnforceTotp).default(false))
                .to_owned(),
        )
        .await?;
        // `done`, or `enrol` / `code` while the second factor is outstanding.
        m.alter_table(
            Table::alter()
                .table(Sessions::Table)
                .add_column(string_len(Sessions::SecondFactor, 8).default("done"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(UserTotp::Table)
                .col(pk_auto(UserTotp::Id))
                .col(integer_uniq(UserTotp::UserId))
                .col(blob(UserTotp::SecretSealed))
                .col(timestamp_with_time_zone_null(UserTotp::ConfirmedAt))
                .col(big_integer(UserTotp::LastStep).default(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(UserTotp::Table, UserTotp::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RecoveryCodes::Table)
                .col(pk_auto(RecoveryCodes::Id))
                .col(integer(RecoveryCodes::UserId))
                .col(string_len(RecoveryCodes::CodeHash, 64))
                .col(timestamp_with_time_zone_null(RecoveryCodes::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RecoveryCodes::Table, RecoveryCodes::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("recovery_codes_user")
                .table(RecoveryCodes::Table)
                .col(RecoveryCodes::UserId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RecoveryCodes::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(UserTotp::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Sessions::Table)
                .drop_column(Sessions::SecondFactor)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .drop_column(Accounts::EnforceTotp)
                .to_owned(),
        )
        .await
    }
}
