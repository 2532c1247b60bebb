//! Real implementations of the ports.

pub mod clock;
pub mod ct_log_http;
pub mod dev_dns;
pub mod dev_dnssec;
pub mod dns;
pub mod http_fetch;
pub mod mail;
pub mod pkcs11;
pub mod provider_http;
#[cfg(test)]
mod provider_mock;
pub mod random;
pub mod razorpay;
pub mod sealer;
pub mod signature_log;
pub mod softkeys;
pub mod stripe;
pub mod trust_anchor;

use std::sync::Arc;

use crate::{
    config::Config,
    ports::{dns::DnsResolver, http_fetch::HttpFetcher},
};

/// The resolver and the file fetcher domain control validation and CAA use, as configured:
/// every lookup is DNSSEC-validated to the configured trust anchor.
pub fn dcv_adapters(config: &Config) -> (Arc<dyn DnsResolver>, Arc<dyn HttpFetcher>) {
    tracing::info!(
        trust_anchor = %config.dnssec_trust_anchor.describe(),
        "DCV and CAA lookups are DNSSEC-validated"
    );
    if dev_dnssec::DevRoot::new().is_ok_and(|dev| config.dnssec_trust_anchor.holds(dev.dnskey())) {
        tracing::warn!(
            "ROOTLINE_DNSSEC_TRUST_ANCHOR trusts the dev DNS's test root, whose private key is \
             public: anyone who can answer this server's DNS queries can pass DCV and CAA. For \
             tests only."
        );
    }
    let dns: Arc<dyn DnsResolver> = Arc::new(dns::HickoryDns::validating(
        config.dns_resolver,
        config.dnssec_trust_anchor.clone(),
    ));
    // The addresses HTTP-01, the validation file and TLS-ALPN-01 connect to are DCV lookups
    // too: the same validating resolver answers them.
    let http = Arc::new(
        http_fetch::PlainHttpFetcher::new(config.dcv_http_port, config.dcv_http_host)
            .with_tls_port(config.dcv_tls_port)
            .allowing_private_addresses(config.dcv_allow_private_addresses)
            .resolving_with(dns.clone()),
    );
    (dns, http)
}

/// The payment providers whose keys are configured (FIN-1); none configured, none offered.
pub fn payment_gateways(
    config: &Config,
) -> Result<Vec<Arc<dyn crate::ports::PaymentGateway>>, crate::ports::payment_gateway::GatewayError>
{
    let mut gateways: Vec<Arc<dyn crate::ports::PaymentGateway>> = Vec::new();
    if let Some(s) = &config.payments.stripe {
        gateways.push(Arc::new(stripe::StripeCheckout::new(
            &s.api_base,
            s.secret_key.clone(),
            s.webhook_secret.clone(),
        )?));
    }
    if let Some(r) = &config.payments.razorpay {
        gateways.push(Arc::new(razorpay::RazorpayCheckout::new(
            &r.api_base,
            r.key_id.clone(),
            r.key_secret.clone(),
            r.webhook_secret.clone(),
        )?));
    }
    Ok(gateways)
}
