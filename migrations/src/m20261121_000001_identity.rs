//! Accounts, users and their memberships, single-use e-mail tokens, sessions, sign-in attempts
//! (for rate limiting) and the hash-chained audit log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    Kind,
    Name,
    Country,
    Status,
    CreatedAt,
    ActivatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Email,
    Name,
    Mobile,
    PasswordHash,
    Status,
    IsOperator,
    CreatedAt,
    ActivatedAt,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Id,
    UserId,
    AccountId,
    Role,
    CreatedAt,
}

#[derive(DeriveIden)]
enum UserTokens {
    Table,
    Id,
    UserId,
    Purpose,
    TokenHash,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    TokenHash,
    UserId,
    AccountId,
    Ip,
    UserAgent,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum SignInAttempts {
    Table,
    Id,
    Email,
    Ip,
    Succeeded,
    At,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Id,
    At,
    AccountId,
    UserId,
    Ip,
    Module,
    Action,
    Summary,
    PrevHash,
    Hash,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Accounts::Table)
                .col(pk_auto(Accounts::Id))
                .col(string_len(Accounts::Kind, 16))
                .col(string_len(Accounts::Name, 200))
                .col(string_len(Accounts::Country, 2))
                .col(string_len(Accounts::Status, 24))
                .col(timestamp_with_time_zone(Accounts::CreatedAt))
                .col(timestamp_with_time_zone_null(Accounts::ActivatedAt))
                .col(timestamp_with_time_zone_null(Accounts::ExpiresAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Users::Table)
                .col(pk_auto(Users::Id))
                .col(string_len_uniq(Users::Email, 254))
                .col(string_len(Users::Name, 100))
                .col(string_len(Users::Mobile, 20))
                .col(text_null(Users::PasswordHash))
                .col(string_len(Users::Status, 24))
                .col(boolean(Users::IsOperator).default(false))
                .col(timestamp_with_time_zone(Users::CreatedAt))
                .col(timestamp_with_time_zone_null(Users::ActivatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Memberships::Table)
                .col(pk_auto(Memberships::Id))
                .col(integer(Memberships::UserId))
                .col(integer(Memberships::AccountId))
                .col(string_len(Memberships::Role, 32))
                .col(timestamp_with_time_zone(Memberships::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Memberships::Table, Memberships::UserId)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Memberships::Table, Memberships::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("memberships_user_account")
                .table(Memberships::Table)
                .col(Memberships::UserId)
                .col(Memberships::AccountId)
                .unique()
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(UserTokens::Table)
                .col(pk_auto(UserTokens::Id))
                .col(integer(UserTokens::UserId))
                .col(string_len(UserTokens::Purpose, 24))
                .col(string_len_uniq(UserTokens::TokenHash, 64))
                .col(timestamp_with_time_zone(UserTokens::CreatedAt))
                .col(timestamp_with_time_zone(UserTokens::ExpiresAt))
                .col(timestamp_with_time_zone_null(UserTokens::UsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(UserTokens::Table, UserTokens::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .col(pk_auto(Sessions::Id))
                .col(string_len_uniq(Sessions::TokenHash, 64))
                .col(integer(Sessions::UserId))
                .col(integer(Sessions::AccountId))
                .col(string_len(Sessions::Ip, 45))
                .col(string_len_null(Sessions::UserAgent, 300))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::LastSeenAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::UserId)
                        .to(Users::Table, Users::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(Sessions::Table, Sessions::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SignInAttempts::Table)
                .col(pk_auto(SignInAttempts::Id))
                .col(string_len(SignInAttempts::Email, 254))
                .col(string_len(SignInAttempts::Ip, 45))
                .col(boolean(SignInAttempts::Succeeded))
                .col(timestamp_with_time_zone(SignInAttempts::At))
                .to_owned(),
        )
        .await?;
        for (name, column) in [
            ("sign_in_attempts_email_at", SignInAttempts::Email),
            ("sign_in_attempts_ip_at", SignInAttempts::Ip),
        ] {
            m.create_index(
                Index::create()
                    .name(name)
                    .table(SignInAttempts::Table)
                    .col(column)
                    .col(SignInAttempts::At)
                    .to_owned(),
            )
            .await?;
        }

        m.create_table(
            Table::create()
                .table(AuditEvents::Table)
                .col(pk_auto(AuditEvents::Id))
                .col(timestamp_with_time_zone(AuditEvents::At))
                .col(integer_null(AuditEvents::AccountId))
                .col(integer_null(AuditEvents::UserId))
                .col(string_len_null(AuditEvents::Ip, 45))
                .col(string_len(AuditEvents::Module, 32))
                .col(string_len(AuditEvents::Action, 64))
                .col(text(AuditEvents::Summary))
                .col(string_len(AuditEvents::PrevHash, 64))
                .col(string_len(AuditEvents::Hash, 64))
                .foreign_key(
                    ForeignKey::create()
                        .from(AuditEvents::Table, AuditEvents::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(AuditEvents::Table, AuditEvents::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("audit_events_account_at")
                .table(AuditEvents::Table)
                .col(AuditEvents::AccountId)
                .col(AuditEvents::At)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditEvents::Table.into_iden(),
            SignInAttempts::Table.into_iden(),
            Sessions::Table.into_iden(),
            UserTokens::Table.into_iden(),
            Memberships::Table.into_iden(),
            Users::Table.into_iden(),
            Accounts::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
