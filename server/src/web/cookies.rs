//! The session cookie, and the one that keeps a browser's language.

use axum::http::HeaderMap;
use chrono::{DateTime, Utc};

pub const SESSION_COOKIE: &str = "rootline_session";

/// The session token from a request's cookies.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    cookie(headers, SESSION_COOKIE)
}

/// The value of the cookie called `wanted`, if the request sent one.
pub fn cookie(headers: &HeaderMap, wanted: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == wanted)
        .map(|(_, value)| value.trim().to_owned())
}

/// `Set-Cookie` that keeps the browser's language for a year. Not a secret, but nothing in
/// the page's script needs it either.
pub fn lang_cookie(lang: app::i18n::Lang, secure: bool) -> String {
    let mut cookie = format!(
        "{}={}; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000",
        app::i18n::LANG_COOKIE,
        lang.tag()
    );
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// `Set-Cookie` for a new session: unreadable by scripts, not sent on cross-site sub-requests,
/// Secure when the portal is served over https.
pub fn session_cookie(
    token: &str,
    expires_at: DateTime<Utc>,
    now: DateTime<Utc>,
    secure: bool,
) -> String {
    let max_age = (expires_at - now).num_seconds().max(0);
    let mut cookie =
        format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}");
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

/// `Set-Cookie` that removes the session cookie.
pub fn clear_session_cookie(secure: bool) -> String {
    let mut cookie = format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    if secure {
        cookie.push_str("; Secure");
    }
    cookie
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;
    use chrono::{Duration, TimeZone};

    use super::*;

    #[test]
    fn finds_the_session_among_other_cookies() {
        let mut h = HeaderMap::new();
        h.append(
            "cookie",
            HeaderValue::from_static("a=1; rootline_session=abc; b=2"),
        );
        assert_eq!(session_token(&h).as_deref(), Some("abc"));
        assert_eq!(session_token(&HeaderMap::new()), None);
    }

    #[test]
    fn session_cookie_is_httponly_lax_and_secure_only_over_https() {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 0, 0, 0).unwrap();
        let c = session_cookie("t", now + Duration::hours(12), now, false);
        assert_eq!(
            c,
            "rootline_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=43200"
        );
        assert!(session_cookie("t", now, now, true).ends_with("; Secure"));
        assert!(clear_session_cookie(false).contains("Max-Age=0"));
    }
}
