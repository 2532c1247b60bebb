//! The primary's view of one remote perspective: `DnsResolver` and `HttpFetcher` whose every
//! lookup is done by the perspective, over mutual TLS. The primary runs its own judgement on
//! what comes back, so the checks the perspectives corroborate are the checks it made.

use std::time::Duration;

use async_trait::async_trait;
use base64::Engine;
use http_body_util::{BodyExt, Full, Limited};
use hyper::{Method, Request, body::Bytes, header};
use hyper_util::{
    client::legacy::{Client, connect::HttpConnector},
    rt::TokioExecutor,
};

use super::wire::{LOOKUP_PATH, Lookup, Seen, WHO_PATH, Who};
use crate::{
    domain::mpic::Region,
    ports::{
        dns::{CaaRecord, DnsError, DnsResolver},
        http_fetch::{FetchError, HttpFetcher},
    },
};

/// One lookup, connecting and reading the answer, within this: a perspective that does not
/// answer in time has not corroborated.
const TIME_LIMIT: Duration = Duration::from_secs(20);
/// Answers are small; a validation file is capped far below this by the fetcher already.
const ANSWER_CAP: usize = 256 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PerspectiveError {
    #[error("perspective {name}: {reason}")]
    Unreachable { name: String, reason: String },
    #[error("perspective {name} answered HTTP {status}")]
    Status { name: String, status: u16 },
    #[error("perspective {name} answered what was not asked")]
    Garbled { name: String },
}

/// A configured remote perspective.
#[derive(Clone)]
pub struct RemotePerspective {
    pub name: String,
    pub region: Region,
    /// `https://host:port`, no trailing slash.
    base: String,
    client: Client<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl RemotePerspective {
    /// A perspective at `base_url`, reached with the primary's TLS client configuration.
    pub fn new(name: String, region: Region, base_url: &str, tls: rustls::ClientConfig) -> Self {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_only()
            .enable_http1()
            .build();
        Self {
            name,
            region,
            base: base_url.trim_end_matches('/').to_owned(),
            client: Client::builder(TokioExecutor::new()).build(connector),
        }
    }

    /// Who the perspective says it is (the health check `server perspective` documents).
    pub async fn who(&self) -> Result<Who, PerspectiveError> {
        let body = self.exchange(Method::GET, WHO_PATH, Vec::new()).await?;
        serde_json::from_slice(&body).map_err(|_| self.garbled())
    }

    /// Asks the perspective to look.
    pub async fn look(&self, lookup: &Lookup) -> Result<Seen, PerspectiveError> {
        let sent = serde_json::to_vec(lookup).map_err(|_| self.garbled())?;
        let body = self.exchange(Method::POST, LOOKUP_PATH, sent).await?;
        serde_json::from_slice(&body).map_err(|_| self.garbled())
    }

    async fn exchange(
        &self,
        method: Method,
        path: &str,
        body: Vec<u8>,
    ) -> Result<Vec<u8>, PerspectiveError> {
        let unreachable = |reason: String| PerspectiveError::Unreachable {
            name: self.name.clone(),
            reason,
        };
        let request = Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.base))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::USER_AGENT, "Rootline primary")
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| unreachable(e.to_string()))?;
        let exchange = async {
            let response = self
                .client
                .request(request)
                .await
                .map_err(|e| unreachable(error_chain(&e)))?;
            let status = response.status().as_u16();
            if status != 200 {
                return Err(PerspectiveError::Status {
                    name: self.name.clone(),
                    status,
                });
            }
            Ok(Limited::new(response.into_body(), ANSWER_CAP)
                .collect()
                .await
                .map_err(|e| unreachable(e.to_string()))?
                .to_bytes()
                .to_vec())
        };
        tokio::time::timeout(TIME_LIMIT, exchange)
            .await
            .map_err(|_| unreachable("no answer in time".into()))?
    }

    fn garbled(&self) -> PerspectiveError {
        PerspectiveError::Garbled {
            name: self.name.clone(),
        }
    }
}

/// The error and its causes: hyper's own message hides the TLS reason in its source.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

#[async_trait]
impl DnsResolver for RemotePerspective {
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsError> {
        let failed = |reason: String| DnsError::Failed {
            name: name.to_owned(),
            reason,
        };
        match self.look(&Lookup::Txt { name: name.into() }).await {
            Ok(Seen::Txt { records }) => Ok(records),
            Ok(Seen::DnsFailed { reason, .. }) => Err(failed(reason)),
            Ok(_) => Err(failed(self.garbled().to_string())),
            Err(e) => Err(failed(e.to_string())),
        }
    }

    async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError> {
        let failed = |reason: String| DnsError::Failed {
            name: name.to_owned(),
            reason,
        };
        match self.look(&Lookup::Caa { name: name.into() }).await {
            Ok(Seen::Caa { records }) => Ok(records.into_iter().map(CaaRecord::from).collect()),
            Ok(Seen::DnsFailed { reason, .. }) => Err(failed(reason)),
            Ok(_) => Err(failed(self.garbled().to_string())),
            Err(e) => Err(failed(e.to_string())),
        }
    }
}

impl RemotePerspective {
    async fn fetch_text(&self, lookup: Lookup, url: String) -> Result<String, FetchError> {
        match self.look(&lookup).await {
            Ok(Seen::Body { text }) => Ok(text),
            Ok(Seen::FetchFailed { failure }) => Err(failure.into()),
            Ok(_) => Err(FetchError::Other {
                url,
                reason: self.garbled().to_string(),
            }),
            Err(e) => Err(FetchError::Other {
                url,
                reason: e.to_string(),
            }),
        }
    }
}

#[async_trait]
impl HttpFetcher for RemotePerspective {
    async fn validation_file(&self, domain: &str, file_name: &str) -> Result<String, FetchError> {
        let url = format!("http://{domain}/.well-known/pki-validation/{file_name}");
        self.fetch_text(
            Lookup::ValidationFile {
                domain: domain.into(),
                file_name: file_name.into(),
            },
            url,
        )
        .await
    }

    async fn acme_challenge(&self, domain: &str, token: &str) -> Result<String, FetchError> {
        let url = format!("http://{domain}/.well-known/acme-challenge/{token}");
        self.fetch_text(
            Lookup::AcmeChallenge {
                domain: domain.into(),
                token: token.into(),
            },
            url,
        )
        .await
    }

    async fn acme_tls_alpn(&self, domain: &str) -> Result<Vec<u8>, FetchError> {
        let url = format!("tls-alpn-01://{domain}");
        let other = |reason: String| FetchError::Other {
            url: url.clone(),
            reason,
        };
        match self
            .look(&Lookup::AcmeTlsAlpn {
                domain: domain.into(),
            })
            .await
        {
            Ok(Seen::Certificate { der_base64 }) => base64::engine::general_purpose::STANDARD
                .decode(der_base64)
                .map_err(|_| other(self.garbled().to_string())),
            Ok(Seen::FetchFailed { failure }) => Err(failure.into()),
            Ok(_) => Err(other(self.garbled().to_string())),
            Err(e) => Err(other(e.to_string())),
        }
    }
}
