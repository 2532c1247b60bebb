//! DNS lookups for domain control validation (TXT) and CAA (RFC 8659), with an in-memory fake
//! for unit tests.

use std::{collections::HashMap, sync::Mutex};

use async_trait::async_trait;

/// One CAA resource record as published: flags' critical bit, tag and raw value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaaRecord {
    pub critical: bool,
    pub tag: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DnsError {
    /// The lookup itself failed (timeout, SERVFAIL, refused): not the same as "no records",
    /// and a CA must not issue on it (RFC 8659 section 3).
    #[error("the DNS lookup of {name} failed: {reason}")]
    Failed { name: String, reason: String },
}

#[async_trait]
pub trait DnsResolver: Send + Sync {
    /// The TXT records at `name`, each record's strings joined; empty when the name has none
    /// (NXDOMAIN or no TXT data).
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsError>;
    /// The CAA records at exactly `name` (CNAMEs followed by the resolver); empty when it has
    /// none. Climbing towards the parent domains is the caller's rule, not the resolver's.
    async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError>;
}

/// Records held in memory; names are compared without case and without a trailing dot.
#[derive(Default)]
pub struct FakeDns {
    txt: Mutex<HashMap<String, Vec<String>>>,
    caa: Mutex<HashMap<String, Vec<CaaRecord>>>,
    failing: Mutex<Vec<String>>,
}

fn key(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

impl FakeDns {
    pub fn add_txt(&self, name: &str, value: &str) {
        if let Ok(mut m) = self.txt.lock() {
            m.entry(key(name)).or_default().push(value.to_owned());
        }
    }

    pub fn add_caa(&self, name: &str, critical: bool, tag: &str, value: &str) {
        if let Ok(mut m) = self.caa.lock() {
            m.entry(key(name)).or_default().push(CaaRecord {
                critical,
                tag: tag.to_owned(),
                value: value.to_owned(),
            });
        }
    }

    /// Every lookup of `name` fails from now on, as a broken authoritative server would.
    pub fn fail(&self, name: &str) {
        if let Ok(mut f) = self.failing.lock() {
            f.push(key(name));
        }
    }

    fn check(&self, name: &str) -> Result<(), DnsError> {
        let failing = self.failing.lock().map(|f| f.contains(&key(name)));
        if failing.unwrap_or(false) {
            return Err(DnsError::Failed {
                name: name.to_owned(),
                reason: "SERVFAIL".into(),
            });
        }
        Ok(())
    }
}

#[async_trait]
impl DnsResolver for FakeDns {
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsError> {
        self.check(name)?;
        Ok(self
            .txt
            .lock()
            .ok()
            .and_then(|m| m.get(&key(name)).cloned())
            .unwrap_or_default())
    }

    async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError> {
        self.check(name)?;
        Ok(self
            .caa
            .lock()
            .ok()
            .and_then(|m| m.get(&key(name)).cloned())
            .unwrap_or_default())
    }
}
