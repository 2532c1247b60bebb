//! Databases for store and service tests. The same tests run on SQLite (the default) and, with
//! `ROOTLINE_TEST_DATABASE=postgres`, on a fresh PostgreSQL database each
//! (`ROOTLINE_TEST_POSTGRES_URL`, default the local server's `postgres` database).

use super::Store;

const DEFAULT_POSTGRES: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A migrated, empty store on the backend the test run asked for.
pub async fn fresh_store() -> Store {
    let store = unmigrated_store().await;
    store
        .migrate()
        .await
        .unwrap_or_else(|e| panic!("migrations: {e}"));
    store
}

/// An empty database without any schema, for tests of the migrations themselves.
pub async fn unmigrated_store() -> Store {
    match std::env::var("ROOTLINE_TEST_DATABASE").as_deref() {
        Ok("postgres") => fresh_postgres().await,
        _ => Store::connect("sqlite::memory:")
            .await
            .unwrap_or_else(|e| panic!("in-memory SQLite: {e}")),
    }
}

async fn fresh_postgres() -> Store {
    let admin_url =
        std::env::var("ROOTLINE_TEST_POSTGRES_URL").unwrap_or_else(|_| DEFAULT_POSTGRES.into());
    let admin = Store::connect(&admin_url)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {admin_url} (is it running?): {e}"));
    // Test databases are named so the test script can drop leftovers of earlier runs.
    let name = format!("rootline_test_{}", uuid::Uuid::new_v4().simple());
    admin
        .execute_raw(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {e}"));
    let base = admin_url
        .rsplit_once('/')
        .map(|(base, _)| base)
        .unwrap_or(&admin_url);
    Store::connect(&format!("{base}/{name}"))
        .await
        .unwrap_or_else(|e| panic!("connect to {name}: {e}"))
}
