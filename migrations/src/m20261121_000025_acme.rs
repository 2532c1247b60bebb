//! The ACME server (RFC 8555, INT-2): where an order came from, single-use nonces, External
//! Account Binding credentials, ACME accounts and the orders, authorizations and challenges
//! they see. An ACME order is an ordinary order row; the ACME tables only add what the
//! protocol needs around it.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
    Source,
}

#[derive(DeriveIden)]
enum AcmeNonces {
    Table,
    Value,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AcmeEabCredentials {
    Table,
    Id,
    KeyId,
    HmacSealed,
    AccountId,
    UserId,
    GroupId,
    ProductId,
    Tags,
    CreatedBy,
    CreatedAt,
    BoundAt,
    RevokedAt,
}

#[derive(DeriveIden)]
enum AcmeAccounts {
    Table,
    Id,
    Thumbprint,
    Jwk,
    Status,
    Contact,
    AccountId,
    UserId,
    GroupId,
    ProductId,
    EabId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AcmeOrders {
    Table,
    Id,
    AcmeAccountId,
    OrderId,
    Identifiers,
    ExpiresAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AcmeAuthzs {
    Table,
    Id,
    AcmeOrderId,
    Identifier,
    Wildcard,
    Status,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AcmeChallenges {
    Table,
    Id,
    AuthzId,
    Kind,
    Token,
    Status,
    ValidatedAt,
    Error,
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // Existing orders came from the portal.
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(string_len(Orders::Source, 16).default("Portal"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AcmeNonces::Table)
                .col(string_len(AcmeNonces::Value, 64).primary_key())
                .col(timestamp_with_time_zone(AcmeNonces::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("acme_nonces_created")
                .table(AcmeNonces::Table)
                .col(AcmeNonces::CreatedAt)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AcmeEabCredentials::Table)
                .col(pk_auto(AcmeEabCredentials::Id))
                .col(string_len_uniq(AcmeEabCredentials::KeyId, 64))
                // The HMAC key, AES-256-GCM under the master secret (as TOTP secrets are).
                .col(blob(AcmeEabCredentials::HmacSealed))
                .col(integer(AcmeEabCredentials::AccountId))
                .col(integer(AcmeEabCredentials::UserId))
                .col(integer(AcmeEabCredentials::GroupId))
                .col(integer(AcmeEabCredentials::ProductId))
                .col(string_len(AcmeEabCredentials::Tags, 512))
                .col(integer_null(AcmeEabCredentials::CreatedBy))
                .col(timestamp_with_time_zone(AcmeEabCredentials::CreatedAt))
                .col(timestamp_with_time_zone_null(AcmeEabCredentials::BoundAt))
                .col(timestamp_with_time_zone_null(AcmeEabCredentials::RevokedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(AcmeEabCredentials::Table, AcmeEabCredentials::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AcmeAccounts::Table)
                .col(pk_auto(AcmeAccounts::Id))
                // RFC 7638 thumbprint of the account key: one ACME account per key.
                .col(string_len_uniq(AcmeAccounts::Thumbprint, 64))
                .col(text(AcmeAccounts::Jwk))
                // `valid`, `deactivated` or `revoked`.
                .col(string_len(AcmeAccounts::Status, 16))
                .col(text(AcmeAccounts::Contact))
                .col(integer(AcmeAccounts::AccountId))
                .col(integer(AcmeAccounts::UserId))
                .col(integer(AcmeAccounts::GroupId))
                .col(integer(AcmeAccounts::ProductId))
                .col(integer_null(AcmeAccounts::EabId))
                .col(timestamp_with_time_zone(AcmeAccounts::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(AcmeAccounts::Table, AcmeAccounts::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AcmeOrders::Table)
                .col(pk_auto(AcmeOrders::Id))
                .col(integer(AcmeOrders::AcmeAccountId))
                .col(integer_uniq(AcmeOrders::OrderId))
                // The identifiers as the client sent them (JSON), for the order object.
                .col(text(AcmeOrders::Identifiers))
                .col(timestamp_with_time_zone(AcmeOrders::ExpiresAt))
                .col(timestamp_with_time_zone(AcmeOrders::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(AcmeOrders::Table, AcmeOrders::AcmeAccountId)
                        .to(AcmeAccounts::Table, AcmeAccounts::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(AcmeOrders::Table, AcmeOrders::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AcmeAuthzs::Table)
                .col(pk_auto(AcmeAuthzs::Id))
                .col(integer(AcmeAuthzs::AcmeOrderId))
                // The DNS name without `*.`; `wildcard` says whether the order asked for one.
                .col(string_len(AcmeAuthzs::Identifier, 253))
                .col(boolean(AcmeAuthzs::Wildcard))
                // `pending`, `valid`, `invalid` or `deactivated`.
                .col(string_len(AcmeAuthzs::Status, 16))
                .col(timestamp_with_time_zone(AcmeAuthzs::ExpiresAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(AcmeAuthzs::Table, AcmeAuthzs::AcmeOrderId)
                        .to(AcmeOrders::Table, AcmeOrders::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("acme_authzs_order")
                .table(AcmeAuthzs::Table)
                .col(AcmeAuthzs::AcmeOrderId)
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(AcmeChallenges::Table)
                .col(pk_auto(AcmeChallenges::Id))
                .col(integer(AcmeChallenges::AuthzId))
                // `http-01`, `dns-01` or `tls-alpn-01`.
                .col(string_len(AcmeChallenges::Kind, 16))
                .col(string_len(AcmeChallenges::Token, 64))
                // `pending`, `processing`, `valid` or `invalid`.
                .col(string_len(AcmeChallenges::Status, 16))
                .col(timestamp_with_time_zone_null(AcmeChallenges::ValidatedAt))
                // The problem document (JSON) of a failed validation.
                .col(text_null(AcmeChallenges::Error))
                .foreign_key(
                    ForeignKey::create()
                        .from(AcmeChallenges::Table, AcmeChallenges::AuthzId)
                        .to(AcmeAuthzs::Table, AcmeAuthzs::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("acme_challenges_authz")
                .table(AcmeChallenges::Table)
                .col(AcmeChallenges::AuthzId)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(AcmeChallenges::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(AcmeAuthzs::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(AcmeOrders::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(AcmeAccounts::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(AcmeEabCredentials::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(AcmeNonces::Table).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .drop_column(Orders::Source)
                .to_owned(),
        )
        .await
    }
}
