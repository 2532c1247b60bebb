//! Real implementations of the ports.

pub mod clock;
pub mod dev_dns;
pub mod dns;
pub mod http_fetch;
pub mod mail;
pub mod pkcs11;
pub mod random;
pub mod sealer;
pub mod signature_log;
pub mod softkeys;

use std::sync::Arc;

use crate::{
    config::Config,
    ports::{dns::DnsResolver, http_fetch::HttpFetcher},
};

/// The resolver and the file fetcher domain control validation and CAA use, as configured.
pub fn dcv_adapters(config: &Config) -> (Arc<dyn DnsResolver>, Arc<dyn HttpFetcher>) {
    (
        Arc::new(dns::HickoryDns::new(config.dns_resolver)),
        Arc::new(
            http_fetch::PlainHttpFetcher::new(config.dcv_http_port, config.dcv_http_host)
                .with_tls_port(config.dcv_tls_port)
                .allowing_private_addresses(config.dcv_allow_private_addresses),
        ),
    )
}
