//! The EV workflow of an order: one row per thing asked of a person outside the portal (the
//! requester's consent, the contract signer's acceptance of the subscriber agreement, the
//! certificate approver's approval), with the hash of its one-use link and the answer. The
//! accepted agreement's version and text are kept with the acceptance, as the EV Guidelines
//! want the signed agreement on record.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum EvSteps {
    Table,
    Id,
    OrderId,
    AccountId,
    Step,
    Name,
    Email,
    TokenHash,
    ExpiresAt,
    Answer,
    AnsweredAt,
    AnsweredFrom,
    Reason,
    AgreementVersion,
    AgreementText,
    CreatedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(EvSteps::Table)
                .col(pk_auto(EvSteps::Id))
                .col(integer(EvSteps::OrderId))
                .col(integer(EvSteps::AccountId))
                .col(string(EvSteps::Step))
                .col(string(EvSteps::Name))
                .col(string(EvSteps::Email))
                .col(string_null(EvSteps::TokenHash))
                .col(timestamp_with_time_zone(EvSteps::ExpiresAt))
                .col(string_null(EvSteps::Answer))
                .col(timestamp_with_time_zone_null(EvSteps::AnsweredAt))
                .col(string_null(EvSteps::AnsweredFrom))
                .col(text(EvSteps::Reason).default(""))
                .col(integer_null(EvSteps::AgreementVersion))
                .col(text_null(EvSteps::AgreementText))
                .col(timestamp_with_time_zone(EvSteps::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(EvSteps::Table, EvSteps::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ev_steps_order_step")
                .table(EvSteps::Table)
                .col(EvSteps::OrderId)
                .col(EvSteps::Step)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_ev_steps_token")
                .table(EvSteps::Table)
                .col(EvSteps::TokenHash)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(EvSteps::Table).to_owned())
            .await
    }
}
