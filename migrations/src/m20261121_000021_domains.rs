//! Domains of an account and the evidence of their control (VAL-1, PKI-5), and the domains an
//! administrator keeps out of orders.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Domains {
    Table,
    Id,
    AccountId,
    Name,
    Method,
    RandomValue,
    ValueCreatedAt,
    Status,
    VerifiedAt,
    VerifiedMethod,
    DcvExpiresAt,
    Rule,
    RulesVersion,
    LastError,
    LastCheckedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DomainRestrictions {
    Table,
    Id,
    AccountId,
    Domain,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Domains::Table)
                .col(pk_auto(Domains::Id))
                .col(integer(Domains::AccountId))
                .col(string_len(Domains::Name, 253))
                // The method the next check uses: `dns_txt`, `http_file`, `email:<mailbox>`.
                .col(string_len(Domains::Method, 32))
                .col(string_len(Domains::RandomValue, 64))
                .col(timestamp_with_time_zone(Domains::ValueCreatedAt))
                // `pending` or `verified`; "expired" is read from dcv_expires_at.
                .col(string_len(Domains::Status, 16))
                .col(timestamp_with_time_zone_null(Domains::VerifiedAt))
                .col(string_len_null(Domains::VerifiedMethod, 32))
                .col(timestamp_with_time_zone_null(Domains::DcvExpiresAt))
                .col(string_len_null(Domains::Rule, 128))
                .col(string_len_null(Domains::RulesVersion, 64))
                .col(text_null(Domains::LastError))
                .col(timestamp_with_time_zone_null(Domains::LastCheckedAt))
                .col(timestamp_with_time_zone(Domains::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Domains::Table, Domains::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("domains_account_name")
                .table(Domains::Table)
                .col(Domains::AccountId)
                .col(Domains::Name)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(DomainRestrictions::Table)
                .col(pk_auto(DomainRestrictions::Id))
                .col(integer(DomainRestrictions::AccountId))
                // Orders may name neither this domain nor its sub-domains.
                .col(string_len(DomainRestrictions::Domain, 253))
                .col(timestamp_with_time_zone(DomainRestrictions::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(DomainRestrictions::Table, DomainRestrictions::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("domain_restrictions_account_domain")
                .table(DomainRestrictions::Table)
                .col(DomainRestrictions::AccountId)
                .col(DomainRestrictions::Domain)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(DomainRestrictions::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Domains::Table).to_owned())
            .await
    }
}
