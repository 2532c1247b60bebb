//! The vetting desk (VAL-3, VAL-4): each item of an organization's checklist as the vetting
//! agent recorded it, the authentication codes that verify a method of communication, and the
//! organization's history on the desk.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OrganizationChecks {
    Table,
    Id,
    OrganizationId,
    Item,
    CheckedBy,
    CheckedAt,
    Source,
    Note,
}

#[derive(DeriveIden)]
enum OrganizationAuthCodes {
    Table,
    Id,
    OrganizationId,
    TokenHash,
    CodeHash,
    SentTo,
    CreatedAt,
    ExpiresAt,
    UsedAt,
    Attempts,
}

#[derive(DeriveIden)]
enum OrganizationEvents {
    Table,
    Id,
    OrganizationId,
    At,
    UserId,
    Summary,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OrganizationChecks::Table)
                .col(pk_auto(OrganizationChecks::Id))
                .col(integer(OrganizationChecks::OrganizationId))
                .col(string_len(OrganizationChecks::Item, 40))
                // None when the representative's own answer checked it (the code's link).
                .col(integer_null(OrganizationChecks::CheckedBy))
                .col(timestamp_with_time_zone(OrganizationChecks::CheckedAt))
                .col(text(OrganizationChecks::Source))
                .col(text(OrganizationChecks::Note))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            OrganizationChecks::Table,
                            OrganizationChecks::OrganizationId,
                        )
                        .to(Organizations::Table, Organizations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OrganizationChecks::Table, OrganizationChecks::CheckedBy)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        // One standing check per item: checking it again replaces it (the history keeps both).
        m.create_index(
            Index::create()
                .name("organization_checks_item")
                .table(OrganizationChecks::Table)
                .col(OrganizationChecks::OrganizationId)
                .col(OrganizationChecks::Item)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrganizationAuthCodes::Table)
                .col(pk_auto(OrganizationAuthCodes::Id))
                .col(integer(OrganizationAuthCodes::OrganizationId))
                // SHA-256 of the link's token and of the code: neither is kept in the clear.
                .col(string_len(OrganizationAuthCodes::TokenHash, 64).unique_key())
                .col(string_len(OrganizationAuthCodes::CodeHash, 64))
                .col(string_len(OrganizationAuthCodes::SentTo, 254))
                .col(timestamp_with_time_zone(OrganizationAuthCodes::CreatedAt))
                .col(timestamp_with_time_zone(OrganizationAuthCodes::ExpiresAt))
                .col(timestamp_with_time_zone_null(OrganizationAuthCodes::UsedAt))
                .col(integer(OrganizationAuthCodes::Attempts).default(0))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            OrganizationAuthCodes::Table,
                            OrganizationAuthCodes::OrganizationId,
                        )
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OrganizationEvents::Table)
                .col(pk_auto(OrganizationEvents::Id))
                .col(integer(OrganizationEvents::OrganizationId))
                .col(timestamp_with_time_zone(OrganizationEvents::At))
                .col(integer_null(OrganizationEvents::UserId))
                .col(text(OrganizationEvents::Summary))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            OrganizationEvents::Table,
                            OrganizationEvents::OrganizationId,
                        )
                        .to(Organizations::Table, Organizations::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(OrganizationEvents::Table, OrganizationEvents::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("organization_events_organization")
                .table(OrganizationEvents::Table)
                .col(OrganizationEvents::OrganizationId)
                .col(OrganizationEvents::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OrganizationEvents::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(OrganizationAuthCodes::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(OrganizationChecks::Table).to_owned())
            .await
    }
}
