//! Delivered mail keeps no body (issue 18): the outbox held activation and tracking links and
//! download PINs in clear long after they were sent. The delivery job now empties a message's
//! body when it is sent; this does the same for every message delivered before.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    Body,
    SentAt,
}

/// What a delivered message's body becomes (the same words as the delivery job's).
const REMOVED: &str = "(removed after delivery)";

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.exec_stmt(
            Query::update()
                .table(MailOutbox::Table)
                .value(MailOutbox::Body, REMOVED)
                .and_where(Expr::col(MailOutbox::SentAt).is_not_null())
                .to_owned(),
        )
        .await
    }

    /// The bodies are gone; nothing to put back.
    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
