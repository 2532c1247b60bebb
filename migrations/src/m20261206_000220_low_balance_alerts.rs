//! Low-balance alerts (SET-1 / FIN-5): per account balance and per group balance (a group that
//! pays from its own balance), the threshold that triggers a mail, who gets it, and whether
//! the balance is below it now (alerted once, re-armed when it is back at the threshold).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Groups {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum LowBalanceAlerts {
    Table,
    Id,
    AccountId,
    Holder,
    GroupId,
    Enabled,
    ThresholdMinor,
    Currency,
    Addresses,
    Lang,
    Below,
    UpdatedAt,
    UpdatedByUserId,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(LowBalanceAlerts::Table)
                .col(pk_auto(LowBalanceAlerts::Id))
                .col(integer(LowBalanceAlerts::AccountId))
                // The ledger's holder key, `account` or `group:<id>`: what a movement posts to.
                .col(string_len(LowBalanceAlerts::Holder, 32))
                // The group of a `group:<id>` holder, so the alert goes with its group.
                .col(integer_null(LowBalanceAlerts::GroupId))
                .col(boolean(LowBalanceAlerts::Enabled))
                .col(big_integer(LowBalanceAlerts::ThresholdMinor))
                .col(string_len(LowBalanceAlerts::Currency, 3))
                // The recipients, one address a line.
                .col(text(LowBalanceAlerts::Addresses))
                // The language the mail is written in (the administrator's who saved it).
                .col(string_len(LowBalanceAlerts::Lang, 8))
                // Below the threshold and alerted: no further mail until it is re-armed.
                .col(boolean(LowBalanceAlerts::Below))
                .col(timestamp_with_time_zone(LowBalanceAlerts::UpdatedAt))
                .col(integer(LowBalanceAlerts::UpdatedByUserId))
                .check(Expr::col(LowBalanceAlerts::ThresholdMinor).gt(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(LowBalanceAlerts::Table, LowBalanceAlerts::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(LowBalanceAlerts::Table, LowBalanceAlerts::GroupId)
                        .to(Groups::Table, Groups::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        // One alert per balance; every movement looks its holders up by this.
        m.create_index(
            Index::create()
                .name("idx_low_balance_alerts_holder")
                .table(LowBalanceAlerts::Table)
                .col(LowBalanceAlerts::AccountId)
                .col(LowBalanceAlerts::Holder)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(LowBalanceAlerts::Table).to_owned())
            .await
    }
}
