//! S/MIME mailbox validation (VAL-5): per S/MIME order, the address the certificate is for, the
//! hash of the random value last mailed to it (the link), when it was sent and when control of
//! the mailbox was shown.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SmimeMailboxes {
    Table,
    Id,
    OrderId,
    AccountId,
    Email,
    ValueHash,
    ValueSentAt,
    VerifiedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
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
                .table(SmimeMailboxes::Table)
                .col(pk_auto(SmimeMailboxes::Id))
                .col(integer(SmimeMailboxes::OrderId))
                .col(integer(SmimeMailboxes::AccountId))
                // Empty until the requester provides it ("Waiting for data").
                .col(string_len_null(SmimeMailboxes::Email, 254))
                // SHA-256 of the link's random value: a copy of the database opens nothing.
                .col(string_len_null(SmimeMailboxes::ValueHash, 64))
                .col(timestamp_with_time_zone_null(SmimeMailboxes::ValueSentAt))
                // When control was shown; a proof reused from another order keeps its own time.
                .col(timestamp_with_time_zone_null(SmimeMailboxes::VerifiedAt))
                .col(timestamp_with_time_zone(SmimeMailboxes::CreatedAt))
                .col(timestamp_with_time_zone(SmimeMailboxes::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(SmimeMailboxes::Table, SmimeMailboxes::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(SmimeMailboxes::Table, SmimeMailboxes::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("smime_mailboxes_order")
                .table(SmimeMailboxes::Table)
                .col(SmimeMailboxes::OrderId)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("smime_mailboxes_value")
                .table(SmimeMailboxes::Table)
                .col(SmimeMailboxes::ValueHash)
                .to_owned(),
        )
        .await?;
        // Reusing a recent proof: the account's verified rows for one address.
        m.create_index(
            Index::create()
                .name("smime_mailboxes_account_email")
                .table(SmimeMailboxes::Table)
                .col(SmimeMailboxes::AccountId)
                .col(SmimeMailboxes::Email)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(SmimeMailboxes::Table).to_owned())
            .await
    }
}
