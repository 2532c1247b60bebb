//! REST API access keys (INT-1): each acts as one user of one account; only a SHA-256 of the
//! secret part is kept. Idempotency keys remember the answer to a create so a retried request
//! gets the same order instead of a second one.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum ApiKeys {
    Table,
    Id,
    // The public half of the key, how a request names it.
    KeyId,
    SecretHash,
    AccountId,
    UserId,
    Description,
    CreatedBy,
    CreatedAt,
    LastUsedAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum ApiIdempotency {
    Table,
    Id,
    ApiKeyId,
    IdempotencyKey,
    RequestHash,
    Status,
    Body,
    CreatedAt,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(ApiKeys::Table)
                .col(pk_auto(ApiKeys::Id))
                .col(string_len_uniq(ApiKeys::KeyId, 32))
                // Hex SHA-256 of the secret: the secret is 256 random bits, so a slow hash
                // would add nothing but latency to every request.
                .col(string_len(ApiKeys::SecretHash, 64))
                .col(integer(ApiKeys::AccountId))
                .col(integer(ApiKeys::UserId))
                .col(string_len(ApiKeys::Description, 200))
                .col(integer_null(ApiKeys::CreatedBy))
                .col(timestamp_with_time_zone(ApiKeys::CreatedAt))
                .col(timestamp_with_time_zone_null(ApiKeys::LastUsedAt))
                .col(timestamp_with_time_zone_null(ApiKeys::RevokedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ApiKeys::Table, ApiKeys::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(ApiKeys::Table, ApiKeys::UserId)
                        .to(Users::Table, Users::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("api_keys_account")
                .table(ApiKeys::Table)
                .col(ApiKeys::AccountId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ApiIdempotency::Table)
                .col(pk_auto(ApiIdempotency::Id))
                .col(integer(ApiIdempotency::ApiKeyId))
                .col(string_len(ApiIdempotency::IdempotencyKey, 255))
                // Hex SHA-256 of method, path and body: the same key with another request is
                // refused rather than answered with the first request's result.
                .col(string_len(ApiIdempotency::RequestHash, 64))
                .col(integer(ApiIdempotency::Status))
                .col(text(ApiIdempotency::Body))
                .col(timestamp_with_time_zone(ApiIdempotency::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(ApiIdempotency::Table, ApiIdempotency::ApiKeyId)
                        .to(ApiKeys::Table, ApiKeys::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("api_idempotency_once")
                .table(ApiIdempotency::Table)
                .col(ApiIdempotency::ApiKeyId)
                .col(ApiIdempotency::IdempotencyKey)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ApiIdempotency::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(ApiKeys::Table).to_owned())
            .await
    }
}
