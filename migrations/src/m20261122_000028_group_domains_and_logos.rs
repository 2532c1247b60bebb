//! What the seeds' group form has beyond finance and users: the domains a group orders for
//! ("All", or "Specific" domains of the account) and an optional logo.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Groups {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum GroupDomains {
    Table,
    Id,
    GroupId,
    Domain,
}

#[derive(DeriveIden)]
enum GroupLogos {
    Table,
    GroupId,
    ContentType,
    Bytes,
    UpdatedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A group with no rows here orders for all of the account's domains; with rows, only
        // for those domains and their sub-domains.
        m.create_table(
            Table::create()
                .table(GroupDomains::Table)
                .col(pk_auto(GroupDomains::Id))
                .col(integer(GroupDomains::GroupId))
                .col(string_len(GroupDomains::Domain, 253))
                .foreign_key(
                    ForeignKey::create()
                        .from(GroupDomains::Table, GroupDomains::GroupId)
                        .to(Groups::Table, Groups::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_group_domains_pair")
                .table(GroupDomains::Table)
                .col(GroupDomains::GroupId)
                .col(GroupDomains::Domain)
                .unique()
                .to_owned(),
        )
        .await?;
        // Kept apart from `groups` so listing groups never reads the images.
        m.create_table(
            Table::create()
                .table(GroupLogos::Table)
                .col(integer(GroupLogos::GroupId).primary_key())
                .col(string_len(GroupLogos::ContentType, 32))
                .col(blob(GroupLogos::Bytes))
                .col(timestamp_with_time_zone(GroupLogos::UpdatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(GroupLogos::Table, GroupLogos::GroupId)
                        .to(Groups::Table, Groups::Id),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(GroupLogos::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(GroupDomains::Table).to_owned())
            .await
    }
}
