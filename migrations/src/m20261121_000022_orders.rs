//! Certificate orders (ORD-2..7): what was ordered and for whom, its status, the names it
//! covers, the public tracking link, and the history of everything done to it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
    AccountId,
    GroupId,
    PlacedBy,
    ProductId,
    ProductName,
    ProductKind,
    Profile,
    PrivateCa,
    ValidityDays,
    PriceMinor,
    Currency,
    Status,
    CsrPem,
    KeySource,
    RequesterName,
    RequesterEmail,
    RequesterPhone,
    Tags,
    Remarks,
    TechName,
    TechEmail,
    ExtraEmails,
    AutoRenew,
    TemplateValues,
    TrackingToken,
    CertificateId,
    IssueError,
    Reason,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OrderNames {
    Table,
    Id,
    OrderId,
    Position,
    Name,
}

#[derive(DeriveIden)]
enum OrderEvents {
    Table,
    Id,
    OrderId,
    At,
    Actor,
    Action,
    Detail,
}

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
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum IssuedCertificates {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Orders::Table)
                .col(pk_auto(Orders::Id))
                .col(integer(Orders::AccountId))
                .col(integer(Orders::GroupId))
                .col(integer(Orders::PlacedBy))
                // The product as it was when ordered: products change, orders keep their terms.
                .col(integer(Orders::ProductId))
                .col(string_len(Orders::ProductName, 128))
                .col(string_len(Orders::ProductKind, 32))
                .col(string_len(Orders::Profile, 64))
                .col(string_len_null(Orders::PrivateCa, 128))
                .col(integer(Orders::ValidityDays))
                .col(big_integer(Orders::PriceMinor))
                .col(string_len(Orders::Currency, 3))
                .col(string_len(Orders::Status, 32))
                .col(text_null(Orders::CsrPem))
                // `browser`, `upload`, `paste` or `later`.
                .col(string_len(Orders::KeySource, 16))
                .col(string_len(Orders::RequesterName, 128))
                .col(string_len(Orders::RequesterEmail, 254))
                .col(string_len(Orders::RequesterPhone, 32))
                .col(string_len(Orders::Tags, 500))
                .col(text(Orders::Remarks))
                .col(string_len(Orders::TechName, 128))
                .col(string_len(Orders::TechEmail, 254))
                .col(text(Orders::ExtraEmails))
                .col(boolean(Orders::AutoRenew))
                // A private product's dynamic field values, JSON.
                .col(text(Orders::TemplateValues))
                .col(string_len(Orders::TrackingToken, 64))
                .col(integer_null(Orders::CertificateId))
                // Why the last attempt to issue was refused (CAA, lint), for the requester.
                .col(text_null(Orders::IssueError))
                // The rejection or cancellation reason.
                .col(text_null(Orders::Reason))
                .col(timestamp_with_time_zone(Orders::CreatedAt))
                .col(timestamp_with_time_zone(Orders::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Orders::Table, Orders::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Orders::Table, Orders::GroupId)
                        .to(Groups::Table, Groups::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Orders::Table, Orders::PlacedBy)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Orders::Table, Orders::CertificateId)
                        .to(IssuedCertificates::Table, IssuedCertificates::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("orders_tracking_token")
                .table(Orders::Table)
                .col(Orders::TrackingToken)
                .unique()
                .to_owned(),
        )
        .await?;
        // The order list: newest first within an account, also by status.
        m.create_index(
            Index::create()
                .name("orders_account_created")
                .table(Orders::Table)
                .col(Orders::AccountId)
                .col(Orders::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("orders_account_status")
                .table(Orders::Table)
                .col(Orders::AccountId)
                .col(Orders::Status)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrderNames::Table)
                .col(pk_auto(OrderNames::Id))
                .col(integer(OrderNames::OrderId))
                .col(integer(OrderNames::Position))
                .col(string_len(OrderNames::Name, 253))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderNames::Table, OrderNames::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("order_names_order")
                .table(OrderNames::Table)
                .col(OrderNames::OrderId)
                .col(OrderNames::Position)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("order_names_name")
                .table(OrderNames::Table)
                .col(OrderNames::Name)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrderEvents::Table)
                .col(pk_auto(OrderEvents::Id))
                .col(integer(OrderEvents::OrderId))
                .col(timestamp_with_time_zone(OrderEvents::At))
                // Who acted: a user's name, "Requester (tracking link)" or "Rootline".
                .col(string_len(OrderEvents::Actor, 160))
                .col(string_len(OrderEvents::Action, 64))
                .col(text(OrderEvents::Detail))
                .foreign_key(
                    ForeignKey::create()
                        .from(OrderEvents::Table, OrderEvents::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("order_events_order")
                .table(OrderEvents::Table)
                .col(OrderEvents::OrderId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OrderEvents::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(OrderNames::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Orders::Table).to_owned())
            .await
    }
}
