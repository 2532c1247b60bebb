//! One table for every per-client throttle (sign-up, the delegate's PIN download, tracking
//! links, domain-validation mail): an attempt is a row keyed by what is throttled and by whom,
//! inserted before the attempt is served and counted over a window.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ThrottleAttempts {
    Table,
    Id,
    Scope,
    Key,
    At,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ThrottleAttempts::Table)
                .col(pk_auto(ThrottleAttempts::Id))
                .col(string_len(ThrottleAttempts::Scope, 32))
                .col(string_len(ThrottleAttempts::Key, 64))
                .col(timestamp_with_time_zone(ThrottleAttempts::At))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("throttle_attempts_scope_key_at")
                .table(ThrottleAttempts::Table)
                .col(ThrottleAttempts::Scope)
                .col(ThrottleAttempts::Key)
                .col(ThrottleAttempts::At)
                .to_owned(),
        )
        .await?;
        // Old rows are swept by age.
        m.create_index(
            Index::create()
                .name("throttle_attempts_at")
                .table(ThrottleAttempts::Table)
                .col(ThrottleAttempts::At)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ThrottleAttempts::Table).to_owned())
            .await
    }
}
