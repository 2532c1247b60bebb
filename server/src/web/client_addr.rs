//! The client's address, worked out once per request for every route (portal, files, OCSP,
//! ACME, REST): the TCP peer, or — when the peer is a trusted reverse proxy — the address the
//! proxies put in `X-Forwarded-For`. Throttles, IP rules and audit entries all read it here.

use std::{
    convert::Infallible,
    net::{IpAddr, Ipv4Addr, SocketAddr},
    sync::Arc,
};

use axum::{
    body::Body,
    extract::{ConnectInfo, FromRequestParts, State},
    http::{Extensions, Request, request::Parts},
    middleware::Next,
    response::Response,
};

use crate::domain::trusted_proxies::TrustedProxies;

/// Where a request comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

impl ClientAddr {
    /// The address the [`client_addr`] layer found; without the layer (unit tests of one
    /// router), the TCP peer.
    pub fn of(extensions: &Extensions) -> IpAddr {
        if let Some(ClientAddr(ip)) = extensions.get::<ClientAddr>() {
            return *ip;
        }
        extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| addr.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
    }
}

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(Self::of(&parts.extensions)))
    }
}

/// Puts the [`ClientAddr`] into the request's extensions. Installed around the whole
/// application, so no route reads the peer or the header on its own.
pub async fn client_addr(
    State(proxies): State<Arc<TrustedProxies>>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let forwarded = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok());
    let client = proxies.client(peer, forwarded);
    req.extensions_mut().insert(ClientAddr(client));
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use axum::{Router, middleware::from_fn_with_state, routing::get};
    use http_body_util::BodyExt;
    use tower::ServiceExt;

    use super::*;

    async fn seen(proxies: &str, peer: &str, forwarded: &[&str]) -> String {
        let proxies = Arc::new(TrustedProxies::parse(proxies).unwrap());
        let app = Router::new()
            .route(
                "/",
                get(|ClientAddr(ip): ClientAddr| async move { ip.to_string() }),
            )
            .layer(from_fn_with_state(proxies, client_addr));
        let mut req = Request::builder().uri("/");
        for f in forwarded {
            req = req.header("x-forwarded-for", *f);
        }
        let mut req = req.body(Body::empty()).unwrap();
        req.extensions_mut()
            .insert(ConnectInfo(SocketAddr::new(peer.parse().unwrap(), 40000)));
        let res = app.oneshot(req).await.unwrap();
        let body = res.into_body().collect().await.unwrap().to_bytes();
        String::from_utf8(body.to_vec()).unwrap()
    }

    #[tokio::test]
    async fn x_forwarded_for_is_ignored_from_an_untrusted_peer() {
        assert_eq!(
            seen("", "203.0.113.9", &["198.51.100.1"]).await,
            "203.0.113.9"
        );
        assert_eq!(
            seen("10.0.0.1", "203.0.113.9", &["198.51.100.1"]).await,
            "203.0.113.9"
        );
    }

    #[tokio::test]
    async fn x_forwarded_for_is_honoured_from_a_trusted_proxy() {
        assert_eq!(
            seen("10.0.0.1", "10.0.0.1", &["198.51.100.1"]).await,
            "198.51.100.1"
        );
    }

    #[tokio::test]
    async fn spoofed_left_most_forwarded_entries_are_ignored() {
        assert_eq!(
            seen("10.0.0.1", "10.0.0.1", &["1.2.3.4, 198.51.100.1"]).await,
            "198.51.100.1"
        );
        assert_eq!(
            seen("10.0.0.1", "10.0.0.1", &["1.2.3.4", "198.51.100.1"]).await,
            "198.51.100.1"
        );
    }
}
