//! `server backup --out FILE`: a consistent copy of the live SQLite database, made with
//! `VACUUM INTO` while the server keeps running (SQLite reads it as one transaction, so the
//! copy is what a single moment held, and compact). PostgreSQL has its own tools: `pg_dump`.

use std::path::{Path, PathBuf};

use super::{Store, StoreError, sqlite_file};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "the database is PostgreSQL: back it up with pg_dump (e.g. `pg_dump --format=custom --file=rootline.dump \"$ROOTLINE_DATABASE_URL\"`); `server backup` copies SQLite databases only"
    )]
    Postgres,
    #[error("{0} already exists: choose a new file name (a backup never overwrites a file)")]
    Exists(PathBuf),
    #[error("there is no database at {0} to back up")]
    NoDatabase(String),
    #[error("the backup file name must be valid UTF-8: {0}")]
    NotUtf8(PathBuf),
    #[error("cannot read the size of the backup {path}: {source}")]
    Written {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Refuses a SQLite URL whose file does not exist (connecting would create an empty one) or
/// that names an in-memory database. Any other URL passes: `copy_to` answers it.
pub fn require_existing(database_url: &str) -> Result<(), BackupError> {
    if !database_url.starts_with("sqlite:") {
        return Ok(());
    }
    match sqlite_file(database_url) {
        Some(file) if Path::new(file).is_file() => Ok(()),
        Some(file) => Err(BackupError::NoDatabase(file.to_owned())),
        None => Err(BackupError::NoDatabase(database_url.to_owned())),
    }
}

/// Writes a copy of the whole database to `out`, a file that must not exist yet; returns its
/// size in bytes.
pub async fn copy_to(store: &Store, out: &Path) -> Result<u64, BackupError> {
    if store.is_postgres() {
        return Err(BackupError::Postgres);
    }
    // Checked here for a clear message; SQLite refuses a non-empty existing file as well, so a
    // file that appears in between is not overwritten either.
    if out.exists() {
        return Err(BackupError::Exists(out.to_owned()));
    }
    let name = out
        .to_str()
        .ok_or_else(|| BackupError::NotUtf8(out.to_owned()))?;
    // A string literal: quotes doubled, as SQL escapes them.
    let literal = name.replace('\'', "''");
    store
        .execute_raw(&format!("VACUUM INTO '{literal}'"))
        .await?;
    let written = std::fs::metadata(out).map_err(|source| BackupError::Written {
        path: out.to_owned(),
        source,
    })?;
    Ok(written.len())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::{
        ca::test_support::temp_dir,
        services::identity::test_support::{PASSWORD, harness_on},
    };

    async fn file_store(path: &Path) -> Store {
        let store = Store::connect(&format!("sqlite://{}?mode=rwc", path.display()))
            .await
            .unwrap();
        store.migrate().await.unwrap();
        store
    }

    #[tokio::test]
    async fn a_backup_of_the_open_database_signs_its_user_in_after_a_restore() {
        let dir = temp_dir("backup");
        let live = file_store(&dir.join("rootline.db")).await;
        let h = harness_on(live.clone()).await;
        h.activated("asha@example.com").await;
        // A session is open and the pool holds its connection while the copy is made.
        let session = h.sign_in("asha@example.com").await;

        let copy = dir.join("backup 'of' today.db");
        let bytes = copy_to(&live, &copy).await.unwrap();
        assert!(bytes > 0);
        // The live database goes on after the copy.
        h.service
            .sign_in("asha@example.com", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();

        // Restore: the server pointed at the copy.
        require_existing(&format!("sqlite://{}?mode=rwc", copy.display())).unwrap();
        let restored = Store::connect(&format!("sqlite://{}", copy.display()))
            .await
            .unwrap();
        restored.migrate().await.unwrap();
        let h2 = harness_on(restored).await;
        let identity: Arc<_> = h2.identity();
        let signed_in = identity
            .sign_in("asha@example.com", PASSWORD, "192.0.2.1", None)
            .await
            .unwrap();
        assert_ne!(signed_in.token, session);
        assert!(
            identity
                .sign_in("asha@example.com", "a wrong password", "192.0.2.1", None)
                .await
                .is_err(),
            "the copy checks passwords as the original did"
        );
    }

    #[tokio::test]
    async fn an_existing_file_is_never_overwritten() {
        let dir = temp_dir("backup-exists");
        let live = file_store(&dir.join("rootline.db")).await;
        let out = dir.join("taken.db");
        std::fs::write(&out, b"keep me").unwrap();
        let err = copy_to(&live, &out).await.unwrap_err();
        assert!(matches!(err, BackupError::Exists(_)), "{err:?}");
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(std::fs::read(&out).unwrap(), b"keep me");
    }

    #[test]
    fn only_an_existing_sqlite_file_is_backed_up_and_postgres_is_left_to_pg_dump() {
        let dir = temp_dir("backup-missing");
        let missing = format!("sqlite://{}?mode=rwc", dir.join("none.db").display());
        assert!(matches!(
            require_existing(&missing),
            Err(BackupError::NoDatabase(_))
        ));
        assert!(require_existing("sqlite::memory:").is_err());
        require_existing("postgres://postgres@127.0.0.1/rootline").unwrap();
        assert!(BackupError::Postgres.to_string().contains("pg_dump"));
    }

    #[tokio::test]
    async fn postgres_answers_with_pg_dump() {
        let store = crate::store::test_db::fresh_store().await;
        if !store.is_postgres() {
            return;
        }
        let out = temp_dir("backup-pg").join("copy.db");
        assert!(matches!(
            copy_to(&store, &out).await,
            Err(BackupError::Postgres)
        ));
        assert!(!out.exists());
    }
}
