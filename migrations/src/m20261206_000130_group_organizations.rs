//! The organizations a group's orders may name (the seeds' group "Organizations: All or
//! Specific"): a group with no rows here names any of the account's organizations; with rows,
//! only those.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Groups {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Organizations {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum GroupOrganizations {
    Table,
    Id,
    GroupId,
    OrganizationId,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(GroupOrganizations::Table)
                .col(pk_auto(GroupOrganizations::Id))
                .col(integer(GroupOrganizations::GroupId))
                .col(integer(GroupOrganizations::OrganizationId))
                .foreign_key(
                    ForeignKey::create()
                        .from(GroupOrganizations::Table, GroupOrganizations::GroupId)
                        .to(Groups::Table, Groups::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(
                            GroupOrganizations::Table,
                            GroupOrganizations::OrganizationId,
                        )
                        .to(Organizations::Table, Organizations::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_group_organizations_pair")
                .table(GroupOrganizations::Table)
                .col(GroupOrganizations::GroupId)
                .col(GroupOrganizations::OrganizationId)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(GroupOrganizations::Table).to_owned())
            .await
    }
}
