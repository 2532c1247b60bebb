//! A refused plain form post comes back filled in. Without script the browser posts the form,
//! the server refuses it and sends the browser back to the form's page, which renders afresh:
//! what the person typed would be gone. So a refusal of such a post keeps the form's values
//! (never a password) in a short-lived cookie for that page, which the page reads once when it
//! renders and then clears. With script the page never reloads, and no cookie is set.
//!
//! The same cookie carries what a plain post found to the page it sends the browser to, when
//! the page should say it once (what a domain check found): [`keep_outcome`], [`outcome`].

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

/// The cookie's name.
#[cfg(any(feature = "ssr", test))]
const COOKIE: &str = "rootline_refill";

/// How long the values wait for the page: the redirect follows at once.
#[cfg(any(feature = "ssr", test))]
const MAX_AGE_SECONDS: u32 = 120;

/// Longer values are cut: no field of the forms that refill is this long when it is valid (a
/// PEM CSR of an RSA-4096 key is about 1,800 characters).
#[cfg(any(feature = "ssr", test))]
const MAX_VALUE_CHARS: usize = 2_048;

/// Browsers keep a cookie of up to 4,096 bytes, name and attributes included; values whose
/// encoding would be longer are not kept (the form comes back empty, as without this).
#[cfg(feature = "ssr")]
const MAX_ENCODED_BYTES: usize = 3_800;

/// The cookie's value: the page's path and each field's name and value, base64url-encoded
/// and joined by `.` and `~` (neither occurs in base64url), so no value can break out.
#[cfg(any(feature = "ssr", test))]
fn encode(page: &str, values: &[(&str, &str)]) -> String {
    let mut out = URL_SAFE_NO_PAD.encode(page);
    for (name, value) in values {
        let value: String = value.chars().take(MAX_VALUE_CHARS).collect();
        out.push('.');
        out.push_str(&URL_SAFE_NO_PAD.encode(name));
        out.push('~');
        out.push_str(&URL_SAFE_NO_PAD.encode(value));
    }
    out
}

/// The values kept for `page`, if the cookie holds them for that page.
fn decode(cookie: &str, page: &str) -> Option<Vec<(String, String)>> {
    let text = |part: &str| {
        URL_SAFE_NO_PAD
            .decode(part)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
    };
    let mut parts = cookie.split('.');
    if text(parts.next()?)? != page {
        return None;
    }
    parts
        .map(|pair| {
            let (name, value) = pair.split_once('~')?;
            Some((text(name)?, text(value)?))
        })
        .collect()
}

/// Answers `result`; refused, keeps `values` for `page` when this request is a plain form post
/// (no script), whose answer sends the browser back to the page.
#[cfg(feature = "ssr")]
pub(crate) fn keep_if_refused<T, E>(
    result: Result<T, E>,
    page: &str,
    values: &[(&str, &str)],
) -> Result<T, E> {
    if result.is_err() {
        keep(page, values);
    }
    result
}

#[cfg(feature = "ssr")]
fn keep(page: &str, values: &[(&str, &str)]) {
    use leptos::prelude::use_context;
    if !super::context::is_plain_form_post() {
        return;
    }
    let Some(parts) = use_context::<http::request::Parts>() else {
        return;
    };
    // Secure when the form was posted from an https page.
    let secure = if parts
        .headers
        .get(http::header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|origin| origin.starts_with("https://"))
    {
        "; Secure"
    } else {
        ""
    };
    let encoded = encode(page, values);
    if encoded.len() > MAX_ENCODED_BYTES {
        return;
    }
    let cookie = format!(
        "{COOKIE}={encoded}; Path=/; Max-Age={MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax{secure}"
    );
    // A value the header cannot carry is simply not kept: the form comes back empty.
    let _ = super::set_cookie(crate::ports::SetCookie(cookie));
}

/// Keeps `outcome` for `page` under `field` when this request is a plain form post, whose
/// answer sends the browser to `page`, which shows it once ([`outcome`]).
#[cfg(feature = "ssr")]
pub(crate) fn keep_outcome<T: serde::Serialize>(page: &str, field: &str, outcome: &T) {
    if let Ok(json) = serde_json::to_string(outcome) {
        keep(page, &[(field, json.as_str())]);
    }
}

/// The outcome kept under `field`, from what [`take`] returned; nothing when it is missing or
/// damaged.
pub fn outcome<T: serde::de::DeserializeOwned>(
    kept: &[(String, String)],
    field: &str,
) -> Option<T> {
    #[cfg(any(feature = "ssr", test))]
    {
        value(kept, field).and_then(|json| serde_json::from_str(&json).ok())
    }
    // Nothing is kept for the browser ([`take`] is empty there).
    #[cfg(not(any(feature = "ssr", test)))]
    {
        let _ = (kept, field);
        None
    }
}

/// What was kept for `page` by a refused post, read once: the page's answer clears the
/// cookie. Empty in the browser, and when nothing was kept.
pub fn take(page: &str) -> Vec<(String, String)> {
    #[cfg(feature = "ssr")]
    {
        use leptos::prelude::use_context;
        let Some(parts) = use_context::<http::request::Parts>() else {
            return Vec::new();
        };
        let kept = parts
            .headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|c| c.trim().strip_prefix(COOKIE)?.strip_prefix('='))
            .map(str::to_owned);
        match kept {
            Some(value) => {
                let _ = super::set_cookie(crate::ports::SetCookie(format!(
                    "{COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
                )));
                decode(&value, page).unwrap_or_default()
            }
            None => Vec::new(),
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = (page, decode);
        Vec::new()
    }
}

/// The kept value of field `name`, from what [`take`] returned.
pub fn value(kept: &[(String, String)], name: &str) -> Option<String> {
    kept.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_values_come_back_for_their_page_only() {
        let cookie = encode("/sign-up", &[("name", "Zażółć; x=1"), ("email", "a@b.pl")]);
        assert!(!cookie.contains(';') && !cookie.contains(' ') && !cookie.contains('='));
        assert_eq!(
            decode(&cookie, "/sign-up").unwrap(),
            [
                ("name".to_owned(), "Zażółć; x=1".to_owned()),
                ("email".to_owned(), "a@b.pl".to_owned())
            ]
        );
        assert_eq!(decode(&cookie, "/sign-in"), None);
    }

    #[test]
    fn an_outcome_comes_back_as_it_was_kept_and_a_damaged_one_gives_nothing() {
        use crate::{i18n::Msg, model::domains::CheckResult};
        let found = CheckResult::NotYet(Msg::new("err-dcv-no-txt").arg("name", "example.com"));
        let json = serde_json::to_string(&found).unwrap();
        let cookie = encode("/domains", &[("check_result", json.as_str())]);
        let kept = decode(&cookie, "/domains").unwrap();
        assert_eq!(outcome::<CheckResult>(&kept, "check_result"), Some(found));
        assert_eq!(outcome::<CheckResult>(&kept, "other"), None);
        let damaged = vec![("check_result".to_owned(), "{\"NotYet\":".to_owned())];
        assert_eq!(outcome::<CheckResult>(&damaged, "check_result"), None);
    }

    #[test]
    fn a_long_value_is_cut_and_a_damaged_cookie_gives_nothing() {
        let long = "x".repeat(10_000);
        let cookie = encode("/sign-up", &[("name", long.as_str())]);
        assert_eq!(
            decode(&cookie, "/sign-up").unwrap()[0].1.len(),
            MAX_VALUE_CHARS
        );
        assert_eq!(decode("not base64!", "/sign-up"), None);
        assert_eq!(decode(&format!("{cookie}.bad"), "/sign-up"), None);
    }
}
