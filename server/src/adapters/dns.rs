//! `DnsResolver` over hickory: asks a configured recursive resolver (or the system's) afresh
//! for every lookup, so a CA never decides on cached data.

use std::{net::SocketAddr, time::Duration};

use async_trait::async_trait;
use hickory_resolver::{
    TokioResolver,
    config::{NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts},
    net::{NetError, runtime::TokioRuntimeProvider},
    proto::rr::{RData, RecordType},
};

use crate::ports::dns::{CaaRecord, DnsError, DnsResolver};

/// How long one query may take before the lookup is tried again (twice in all).
const QUERY_TIMEOUT: Duration = Duration::from_secs(5);

pub struct HickoryDns {
    /// `None`: read the system's configuration at each lookup.
    server: Option<SocketAddr>,
    timeout: Duration,
}

impl HickoryDns {
    /// Asks `server` (UDP, then TCP for long answers), or the resolvers of `/etc/resolv.conf`
    /// when `None`.
    pub fn new(server: Option<SocketAddr>) -> Self {
        Self {
            server,
            timeout: QUERY_TIMEOUT,
        }
    }

    /// A shorter wait for each query (tests of unresponsive servers).
    pub fn with_query_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// A resolver for one lookup: no cache survives between lookups, and `/etc/hosts` is
    /// never consulted, since domain control is proven by public DNS alone.
    fn resolver(&self, name: &str) -> Result<TokioResolver, DnsError> {
        let failed = |e: NetError| DnsError::Failed {
            name: name.to_owned(),
            reason: format!("the resolver could not be set up: {e}"),
        };
        let mut builder = match self.server {
            Some(addr) => {
                let mut ns = NameServerConfig::udp_and_tcp(addr.ip());
                for c in &mut ns.connections {
                    c.port = addr.port();
                }
                TokioResolver::builder_with_config(
                    ResolverConfig::from_name_servers(vec![ns]),
                    TokioRuntimeProvider::default(),
                )
            }
            None => TokioResolver::builder_tokio().map_err(failed)?,
        };
        let opts: &mut ResolverOpts = builder.options_mut();
        opts.cache_size = 0;
        opts.use_hosts_file = ResolveHosts::Never;
        opts.timeout = self.timeout;
        opts.attempts = 2;
        opts.try_tcp_on_error = true;
        opts.preserve_intermediates = false;
        builder.build().map_err(failed)
    }

    async fn lookup(&self, name: &str, kind: RecordType) -> Result<Vec<RData>, DnsError> {
        // A trailing dot: the name is absolute, never completed with a search domain.
        let absolute = format!("{}.", name.trim_end_matches('.'));
        match self.resolver(name)?.lookup(absolute.as_str(), kind).await {
            Ok(lookup) => Ok(lookup.answers().iter().map(|r| r.data.clone()).collect()),
            // NXDOMAIN, or the name exists without records of this type.
            Err(e) if e.is_no_records_found() => Ok(Vec::new()),
            Err(e) => Err(DnsError::Failed {
                name: name.to_owned(),
                reason: e.to_string(),
            }),
        }
    }
}

#[async_trait]
impl DnsResolver for HickoryDns {
    async fn txt(&self, name: &str) -> Result<Vec<String>, DnsError> {
        Ok(self
            .lookup(name, RecordType::TXT)
            .await?
            .into_iter()
            .filter_map(|data| match data {
                RData::TXT(txt) => Some(
                    txt.txt_data
                        .iter()
                        .map(|part| String::from_utf8_lossy(part).into_owned())
                        .collect::<String>(),
                ),
                _ => None,
            })
            .collect())
    }

    async fn caa(&self, name: &str) -> Result<Vec<CaaRecord>, DnsError> {
        Ok(self
            .lookup(name, RecordType::CAA)
            .await?
            .into_iter()
            .filter_map(|data| match data {
                RData::CAA(caa) => Some(CaaRecord {
                    critical: caa.issuer_critical,
                    tag: caa.tag.clone(),
                    value: String::from_utf8_lossy(&caa.value).into_owned(),
                }),
                _ => None,
            })
            .collect())
    }
}
