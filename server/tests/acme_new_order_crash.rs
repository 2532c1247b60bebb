//! A crash in the middle of an ACME new-order leaves the whole order or nothing: the real
//! server binary, on a SQLite file, is made to abort (`ROOTLINE_FAILPOINT`) at each step
//! boundary of the use case while `instant-acme` places an order; the database is then
//! opened and must hold no paid portal order without its ACME order, no ACME order without
//! its authorizations, and, when nothing was kept, the balance it had before.

// A test file: a failed step should stop the test with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use std::{
    collections::HashMap,
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Stdio},
    time::Duration,
};

use hyper::body::Bytes;
use hyper_util::{
    client::legacy::{Client, connect::HttpConnector},
    rt::TokioExecutor,
};
use instant_acme::{Account, BodyWrapper, ExternalAccountKey, Identifier, NewAccount, NewOrder};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use server::{
    config::Config,
    failpoint,
    services::{
        acme::EabCreated,
        billing::BillingService,
        identity::{Caller, IdentityService},
    },
    startup,
    store::{Db, Store},
};

const MASTER_KEY: &str = "a master secret of at least thirty-two characters";
const PASSWORD: &str = "correct horse 42";
const CUSTOMER: &str = "asha@crash.example";
const OPERATOR: &str = "ops@crash.example";

/// The step boundaries of an ACME new-order, and whether the order is kept when the process
/// dies there.
const POINTS: [(&str, bool); 4] = [
    ("acme-new-order-after-portal-order", false),
    ("acme-new-order-after-acme-order", false),
    ("acme-new-order-before-commit", false),
    ("acme-new-order-after-commit", true),
];

fn env(dir: &Path, port: u16) -> HashMap<&'static str, String> {
    HashMap::from([
        ("ROOTLINE_DATA_DIR", dir.display().to_string()),
        ("ROOTLINE_MASTER_KEY", MASTER_KEY.to_owned()),
        ("ROOTLINE_LISTEN", format!("127.0.0.1:{port}")),
        ("ROOTLINE_PUBLIC_URL", format!("http://127.0.0.1:{port}")),
        // Nothing in a new-order asks DNS; should anything try, it gets no answer at once.
        ("ROOTLINE_DNS_RESOLVER", "127.0.0.1:9".to_owned()),
        ("RUST_LOG", "error".to_owned()),
    ])
}

fn server(dir: &Path, port: u16) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_server"));
    cmd.envs(env(dir, port))
        .env_remove(failpoint::VARIABLE)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn scalar(store: &Store, sql: &str) -> i64 {
    store
        .conn()
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql.to_owned()))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<i64>(0)
        .unwrap()
}

async fn text(store: &Store, sql: &str) -> String {
    store
        .conn()
        .query_one_raw(Statement::from_string(DbBackend::Sqlite, sql.to_owned()))
        .await
        .unwrap()
        .unwrap()
        .try_get_by_index::<String>(0)
        .unwrap()
}

/// Activates the user whose activation mail is the newest one to `email`.
async fn activate(store: &Store, identity: &IdentityService, email: &str) {
    let body = text(
        store,
        &format!("SELECT body FROM mail_outbox WHERE to_address = '{email}' ORDER BY id DESC"),
    )
    .await;
    let start = body.find("/activate/").unwrap() + "/activate/".len();
    let token = body.get(start..start + 43).unwrap();
    identity
        .activate(token, PASSWORD, PASSWORD, None)
        .await
        .unwrap();
}

async fn signed_in(identity: &IdentityService, email: &str) -> Caller {
    let session = identity
        .sign_in(email, PASSWORD, "192.0.2.1", None)
        .await
        .unwrap();
    identity.caller(&session.token).await.unwrap().unwrap()
}

/// A customer account with credits and one External Account Binding per crash point, made
/// through the services on the database file the server will open.
async fn seed(dir: &Path, port: u16) -> (i32, Vec<EabCreated>) {
    let vars = env(dir, port);
    let config = Config::from_lookup(|k| vars.get(k).cloned()).unwrap();
    let services = startup::services(&config).await.unwrap();
    let stack = startup::order_stack(&config, &services);
    stack.catalog.seed_public_products().await.unwrap();
    let identity = &services.identity;
    identity
        .sign_up(
            &app::model::SignUpForm {
                kind: "enterprise".into(),
                name: "Asha Rao".into(),
                email: CUSTOMER.into(),
                mobile: "+91 98450 12345".into(),
                organization: "Crash Test Pvt Ltd".into(),
                country: "IN".into(),
                accept_terms: true,
                terms_version: "1".into(),
                agreement_version: "1".into(),
            },
            None,
            app::i18n::Lang::En,
        )
        .await
        .unwrap();
    activate(&services.store, identity, CUSTOMER).await;
    let customer = signed_in(identity, CUSTOMER).await;
    let invite = identity.create_operator(OPERATOR, None).await.unwrap();
    let token = invite.activation_link.rsplit('/').next().unwrap();
    identity
        .activate(token, PASSWORD, PASSWORD, None)
        .await
        .unwrap();
    let operator = signed_in(identity, OPERATOR).await;
    BillingService::new(
        services.store.clone(),
        services.clock.clone(),
        "http://portal.test".into(),
    )
    .grant_credits(
        &operator,
        customer.account.id,
        &app::model::billing::CreditForm {
            amount: "100000".into(),
            remarks: "Credits for the crash test".into(),
        },
        None,
    )
    .await
    .unwrap();
    let mut bindings = Vec::new();
    for _ in 0..POINTS.len() {
        bindings.push(
            stack
                .acme
                .create_eab_as(CUSTOMER, "DV SSL", None)
                .await
                .unwrap(),
        );
    }
    (customer.account.id, bindings)
}

/// Waits until the server answers its ACME directory.
async fn ready(child: &mut Child, port: u16) {
    for _ in 0..600 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the server stopped before it was ready"
        );
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the server did not start listening");
}

/// Waits for the server to die at its crash point; one that lives on is killed and fails.
async fn died(child: &mut Child) -> std::process::ExitStatus {
    for _ in 0..300 {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    panic!("the server answered without reaching its crash point and lives on");
}

async fn account(port: u16, eab: &EabCreated) -> Account {
    let http: Client<HttpConnector, BodyWrapper<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let hmac = base64::Engine::decode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        &eab.hmac_key,
    )
    .unwrap();
    let binding = ExternalAccountKey::new(eab.key_id.clone(), &hmac);
    let (account, _) = Account::builder_with_http(Box::new(http))
        .create(
            &NewAccount {
                contact: &["mailto:asha@crash.example"],
                terms_of_service_agreed: true,
                only_return_existing: false,
            },
            format!("http://127.0.0.1:{port}/acme/directory"),
            Some(&binding),
        )
        .await
        .unwrap();
    account
}

/// What the database holds of ACME orders, and the account's money.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
struct Held {
    portal_orders: i64,
    acme_orders: i64,
    authorizations: i64,
    balance: i64,
}

async fn held(db: &Path, account_id: i32) -> Held {
    let store = Store::connect(&format!("sqlite://{}?mode=rw", db.display()))
        .await
        .unwrap();
    let orphans = scalar(
        &store,
        "SELECT COUNT(*) FROM orders o WHERE o.source = 'ACME' \
         AND NOT EXISTS (SELECT 1 FROM acme_orders a WHERE a.order_id = o.id)",
    )
    .await;
    assert_eq!(orphans, 0, "a portal order without its ACME order");
    let bare = scalar(
        &store,
        "SELECT COUNT(*) FROM acme_orders a \
         WHERE NOT EXISTS (SELECT 1 FROM acme_authzs z WHERE z.acme_order_id = a.id)",
    )
    .await;
    assert_eq!(bare, 0, "an ACME order without its authorizations");
    let unpaid = scalar(
        &store,
        "SELECT COUNT(*) FROM orders o WHERE o.source = 'ACME' AND o.price_minor > 0 \
         AND NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.order_id = o.id)",
    )
    .await;
    assert_eq!(unpaid, 0, "an accepted ACME order that was not charged");
    let found = Held {
        portal_orders: scalar(&store, "SELECT COUNT(*) FROM orders WHERE source = 'ACME'").await,
        acme_orders: scalar(&store, "SELECT COUNT(*) FROM acme_orders").await,
        authorizations: scalar(&store, "SELECT COUNT(*) FROM acme_authzs").await,
        balance: scalar(
            &store,
            &format!(
                // The account's own money, wherever it is held (the operator's side of the
                // double entry mirrors it).
                "SELECT COALESCE(SUM(balance_minor), 0) FROM ledger_balances \
                 WHERE account_id = {account_id} AND holder <> 'operator'"
            ),
        )
        .await,
    };
    drop(store);
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_at_any_step_of_an_acme_new_order_keeps_the_whole_order_or_nothing() {
    let dir: PathBuf =
        std::env::temp_dir().join(format!("rootline-acme-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let port = free_port();
    assert!(
        server(&dir, port)
            .args(["ca", "init"])
            .status()
            .unwrap()
            .success()
    );
    let (account_id, bindings) = seed(&dir, port).await;
    let db = dir.join("rootline.db");

    for (i, ((point, kept), eab)) in POINTS.iter().zip(&bindings).enumerate() {
        let port = free_port();
        let mut child = server(&dir, port)
            .env(failpoint::VARIABLE, point)
            .spawn()
            .unwrap();
        ready(&mut child, port).await;
        let account = account(port, eab).await;
        let before = held(&db, account_id).await;
        let name = format!("crash{i}.example.com");
        let answer = account
            .new_order(&NewOrder::new(&[Identifier::Dns(name)]))
            .await;
        assert!(answer.is_err(), "{point}: the server answered the order");
        let status = died(&mut child).await;
        assert!(!status.success(), "{point}: the server did not die");
        let after = held(&db, account_id).await;
        if *kept {
            assert_eq!(after.portal_orders, before.portal_orders + 1, "{point}");
            assert_eq!(after.acme_orders, before.acme_orders + 1, "{point}");
            assert!(after.authorizations > before.authorizations, "{point}");
            assert!(after.balance < before.balance, "{point}: the order is paid");
        } else {
            assert_eq!(after, before, "{point}: something of the order was kept");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
