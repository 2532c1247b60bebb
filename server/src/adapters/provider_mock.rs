//! Test support for the payment adapters: a local HTTP server standing in for a provider's API
//! (it records what it was sent and answers what the test says), and a way to run the
//! providers' official SDKs (Node `stripe`, PyPI `razorpay`) so webhook signatures are not
//! made by the code under test.

use std::{
    io::Write,
    path::PathBuf,
    process::{Command, Stdio},
    sync::{Arc, Mutex},
};

use axum::{
    Router,
    body::Bytes,
    extract::State,
    http::{HeaderMap, Method, StatusCode, Uri, header},
    response::{IntoResponse, Response},
};

use crate::ports::payment_gateway::CheckoutRequest;

/// One request the mock provider received.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: Method,
    /// Path and query.
    pub path: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The body read as `application/x-www-form-urlencoded` pairs, in order.
    pub fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(&self.body)
            .into_owned()
            .collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("the request body is JSON")
    }
}

type Answer = dyn Fn(&Received) -> (u16, String) + Send + Sync;

struct Shared {
    received: Mutex<Vec<Received>>,
    answer: Box<Answer>,
}

/// A provider API on 127.0.0.1 with an ephemeral port; stops when dropped.
pub struct MockProvider {
    pub base: String,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl MockProvider {
    /// Serves every request with `answer` (status and JSON body).
    pub async fn start(
        answer: impl Fn(&Received) -> (u16, String) + Send + Sync + 'static,
    ) -> Self {
        let shared = Arc::new(Shared {
            received: Mutex::new(Vec::new()),
            answer: Box::new(answer),
        });
        let app = Router::new().fallback(serve).with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Self { base, shared, task }
    }

    /// Always the same answer.
    pub async fn answering(status: u16, body: &'static str) -> Self {
        Self::start(move |_| (status, body.to_owned())).await
    }

    pub fn received(&self) -> Vec<Received> {
        self.shared.received.lock().unwrap().clone()
    }

    /// The one request the adapter made.
    pub fn only_request(&self) -> Received {
        let all = self.received();
        assert_eq!(all.len(), 1, "expected exactly one request, got {all:#?}");
        all.into_iter().next().unwrap()
    }
}

impl Drop for MockProvider {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let received = Received {
        method,
        path: uri
            .path_and_query()
            .map_or_else(|| uri.path().to_owned(), |p| p.as_str().to_owned()),
        headers,
        body: body.to_vec(),
    };
    let (status, answer) = (shared.answer)(&received);
    shared.received.lock().unwrap().push(received);
    (
        StatusCode::from_u16(status).unwrap(),
        [(header::CONTENT_TYPE, "application/json")],
        answer,
    )
        .into_response()
}

/// What the payment service would ask for, for our payment 42 of `amount`.
pub fn checkout_request(amount: app::model::Money) -> CheckoutRequest {
    CheckoutRequest {
        amount,
        payment_id: 42,
        account_name: "Acme & Sons".into(),
        customer_email: "billing@acme.example".into(),
        return_url: "https://portal.example/billing/payments/return?payment=42".into(),
        cancel_url: "https://portal.example/billing/add-credits?payment=42".into(),
    }
}

/// Runs an SDK helper: `program args…` with `stdin`, and `env`; its stdout. A tool that is
/// missing or fails fails the test with `install` (the signatures must come from the SDK, so
/// there is nothing to fall back on).
pub fn run_sdk(
    program: &str,
    args: &[&str],
    env: &[(&str, &str)],
    stdin: &[u8],
    install: &str,
) -> (bool, String) {
    let mut child = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("`{program}` could not be run ({e}); {install}"));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin)
        .unwrap_or_else(|e| panic!("writing to `{program}`: {e}"));
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("MODULE_NOT_FOUND")
        || stderr.contains("Cannot find module")
        || stderr.contains("ModuleNotFoundError")
    {
        panic!("the provider SDK is not installed ({stderr}); {install}");
    }
    (out.status.success(), format!("{stdout}{stderr}"))
}

/// end2end's `node_modules/stripe`, which `npm ci` in end2end installs.
pub fn stripe_node_module() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../end2end/node_modules/stripe");
    assert!(
        path.join("package.json").is_file(),
        "the npm `stripe` package is missing at {}; run scripts/ensure-tools.sh \
         (or `cd end2end && npm ci`)",
        path.display()
    );
    path
}

pub const NODE_INSTALL: &str = "install Node.js (apt-get install nodejs npm) and run \
     scripts/ensure-tools.sh, which runs `npm ci` in end2end for the `stripe` package";

pub const RAZORPAY_INSTALL: &str = "install Python 3 and the Razorpay SDK: `python3 -m pip install razorpay` \
     (scripts/ensure-tools.sh does this)";
