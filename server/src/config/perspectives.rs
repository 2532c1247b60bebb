//! Whether this installation is a publicly trusted CA, and the remote network perspectives it
//! corroborates validations from (TLS BR 3.2.2.9).
//!
//! - `ROOTLINE_PUBLIC_TRUST` (default false): on, every rule of a publicly trusted CA is
//!   enforced and the server refuses to start without what they need.
//! - `ROOTLINE_PERSPECTIVES`: comma-separated `name:region:https://host:port`, one per
//!   `server perspective serve` (region: afrinic, apnic, arin, lacnic, ripe).
//! - `ROOTLINE_PERSPECTIVES_CA`: the CA (PEM) that issued the perspectives' certificates.
//! - `ROOTLINE_PERSPECTIVE_CLIENT_CERT` and `ROOTLINE_PERSPECTIVE_CLIENT_KEY`: the primary's
//!   client certificate chain and key (PEM), from the CA the perspectives' `--client-ca` names.

use std::path::PathBuf;

use url::Url;

use super::ConfigError;
use crate::domain::mpic::Region;

/// One configured remote perspective.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerspectiveEntry {
    pub name: String,
    pub region: Region,
    pub url: Url,
}

/// The files of the mutual TLS between the primary and its perspectives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerspectiveTls {
    pub server_ca: PathBuf,
    pub client_cert: PathBuf,
    pub client_key: PathBuf,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PerspectiveSettings {
    pub public_trust: bool,
    pub perspectives: Vec<PerspectiveEntry>,
    /// Set whenever perspectives are.
    pub tls: Option<PerspectiveTls>,
}

pub(super) fn perspective_settings(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<PerspectiveSettings, ConfigError> {
    let invalid = |name: &'static str, reason: String| ConfigError::Invalid { name, reason };
    let public_trust = match get("ROOTLINE_PUBLIC_TRUST").as_deref().map(str::trim) {
        None | Some("false") | Some("0") | Some("no") => false,
        Some("true") | Some("1") | Some("yes") => true,
        Some(other) => {
            return Err(invalid(
                "ROOTLINE_PUBLIC_TRUST",
                format!("{other:?} is not true or false"),
            ));
        }
    };
    let mut perspectives: Vec<PerspectiveEntry> = Vec::new();
    for entry in get("ROOTLINE_PERSPECTIVES")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let bad = |why: &str| {
            invalid(
                "ROOTLINE_PERSPECTIVES",
                format!("{entry:?} {why} (expected name:region:https://host:port)"),
            )
        };
        let mut parts = entry.splitn(3, ':');
        let (Some(name), Some(region), Some(url)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(bad("has not three parts"));
        };
        let name = name.trim();
        if name.is_empty()
            || name.len() > 64
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
        {
            return Err(bad(
                "has a name that is not 1 to 64 letters, digits, '-', '_' or '.'",
            ));
        }
        let region = Region::parse(region)
            .ok_or_else(|| bad("names no region of afrinic, apnic, arin, lacnic, ripe"))?;
        let url = Url::parse(url.trim()).map_err(|e| bad(&format!("has a bad URL: {e}")))?;
        if url.scheme() != "https" || url.host().is_none() {
            return Err(bad("must be an https:// address"));
        }
        if perspectives.iter().any(|p| p.name == name) {
            return Err(bad("repeats a name"));
        }
        perspectives.push(PerspectiveEntry {
            name: name.to_owned(),
            region,
            url,
        });
    }
    let files = (
        get("ROOTLINE_PERSPECTIVES_CA"),
        get("ROOTLINE_PERSPECTIVE_CLIENT_CERT"),
        get("ROOTLINE_PERSPECTIVE_CLIENT_KEY"),
    );
    let tls = match files {
        (Some(ca), Some(cert), Some(key)) => Some(PerspectiveTls {
            server_ca: PathBuf::from(ca.trim()),
            client_cert: PathBuf::from(cert.trim()),
            client_key: PathBuf::from(key.trim()),
        }),
        (None, None, None) => None,
        _ => {
            return Err(invalid(
                "ROOTLINE_PERSPECTIVES_CA",
                "set it with ROOTLINE_PERSPECTIVE_CLIENT_CERT and ROOTLINE_PERSPECTIVE_CLIENT_KEY, all three or none".into(),
            ));
        }
    };
    if !perspectives.is_empty() && tls.is_none() {
        return Err(invalid(
            "ROOTLINE_PERSPECTIVES",
            "perspectives are reached over mutual TLS: set ROOTLINE_PERSPECTIVES_CA, ROOTLINE_PERSPECTIVE_CLIENT_CERT and ROOTLINE_PERSPECTIVE_CLIENT_KEY too".into(),
        ));
    }
    Ok(PerspectiveSettings {
        public_trust,
        perspectives,
        tls,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn settings(vars: &[(&str, &str)]) -> Result<PerspectiveSettings, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        perspective_settings(&|k: &str| map.get(k).cloned())
    }

    const TLS: [(&str, &str); 3] = [
        (
            "ROOTLINE_PERSPECTIVES_CA",
            "/etc/rootline/perspectives-ca.pem",
        ),
        (
            "ROOTLINE_PERSPECTIVE_CLIENT_CERT",
            "/etc/rootline/primary.pem",
        ),
        (
            "ROOTLINE_PERSPECTIVE_CLIENT_KEY",
            "/etc/rootline/primary.key",
        ),
    ];

    #[test]
    fn by_default_the_installation_is_private_and_has_no_perspectives() {
        assert_eq!(settings(&[]).unwrap(), PerspectiveSettings::default());
    }

    #[test]
    fn perspectives_are_read_with_their_region_and_address() {
        let mut vars = TLS.to_vec();
        vars.push((
            "ROOTLINE_PERSPECTIVES",
            "tokyo:apnic:https://p1.example.net:8443, frankfurt:RIPE:https://10.0.0.2:8443",
        ));
        vars.push(("ROOTLINE_PUBLIC_TRUST", "true"));
        let s = settings(&vars).unwrap();
        assert!(s.public_trust);
        assert_eq!(s.perspectives.len(), 2);
        assert_eq!(s.perspectives[0].name, "tokyo");
        assert_eq!(s.perspectives[0].region, Region::Apnic);
        assert_eq!(s.perspectives[1].region, Region::Ripe);
        assert_eq!(s.perspectives[1].url.as_str(), "https://10.0.0.2:8443/");
    }

    #[test]
    fn a_bad_entry_or_missing_tls_files_stop_the_start_with_what_is_wrong() {
        let mut vars = TLS.to_vec();
        vars.push(("ROOTLINE_PERSPECTIVES", "tokyo:asia:https://p1.example.net"));
        let e = settings(&vars).unwrap_err().to_string();
        assert!(e.contains("no region"), "{e}");
        let mut vars = TLS.to_vec();
        vars.push(("ROOTLINE_PERSPECTIVES", "tokyo:apnic:http://p1.example.net"));
        assert!(settings(&vars).unwrap_err().to_string().contains("https"));
        let e = settings(&[(
            "ROOTLINE_PERSPECTIVES",
            "tokyo:apnic:https://p1.example.net",
        )])
        .unwrap_err()
        .to_string();
        assert!(e.contains("ROOTLINE_PERSPECTIVE_CLIENT_CERT"), "{e}");
        let e = settings(&[("ROOTLINE_PUBLIC_TRUST", "maybe")])
            .unwrap_err()
            .to_string();
        assert!(e.contains("ROOTLINE_PUBLIC_TRUST"), "{e}");
    }
}
