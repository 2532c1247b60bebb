//! The Certificate Transparency logs public TLS certificates are submitted to (RFC 6962).
//!
//! - `ROOTLINE_CT_LOGS`: comma-separated entries of four fields separated by spaces,
//!   `name operator url public-key`, the key being the log's SubjectPublicKeyInfo in base64
//!   DER, as Chrome's and Apple's log lists publish it (`key`). For example
//!   `argon2027h1 Google https://ct.googleapis.com/logs/us1/argon2027h1/ MFkwEw…`.
//! - `ROOTLINE_CT_MIN_SCTS`: more SCTs than the browsers' policy asks for (never fewer).

use base64::{Engine, engine::general_purpose::STANDARD};
use url::Url;

use super::ConfigError;
use crate::ports::ct_log::CtLogInfo;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CtSettings {
    pub logs: Vec<CtLogInfo>,
    pub minimum_scts: Option<usize>,
}

const EXPECTED: &str = "expected `name operator https://log.example/ base64-public-key`";

pub(super) fn ct_settings(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<CtSettings, ConfigError> {
    let invalid = |name: &'static str, reason: String| ConfigError::Invalid { name, reason };
    let mut logs: Vec<CtLogInfo> = Vec::new();
    for entry in get("ROOTLINE_CT_LOGS")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let bad =
            |why: String| invalid("ROOTLINE_CT_LOGS", format!("{entry:?}: {why} ({EXPECTED})"));
        let fields: Vec<&str> = entry.split_whitespace().collect();
        let [name, operator, url, key] = fields.as_slice() else {
            return Err(bad(format!("has {} fields, not 4", fields.len())));
        };
        let mut url = Url::parse(url).map_err(|e| bad(format!("the URL: {e}")))?;
        if !matches!(url.scheme(), "https" | "http") || url.host().is_none() {
            return Err(bad("the URL is not http(s)://host/…".into()));
        }
        // `ct/v1/add-pre-chain` is resolved against it: without the slash the last path
        // segment would be replaced.
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        let public_key = STANDARD
            .decode(key)
            .map_err(|_| bad("the public key is not base64".into()))?;
        if crate::transparency::sct::verify_key(&public_key).is_err() {
            return Err(bad(
                "the public key is not an ECDSA P-256 or RSA SubjectPublicKeyInfo".into(),
            ));
        }
        if logs.iter().any(|l| l.name == *name) {
            return Err(bad(format!("the log {name} is named twice")));
        }
        if logs.iter().any(|l| l.public_key == public_key) {
            return Err(bad("the same log key is configured twice".into()));
        }
        logs.push(CtLogInfo {
            name: (*name).to_owned(),
            operator: (*operator).to_owned(),
            url,
            public_key,
        });
    }
    let minimum_scts = match get("ROOTLINE_CT_MIN_SCTS") {
        None => None,
        Some(raw) => Some(
            raw.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=10).contains(n))
                .ok_or_else(|| {
                    invalid(
                        "ROOTLINE_CT_MIN_SCTS",
                        format!("{raw:?} is not a whole number from 1 to 10"),
                    )
                })?,
        ),
    };
    Ok(CtSettings { logs, minimum_scts })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A P-256 SubjectPublicKeyInfo (the point is the P-256 generator).
    const KEY: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEaxfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpZP40Li/hp/m47n60p8D54WK84zV2sxXs7LtkBoN79R9Q==";

    fn settings(logs: &str) -> Result<CtSettings, ConfigError> {
        ct_settings(&|name: &str| (name == "ROOTLINE_CT_LOGS").then(|| logs.to_owned()))
    }

    #[test]
    fn a_log_is_read_with_its_operator_url_and_key() {
        let s = settings(&format!("test1 TestOps http://127.0.0.1:6962/logs/a {KEY}")).unwrap();
        assert_eq!(s.logs.len(), 1);
        assert_eq!(s.logs[0].operator, "TestOps");
        assert_eq!(s.logs[0].url.as_str(), "http://127.0.0.1:6962/logs/a/");
        assert_eq!(s.logs[0].public_key, STANDARD.decode(KEY).unwrap());
        assert_eq!(settings("").unwrap(), CtSettings::default());
    }

    #[test]
    fn a_log_entry_that_is_incomplete_or_repeated_or_has_no_key_is_refused_by_name() {
        for bad in [
            "test1 TestOps http://127.0.0.1:6962/".to_owned(),
            format!("test1 TestOps ftp://127.0.0.1/ {KEY}"),
            "test1 TestOps http://127.0.0.1/ bm90IGEga2V5".to_owned(),
            format!("a X http://127.0.0.1/ {KEY}, a Y http://127.0.0.2/ {KEY}"),
        ] {
            let e = settings(&bad).unwrap_err().to_string();
            assert!(e.contains("ROOTLINE_CT_LOGS"), "{e}");
        }
    }
}
