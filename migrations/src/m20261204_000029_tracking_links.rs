//! Tracking links per recipient (issue 18): each recipient of an order gets a link of their
//! own with a scope (`requester` acts on the pending order, `viewer` only reads), and the
//! database keeps only the SHA-256 of each token. The single token each order had is kept
//! working as its requester's link, then removed from `orders`.

use sea_orm_migration::{
    prelude::*,
    schema::*,
    sea_orm::{ConnectionTrait, Statement},
};
use sha2::{Digest, Sha256};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TrackingLinks {
    Table,
    Id,
    OrderId,
    AccountId,
    Recipient,
    Scope,
    TokenHash,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Orders {
    Table,
    Id,
    TrackingToken,
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
                .table(TrackingLinks::Table)
                .col(pk_auto(TrackingLinks::Id))
                .col(integer(TrackingLinks::OrderId))
                .col(integer(TrackingLinks::AccountId))
                .col(string_len(TrackingLinks::Recipient, 254))
                .col(string_len(TrackingLinks::Scope, 16))
                .col(string_len(TrackingLinks::TokenHash, 64))
                .col(timestamp_with_time_zone(TrackingLinks::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(TrackingLinks::Table, TrackingLinks::OrderId)
                        .to(Orders::Table, Orders::Id),
                )
                .foreign_key(
                    ForeignKey::create()
                        .from(TrackingLinks::Table, TrackingLinks::AccountId)
                        .to(Accounts::Table, Accounts::Id),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("tracking_links_token_hash")
                .table(TrackingLinks::Table)
                .col(TrackingLinks::TokenHash)
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("tracking_links_order")
                .table(TrackingLinks::Table)
                .col(TrackingLinks::OrderId)
                .to_owned(),
        )
        .await?;

        // Links already mailed keep working, as the requester's (the only link there was).
        // SQLite has no SHA-256 function: the tokens are copied, then replaced by their
        // hashes, all in this migration's transaction.
        let db = m.get_connection();
        db.execute_unprepared(
            "INSERT INTO tracking_links \
             (order_id, account_id, recipient, scope, token_hash, created_at) \
             SELECT id, account_id, LOWER(requester_email), 'requester', tracking_token, \
             created_at FROM orders",
        )
        .await?;
        let copied = db
            .query_all_raw(Statement::from_string(
                m.get_database_backend(),
                "SELECT id, token_hash FROM tracking_links",
            ))
            .await?;
        for row in copied {
            let id: i32 = row.try_get("", "id")?;
            let token: String = row.try_get("", "token_hash")?;
            m.exec_stmt(
                Query::update()
                    .table(TrackingLinks::Table)
                    .value(
                        TrackingLinks::TokenHash,
                        hex::encode(Sha256::digest(token.as_bytes())),
                    )
                    .and_where(Expr::col(TrackingLinks::Id).eq(id))
                    .to_owned(),
            )
            .await?;
        }

        m.drop_index(
            Index::drop()
                .name("orders_tracking_token")
                .table(Orders::Table)
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .drop_column(Orders::TrackingToken)
                .to_owned(),
        )
        .await
    }

    /// The tokens are gone for good: orders get an empty column back, and their links (the
    /// hashes) go with the table.
    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table(Orders::Table)
                .add_column(string_len(Orders::TrackingToken, 64).default(""))
                .to_owned(),
        )
        .await?;
        m.drop_table(Table::drop().table(TrackingLinks::Table).to_owned())
            .await
    }

    /// On SQLite too: a half-done copy would leave tokens in clear.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
