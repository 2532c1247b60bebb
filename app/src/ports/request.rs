//! What the server tells a server function about the HTTP request, and what it hands back to the response.

use std::net::IpAddr;

/// Facts about the HTTP request that the backend needs, gathered once by the server's middleware.
#[derive(Debug, Clone)]
pub struct RequestMeta {
    pub ip: IpAddr,
    pub user_agent: Option<String>,
    /// The raw session token from the cookie, if the browser sent one.
    pub session_token: Option<String>,
    /// The `Host` the request was addressed to (`host[:port]`), if it named one.
    pub host: Option<String>,
    /// The language to answer in: the browser's chosen one, else what it accepts.
    pub lang: crate::i18n::Lang,
}

/// A `Set-Cookie` header value the server function must attach to its response.
#[derive(Debug, Clone)]
pub struct SetCookie(pub String);
