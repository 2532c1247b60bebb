//! Passkeys (WebAuthn): each user's registered credentials, the random handle an
//! authenticator stores for the user instead of anything personal, and the state of
//! ceremonies in progress (kept here, not in memory, so any node can finish one).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Passkeys {
    Table,
    Id,
    UserId,
    CredentialId,
    Name,
    Passkey,
    CreatedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum PasskeyHandles {
    Table,
    UserId,
    Handle,
}

#[derive(DeriveIden)]
enum WebauthnCeremonies {
    Table,
    Id,
    TokenHash,
    Purpose,
    UserId,
    SessionId,
    State,
    ExpiresAt,
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
                .table(Passkeys::Table)
                .col(pk_auto(Passkeys::Id))
                .col(integer(Passkeys::UserId))
                // base64url of the credential ID (at most 1,023 bytes by the spec).
                .col(string_len_uniq(Passkeys::CredentialId, 1400))
                .col(string_len(Passkeys::Name, 64))
                // webauthn-rs's serialised credential: public key, counter, flags.
                .col(text(Passkeys::Passkey))
                .col(timestamp_with_time_zone(Passkeys::CreatedAt))
                .col(timestamp_with_time_zone_null(Passkeys::LastUsedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Passkeys::Table, Passkeys::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("idx_passkeys_user")
                .table(Passkeys::Table)
                .col(Passkeys::UserId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(PasskeyHandles::Table)
                .col(integer(PasskeyHandles::UserId).primary_key())
                .col(string_len_uniq(PasskeyHandles::Handle, 36))
                .foreign_key(
                    ForeignKey::create()
                        .from(PasskeyHandles::Table, PasskeyHandles::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(WebauthnCeremonies::Table)
                .col(pk_auto(WebauthnCeremonies::Id))
                .col(string_len_uniq(WebauthnCeremonies::TokenHash, 64))
                // `register`, `second_factor` or `sign_in`.
                .col(string_len(WebauthnCeremonies::Purpose, 16))
                .col(integer_null(WebauthnCeremonies::UserId))
                .col(integer_null(WebauthnCeremonies::SessionId))
                .col(text(WebauthnCeremonies::State))
                .col(timestamp_with_time_zone(WebauthnCeremonies::ExpiresAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(WebauthnCeremonies::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(PasskeyHandles::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Passkeys::Table).to_owned())
            .await
    }
}
