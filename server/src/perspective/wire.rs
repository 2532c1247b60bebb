//! What the primary asks a remote perspective and what the perspective saw, as JSON. A
//! perspective does the network part of a check — the DNS lookup or the fetch from the
//! domain's server — with its own resolver and no shared cache; the primary then runs the
//! same judgement it ran on its own lookups (`dcv`, `check_caa`, the ACME challenge rules)
//! on what each perspective saw. So a perspective needs no account data, and "corroborates"
//! means exactly "the same rule passes on what it saw".

use serde::{Deserialize, Serialize};

use crate::ports::{
    dns::{CaaRecord, DnsError},
    http_fetch::FetchError,
};

/// The path a perspective answers lookups on.
pub const LOOKUP_PATH: &str = "/v1/lookup";
/// The path a perspective says who and where it is on.
pub const WHO_PATH: &str = "/v1/who";

/// One lookup, as the ports name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "lookup", rename_all = "kebab-case")]
pub enum Lookup {
    Txt { name: String },
    Caa { name: String },
    ValidationFile { domain: String, file_name: String },
    AcmeChallenge { domain: String, token: String },
    AcmeTlsAlpn { domain: String },
}

/// A CAA record on the wire.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WireCaa {
    pub critical: bool,
    pub tag: String,
    pub value: String,
}

/// What the perspective saw: the data, or why the lookup failed there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "seen", rename_all = "kebab-case")]
pub enum Seen {
    Txt { records: Vec<String> },
    Caa { records: Vec<WireCaa> },
    Body { text: String },
    Certificate { der_base64: String },
    DnsFailed { name: String, reason: String },
    FetchFailed { failure: WireFetchFailure },
}

/// `FetchError`, kept apart by kind so the primary reports what the perspective reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum WireFetchFailure {
    Connect { host: String, reason: String },
    Tls { host: String, reason: String },
    Status { url: String, status: u16 },
    Other { url: String, reason: String },
}

/// Who answers: the name and region the perspective was started with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Who {
    pub name: String,
    pub region: crate::domain::mpic::Region,
}

impl From<&CaaRecord> for WireCaa {
    fn from(r: &CaaRecord) -> Self {
        Self {
            critical: r.critical,
            tag: r.tag.clone(),
            value: r.value.clone(),
        }
    }
}

impl From<WireCaa> for CaaRecord {
    fn from(r: WireCaa) -> Self {
        Self {
            critical: r.critical,
            tag: r.tag,
            value: r.value,
        }
    }
}

impl From<&FetchError> for WireFetchFailure {
    fn from(e: &FetchError) -> Self {
        match e.clone() {
            FetchError::Connect { host, reason } => Self::Connect { host, reason },
            FetchError::Tls { host, reason } => Self::Tls { host, reason },
            FetchError::Status { url, status } => Self::Status { url, status },
            FetchError::Other { url, reason } => Self::Other { url, reason },
        }
    }
}

impl From<WireFetchFailure> for FetchError {
    fn from(e: WireFetchFailure) -> Self {
        match e {
            WireFetchFailure::Connect { host, reason } => Self::Connect { host, reason },
            WireFetchFailure::Tls { host, reason } => Self::Tls { host, reason },
            WireFetchFailure::Status { url, status } => Self::Status { url, status },
            WireFetchFailure::Other { url, reason } => Self::Other { url, reason },
        }
    }
}

impl From<&DnsError> for Seen {
    fn from(e: &DnsError) -> Self {
        match e.clone() {
            DnsError::Failed { name, reason } => Self::DnsFailed { name, reason },
        }
    }
}
