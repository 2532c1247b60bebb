//! What happens to an order after it is placed (ORD-8, ORD-10): renewals and reissues linked
//! to the order they came from, credit notes for refunds, a download delegate with a PIN, the
//! renewal reminders already sent, and the account's reminder schedule.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    RenewalReminderDays,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OrderLinks {
    Table,
    Id,
    OrderId,
    OriginOrderId,
    Kind,
    RenewalOf,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CreditNotes {
    Table,
    Id,
    AccountId,
    OrderId,
    AmountMinor,
    Currency,
    Remarks,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OrderDelegates {
    Table,
    OrderId,
    Name,
    Email,
    PinHash,
    Failures,
    LockedUntil,
    PinSentAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RenewalReminders {
    Table,
    Id,
    OrderId,
    OffsetDays,
    SentAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Days before (positive) and after (negative) expiry on which reminders go out.
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .add_column(string_len(Accounts::RenewalReminderDays, 100).default("30,7,1,-1,-7"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrderLinks::Table)
                .col(pk_auto(OrderLinks::Id))
                // The new order: each order comes from at most one other.
                .col(integer_uniq(OrderLinks::OrderId))
                .col(integer(OrderLinks::OriginOrderId))
                // `renewal` or `reissue`.
                .col(string_len(OrderLinks::Kind, 16))
                // Set only for renewals: the unique index lets an order be renewed once, even
                // when several servers run the auto-renew job at the same moment.
                .col(integer_null(OrderLinks::RenewalOf))
                .col(text(OrderLinks::Reason))
                .col(timestamp_with_time_zone(OrderLinks::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderLinks::Table, OrderLinks::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderLinks::Table, OrderLinks::OriginOrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("order_links_origin")
                .table(OrderLinks::Table)
                .col(OrderLinks::OriginOrderId)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("order_links_renewal_of")
                .table(OrderLinks::Table)
                .col(OrderLinks::RenewalOf)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CreditNotes::Table)
                .col(pk_auto(CreditNotes::Id))
                .col(integer(CreditNotes::AccountId))
                .col(integer(CreditNotes::OrderId))
                .col(big_integer(CreditNotes::AmountMinor))
                .col(string_len(CreditNotes::Currency, 3))
                .col(text(CreditNotes::Remarks))
                .col(timestamp_with_time_zone(CreditNotes::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(CreditNotes::Table, CreditNotes::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(CreditNotes::Table, CreditNotes::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("credit_notes_order")
                .table(CreditNotes::Table)
                .col(CreditNotes::OrderId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrderDelegates::Table)
                .col(integer(OrderDelegates::OrderId).primary_key())
                .col(string_len(OrderDelegates::Name, 128))
                .col(string_len(OrderDelegates::Email, 254))
                // Argon2 of the PIN; the PIN itself is only in the delegate's mail.
                .col(string_len_null(OrderDelegates::PinHash, 255))
                // Wrong PINs since the last lock: enough of them lock the order's downloads.
                .col(integer(OrderDelegates::Failures).default(0))
                .col(timestamp_with_time_zone_null(OrderDelegates::LockedUntil))
                .col(timestamp_with_time_zone_null(OrderDelegates::PinSentAt))
                .col(timestamp_with_time_zone(OrderDelegates::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderDelegates::Table, OrderDelegates::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(RenewalReminders::Table)
                .col(pk_auto(RenewalReminders::Id))
                .col(integer(RenewalReminders::OrderId))
                .col(integer(RenewalReminders::OffsetDays))
                .col(timestamp_with_time_zone(RenewalReminders::SentAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(RenewalReminders::Table, RenewalReminders::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        // One reminder per order and day: the job on several servers sends it once.
        m.create_index(
            Index::create()
                .name("renewal_reminders_once")
                .table(RenewalReminders::Table)
                .col(RenewalReminders::OrderId)
                .col(RenewalReminders::OffsetDays)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RenewalReminders::Table.into_iden(),
            OrderDelegates::Table.into_iden(),
            CreditNotes::Table.into_iden(),
            OrderLinks::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        m.alter_table(
            Table::alter()
                .table(Accounts::Table)
                .drop_column(Accounts::RenewalReminderDays)
                .to_owned(),
        )
        .await
    }
}
