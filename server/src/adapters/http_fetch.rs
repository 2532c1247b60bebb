//! `HttpFetcher` for BR 3.2.2.4.18: one plain HTTP/1.1 GET of
//! `/.well-known/pki-validation/<file>`, no redirects, a size cap and a time limit.

use std::{net::IpAddr, time::Duration};

use async_trait::async_trait;
use http_body_util::BodyExt;
use hyper::{Request, StatusCode, body::Bytes, header};
use hyper_util::rt::TokioIo;
use tokio::net::TcpStream;

use crate::ports::http_fetch::{FetchError, HttpFetcher};

/// Connecting, and then the whole answer, each within this.
const TIME_LIMIT: Duration = Duration::from_secs(10);
/// A validation file holds a random value; anything longer is not one.
pub const BODY_CAP: usize = 64 * 1024;

pub struct PlainHttpFetcher {
    port: u16,
    /// Connect here instead of the domain's addresses (tests and local runs), still sending
    /// the domain as the Host header.
    connect_to: Option<IpAddr>,
}

impl PlainHttpFetcher {
    pub fn new(port: u16, connect_to: Option<IpAddr>) -> Self {
        Self { port, connect_to }
    }

    async fn connect(&self, domain: &str) -> Result<TcpStream, FetchError> {
        let host = if self.port == 80 {
            domain.to_owned()
        } else {
            format!("{domain}:{}", self.port)
        };
        let failed = |reason: String| FetchError::Connect {
            host: host.clone(),
            reason,
        };
        let attempt = async {
            let addrs: Vec<std::net::SocketAddr> = match self.connect_to {
                Some(ip) => vec![(ip, self.port).into()],
                None => tokio::net::lookup_host((domain, self.port))
                    .await
                    .map_err(|e| failed(format!("the name does not resolve: {e}")))?
                    .collect(),
            };
            let mut last = failed("the name has no address".into());
            for addr in addrs {
                match TcpStream::connect(addr).await {
                    Ok(stream) => return Ok(stream),
                    Err(e) => last = failed(e.to_string()),
                }
            }
            Err(last)
        };
        tokio::time::timeout(TIME_LIMIT, attempt)
            .await
            .map_err(|_| failed(format!("no connection within {} s", TIME_LIMIT.as_secs())))?
    }

    async fn get(&self, domain: &str, url: &str, path: &str) -> Result<String, FetchError> {
        let other = |reason: String| FetchError::Other {
            url: url.to_owned(),
            reason,
        };
        let stream = self.connect(domain).await?;
        let exchange = async {
            let (mut sender, connection) =
                hyper::client::conn::http1::handshake(TokioIo::new(stream))
                    .await
                    .map_err(|e| other(e.to_string()))?;
            // The connection is driven alongside this request and closes when it is dropped.
            let driver = tokio::spawn(connection);
            let host = if self.port == 80 {
                domain.to_owned()
            } else {
                format!("{domain}:{}", self.port)
            };
            let request = Request::get(path)
                .header(header::HOST, host)
                .header(header::USER_AGENT, "Rootline-DCV/1")
                .header(header::ACCEPT, "*/*")
                .header(header::CONNECTION, "close")
                .body(http_body_util::Empty::<Bytes>::new())
                .map_err(|e| other(e.to_string()))?;
            let response = sender
                .send_request(request)
                .await
                .map_err(|e| other(e.to_string()))?;
            let status = response.status();
            if status != StatusCode::OK {
                driver.abort();
                return Err(FetchError::Status {
                    url: url.to_owned(),
                    status: status.as_u16(),
                });
            }
            let too_big = || other(format!("the file is larger than {} KiB", BODY_CAP / 1024));
            let declared = response
                .headers()
                .get(header::CONTENT_LENGTH)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse::<usize>().ok());
            if declared.is_some_and(|n| n > BODY_CAP) {
                driver.abort();
                return Err(too_big());
            }
            let mut body = response.into_body();
            let mut bytes = Vec::new();
            while let Some(frame) = body.frame().await {
                let frame = frame.map_err(|e| other(e.to_string()))?;
                if let Some(data) = frame.data_ref() {
                    if bytes.len() + data.len() > BODY_CAP {
                        driver.abort();
                        return Err(too_big());
                    }
                    bytes.extend_from_slice(data);
                }
            }
            driver.abort();
            String::from_utf8(bytes).map_err(|_| other("the file is not UTF-8 text".into()))
        };
        tokio::time::timeout(TIME_LIMIT, exchange)
            .await
            .map_err(|_| other(format!("no answer within {} s", TIME_LIMIT.as_secs())))?
    }
}

/// A DNS host name in ASCII (A-labels): nothing that could change the request's target.
fn plain_host_name(domain: &str) -> bool {
    !domain.is_empty()
        && domain.len() <= 253
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

/// A single path segment of safe characters, so the request can only name a file in
/// `/.well-known/pki-validation/`.
fn plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 255
        && name != "."
        && name != ".."
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

#[async_trait]
impl HttpFetcher for PlainHttpFetcher {
    async fn validation_file(&self, domain: &str, file_name: &str) -> Result<String, FetchError> {
        self.well_known(domain, "pki-validation", file_name).await
    }

    async fn acme_challenge(&self, domain: &str, token: &str) -> Result<String, FetchError> {
        self.well_known(domain, "acme-challenge", token).await
    }
}

impl PlainHttpFetcher {
    /// GET `/.well-known/<folder>/<file_name>` of the domain, after checking that neither
    /// name can change the request's target.
    async fn well_known(
        &self,
        domain: &str,
        folder: &str,
        file_name: &str,
    ) -> Result<String, FetchError> {
        let domain = domain.trim_end_matches('.').to_ascii_lowercase();
        let path = format!("/.well-known/{folder}/{file_name}");
        let url = if self.port == 80 {
            format!("http://{domain}{path}")
        } else {
            format!("http://{domain}:{}{path}", self.port)
        };
        if !plain_host_name(&domain) {
            return Err(FetchError::Other {
                url,
                reason: "not a DNS host name".into(),
            });
        }
        if !plain_file_name(file_name) {
            return Err(FetchError::Other {
                url,
                reason: "not a plain file name".into(),
            });
        }
        self.get(&domain, &url, &path).await
    }
}

#[cfg(test)]
mod tests {
    use std::net::SocketAddr;

    use axum::{
        Router,
        http::HeaderMap,
        response::{IntoResponse, Redirect},
        routing::get,
    };

    use super::*;

    async fn serve() -> SocketAddr {
        let app = Router::new()
            .route(
                "/.well-known/pki-validation/good.txt",
                get(|headers: HeaderMap| async move {
                    let host = headers
                        .get("host")
                        .and_then(|h| h.to_str().ok())
                        .unwrap_or("")
                        .to_owned();
                    format!("token-123\nhost={host}")
                }),
            )
            .route(
                "/.well-known/pki-validation/moved.txt",
                get(|| async { Redirect::permanent("/.well-known/pki-validation/good.txt") }),
            )
            .route(
                "/.well-known/pki-validation/big.txt",
                get(|| async { "x".repeat(BODY_CAP + 1) }),
            )
            .route(
                "/.well-known/pki-validation/streamed.txt",
                get(|| async {
                    let chunks = (0..80).map(|_| Ok::<_, std::io::Error>("y".repeat(1024)));
                    axum::body::Body::from_stream(futures_util::stream::iter(chunks))
                        .into_response()
                }),
            );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await });
        addr
    }

    fn fetcher(addr: SocketAddr) -> PlainHttpFetcher {
        PlainHttpFetcher::new(addr.port(), Some(addr.ip()))
    }

    #[tokio::test]
    async fn a_200_answer_is_read_with_the_domain_as_host() {
        let addr = serve().await;
        let body = fetcher(addr)
            .validation_file("Shop.Example.test", "good.txt")
            .await
            .unwrap();
        assert_eq!(
            body,
            format!("token-123\nhost=shop.example.test:{}", addr.port())
        );
    }

    #[tokio::test]
    async fn a_missing_file_is_refused_with_its_status() {
        let addr = serve().await;
        let e = fetcher(addr)
            .validation_file("example.test", "absent.txt")
            .await
            .unwrap_err();
        assert_eq!(
            e,
            FetchError::Status {
                url: format!(
                    "http://example.test:{}/.well-known/pki-validation/absent.txt",
                    addr.port()
                ),
                status: 404
            }
        );
    }

    #[tokio::test]
    async fn a_redirect_is_not_followed() {
        let addr = serve().await;
        let e = fetcher(addr)
            .validation_file("example.test", "moved.txt")
            .await
            .unwrap_err();
        assert!(matches!(e, FetchError::Status { status: 308, .. }), "{e:?}");
    }

    #[tokio::test]
    async fn a_body_over_the_cap_is_refused_declared_or_streamed() {
        let addr = serve().await;
        for file in ["big.txt", "streamed.txt"] {
            let e = fetcher(addr)
                .validation_file("example.test", file)
                .await
                .unwrap_err();
            assert!(
                matches!(&e, FetchError::Other { reason, .. } if reason.contains("64 KiB")),
                "{file}: {e:?}"
            );
        }
    }

    #[tokio::test]
    async fn a_closed_port_is_a_connect_error() {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        drop(listener);
        let e = fetcher(addr)
            .validation_file("example.test", "good.txt")
            .await
            .unwrap_err();
        assert!(matches!(e, FetchError::Connect { .. }), "{e:?}");
    }

    #[tokio::test]
    async fn names_that_could_change_the_target_are_refused_before_connecting() {
        let f = PlainHttpFetcher::new(9, Some("127.0.0.1".parse().unwrap()));
        for (domain, file) in [
            ("example.test", "../secret"),
            ("example.test", "a/b"),
            ("example.test", "a?b"),
            ("example.test", ""),
            ("evil.test/x", "good.txt"),
            ("user@example.test", "good.txt"),
            ("", "good.txt"),
        ] {
            let e = f.validation_file(domain, file).await.unwrap_err();
            assert!(
                matches!(e, FetchError::Other { .. }),
                "{domain} {file}: {e:?}"
            );
        }
    }
}
