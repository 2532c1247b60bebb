//! The order list's search stays fast with 100,000 orders in an account (issue 21 §6).
//!
//! The name search is a case-insensitive substring match (`LIKE '%term%'`), which no B-tree
//! index can answer: every search read all of the account's orders and every name. An index
//! made for substring search answers it instead:
//! - SQLite: an FTS5 table with the trigram tokenizer over `order_names.name` (external
//!   content, so the names are stored once), kept in step by triggers, so every write path —
//!   the store, the S/MIME address change, a script — keeps it right without remembering to.
//!   A phrase of three or more characters matches exactly the names containing it; shorter
//!   terms have no trigram and keep the `LIKE` path.
//! - PostgreSQL: `pg_trgm` GIN indexes, which the planner uses for the unchanged `LIKE`
//!   itself (also for the tag filter).
//!
//! Status and tag together read every order of that status to test its tags: an index holding
//! the account, status, creation time and tags answers the count from the index alone on
//! SQLite, and in list order on PostgreSQL, where the id completes the list's sort
//! (`created_at DESC, id DESC`; SQLite's indexes end with the rowid already).

use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const SQLITE_UP: &[&str] = &[
    // `tokenize='trigram'` folds case (case_sensitive 0), as SQLite's LIKE does for ASCII.
    "CREATE VIRTUAL TABLE order_names_search USING fts5(\
       name, content='order_names', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER order_names_search_insert AFTER INSERT ON order_names BEGIN \
       INSERT INTO order_names_search (rowid, name) VALUES (new.id, new.name); \
     END",
    // An external-content table forgets a row only when told the text it indexed.
    "CREATE TRIGGER order_names_search_delete AFTER DELETE ON order_names BEGIN \
       INSERT INTO order_names_search (order_names_search, rowid, name) \
         VALUES ('delete', old.id, old.name); \
     END",
    "CREATE TRIGGER order_names_search_update AFTER UPDATE ON order_names BEGIN \
       INSERT INTO order_names_search (order_names_search, rowid, name) \
         VALUES ('delete', old.id, old.name); \
       INSERT INTO order_names_search (rowid, name) VALUES (new.id, new.name); \
     END",
    // The names stored before this migration.
    "INSERT INTO order_names_search (order_names_search) VALUES ('rebuild')",
    "CREATE INDEX orders_account_status_tags ON orders (account_id, status, created_at, tags)",
];

const SQLITE_DOWN: &[&str] = &[
    "DROP INDEX IF EXISTS orders_account_status_tags",
    "DROP TRIGGER IF EXISTS order_names_search_update",
    "DROP TRIGGER IF EXISTS order_names_search_delete",
    "DROP TRIGGER IF EXISTS order_names_search_insert",
    "DROP TABLE IF EXISTS order_names_search",
];

const POSTGRES_UP: &[&str] = &[
    // pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database's
    // owner may create it without being a superuser.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX order_names_name_trigrams ON order_names USING gin (name gin_trgm_ops)",
    // The tag filter compares `lower(tags)`; the index must hold that same expression.
    "CREATE INDEX orders_tags_trigrams ON orders USING gin (lower(tags) gin_trgm_ops)",
    "CREATE INDEX orders_account_status_created ON orders (account_id, status, created_at, id)",
    // Replaces (account_id, created_at): with the id the list's order needs no sort step.
    "CREATE INDEX orders_account_created_id ON orders (account_id, created_at, id)",
    "DROP INDEX IF EXISTS orders_account_created",
];

const POSTGRES_DOWN: &[&str] = &[
    "CREATE INDEX IF NOT EXISTS orders_account_created ON orders (account_id, created_at)",
    "DROP INDEX IF EXISTS orders_account_created_id",
    "DROP INDEX IF EXISTS orders_account_status_created",
    "DROP INDEX IF EXISTS orders_tags_trigrams",
    "DROP INDEX IF EXISTS order_names_name_trigrams",
    // The extension stays: other objects may have come to use it.
];

async fn run(m: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    for sql in statements {
        m.get_connection().execute_unprepared(sql).await?;
    }
    Ok(())
}

#[sea_orm_migration::async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        match m.get_database_backend() {
            DbBackend::Sqlite => run(m, SQLITE_UP).await,
            DbBackend::Postgres => run(m, POSTGRES_UP).await,
            // Rootline runs on SQLite or PostgreSQL only (config refuses other URLs).
            _ => Ok(()),
        }
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        match m.get_database_backend() {
            DbBackend::Sqlite => run(m, SQLITE_DOWN).await,
            DbBackend::Postgres => run(m, POSTGRES_DOWN).await,
            _ => Ok(()),
        }
    }

    /// On SQLite too: a failure halfway would leave an index without its triggers, which
    /// goes stale unnoticed and answers searches wrongly.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }
}
