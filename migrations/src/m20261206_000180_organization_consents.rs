//! Another account's organization, found by its representative's e-mail: the representative is
//! mailed a one-use link and the asking account may name the organization only once they
//! consent. One row per request; a consented row is the grant.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OrganizationConsents {
    Table,
    Id,
    OrganizationId,
    AccountId,
    RequestedBy,
    Email,
    TokenHash,
    ExpiresAt,
    AnsweredAt,
    Granted,
    CreatedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OrganizationConsents::Table)
                .col(pk_auto(OrganizationConsents::Id))
                .col(integer(OrganizationConsents::OrganizationId))
                .col(integer(OrganizationConsents::AccountId))
                .col(integer(OrganizationConsents::RequestedBy))
                .col(string(OrganizationConsents::Email))
                .col(string(OrganizationConsents::TokenHash).unique_key())
                .col(timestamp_with_time_zone(OrganizationConsents::ExpiresAt))
                .col(timestamp_with_time_zone_null(
                    OrganizationConsents::AnsweredAt,
                ))
                .col(boolean_null(OrganizationConsents::Granted))
                .col(timestamp_with_time_zone(OrganizationConsents::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            OrganizationConsents::Table,
                            OrganizationConsents::OrganizationId,
                        )
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_organization_consents_account")
                .table(OrganizationConsents::Table)
                .col(OrganizationConsents::AccountId)
                .col(OrganizationConsents::OrganizationId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OrganizationConsents::Table).to_owned())
            .await
    }
}
