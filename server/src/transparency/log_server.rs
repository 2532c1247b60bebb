//! A Certificate Transparency log (RFC 6962) for tests and local runs (`server ct-log serve`).
//! It answers `add-chain` and `add-pre-chain` with SCTs signed by an ECDSA P-256 key from a
//! PEM file, after the checks a real log makes, and `get-roots`. It keeps no Merkle tree:
//! what it accepted is appended, one JSON line each, to an optional entries file, so tests can
//! see what the CA submitted. It can be told to misbehave (a bad signature, a slow answer) so
//! the CA's handling of a broken log can be tested. Never for production.

use std::{
    net::SocketAddr,
    path::{Path, PathBuf},
    sync::Arc,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use axum::{
    Json, Router,
    body::Bytes,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
    routing::{get, post},
};
use base64::{Engine, engine::general_purpose::STANDARD};
use der::{Any, Encode, asn1::BitString, oid::ObjectIdentifier};
use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair};
use rustls_pki_types::{CertificateDer, PrivatePkcs8KeyDer, pem::PemObject};
use serde::Serialize;
use tls_codec::TlsByteVecU16;
use tokio::{io::AsyncWriteExt, net::TcpListener, sync::Mutex, task::JoinHandle};
use x509_cert::spki::{AlgorithmIdentifierOwned, SubjectPublicKeyInfoOwned};
use x509_parser::{certificate::X509Certificate, prelude::FromDer};

use super::{
    precert::{POISON_OID, is_precertificate, logged_tbs},
    sct::{self, AddChainRequest, AddChainResponse, LogEntry},
};

const ID_EC_PUBLIC_KEY: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
const PRIME256V1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");

/// How the log answers a submission that passes its checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Answer {
    /// A correct SCT at once.
    #[default]
    Honest,
    /// An SCT whose signature does not verify.
    BadSignature,
    /// A correct SCT after waiting this long.
    Slow(Duration),
}

impl Answer {
    /// `honest`, `bad-signature` or `slow:<milliseconds>`.
    pub fn parse(s: &str) -> Result<Self, String> {
        match s {
            "honest" => Ok(Self::Honest),
            "bad-signature" => Ok(Self::BadSignature),
            _ => s
                .strip_prefix("slow:")
                .and_then(|ms| ms.parse::<u64>().ok())
                .map(|ms| Self::Slow(Duration::from_millis(ms)))
                .ok_or_else(|| {
                    format!("{s:?} is not one of honest, bad-signature, slow:<milliseconds>")
                }),
        }
    }
}

/// What the log is started with (the `server ct-log serve` arguments besides `--listen`).
#[derive(Debug, Clone, clap::Args)]
pub struct LogOptions {
    /// The log's ECDSA P-256 private key, PKCS#8 PEM (`openssl genpkey -algorithm EC -pkeyopt
    /// ec_paramgen_curve:P-256`).
    #[arg(long)]
    pub key: PathBuf,
    /// The roots it accepts (PEM, one or more certificates): a chain must end in one of them
    /// or in a certificate one of them issued. Without it any chain is accepted.
    #[arg(long)]
    pub roots: Option<PathBuf>,
    /// A file every accepted submission is appended to, one JSON line each:
    /// `{"kind":"precert"|"x509","timestamp":ms,"leaf":"<base64 DER>"}`.
    #[arg(long)]
    pub entries: Option<PathBuf>,
    /// honest, bad-signature (the SCT's signature does not verify) or slow:<ms> (the answer
    /// waits that long).
    #[arg(long, default_value = "honest", value_parser = Answer::parse)]
    pub answer: Answer,
}

/// Why the log cannot start.
#[derive(Debug, thiserror::Error)]
pub enum TestLogError {
    #[error("cannot read the log key {path}: {reason}")]
    KeyFile { path: PathBuf, reason: String },
    #[error("the log key {path} is not an ECDSA P-256 PKCS#8 key: {reason}")]
    Key { path: PathBuf, reason: String },
    #[error("cannot read the roots {path}: {reason}")]
    Roots { path: PathBuf, reason: String },
    #[error("cannot listen on {listen}: {source}")]
    Listen {
        listen: SocketAddr,
        source: std::io::Error,
    },
}

/// A bound log; `run` answers until the task is dropped or aborted.
pub struct TestLog {
    listener: TcpListener,
    bound: SocketAddr,
    state: Arc<LogState>,
}

struct LogState {
    key: EcdsaKeyPair,
    spki: Vec<u8>,
    roots: Vec<Vec<u8>>,
    entries: Option<PathBuf>,
    // Concurrent submissions must not interleave their lines.
    entries_lock: Mutex<()>,
    answer: Answer,
}

impl TestLog {
    /// Reads the key and roots and binds `listen` (port 0 picks a free port).
    pub async fn bind(listen: SocketAddr, options: LogOptions) -> Result<Self, TestLogError> {
        let (key, spki) = read_key(&options.key)?;
        let roots = match &options.roots {
            Some(path) => read_roots(path)?,
            None => Vec::new(),
        };
        let listener = TcpListener::bind(listen)
            .await
            .map_err(|source| TestLogError::Listen { listen, source })?;
        let bound = listener
            .local_addr()
            .map_err(|source| TestLogError::Listen { listen, source })?;
        Ok(Self {
            listener,
            bound,
            state: Arc::new(LogState {
                key,
                spki,
                roots,
                entries: options.entries,
                entries_lock: Mutex::new(()),
                answer: options.answer,
            }),
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.bound
    }

    /// The log's SubjectPublicKeyInfo, DER: what a CA is configured with to check its SCTs.
    pub fn public_key_der(&self) -> &[u8] {
        &self.state.spki
    }

    /// The log id SCTs carry: SHA-256 of the public key's DER.
    pub fn log_id(&self) -> [u8; 32] {
        sct::log_id(&self.state.spki)
    }

    pub async fn run(self) -> std::io::Result<()> {
        axum::serve(self.listener, router(self.state)).await
    }

    /// Runs in the background; the log stops when the handle is aborted.
    pub fn spawn(self) -> JoinHandle<std::io::Result<()>> {
        tokio::spawn(self.run())
    }
}

fn read_key(path: &Path) -> Result<(EcdsaKeyPair, Vec<u8>), TestLogError> {
    let pkcs8 = PrivatePkcs8KeyDer::from_pem_file(path).map_err(|e| TestLogError::KeyFile {
        path: path.to_owned(),
        reason: e.to_string(),
    })?;
    let refused = |reason: String| TestLogError::Key {
        path: path.to_owned(),
        reason,
    };
    let key = EcdsaKeyPair::from_pkcs8(
        &ECDSA_P256_SHA256_ASN1_SIGNING,
        pkcs8.secret_pkcs8_der(),
        &ring::rand::SystemRandom::new(),
    )
    .map_err(|e| refused(e.to_string()))?;
    let spki = p256_spki(key.public_key().as_ref()).map_err(|e| refused(e.to_string()))?;
    Ok((key, spki))
}

/// The SubjectPublicKeyInfo of a P-256 public point, encoded as OpenSSL encodes it (named
/// curve, uncompressed point), since the log id is the hash of exactly these bytes.
pub(super) fn p256_spki(point: &[u8]) -> Result<Vec<u8>, der::Error> {
    SubjectPublicKeyInfoOwned {
        algorithm: AlgorithmIdentifierOwned {
            oid: ID_EC_PUBLIC_KEY,
            parameters: Some(Any::encode_from(&PRIME256V1)?),
        },
        subject_public_key: BitString::from_bytes(point)?,
    }
    .to_der()
}

fn read_roots(path: &Path) -> Result<Vec<Vec<u8>>, TestLogError> {
    let refused = |reason: String| TestLogError::Roots {
        path: path.to_owned(),
        reason,
    };
    let roots = CertificateDer::pem_file_iter(path)
        .map_err(|e| refused(e.to_string()))?
        .map(|c| c.map(|c| c.to_vec()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| refused(e.to_string()))?;
    if roots.is_empty() {
        return Err(refused("no certificate in it".into()));
    }
    for root in &roots {
        parse(root).map_err(refused)?;
    }
    Ok(roots)
}

fn router(state: Arc<LogState>) -> Router {
    Router::new()
        .route("/ct/v1/add-chain", post(add_chain))
        .route("/ct/v1/add-pre-chain", post(add_pre_chain))
        .route("/ct/v1/get-roots", get(get_roots))
        .with_state(state)
}

/// A submission the log does not answer with an SCT, and why, as plain text: 400 for what the
/// submitter got wrong, 500 for the log's own failures.
struct Refused(StatusCode, String);

impl Refused {
    fn bad(reason: impl Into<String>) -> Self {
        Self(StatusCode::BAD_REQUEST, reason.into())
    }

    fn broken(reason: impl Into<String>) -> Self {
        Self(StatusCode::INTERNAL_SERVER_ERROR, reason.into())
    }
}

impl IntoResponse for Refused {
    fn into_response(self) -> Response {
        (self.0, self.1).into_response()
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    X509,
    Precert,
}

#[derive(Serialize)]
struct EntryLine<'a> {
    kind: &'a str,
    timestamp: u64,
    leaf: String,
}

#[derive(Serialize)]
struct Roots {
    certificates: Vec<String>,
}

async fn add_chain(
    State(log): State<Arc<LogState>>,
    body: Bytes,
) -> Result<Json<AddChainResponse>, Refused> {
    submit(&log, Kind::X509, &body).await
}

async fn add_pre_chain(
    State(log): State<Arc<LogState>>,
    body: Bytes,
) -> Result<Json<AddChainResponse>, Refused> {
    submit(&log, Kind::Precert, &body).await
}

async fn get_roots(State(log): State<Arc<LogState>>) -> Json<Roots> {
    Json(Roots {
        certificates: log.roots.iter().map(|r| STANDARD.encode(r)).collect(),
    })
}

fn parse(der: &[u8]) -> Result<X509Certificate<'_>, String> {
    match X509Certificate::from_der(der) {
        Ok(([], cert)) => Ok(cert),
        Ok(_) => Err("bytes after the certificate".into()),
        Err(e) => Err(e.to_string()),
    }
}

async fn submit(
    log: &LogState,
    kind: Kind,
    body: &[u8],
) -> Result<Json<AddChainResponse>, Refused> {
    if let Answer::Slow(wait) = log.answer {
        tokio::time::sleep(wait).await;
    }
    let request: AddChainRequest = serde_json::from_slice(body)
        .map_err(|e| Refused::bad(format!("the body is not an add-chain request: {e}")))?;
    let chain = request
        .decode()
        .map_err(|e| Refused::bad(format!("a chain element is not base64: {e}")))?;
    let timestamp = now_ms().map_err(Refused::broken)?;
    let certs = check_chain(log, &chain, kind)?;
    let (Some(leaf), Some(issuer)) = (certs.first(), certs.get(1)) else {
        return Err(Refused::bad("the chain needs the leaf and its issuer"));
    };
    let signed = match kind {
        Kind::X509 => sct::sign_p256(
            &log.key,
            &log.spki,
            timestamp,
            &LogEntry::X509(leaf.as_raw()),
        ),
        Kind::Precert => {
            let tbs = logged_tbs(leaf.tbs_certificate.as_ref())
                .map_err(|e| Refused::bad(e.to_string()))?;
            let entry = LogEntry::Precert {
                issuer_key_hash: sct::issuer_key_hash(issuer.public_key().raw),
                tbs: &tbs,
            };
            sct::sign_p256(&log.key, &log.spki, timestamp, &entry)
        }
    };
    let mut sct = signed.map_err(|e| Refused::broken(format!("the log cannot sign: {e}")))?;
    if log.answer == Answer::BadSignature {
        // The last byte is inside the DER integer s, so the signature still parses and only
        // its verification fails, as with a log whose key or software is broken.
        let mut signature = sct.signature.signature.as_slice().to_vec();
        if let Some(last) = signature.last_mut() {
            *last ^= 0x01;
        }
        sct.signature.signature = TlsByteVecU16::new(signature);
    }
    if let (Some(path), Some(leaf)) = (&log.entries, chain.first()) {
        record(log, path, kind, timestamp, leaf).await?;
    }
    AddChainResponse::from_sct(&sct)
        .map(Json)
        .map_err(|e| Refused::broken(format!("the SCT cannot be encoded: {e}")))
}

fn now_ms() -> Result<u64, String> {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|_| "the clock is before 1970".to_owned())?;
    u64::try_from(since_epoch.as_millis())
        .map_err(|_| "the clock is past the year 584 million".into())
}

/// The checks RFC 6962 4.1 and 4.2 ask of a log, on the whole chain; the parsed chain.
fn check_chain<'a>(
    log: &LogState,
    chain: &'a [Vec<u8>],
    kind: Kind,
) -> Result<Vec<X509Certificate<'a>>, Refused> {
    if chain.len() < 2 {
        return Err(Refused::bad(
            "the chain needs at least the leaf and its issuer",
        ));
    }
    let certs = chain
        .iter()
        .enumerate()
        .map(|(i, der)| {
            parse(der)
                .map_err(|e| Refused::bad(format!("chain element {i} is not a certificate: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    for (i, pair) in certs.windows(2).enumerate() {
        if let [subject, issuer] = pair
            && subject.verify_signature(Some(issuer.public_key())).is_err()
        {
            return Err(Refused::bad(format!(
                "chain element {i} is not signed by the next one"
            )));
        }
    }
    if let Some(leaf) = certs.first() {
        let precert = is_precertificate(leaf.tbs_certificate.as_ref());
        let poisoned = leaf
            .extensions()
            .iter()
            .any(|e| e.oid.to_id_string() == POISON_OID.to_string());
        match kind {
            Kind::Precert if !precert => {
                return Err(Refused::bad(
                    "add-pre-chain takes a precertificate: the leaf has no critical poison extension",
                ));
            }
            Kind::X509 if poisoned => {
                return Err(Refused::bad(
                    "add-chain takes no precertificate: the leaf carries the poison extension; use add-pre-chain",
                ));
            }
            _ => {}
        }
    }
    if !log.roots.is_empty()
        && let (Some(last), Some(last_der)) = (certs.last(), chain.last())
        && !log.roots.iter().any(|root| {
            root == last_der
                || parse(root)
                    .is_ok_and(|root| last.verify_signature(Some(root.public_key())).is_ok())
        })
    {
        return Err(Refused::bad(
            "the chain ends neither in one of this log's roots nor in a certificate one of them issued",
        ));
    }
    Ok(certs)
}

async fn record(
    log: &LogState,
    path: &Path,
    kind: Kind,
    timestamp: u64,
    leaf: &[u8],
) -> Result<(), Refused> {
    let line = EntryLine {
        kind: match kind {
            Kind::X509 => "x509",
            Kind::Precert => "precert",
        },
        timestamp,
        leaf: STANDARD.encode(leaf),
    };
    let mut text = serde_json::to_string(&line)
        .map_err(|e| Refused::broken(format!("the entry cannot be written: {e}")))?;
    text.push('\n');
    // A submission that could not be recorded is refused: a test reading the file must see
    // every SCT the log handed out.
    let unwritten = |e: std::io::Error| Refused::broken(format!("{}: {e}", path.display()));
    let _one_at_a_time = log.entries_lock.lock().await;
    let mut file = tokio::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .await
        .map_err(unwritten)?;
    file.write_all(text.as_bytes()).await.map_err(unwritten)?;
    file.flush().await.map_err(unwritten)
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use http_body_util::{BodyExt, Full};
    use hyper::{Method, Request, header};
    use hyper_util::{
        client::legacy::{Client, connect::HttpConnector},
        rt::TokioExecutor,
    };
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair, PKCS_ECDSA_P256_SHA256,
    };
    use x509_cert::ext::pkix::sct::SignedCertificateTimestamp;

    use super::*;
    use crate::{ca::test_support::temp_dir, transparency::precert::poison_extension};

    struct TestCa {
        params: CertificateParams,
        key: KeyPair,
        der: Vec<u8>,
    }

    impl TestCa {
        fn root(name: &str) -> Self {
            let params = ca_params(name);
            let key = KeyPair::generate().unwrap();
            let der = params.self_signed(&key).unwrap().der().to_vec();
            Self { params, key, der }
        }

        fn intermediate(&self, name: &str) -> Self {
            let params = ca_params(name);
            let key = KeyPair::generate().unwrap();
            let issuer = Issuer::from_params(&self.params, &self.key);
            let der = params.signed_by(&key, &issuer).unwrap().der().to_vec();
            Self { params, key, der }
        }

        fn spki(&self) -> Vec<u8> {
            let (_, cert) = X509Certificate::from_der(&self.der).unwrap();
            cert.public_key().raw.to_vec()
        }

        /// A TLS leaf for `www.example.test`, with the poison when it is a precertificate.
        fn leaf(&self, precertificate: bool) -> Vec<u8> {
            let mut params = CertificateParams::new(vec!["www.example.test".to_owned()]).unwrap();
            if precertificate {
                params.custom_extensions.push(poison_extension());
            }
            let key = KeyPair::generate().unwrap();
            let issuer = Issuer::from_params(&self.params, &self.key);
            params.signed_by(&key, &issuer).unwrap().der().to_vec()
        }

        fn pem(&self) -> String {
            crate::ca::pem_certificate(&self.der)
        }
    }

    fn ca_params(name: &str) -> CertificateParams {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name.push(DnType::CommonName, name);
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params
    }

    fn tbs(der: &[u8]) -> Vec<u8> {
        let (_, cert) = X509Certificate::from_der(der).unwrap();
        cert.tbs_certificate.as_ref().to_vec()
    }

    /// Options with a fresh P-256 log key in `dir`.
    fn options(dir: &Path) -> LogOptions {
        let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
        let path = dir.join("log-key.pem");
        std::fs::write(&path, key.serialize_pem()).unwrap();
        LogOptions {
            key: path,
            roots: None,
            entries: None,
            answer: Answer::Honest,
        }
    }

    /// Starts the log on a free loopback port; its address and public key.
    async fn start(options: LogOptions) -> (SocketAddr, Vec<u8>) {
        let log = TestLog::bind("127.0.0.1:0".parse().unwrap(), options)
            .await
            .unwrap();
        let addr = log.local_addr();
        let spki = log.public_key_der().to_vec();
        log.spawn();
        (addr, spki)
    }

    /// Submits `chain` to `path`; the status and the body.
    async fn submit(addr: SocketAddr, path: &str, chain: &[Vec<u8>]) -> (u16, Vec<u8>) {
        let body = serde_json::to_vec(&AddChainRequest::new(chain)).unwrap();
        exchange(addr, Method::POST, path, body).await
    }

    async fn exchange(
        addr: SocketAddr,
        method: Method,
        path: &str,
        body: Vec<u8>,
    ) -> (u16, Vec<u8>) {
        let client: Client<HttpConnector, Full<Bytes>> =
            Client::builder(TokioExecutor::new()).build(HttpConnector::new());
        let request = Request::builder()
            .method(method)
            .uri(format!("http://{addr}{path}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Full::new(Bytes::from(body)))
            .unwrap();
        let response = client.request(request).await.unwrap();
        let status = response.status().as_u16();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        (status, body.to_vec())
    }

    fn sct_of(body: &[u8]) -> SignedCertificateTimestamp {
        let answer: AddChainResponse = serde_json::from_slice(body).unwrap();
        answer.to_sct().unwrap()
    }

    fn refusal(status: u16, body: &[u8]) -> String {
        assert_eq!(status, 400, "{}", String::from_utf8_lossy(body));
        String::from_utf8(body.to_vec()).unwrap()
    }

    fn now() -> u64 {
        now_ms().unwrap()
    }

    #[tokio::test]
    async fn a_precertificate_chain_gets_an_sct_over_its_logged_tbs_and_issuer_key() {
        let dir = temp_dir("ct-log");
        let (addr, spki) = start(options(&dir)).await;
        let ca = TestCa::root("Test CA");
        let leaf = ca.leaf(true);

        let (status, body) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[leaf.clone(), ca.der.clone()],
        )
        .await;

        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        let sct = sct_of(&body);
        let logged = logged_tbs(&tbs(&leaf)).unwrap();
        let entry = LogEntry::Precert {
            issuer_key_hash: sct::issuer_key_hash(&ca.spki()),
            tbs: &logged,
        };
        assert_eq!(sct::verify(&sct, &spki, &entry, now()), Ok(()));
        // Over the poisoned TBS it must not verify: the log signs what the final certificate
        // will carry.
        let poisoned = tbs(&leaf);
        let wrong = LogEntry::Precert {
            issuer_key_hash: sct::issuer_key_hash(&ca.spki()),
            tbs: &poisoned,
        };
        assert_eq!(
            sct::verify(&sct, &spki, &wrong, now()),
            Err(sct::SctError::BadSignature)
        );
    }

    #[tokio::test]
    async fn a_final_certificate_gets_an_sct_over_the_whole_certificate_on_add_chain() {
        let dir = temp_dir("ct-log");
        let (addr, spki) = start(options(&dir)).await;
        let ca = TestCa::root("Test CA");
        let leaf = ca.leaf(false);

        let (status, body) =
            submit(addr, "/ct/v1/add-chain", &[leaf.clone(), ca.der.clone()]).await;

        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        let sct = sct_of(&body);
        assert_eq!(
            sct::verify(&sct, &spki, &LogEntry::X509(&leaf), now()),
            Ok(())
        );
    }

    #[tokio::test]
    async fn add_pre_chain_refuses_a_leaf_without_poison_and_add_chain_a_leaf_with_it() {
        let dir = temp_dir("ct-log");
        let (addr, _) = start(options(&dir)).await;
        let ca = TestCa::root("Test CA");

        let (status, body) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[ca.leaf(false), ca.der.clone()],
        )
        .await;
        assert!(refusal(status, &body).contains("poison"));

        let (status, body) =
            submit(addr, "/ct/v1/add-chain", &[ca.leaf(true), ca.der.clone()]).await;
        assert!(refusal(status, &body).contains("poison"));
    }

    #[tokio::test]
    async fn a_leaf_not_signed_by_the_next_certificate_is_refused() {
        let dir = temp_dir("ct-log");
        let (addr, _) = start(options(&dir)).await;
        let issuer = TestCa::root("Issuing CA");
        let impostor = TestCa::root("Impostor CA");

        let (status, body) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[issuer.leaf(true), impostor.der.clone()],
        )
        .await;

        assert!(refusal(status, &body).contains("not signed by the next"));
    }

    #[tokio::test]
    async fn a_lone_leaf_or_a_chain_element_that_is_no_certificate_is_refused() {
        let dir = temp_dir("ct-log");
        let (addr, _) = start(options(&dir)).await;
        let ca = TestCa::root("Test CA");

        let (status, body) = submit(addr, "/ct/v1/add-pre-chain", &[ca.leaf(true)]).await;
        assert!(refusal(status, &body).contains("at least the leaf and its issuer"));

        let (status, body) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[ca.leaf(true), b"not a certificate".to_vec()],
        )
        .await;
        assert!(refusal(status, &body).contains("chain element 1 is not a certificate"));

        let (status, body) = exchange(
            addr,
            Method::POST,
            "/ct/v1/add-pre-chain",
            b"{\"chain\": 1}".to_vec(),
        )
        .await;
        assert!(refusal(status, &body).contains("not an add-chain request"));
    }

    #[tokio::test]
    async fn with_roots_only_chains_ending_in_or_under_one_of_them_are_accepted() {
        let dir = temp_dir("ct-log");
        let root = TestCa::root("Accepted Root");
        let intermediate = root.intermediate("Accepted Intermediate");
        let stranger = TestCa::root("Unknown Root");
        let roots = dir.join("roots.pem");
        std::fs::write(&roots, root.pem()).unwrap();
        let (addr, _) = start(LogOptions {
            roots: Some(roots),
            ..options(&dir)
        })
        .await;

        let (status, body) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[stranger.leaf(true), stranger.der.clone()],
        )
        .await;
        assert!(refusal(status, &body).contains("roots"));

        let (status, body) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[intermediate.leaf(true), intermediate.der.clone()],
        )
        .await;
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));

        let (status, body) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[
                intermediate.leaf(true),
                intermediate.der.clone(),
                root.der.clone(),
            ],
        )
        .await;
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));

        let (status, body) = exchange(addr, Method::GET, "/ct/v1/get-roots", Vec::new()).await;
        assert_eq!(status, 200);
        let listed: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            listed,
            serde_json::json!({"certificates": [STANDARD.encode(&root.der)]})
        );
    }

    #[tokio::test]
    async fn a_bad_signature_log_answers_an_sct_that_does_not_verify() {
        let dir = temp_dir("ct-log");
        let (addr, spki) = start(LogOptions {
            answer: Answer::BadSignature,
            ..options(&dir)
        })
        .await;
        let ca = TestCa::root("Test CA");
        let leaf = ca.leaf(true);

        let (status, body) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[leaf.clone(), ca.der.clone()],
        )
        .await;

        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        let logged = logged_tbs(&tbs(&leaf)).unwrap();
        let entry = LogEntry::Precert {
            issuer_key_hash: sct::issuer_key_hash(&ca.spki()),
            tbs: &logged,
        };
        assert_eq!(
            sct::verify(&sct_of(&body), &spki, &entry, now()),
            Err(sct::SctError::BadSignature)
        );
    }

    #[tokio::test]
    async fn a_slow_log_answers_only_after_its_delay() {
        let dir = temp_dir("ct-log");
        let (addr, _) = start(LogOptions {
            answer: Answer::Slow(Duration::from_millis(300)),
            ..options(&dir)
        })
        .await;
        let ca = TestCa::root("Test CA");
        let started = Instant::now();

        let (status, _) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[ca.leaf(true), ca.der.clone()],
        )
        .await;

        assert_eq!(status, 200);
        assert!(started.elapsed() >= Duration::from_millis(300));
    }

    #[tokio::test]
    async fn every_accepted_submission_and_no_refused_one_is_appended_to_the_entries_file() {
        let dir = temp_dir("ct-log");
        let entries = dir.join("entries.jsonl");
        let (addr, _) = start(LogOptions {
            entries: Some(entries.clone()),
            ..options(&dir)
        })
        .await;
        let ca = TestCa::root("Test CA");
        let precert = ca.leaf(true);
        let cert = ca.leaf(false);

        let (status, body) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[precert.clone(), ca.der.clone()],
        )
        .await;
        assert_eq!(status, 200);
        let precert_sct = sct_of(&body);
        let (status, _) = submit(
            addr,
            "/ct/v1/add-pre-chain",
            &[cert.clone(), ca.der.clone()],
        )
        .await;
        assert_eq!(status, 400);
        let (status, body) =
            submit(addr, "/ct/v1/add-chain", &[cert.clone(), ca.der.clone()]).await;
        assert_eq!(status, 200);
        let cert_sct = sct_of(&body);

        let lines: Vec<serde_json::Value> = std::fs::read_to_string(&entries)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(
            lines,
            vec![
                serde_json::json!({
                    "kind": "precert",
                    "timestamp": precert_sct.timestamp,
                    "leaf": STANDARD.encode(&precert),
                }),
                serde_json::json!({
                    "kind": "x509",
                    "timestamp": cert_sct.timestamp,
                    "leaf": STANDARD.encode(&cert),
                }),
            ]
        );
    }

    #[tokio::test]
    async fn the_public_key_is_the_subject_public_key_info_openssl_derives_from_the_key_file() {
        let dir = temp_dir("ct-log-openssl");
        let key = dir.join("key.pem");
        let made = std::process::Command::new("openssl")
            .args([
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-out",
            ])
            .arg(&key)
            .output()
            .unwrap();
        assert!(
            made.status.success(),
            "{}",
            String::from_utf8_lossy(&made.stderr)
        );
        let public = std::process::Command::new("openssl")
            .args(["pkey", "-pubout", "-outform", "DER", "-in"])
            .arg(&key)
            .output()
            .unwrap();
        assert!(
            public.status.success(),
            "{}",
            String::from_utf8_lossy(&public.stderr)
        );

        let log = TestLog::bind(
            "127.0.0.1:0".parse().unwrap(),
            LogOptions {
                key,
                roots: None,
                entries: None,
                answer: Answer::Honest,
            },
        )
        .await
        .unwrap();

        assert_eq!(log.public_key_der(), public.stdout.as_slice());
        assert_eq!(log.public_key_der().len(), 91);
        assert_eq!(log.log_id(), sct::log_id(&public.stdout));
    }

    #[tokio::test]
    async fn a_key_that_is_not_p256_is_refused_at_start() {
        let dir = temp_dir("ct-log");
        let key = dir.join("p384.pem");
        let p384 = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P384_SHA384).unwrap();
        std::fs::write(&key, p384.serialize_pem()).unwrap();

        let refused = TestLog::bind(
            "127.0.0.1:0".parse().unwrap(),
            LogOptions {
                key,
                ..options(&dir)
            },
        )
        .await;

        assert!(matches!(refused, Err(TestLogError::Key { .. })));
    }

    #[test]
    fn answers_are_parsed_from_their_command_line_names() {
        assert_eq!(Answer::parse("honest"), Ok(Answer::Honest));
        assert_eq!(Answer::parse("bad-signature"), Ok(Answer::BadSignature));
        assert_eq!(
            Answer::parse("slow:1500"),
            Ok(Answer::Slow(Duration::from_millis(1500)))
        );
        assert!(Answer::parse("slow:soon").is_err());
        assert!(Answer::parse("dishonest").is_err());
    }
}
