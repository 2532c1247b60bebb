//! Reminders that an organization's vetting is about to age out, one row per organization,
//! expiry and offset: a reminder goes out once however many servers run the job, and a new
//! vetting (a new expiry) gets reminders of its own.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OrganizationReminders {
    Table,
    Id,
    OrganizationId,
    VerifiedUntil,
    OffsetDays,
    SentAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(OrganizationReminders::Table)
                .col(pk_auto(OrganizationReminders::Id))
                .col(integer(OrganizationReminders::OrganizationId))
                .col(timestamp_with_time_zone(
                    OrganizationReminders::VerifiedUntil,
                ))
                .col(integer(OrganizationReminders::OffsetDays))
                .col(timestamp_with_time_zone(OrganizationReminders::SentAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            OrganizationReminders::Table,
                            OrganizationReminders::OrganizationId,
                        )
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_organization_reminders_once")
                .table(OrganizationReminders::Table)
                .col(OrganizationReminders::OrganizationId)
                .col(OrganizationReminders::VerifiedUntil)
                .col(OrganizationReminders::OffsetDays)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OrganizationReminders::Table).to_owned())
            .await
    }
}
