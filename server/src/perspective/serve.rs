//! `server perspective serve`: a remote network perspective. It answers the primary's lookups
//! with its own resolver and its own fetcher, over TLS that requires the primary's client
//! certificate, so only the CA that runs it can ask, and nobody on the path can read or change
//! what it saw.

use std::sync::Arc;

use axum::{Json, Router, extract::State, routing::get, routing::post};
use base64::Engine;

use super::wire::{LOOKUP_PATH, Lookup, Seen, WHO_PATH, Who, WireCaa, WireFetchFailure};
use crate::ports::{dns::DnsResolver, http_fetch::HttpFetcher};

/// What a perspective looks with.
#[derive(Clone)]
pub struct Perspective {
    pub who: Who,
    pub dns: Arc<dyn DnsResolver>,
    pub http: Arc<dyn HttpFetcher>,
}

/// The perspective's routes: its lookups and who it is. Nothing else is served.
pub fn router(perspective: Perspective) -> Router {
    Router::new()
        .route(LOOKUP_PATH, post(lookup))
        .route(WHO_PATH, get(who))
        .with_state(perspective)
}

async fn who(State(p): State<Perspective>) -> Json<Who> {
    Json(p.who.clone())
}

async fn lookup(State(p): State<Perspective>, Json(asked): Json<Lookup>) -> Json<Seen> {
    tracing::info!(perspective = %p.who.name, lookup = ?asked, "lookup for the primary");
    Json(look(&p, asked).await)
}

/// Does the lookup here. Failures are answers too: the primary decides what they mean.
pub async fn look(p: &Perspective, asked: Lookup) -> Seen {
    let fetched = |r: Result<String, crate::ports::http_fetch::FetchError>| match r {
        Ok(text) => Seen::Body { text },
        Err(e) => Seen::FetchFailed {
            failure: WireFetchFailure::from(&e),
        },
    };
    match asked {
        Lookup::Txt { name } => match p.dns.txt(&name).await {
            Ok(records) => Seen::Txt { records },
            Err(e) => Seen::from(&e),
        },
        Lookup::Caa { name } => match p.dns.caa(&name).await {
            Ok(records) => Seen::Caa {
                records: records.iter().map(WireCaa::from).collect(),
            },
            Err(e) => Seen::from(&e),
        },
        Lookup::ValidationFile { domain, file_name } => {
            fetched(p.http.validation_file(&domain, &file_name).await)
        }
        Lookup::AcmeChallenge { domain, token } => {
            fetched(p.http.acme_challenge(&domain, &token).await)
        }
        Lookup::AcmeTlsAlpn { domain } => match p.http.acme_tls_alpn(&domain).await {
            Ok(der) => Seen::Certificate {
                der_base64: base64::engine::general_purpose::STANDARD.encode(der),
            },
            Err(e) => Seen::FetchFailed {
                failure: WireFetchFailure::from(&e),
            },
        },
    }
}

/// How `server perspective serve` is started (its command-line arguments).
#[derive(Debug, clap::Args)]
pub struct ServeOptions {
    /// Address and port for HTTPS.
    #[arg(long, default_value = "0.0.0.0:8443")]
    pub listen: std::net::SocketAddr,
    /// This perspective's name, as the primary's configuration and records call it.
    #[arg(long)]
    pub name: String,
    /// Its RIR service region: afrinic, apnic, arin, lacnic or ripe.
    #[arg(long, value_parser = parse_region)]
    pub region: crate::domain::mpic::Region,
    /// Its certificate chain (PEM), issued by the CA the primary trusts for perspectives.
    #[arg(long)]
    pub cert: std::path::PathBuf,
    /// Its private key (PEM).
    #[arg(long)]
    pub key: std::path::PathBuf,
    /// The CA (PEM) of the primary's client certificate: no one else is answered.
    #[arg(long)]
    pub client_ca: std::path::PathBuf,
    /// The recursive resolver to ask (default: this host's `/etc/resolv.conf`). Never the
    /// primary's: corroboration means a separate view of the DNS.
    #[arg(long)]
    pub dns: Option<std::net::SocketAddr>,
    /// The port HTTP-01 and the validation file are fetched from (80 by the BRs).
    #[arg(long, default_value_t = 80)]
    pub http_port: u16,
    /// The port TLS-ALPN-01 connects to (443 by the BRs).
    #[arg(long, default_value_t = 443)]
    pub tls_port: u16,
    /// Let lookups reach loopback and private addresses (labs and tests only).
    #[arg(long)]
    pub allow_private_addresses: bool,
}

fn parse_region(s: &str) -> Result<crate::domain::mpic::Region, String> {
    crate::domain::mpic::Region::parse(s)
        .ok_or_else(|| format!("{s:?} is not one of afrinic, apnic, arin, lacnic, ripe"))
}

/// Runs the perspective until the process is stopped.
pub async fn run(options: ServeOptions) -> Result<(), String> {
    let tls = super::tls::server_config_from_files(&options.cert, &options.key, &options.client_ca)
        .map_err(|e| e.to_string())?;
    let listener = tokio::net::TcpListener::bind(options.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", options.listen))?;
    let bound = listener.local_addr().map_err(|e| e.to_string())?;
    // The perspective's own resolver answers its record lookups and the addresses it fetches
    // from: what it sees must not depend on the primary's network or the host's defaults.
    let dns: Arc<dyn DnsResolver> = Arc::new(crate::adapters::dns::HickoryDns::new(options.dns));
    let perspective = Perspective {
        who: Who {
            name: options.name.clone(),
            region: options.region,
        },
        dns: dns.clone(),
        http: Arc::new(
            crate::adapters::http_fetch::PlainHttpFetcher::new(options.http_port, None)
                .with_tls_port(options.tls_port)
                .allowing_private_addresses(options.allow_private_addresses)
                .resolving_with(dns),
        ),
    };
    println!(
        "Perspective {} ({}) answering on https://{bound}.",
        options.name,
        options.region.as_str()
    );
    tokio::select! {
        () = crate::web::tls::serve(listener, tls, router(perspective)) => Ok(()),
        _ = tokio::signal::ctrl_c() => Ok(()),
    }
}
