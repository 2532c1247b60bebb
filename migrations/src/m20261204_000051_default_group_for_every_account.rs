//! Every active account has its default group. Until now the default group was made lazily,
//! when the Groups page (or an order) first needed it, so an account whose administrator added
//! a group before that never got one. Accounts now get it when they become active; this gives
//! it to the active accounts that lack one (dated as the account), unless a group of theirs
//! already carries the name.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared(
                "INSERT INTO groups \
                 (account_id, name, description, is_default, finance_mode, spend_limit_minor, \
                  renewal_emails, created_at, restricted) \
                 SELECT a.id, 'Default group', 'Every account''s first group.', TRUE, 'account', \
                  NULL, '', a.created_at, FALSE \
                 FROM accounts a \
                 WHERE a.status = 'active' \
                 AND NOT EXISTS (SELECT 1 FROM groups g \
                   WHERE g.account_id = a.id AND g.is_default = TRUE) \
                 AND NOT EXISTS (SELECT 1 FROM groups g \
                   WHERE g.account_id = a.id AND g.name = 'Default group')",
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _m: &SchemaManager) -> Result<(), DbErr> {
        // The groups it made may pay for orders by now: they stay.
        Ok(())
    }
}
