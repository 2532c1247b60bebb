//! A remote perspective held in memory, with its own view of the DNS and the web, for the
//! unit tests of the services that corroborate (a hijack is a record only it sees).

use std::sync::Arc;

use async_trait::async_trait;

use super::corroborate::Remote;
use crate::{
    domain::mpic::Region,
    ports::{
        dns::{CaaRecord, DnsError, DnsResolver, FakeDns},
        http_fetch::{FakeHttp, FetchError, HttpFetcher},
    },
};

pub struct FakeRemote {
    pub name: String,
    pub region: Region,
    pub dns: FakeDns,
    pub http: FakeHttp,
}

impl FakeRemote {
    pub fn new(name: &str, region: Region) -> Arc<Self> {
        Arc::new(Self {
            name: name.to_owned(),
            region,
            dns: FakeDns::default(),
            http: FakeHttp::default(),
        })
    }

    /// `count` perspectives over ARIN, RIPE and APNIC in turn, named `p0`, `p1`, …
    pub fn spread(count: usize) -> Vec<Arc<Self>> {
        let regions = [Region::Arin, Region::Ripe, Region::Apnic];
        (0..count)
            .map(|i| Self::new(&format!("p{i}"), regions[i % regions.len()]))
            .collect()
    }

    pub fn as_remotes(all: &[Arc<Self>]) -> Vec<Arc<dyn Remote>> {
        all.iter().map(|r| r.clone() as Arc<dyn Remote>).collect()
    }
}

#[async_trait]
impl DnsResolver for FakeRemote {
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsError> {
        self.dns.txt(name).await
    }

    async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError> {
        self.dns.caa(name).await
    }
}

#[async_trait]
impl HttpFetcher for FakeRemote {
    async fn validation_file(&self, d: &str, f: &str) -> Result<String, FetchError> {
        self.http.validation_file(d, f).await
    }

    async fn acme_challenge(&self, d: &str, t: &str) -> Result<String, FetchError> {
        self.http.acme_challenge(d, t).await
    }

    async fn acme_tls_alpn(&self, d: &str) -> Result<Vec<u8>, FetchError> {
        self.http.acme_tls_alpn(d).await
    }
}

impl Remote for FakeRemote {
    fn name(&self) -> &str {
        &self.name
    }

    fn region(&self) -> Region {
        self.region
    }
}
