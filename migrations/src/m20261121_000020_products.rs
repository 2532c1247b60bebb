//! Products and their prices (ORD-1): public DV products the operator sells (no account), and
//! private products an account makes on one of its private CAs. Prices are integer minor units
//! per product, currency and validity.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Products {
    Table,
    Id,
    AccountId,
    PrivateCa,
    Kind,
    Name,
    Active,
    ValidityDays,
    IncludedDomains,
    MaxDomains,
    Template,
    FieldRules,
    AutoApprove,
    Checklist,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ProductPrices {
    Table,
    Id,
    ProductId,
    Currency,
    ValidityDays,
    BaseMinor,
    PerExtraDomainMinor,
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
                .table(Products::Table)
                .col(pk_auto(Products::Id))
                // None for the operator's public products.
                .col(integer_null(Products::AccountId))
                // The private CA (by its unique name) that issues a private product.
                .col(string_len_null(Products::PrivateCa, 80))
                // dv_single | dv_wildcard | dv_ucc | dv_wildcard_ucc | private
                .col(string_len(Products::Kind, 24))
                .col(string_len(Products::Name, 64))
                .col(boolean(Products::Active))
                // Validity choices in days, comma-separated (a private product has one).
                .col(string_len(Products::ValidityDays, 100))
                .col(integer(Products::IncludedDomains))
                .col(integer(Products::MaxDomains))
                // Private: the template's profile, its field rules (JSON) and checklist (JSON).
                .col(string_len_null(Products::Template, 40))
                .col(text(Products::FieldRules))
                .col(boolean(Products::AutoApprove))
                .col(text(Products::Checklist))
                .col(timestamp_with_time_zone(Products::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(Products::Table, Products::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        // Public products have no account (NULLs never collide); the service keeps their
        // names unique.
        m.create_index(
            Index::create()
                .name("products_account_name")
                .table(Products::Table)
                .col(Products::AccountId)
                .col(Products::Name)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(ProductPrices::Table)
                .col(pk_auto(ProductPrices::Id))
                .col(integer(ProductPrices::ProductId))
                .col(string_len(ProductPrices::Currency, 3))
                .col(big_integer(ProductPrices::ValidityDays))
                .col(big_integer(ProductPrices::BaseMinor))
                .col(big_integer(ProductPrices::PerExtraDomainMinor))
                .foreign_key(
                    ForeignKey::create()
                        .from(ProductPrices::Table, ProductPrices::ProductId)
                        .to(Products::Table, Products::Id)
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("product_prices_product_currency_validity")
                .table(ProductPrices::Table)
                .col(ProductPrices::ProductId)
                .col(ProductPrices::Currency)
                .col(ProductPrices::ValidityDays)
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(ProductPrices::Table).to_owned())
            .await?;
        m.drop_table(Table::drop().table(Products::Table).to_owned())
            .await
    }
}
