//! Who may use a group: a group can be restricted to specific users, and a user with access
//! to specific groups works only in the groups they were added to. Both are rows here.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Groups {
    Table,
    Id,
    Restricted,
}

#[derive(DeriveIden)]
enum GroupMembers {
    Table,
    Id,
    GroupId,
    MembershipId,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Restricted: only the group's members use it; otherwise every user with access to
        // all groups does too.
        m.alter_table(
            Table::alter()
                .table(Groups::Table)
                .add_column(boolean(Groups::Restricted).default(false))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(GroupMembers::Table)
                .col(pk_auto(GroupMembers::Id))
                .col(integer(GroupMembers::GroupId))
                .col(integer(GroupMembers::MembershipId))
                .foreign_key(
                    ForeignKey::create()
                        .from(GroupMembers::Table, GroupMembers::GroupId)
                        .to(Groups::Table, Groups::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(GroupMembers::Table, GroupMembers::MembershipId)
                        .to(Memberships::Table, Memberships::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_group_members_pair")
                .table(GroupMembers::Table)
                .col(GroupMembers::GroupId)
                .col(GroupMembers::MembershipId)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(GroupMembers::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Groups::Table)
                .drop_column(Groups::Restricted)
                .to_owned(),
        )
        .await
    }
}
