//! Storage: sea-orm entities and repositories. The only module that imports `sea_orm`.
//! Services get a `Store` (reads) or a `Tx` (a transaction they commit) and call the functions
//! of the submodules with either.

pub mod accounts;
pub mod acme;
pub mod acme_renewal;
pub mod api_keys;
pub mod audit;
pub mod authorities;
pub mod backup;
pub mod certificates;
pub mod corroborations;
pub mod credit_notes;
pub mod crls;
pub mod custom_roles;
pub mod delegates;
pub mod domains;
mod entities;
pub mod ev_steps;
pub mod group_domains;
pub mod group_logos;
pub mod group_members;
pub mod group_organizations;
pub mod groups;
pub mod invitations;
pub mod ip_rules;
pub mod ledger;
pub mod legal;
pub mod login_certificates;
pub mod low_balance_alerts;
pub mod mail_outbox;
pub mod memberships;
pub mod ocsp_responses;
pub mod order_forms;
pub mod order_links;
pub mod orders;
pub mod organization_consents;
pub mod organizations;
pub mod passkeys;
pub mod payments;
pub mod price_lists;
pub mod products;
pub mod reminders;
pub mod revocation_batches;
pub mod sessions;
pub mod sign_in_attempts;
pub mod smime;
pub mod stored;
pub mod sub_accounts;
pub mod tax_invoices;
#[cfg(test)]
mod tenancy_tests;
#[cfg(test)]
pub mod test_db;
pub mod throttle_attempts;
pub mod tracking_links;
pub mod two_factor;
pub mod user_tokens;
pub mod users;
pub mod vetting;

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, TransactionTrait,
};

pub use entities::{
    accounts::Model as AccountRow, audit_events::Model as AuditRow, ca_keys::Model as CaKeyRow,
    certificate_authorities::Model as AuthorityRow, crls::Model as CrlRow,
    domains::Model as DomainRow, groups::Model as GroupRow, invitations::Model as InvitationRow,
    ip_rules::Model as IpRuleRow, issued_certificates::Model as CertificateRow,
    mail_outbox::Model as MailRow, memberships::Model as MembershipRow,
    ocsp_responders::Model as ResponderRow, ocsp_responses::Model as OcspResponseRow,
    order_events::Model as OrderEventRow, orders::Model as OrderRow, sessions::Model as SessionRow,
    user_tokens::Model as UserTokenRow, users::Model as UserRow,
};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Db(#[from] DbErr),
    #[error("a row with the same unique value exists")]
    Duplicate,
    #[error("cannot prepare the data directory {path}: {source}")]
    DataDir {
        path: String,
        source: std::io::Error,
    },
    #[error("the database holds data that does not fit: {0}")]
    Inconsistent(String),
    /// A write named a row (or a parent row) that is not the given account's.
    #[error("no such row in this account")]
    NotInAccount,
}

impl StoreError {
    /// Sorts a database error: unique violations are a conflict the caller can explain.
    fn from_db(e: DbErr) -> Self {
        match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => Self::Duplicate,
            _ => Self::Db(e),
        }
    }
}

/// The ids of `account`'s groups, as a subquery: child tables of groups (members, domains,
/// logos) carry no account column, so their queries are scoped through it.
fn groups_of(account: app::model::AccountId) -> sea_orm::sea_query::SelectStatement {
    use sea_orm::{ColumnTrait, sea_query::Query};
    Query::select()
        .column(entities::groups::Column::Id)
        .from(entities::groups::Entity)
        .and_where(entities::groups::Column::AccountId.eq(account.get()))
        .to_owned()
}

/// Refuses a write to a child row of a group that is not the account's.
async fn require_group_of(
    db: &impl Db,
    account: app::model::AccountId,
    group: app::model::GroupId,
) -> Result<(), StoreError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    entities::groups::Entity::find_by_id(group.get())
        .filter(entities::groups::Column::AccountId.eq(account.get()))
        .one(db.conn())
        .await?
        .map(|_| ())
        .ok_or(StoreError::NotInAccount)
}

/// Anything queries can run on: the pool, or an open transaction.
pub trait Db: Sync {
    type Conn: ConnectionTrait;
    fn conn(&self) -> &Self::Conn;
}

#[derive(Clone)]
pub struct Store {
    db: DatabaseConnection,
    /// SQLite (a file): read-only connections beside the one writer, for long reads. With
    /// WAL a reader works from its snapshot while the writer commits, so an export over many
    /// rows holds one of these rather than the connection every request needs. `None` on
    /// PostgreSQL (its pool already reads in parallel) and for an in-memory database.
    reader: Option<DatabaseConnection>,
}

/// Reads that may take long (exports, CRL builds): on the read-only pool where there is one.
/// They see what was committed when they started, never the caller's open transaction.
pub struct Reads<'a>(&'a DatabaseConnection);

impl Db for Reads<'_> {
    type Conn = DatabaseConnection;
    fn conn(&self) -> &DatabaseConnection {
        self.0
    }
}

/// Read-only SQLite connections kept beside the writer.
const SQLITE_READERS: u32 = 4;

impl Db for Store {
    type Conn = DatabaseConnection;
    fn conn(&self) -> &DatabaseConnection {
        &self.db
    }
}

/// A snapshot of the connection pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolConnections {
    pub in_use: u64,
    pub idle: u64,
}

pub struct Tx {
    tx: DatabaseTransaction,
}

/// Held by the one process doing the start-up work that must happen once however many nodes
/// start together on an empty PostgreSQL database: migrating, creating the CA hierarchy,
/// adding the default products. Each of those checks what is there and then writes, which
/// two nodes doing it at once would each do (or fail half-way). On SQLite there is nothing
/// to hold: one process owns the file.
pub struct StartLock {
    /// A transaction holding `pg_advisory_xact_lock` on a connection of its own; the lock
    /// goes with it, also when the process dies.
    held: Option<(DatabaseConnection, DatabaseTransaction)>,
}

/// The advisory lock's key: any constant no other program on the database uses ("rootline").
const START_LOCK_KEY: i64 = 0x726f_6f74_6c69_6e65;

impl StartLock {
    /// Waits for the other nodes' start-up work, then holds the lock until `release`.
    pub async fn take(url: &str) -> Result<Self, StoreError> {
        if url.starts_with("sqlite:") {
            return Ok(Self { held: None });
        }
        let mut options = ConnectOptions::new(url.to_owned());
        options
            .sqlx_logging(false)
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(10));
        let db = Database::connect(options).await?;
        let tx = db.begin().await?;
        tx.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({START_LOCK_KEY})"))
            .await?;
        Ok(Self {
            held: Some((db, tx)),
        })
    }

    /// Lets the next node start.
    pub async fn release(self) -> Result<(), StoreError> {
        if let Some((db, tx)) = self.held {
            tx.commit().await?;
            db.close().await?;
        }
        Ok(())
    }
}

impl Db for Tx {
    type Conn = DatabaseTransaction;
    fn conn(&self) -> &DatabaseTransaction {
        &self.tx
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await.map_err(StoreError::from_db)
    }

    /// Undoes the transaction now (dropping it does too, but without reporting failure).
    pub async fn rollback(self) -> Result<(), StoreError> {
        self.tx.rollback().await.map_err(StoreError::from_db)
    }

    fn is_postgres(&self) -> bool {
        self.tx.get_database_backend() == DbBackend::Postgres
    }
}

impl Store {
    /// Connects to `sqlite://…` (creating the file and its folder) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let mut options = ConnectOptions::new(url.to_owned());
        options
            .sqlx_logging(false)
            .acquire_timeout(Duration::from_secs(10));
        if url.starts_with("sqlite:") {
            if let Some(dir) = sqlite_parent_dir(url) {
                std::fs::create_dir_all(&dir).map_err(|source| StoreError::DataDir {
                    path: dir.clone(),
                    source,
                })?;
            }
            // One connection: SQLite has a single writer anyway, and a lone connection never
            // meets SQLITE_BUSY when a read transaction turns into a write.
            options
                .max_connections(1)
                .min_connections(1)
                .map_sqlx_sqlite_opts(|o| {
                    o.journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                        .foreign_keys(true)
                        .busy_timeout(Duration::from_secs(5))
                        .create_if_missing(true)
                });
        } else {
            options.max_connections(16);
        }
        let db = Database::connect(options).await?;
        let reader = match sqlite_file(url) {
            // After the writer, which creates the file and turns WAL on.
            Some(_) => {
                let mut options = ConnectOptions::new(url.to_owned());
                options
                    .sqlx_logging(false)
                    .acquire_timeout(Duration::from_secs(10))
                    .max_connections(SQLITE_READERS)
                    .min_connections(0)
                    .map_sqlx_sqlite_opts(|o| {
                        o.read_only(true)
                            .busy_timeout(Duration::from_secs(5))
                            .create_if_missing(false)
                    });
                Some(Database::connect(options).await?)
            }
            None => None,
        };
        Ok(Self { db, reader })
    }

    /// Where long reads go: [`Reads`].
    pub fn reads(&self) -> Reads<'_> {
        Reads(self.reader.as_ref().unwrap_or(&self.db))
    }

    /// Brings the schema up to date; safe to run on every start.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        Migrator::up(&self.db, None).await?;
        Ok(())
    }

    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(Tx {
            tx: self.db.begin().await?,
        })
    }

    /// Closes every connection of the pool: later queries fail (readiness tests).
    pub async fn close(&self) -> Result<(), StoreError> {
        if let Some(reader) = &self.reader {
            reader.close_by_ref().await?;
        }
        self.db.close_by_ref().await?;
        Ok(())
    }

    /// Connections of the pool in use and idle, for the metrics.
    pub fn pool_connections(&self) -> PoolConnections {
        // `connect` makes only these two kinds of pool, and each getter is asked for its own
        // kind (the getters panic on the other).
        let (size, idle) = if self.is_postgres() {
            let pool = self.db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        } else {
            let pool = self.db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        };
        let idle = u64::try_from(idle).unwrap_or(u64::MAX);
        PoolConnections {
            in_use: u64::from(size).saturating_sub(idle),
            idle,
        }
    }

    pub async fn ping(&self) -> Result<(), StoreError> {
        self.db.ping().await?;
        Ok(())
    }

    pub fn is_postgres(&self) -> bool {
        self.db.get_database_backend() == DbBackend::Postgres
    }

    /// Runs one statement outside any transaction (test set-up and maintenance).
    pub async fn execute_raw(&self, sql: &str) -> Result<(), StoreError> {
        self.db.execute_unprepared(sql).await?;
        Ok(())
    }
}

/// The file of a `sqlite://path/file.db?…` URL; `None` for an in-memory database or
/// another kind of URL.
fn sqlite_file(url: &str) -> Option<&str> {
    if !url.starts_with("sqlite:") {
        return None;
    }
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return None;
    }
    Some(path)
}

/// The folder of a `sqlite://path/file.db?…` URL, if it names a file.
fn sqlite_parent_dir(url: &str) -> Option<String> {
    std::path::Path::new(sqlite_file(url)?)
        .parent()
        .map(|p| p.display().to_string())
        .filter(|p| !p.is_empty())
}

/// A case-insensitive "contains" pattern for LIKE over a lower-cased column: the user's text
/// is matched literally (`%`, `_` and `\` escaped).
fn like_contains(text: &str) -> sea_orm::sea_query::LikeExpr {
    sea_orm::sea_query::LikeExpr::new(like_contains_pattern(text)).escape('\\')
}

fn like_contains_pattern(text: &str) -> String {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The same pattern and escape as `like_contains`, as constants in the statement's text rather
/// than bound values, so the database plans for this pattern (sea-query quotes and escapes
/// them). For a LIKE: `column.binary(BinOper::Like, like_contains_inline(text))`.
fn like_contains_inline(text: &str) -> sea_orm::sea_query::Expr {
    use sea_orm::sea_query::{BinOper, Expr};
    Expr::Binary(
        Box::new(Expr::Constant(like_contains_pattern(text).into())),
        BinOper::Escape,
        Box::new(Expr::Constant('\\'.into())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_long_read_on_sqlite_leaves_the_writer_free_for_other_reads_and_writes() {
        let dir = std::env::temp_dir().join(format!("rootline-reads-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = Store::connect(&format!("sqlite://{}/rootline.db?mode=rwc", dir.display()))
            .await
            .unwrap();
        store
            .execute_raw("CREATE TABLE long_read (id INTEGER PRIMARY KEY, body TEXT NOT NULL)")
            .await
            .unwrap();
        store
            .execute_raw(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) \
                 INSERT INTO long_read SELECT i, 'row ' || i FROM n",
            )
            .await
            .unwrap();
        let count = |rows: Option<sea_orm::QueryResult>| -> i64 {
            rows.unwrap().try_get_by_index(0).unwrap()
        };
        let all =
            || sea_orm::Statement::from_string(DbBackend::Sqlite, "SELECT count(*) FROM long_read");

        // The export: a read transaction that has read the 100k rows once and is not over.
        let export = store.reads().conn().begin().await.unwrap();
        assert_eq!(count(export.query_one_raw(all()).await.unwrap()), 100_000);

        // Meanwhile a write and a read through the writer complete: the export does not hold
        // the connection they need.
        store
            .execute_raw("INSERT INTO long_read (id, body) VALUES (100001, 'written meanwhile')")
            .await
            .unwrap();
        assert_eq!(count(store.db.query_one_raw(all()).await.unwrap()), 100_001);

        // The export goes on from its own snapshot.
        assert_eq!(count(export.query_one_raw(all()).await.unwrap()), 100_000);
        export.commit().await.unwrap();
        assert!(
            store
                .reads()
                .conn()
                .execute_unprepared("DELETE FROM long_read")
                .await
                .is_err(),
            "the read connections cannot write"
        );
        store.close().await.unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn sqlite_parent_dir_finds_the_folder() {
        assert_eq!(
            sqlite_parent_dir("sqlite://./data/rootline.db?mode=rwc").as_deref(),
            Some("./data")
        );
        assert_eq!(sqlite_parent_dir("sqlite::memory:"), None);
        assert_eq!(sqlite_parent_dir("sqlite://rootline.db"), None);
    }
}
