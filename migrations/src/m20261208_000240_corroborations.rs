//! Multi-Perspective Issuance Corroboration (TLS BR 3.2.2.9): every time remote perspectives
//! repeat a domain validation or CAA check, the round (what was checked, for whom, when, the
//! outcome) and each perspective's answer (which one, its region, what it saw, when) are kept
//! with the validation, as the BRs' record-keeping (5.4.1) and the portal's domain detail need.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum CorroborationRounds {
    Table,
    Id,
    AccountId,
    Name,
    CheckKind,
    Asked,
    Corroborated,
    Enforced,
    At,
}

#[derive(DeriveIden)]
enum CorroborationAnswers {
    Table,
    Id,
    RoundId,
    Perspective,
    Region,
    Corroborated,
    Detail,
    At,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(CorroborationRounds::Table)
                .col(pk_auto(CorroborationRounds::Id))
                .col(integer(CorroborationRounds::AccountId))
                // The domain name checked (the authorization domain name for DCV, each
                // candidate's base name for CAA), lower case.
                .col(string_len(CorroborationRounds::Name, 253))
                // `dns-txt`, `http-file`, `acme-http-01`, `acme-dns-01`, `acme-tls-alpn-01`, `caa`.
                .col(string_len(CorroborationRounds::CheckKind, 32))
                .col(integer(CorroborationRounds::Asked))
                .col(boolean(CorroborationRounds::Corroborated))
                // Whether the outcome decided the validation (see the portal's explanation).
                .col(boolean(CorroborationRounds::Enforced))
                .col(timestamp_with_time_zone(CorroborationRounds::At))
                .foreign_key(
                    ForeignKey::create()
                        .from(CorroborationRounds::Table, CorroborationRounds::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        // The domain pages ask for the newest round of each of an account's names.
        m.create_index(
            Index::create()
                .name("idx_corroboration_rounds_name")
                .table(CorroborationRounds::Table)
                .col(CorroborationRounds::AccountId)
                .col(CorroborationRounds::Name)
                .col(CorroborationRounds::Id)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CorroborationAnswers::Table)
                .col(pk_auto(CorroborationAnswers::Id))
                .col(integer(CorroborationAnswers::RoundId))
                .col(string_len(CorroborationAnswers::Perspective, 64))
                .col(string_len(CorroborationAnswers::Region, 16))
                .col(boolean(CorroborationAnswers::Corroborated))
                // What the perspective saw instead, when it did not corroborate.
                .col(text_null(CorroborationAnswers::Detail))
                .col(timestamp_with_time_zone(CorroborationAnswers::At))
                .foreign_key(
                    ForeignKey::create()
                        .from(CorroborationAnswers::Table, CorroborationAnswers::RoundId)
                        .to(CorroborationRounds::Table, CorroborationRounds::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_corroboration_answers_round")
                .table(CorroborationAnswers::Table)
                .col(CorroborationAnswers::RoundId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CorroborationAnswers::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(CorroborationRounds::Table).to_owned())
            .await
    }
}
