//! Settings from the environment. Every one has a default that works on a fresh machine:
//! a SQLite file and a mail outbox under `./data`, listening on 127.0.0.1:3000.

mod ct_logs;
mod perspectives;
pub use ct_logs::CtSettings;
pub use perspectives::{PerspectiveEntry, PerspectiveSettings, PerspectiveTls};

use std::{
    net::{IpAddr, SocketAddr},
    path::PathBuf,
};

use url::Url;

use crate::{adapters::trust_anchor::TrustAnchor, domain::trusted_proxies::TrustedProxies};

#[derive(Debug, Clone)]
pub struct Config {
    /// `ROOTLINE_LISTEN`: address and port to listen on.
    pub listen: SocketAddr,
    /// `ROOTLINE_PUBLIC_URL`: the base of links in e-mails, as users reach the portal.
    pub public_url: Url,
    /// `ROOTLINE_DATA_DIR`: where the SQLite file and the mail outbox live.
    pub data_dir: PathBuf,
    /// `ROOTLINE_DATABASE_URL`: `sqlite://…` or `postgres://…`.
    pub database_url: String,
    /// `ROOTLINE_SMTP_URL`: lettre SMTP URL; unset writes mail to `<data dir>/outbox/`.
    pub smtp_url: Option<String>,
    /// `ROOTLINE_MAIL_FROM`: the sender of every e-mail.
    pub mail_from: String,
    /// `ROOTLINE_SITE_ROOT`: the built browser assets (`pkg/`, favicon).
    pub site_root: PathBuf,
    /// `ROOTLINE_MASTER_KEY`: seals the software CA keys; unset uses `<data dir>/master.key`.
    pub master_key: Option<Secret>,
    /// `ROOTLINE_PKCS11_MODULE`, `ROOTLINE_PKCS11_TOKEN_LABEL`, `ROOTLINE_PKCS11_PIN`: keep
    /// the CA keys in an HSM instead of the software key store.
    pub pkcs11: Option<Pkcs11Settings>,
    /// `ROOTLINE_CA_ORGANIZATION`: `O=` in the CA certificates.
    pub ca_organization: String,
    /// `ROOTLINE_CA_COUNTRY`: `C=` in the CA certificates (ISO 3166 alpha-2; the BRs require it).
    pub ca_country: String,
    /// `ROOTLINE_TLS_LISTEN` and the other `ROOTLINE_TLS_*`: an HTTPS listener that asks
    /// browsers for a client certificate, for certificate sign-in. Off when unset.
    pub tls: Option<TlsSettings>,
    /// `ROOTLINE_PUBLIC_TRUST` and the remote network perspectives (`perspectives.rs`).
    pub mpic: PerspectiveSettings,
    /// `ROOTLINE_CT_LOGS` and `ROOTLINE_CT_MIN_SCTS`: Certificate Transparency (`ct_logs.rs`).
    pub ct: CtSettings,
    /// `ROOTLINE_PASSKEY_ORIGIN`: the origin passkeys answer to (its host is the relying
    /// party ID); by default the public URL. Browsers refuse passkeys for an IP address, so a
    /// portal reached by one names a host name here.
    pub passkey_origin: Url,
    /// `ROOTLINE_DNS_RESOLVER`: the recursive resolver (`host:port`, UDP and TCP) asked for
    /// DCV TXT records and CAA; unset uses the system's (`/etc/resolv.conf`).
    pub dns_resolver: Option<SocketAddr>,
    /// `ROOTLINE_DNSSEC_TRUST_ANCHOR`: a file of DNSKEY or DS records (zone-file form) that
    /// every DCV and CAA lookup is DNSSEC-validated to; by default the IANA root's keys.
    /// Validation itself cannot be turned off (TLS BR 3.2.2.4, 3.2.2.8.1).
    pub dnssec_trust_anchor: TrustAnchor,
    /// `ROOTLINE_DCV_HTTP_PORT`: the port validation files are fetched from (80 by the BRs;
    /// tests use another).
    pub dcv_http_port: u16,
    /// `ROOTLINE_DCV_TLS_PORT`: the port ACME TLS-ALPN-01 connects to (443 by RFC 8737;
    /// tests use another).
    pub dcv_tls_port: u16,
    /// `ROOTLINE_DCV_HTTP_HOST`: connect to this address instead of the domain's own for
    /// validation files, keeping the domain as the Host header (tests and local runs only).
    pub dcv_http_host: Option<IpAddr>,
    /// `ROOTLINE_DCV_ALLOW_PRIVATE_ADDRESSES` (default false): let HTTP-01, validation files
    /// and TLS-ALPN-01 connect to loopback, private, link-local and other addresses that are
    /// not globally routable. Off, a name resolving to any of them fails validation, so DCV
    /// cannot be turned against the CA's own network; turn it on for labs and tests only.
    pub dcv_allow_private_addresses: bool,
    /// `ROOTLINE_CAA_IDENTITIES`: the issuer domain names by which CAA records authorise this
    /// CA (comma-separated, lower-cased); by default the public URL's host.
    pub caa_identities: Vec<String>,
    /// `ROOTLINE_DCV_EMAIL_CONTACT_METHODS` (default false): offer domain validation by
    /// e-mail to the DNS CAA contact and to the DNS TXT contact (TLS BR 3.2.2.4.13, .14).
    /// The BRs say these SHOULD NOT be used from 2026-03-15 and refuse them from 2028-03-15,
    /// after which they are not offered whatever this says.
    pub dcv_email_contact_methods: bool,
    /// `ROOTLINE_ACME_EAB_REQUIRED` (default true): ACME accounts need External Account
    /// Binding credentials from the portal.
    pub acme_eab_required: bool,
    /// `ROOTLINE_TRUSTED_PROXIES`: reverse proxies (comma-separated addresses or blocks such
    /// as `10.0.0.0/8`) whose `X-Forwarded-For` names the client. Empty by default: the TCP
    /// peer is the client and the header is ignored.
    pub trusted_proxies: TrustedProxies,
    /// `ROOTLINE_CLIENT_LIMIT_SCALE` (default 1): multiplies every per-client allowance on the
    /// public actions (sign-up, tracking links, the delegate's PIN, domain checks), for a site
    /// whose users share one address, or for test suites that all come from 127.0.0.1.
    pub client_limit_scale: u64,
    /// `ROOTLINE_METRICS_TOKEN`: when set (16 characters or more), `/metrics` answers any
    /// client that sends `Authorization: Bearer <token>`. Unset, it answers only clients on
    /// this machine (loopback) that did not come through a proxy.
    pub metrics_token: Option<Secret>,
    /// `ROOTLINE_MAIL_LEASE_SECONDS` (default 300): how long a node's claim on a queued
    /// message lasts. A node that dies mid-delivery holds its messages this long; one shorter
    /// than the slowest SMTP answer lets a second node send the same message again.
    pub mail_lease: std::time::Duration,
    /// `ROOTLINE_INTERIM_DV_GRACE_HOURS` (default 72, at most 720): how long an interim DV
    /// certificate stays valid after its OV or EV order's own certificate is issued, to give
    /// time to install that one; then it is revoked as superseded. 0 revokes it at once.
    pub interim_dv_grace: chrono::Duration,
    /// The payment providers (FIN-1): a provider whose keys are not all set is not offered.
    pub payments: PaymentSettings,
    /// `ROOTLINE_GSTIN` (with `ROOTLINE_GST_RATE_PERCENT`, default 18, and
    /// `ROOTLINE_GST_SAC`, default 998315): the operator's GST registration. Set, INR charges
    /// carry GST and their invoices are tax invoices; unset, INR invoices say no GST was charged.
    pub gst: Option<crate::domain::gst::GstSettings>,
}

/// `ROOTLINE_STRIPE_*` and `ROOTLINE_RAZORPAY_*`.
#[derive(Debug, Clone, Default)]
pub struct PaymentSettings {
    /// Stripe Checkout for USD accounts.
    pub stripe: Option<StripeSettings>,
    /// Razorpay for INR accounts.
    pub razorpay: Option<RazorpaySettings>,
}

impl PaymentSettings {
    /// The origins of the providers' pages that the portal's own forms are sent to, for the
    /// `form-action` of its Content-Security-Policy: Razorpay's hosted checkout is a form the
    /// customer posts to `<ROOTLINE_RAZORPAY_API_BASE>/v1/checkout/embedded`. (Stripe's
    /// checkout is a link the browser follows, which `form-action` does not govern.)
    pub fn checkout_form_origins(&self) -> Vec<String> {
        self.razorpay
            .iter()
            .filter_map(|r| Url::parse(&r.api_base).ok())
            .map(|u| u.origin().ascii_serialization())
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct StripeSettings {
    /// `ROOTLINE_STRIPE_API_BASE` (default `https://api.stripe.com`).
    pub api_base: String,
    /// `ROOTLINE_STRIPE_SECRET_KEY`.
    pub secret_key: Secret,
    /// `ROOTLINE_STRIPE_WEBHOOK_SECRET`: the endpoint's signing secret (`whsec_…`).
    pub webhook_secret: Secret,
}

#[derive(Debug, Clone)]
pub struct RazorpaySettings {
    /// `ROOTLINE_RAZORPAY_API_BASE` (default `https://api.razorpay.com`).
    pub api_base: String,
    /// `ROOTLINE_RAZORPAY_KEY_ID`.
    pub key_id: String,
    /// `ROOTLINE_RAZORPAY_KEY_SECRET`.
    pub key_secret: Secret,
    /// `ROOTLINE_RAZORPAY_WEBHOOK_SECRET`.
    pub webhook_secret: Secret,
}

#[derive(Debug, Clone)]
pub struct TlsSettings {
    /// `ROOTLINE_TLS_LISTEN`: address and port of the HTTPS listener.
    pub listen: SocketAddr,
    /// `ROOTLINE_TLS_CERT` and `ROOTLINE_TLS_KEY`: PEM files with the listener's certificate
    /// chain and private key; unset, a self-signed certificate is made at every start.
    pub cert_and_key: Option<(PathBuf, PathBuf)>,
    /// `ROOTLINE_TLS_PUBLIC_URL`: how browsers reach the listener; by default the public
    /// URL's host with https and the listener's port.
    pub public_url: Url,
}

impl TlsSettings {
    /// The listener's URL without a trailing slash, to append paths to.
    pub fn link_base(&self) -> String {
        self.public_url.as_str().trim_end_matches('/').to_owned()
    }
}

#[derive(Debug, Clone)]
pub struct Pkcs11Settings {
    pub module: PathBuf,
    pub token_label: String,
    pub pin: Secret,
}

/// A setting that must never reach a log.
#[derive(Clone)]
pub struct Secret(pub String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is not valid: {reason}")]
    Invalid { name: &'static str, reason: String },
}

/// The providers whose keys are all set; some but not all of a provider's keys is a mistake
/// worth refusing to start over, rather than a provider silently not offered.
/// The operator's GST registration, rate and SAC code; `None` without `ROOTLINE_GSTIN`.
fn gst_settings(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<Option<crate::domain::gst::GstSettings>, ConfigError> {
    use crate::domain::gst::{DEFAULT_RATE, DEFAULT_SAC, GstSettings, RateBp, parse_gstin};
    let Some(raw) = get("ROOTLINE_GSTIN") else {
        return Ok(None);
    };
    let (gstin, state) = parse_gstin(&raw).map_err(|e| ConfigError::Invalid {
        name: "ROOTLINE_GSTIN",
        reason: format!("{raw:?} is not a valid GSTIN ({e:?})"),
    })?;
    let rate = match get("ROOTLINE_GST_RATE_PERCENT") {
        None => DEFAULT_RATE,
        Some(raw) => app::model::billing::parse_minor_units(&raw)
            .ok()
            .flatten()
            .filter(|bp| (1..=4_000).contains(bp))
            .and_then(|bp| u32::try_from(bp).ok())
            .map(RateBp)
            .ok_or_else(|| ConfigError::Invalid {
                name: "ROOTLINE_GST_RATE_PERCENT",
                reason: format!("{raw:?} is not a rate from 0.01 to 40 (per cent)"),
            })?,
    };
    let sac = match get("ROOTLINE_GST_SAC") {
        None => DEFAULT_SAC.to_owned(),
        Some(raw) if raw.len() == 6 && raw.bytes().all(|b| b.is_ascii_digit()) => raw,
        Some(raw) => {
            return Err(ConfigError::Invalid {
                name: "ROOTLINE_GST_SAC",
                reason: format!("{raw:?} is not a six-digit SAC code"),
            });
        }
    };
    Ok(Some(GstSettings {
        gstin,
        state,
        rate,
        sac,
    }))
}

fn payment_settings(get: &impl Fn(&str) -> Option<String>) -> Result<PaymentSettings, ConfigError> {
    let base = |name: &str, default: &str| -> Result<String, ConfigError> {
        let raw = get(name).unwrap_or_else(|| default.into());
        Url::parse(raw.trim())
            .ok()
            .filter(|u| matches!(u.scheme(), "https" | "http"))
            .map(|_| raw.trim().trim_end_matches('/').to_owned())
            .ok_or_else(|| ConfigError::Invalid {
                name: if name.contains("STRIPE") {
                    "ROOTLINE_STRIPE_API_BASE"
                } else {
                    "ROOTLINE_RAZORPAY_API_BASE"
                },
                reason: format!("{raw:?} is not an http(s) URL"),
            })
    };
    let incomplete = |name: &'static str, needs: &str| ConfigError::Invalid {
        name,
        reason: format!("set all of {needs}, or none to turn this provider off"),
    };
    let stripe = match (
        get("ROOTLINE_STRIPE_SECRET_KEY"),
        get("ROOTLINE_STRIPE_WEBHOOK_SECRET"),
    ) {
        (None, None) => None,
        (Some(key), Some(hook)) => Some(StripeSettings {
            api_base: base("ROOTLINE_STRIPE_API_BASE", "https://api.stripe.com")?,
            secret_key: Secret(key.trim().into()),
            webhook_secret: Secret(hook.trim().into()),
        }),
        _ => {
            return Err(incomplete(
                "ROOTLINE_STRIPE_SECRET_KEY",
                "ROOTLINE_STRIPE_SECRET_KEY and ROOTLINE_STRIPE_WEBHOOK_SECRET",
            ));
        }
    };
    let razorpay = match (
        get("ROOTLINE_RAZORPAY_KEY_ID"),
        get("ROOTLINE_RAZORPAY_KEY_SECRET"),
        get("ROOTLINE_RAZORPAY_WEBHOOK_SECRET"),
    ) {
        (None, None, None) => None,
        (Some(id), Some(key), Some(hook)) => Some(RazorpaySettings {
            api_base: base("ROOTLINE_RAZORPAY_API_BASE", "https://api.razorpay.com")?,
            key_id: id.trim().into(),
            key_secret: Secret(key.trim().into()),
            webhook_secret: Secret(hook.trim().into()),
        }),
        _ => {
            return Err(incomplete(
                "ROOTLINE_RAZORPAY_KEY_ID",
                "ROOTLINE_RAZORPAY_KEY_ID, ROOTLINE_RAZORPAY_KEY_SECRET and ROOTLINE_RAZORPAY_WEBHOOK_SECRET",
            ));
        }
    };
    Ok(PaymentSettings { stripe, razorpay })
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
    }

    /// Builds the configuration from any source of variables (the environment, or a map in tests).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let invalid = |name: &'static str, reason: String| ConfigError::Invalid { name, reason };

        let listen: SocketAddr = get("ROOTLINE_LISTEN")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .map_err(|e| {
                invalid(
                    "ROOTLINE_LISTEN",
                    format!("{e} (expected e.g. 127.0.0.1:3000)"),
                )
            })?;

        let public_url = get("ROOTLINE_PUBLIC_URL").unwrap_or_else(|| format!("http://{listen}"));
        let public_url =
            Url::parse(&public_url).map_err(|e| invalid("ROOTLINE_PUBLIC_URL", e.to_string()))?;
        if !matches!(public_url.scheme(), "http" | "https") || public_url.host().is_none() {
            return Err(invalid(
                "ROOTLINE_PUBLIC_URL",
                "use an http:// or https:// URL with a host".into(),
            ));
        }

        let data_dir = PathBuf::from(get("ROOTLINE_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let database_url = get("ROOTLINE_DATABASE_URL").unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                data_dir.join("rootline.db").display()
            )
        });
        if !(database_url.starts_with("sqlite:")
            || database_url.starts_with("postgres://")
            || database_url.starts_with("postgresql://"))
        {
            return Err(invalid(
                "ROOTLINE_DATABASE_URL",
                "use sqlite://<file> or postgres://user@host/db".into(),
            ));
        }

        let ca_country =
            app::model::text::country(&get("ROOTLINE_CA_COUNTRY").unwrap_or_else(|| "IN".into()))
                .map_err(|reason| invalid("ROOTLINE_CA_COUNTRY", reason.to_string()))?;

        let pkcs11 = match get("ROOTLINE_PKCS11_MODULE") {
            None => None,
            Some(module) => Some(Pkcs11Settings {
                module: PathBuf::from(module),
                token_label: get("ROOTLINE_PKCS11_TOKEN_LABEL").ok_or_else(|| {
                    invalid(
                        "ROOTLINE_PKCS11_TOKEN_LABEL",
                        "required with ROOTLINE_PKCS11_MODULE".into(),
                    )
                })?,
                pin: get("ROOTLINE_PKCS11_PIN").map(Secret).ok_or_else(|| {
                    invalid(
                        "ROOTLINE_PKCS11_PIN",
                        "required with ROOTLINE_PKCS11_MODULE".into(),
                    )
                })?,
            }),
        };

        let tls = match get("ROOTLINE_TLS_LISTEN") {
            None => None,
            Some(tls_listen) => Some(tls_settings(&get, &tls_listen, &public_url)?),
        };

        let passkey_origin = match get("ROOTLINE_PASSKEY_ORIGIN") {
            None => default_passkey_origin(&public_url),
            Some(origin) => Url::parse(&origin)
                .ok()
                .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
                .ok_or_else(|| {
                    invalid(
                        "ROOTLINE_PASSKEY_ORIGIN",
                        "must be an http or https origin such as https://pki.example.com".into(),
                    )
                })?,
        };

        let dcv = dcv_settings(&get, &public_url)?;
        let acme_eab_required = match get("ROOTLINE_ACME_EAB_REQUIRED").as_deref().map(str::trim) {
            None | Some("true") | Some("1") | Some("yes") => true,
            Some("false") | Some("0") | Some("no") => false,
            Some(other) => {
                return Err(ConfigError::Invalid {
                    name: "ROOTLINE_ACME_EAB_REQUIRED",
                    reason: format!("{other:?} is not true or false"),
                });
            }
        };

        let trusted_proxies =
            TrustedProxies::parse(&get("ROOTLINE_TRUSTED_PROXIES").unwrap_or_default())
                .map_err(|e| invalid("ROOTLINE_TRUSTED_PROXIES", e.to_string()))?;

        let client_limit_scale = match get("ROOTLINE_CLIENT_LIMIT_SCALE") {
            None => 1,
            Some(raw) => raw
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=10_000).contains(n))
                .ok_or_else(|| {
                    invalid(
                        "ROOTLINE_CLIENT_LIMIT_SCALE",
                        format!("{raw:?} is not a whole number from 1 to 10000"),
                    )
                })?,
        };

        let metrics_token = match get("ROOTLINE_METRICS_TOKEN") {
            None => None,
            Some(token) if token.trim().chars().count() >= 16 => Some(Secret(token.trim().into())),
            Some(_) => {
                return Err(invalid(
                    "ROOTLINE_METRICS_TOKEN",
                    "use at least 16 characters (e.g. `openssl rand -hex 32`)".into(),
                ));
            }
        };

        let mail_lease = match get("ROOTLINE_MAIL_LEASE_SECONDS") {
            None => std::time::Duration::from_secs(300),
            Some(raw) => raw
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| (1..=86_400).contains(n))
                .map(std::time::Duration::from_secs)
                .ok_or_else(|| {
                    invalid(
                        "ROOTLINE_MAIL_LEASE_SECONDS",
                        format!("{raw:?} is not a whole number of seconds from 1 to 86400"),
                    )
                })?,
        };

        let interim_dv_grace = match get("ROOTLINE_INTERIM_DV_GRACE_HOURS") {
            None => chrono::Duration::hours(crate::services::orders::INTERIM_DV_GRACE_HOURS),
            Some(raw) => raw
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| (0..=720).contains(n))
                .map(chrono::Duration::hours)
                .ok_or_else(|| {
                    invalid(
                        "ROOTLINE_INTERIM_DV_GRACE_HOURS",
                        format!("{raw:?} is not a whole number of hours from 0 to 720"),
                    )
                })?,
        };

        let payments = payment_settings(&get)?;
        let gst = gst_settings(&get)?;
        let mpic = perspectives::perspective_settings(&get)?;
        let ct = ct_logs::ct_settings(&get)?;

        Ok(Self {
            mpic,
            ct,
            gst,
            payments,
            interim_dv_grace,
            mail_lease,
            metrics_token,
            client_limit_scale,
            trusted_proxies,
            acme_eab_required,
            dns_resolver: dcv.dns_resolver,
            dnssec_trust_anchor: dcv.dnssec_trust_anchor,
            dcv_http_port: dcv.http_port,
            dcv_tls_port: dcv.tls_port,
            dcv_http_host: dcv.http_host,
            dcv_allow_private_addresses: dcv.allow_private_addresses,
            caa_identities: dcv.caa_identities,
            dcv_email_contact_methods: dcv.email_contact_methods,
            listen,
            public_url,
            passkey_origin,
            data_dir,
            database_url,
            smtp_url: get("ROOTLINE_SMTP_URL"),
            mail_from: get("ROOTLINE_MAIL_FROM")
                .unwrap_or_else(|| "Rootline <no-reply@rootline.localhost>".into()),
            site_root: PathBuf::from(
                get("ROOTLINE_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            ),
            master_key: get("ROOTLINE_MASTER_KEY").map(Secret),
            pkcs11,
            ca_organization: get("ROOTLINE_CA_ORGANIZATION").unwrap_or_else(|| "Rootline".into()),
            ca_country,
            tls,
        })
    }

    /// Cookies get the Secure flag when users reach the portal over https.
    pub fn secure_cookies(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// The public URL without a trailing slash, to append paths to.
    pub fn link_base(&self) -> String {
        self.public_url.as_str().trim_end_matches('/').to_owned()
    }
}

/// The public URL, except that a loopback address becomes `localhost` (the same machine):
/// browsers refuse passkeys for an IP address, and `localhost` is where a fresh install works.
fn default_passkey_origin(public_url: &Url) -> Url {
    let loopback = match public_url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        _ => false,
    };
    let mut origin = public_url.clone();
    if loopback && origin.set_host(Some("localhost")).is_err() {
        return public_url.clone();
    }
    origin
}

struct DcvSettings {
    dns_resolver: Option<SocketAddr>,
    dnssec_trust_anchor: TrustAnchor,
    http_port: u16,
    tls_port: u16,
    http_host: Option<IpAddr>,
    allow_private_addresses: bool,
    caa_identities: Vec<String>,
    email_contact_methods: bool,
}

fn dcv_settings(
    get: &impl Fn(&str) -> Option<String>,
    public_url: &Url,
) -> Result<DcvSettings, ConfigError> {
    let invalid = |name: &'static str, reason: String| ConfigError::Invalid { name, reason };
    let dns_resolver = get("ROOTLINE_DNS_RESOLVER")
        .map(|v| {
            v.trim().parse::<SocketAddr>().map_err(|e| {
                invalid(
                    "ROOTLINE_DNS_RESOLVER",
                    format!("{e} (expected an address and port, e.g. 127.0.0.1:53)"),
                )
            })
        })
        .transpose()?;
    let dnssec_trust_anchor = match get("ROOTLINE_DNSSEC_TRUST_ANCHOR") {
        None => TrustAnchor::iana_root(),
        Some(path) => TrustAnchor::from_file(std::path::Path::new(path.trim()))
            .map_err(|e| invalid("ROOTLINE_DNSSEC_TRUST_ANCHOR", e.to_string()))?,
    };
    let port = |name: &'static str, default: u16| match get(name) {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| invalid(name, format!("{v:?} is not a port number from 1 to 65535"))),
    };
    let http_port = port("ROOTLINE_DCV_HTTP_PORT", 80)?;
    let tls_port = port("ROOTLINE_DCV_TLS_PORT", 443)?;
    let http_host = get("ROOTLINE_DCV_HTTP_HOST")
        .map(|v| {
            v.trim().parse::<IpAddr>().map_err(|e| {
                invalid(
                    "ROOTLINE_DCV_HTTP_HOST",
                    format!("{e} (expected an IP address, e.g. 127.0.0.1)"),
                )
            })
        })
        .transpose()?;
    let allow_private_addresses = match get("ROOTLINE_DCV_ALLOW_PRIVATE_ADDRESSES")
        .as_deref()
        .map(str::trim)
    {
        None | Some("false") | Some("0") | Some("no") => false,
        Some("true") | Some("1") | Some("yes") => true,
        Some(other) => {
            return Err(invalid(
                "ROOTLINE_DCV_ALLOW_PRIVATE_ADDRESSES",
                format!("{other:?} is not true or false"),
            ));
        }
    };
    let email_contact_methods = match get("ROOTLINE_DCV_EMAIL_CONTACT_METHODS")
        .as_deref()
        .map(str::trim)
    {
        None | Some("false") | Some("0") | Some("no") => false,
        Some("true") | Some("1") | Some("yes") => true,
        Some(other) => {
            return Err(invalid(
                "ROOTLINE_DCV_EMAIL_CONTACT_METHODS",
                format!("{other:?} is not true or false"),
            ));
        }
    };
    let caa_identities = match get("ROOTLINE_CAA_IDENTITIES") {
        Some(list) => {
            let names: Vec<String> = list
                .split(',')
                .map(|n| n.trim().trim_end_matches('.').to_ascii_lowercase())
                .filter(|n| !n.is_empty())
                .collect();
            if let Some(bad) = names.iter().find(|n| !caa_identity_syntax(n)) {
                return Err(invalid(
                    "ROOTLINE_CAA_IDENTITIES",
                    format!("{bad:?} is not a domain name such as pki.example.com"),
                ));
            }
            if names.is_empty() {
                return Err(invalid(
                    "ROOTLINE_CAA_IDENTITIES",
                    "name at least one domain, e.g. pki.example.com".into(),
                ));
            }
            names
        }
        None => public_url
            .host_str()
            .map(|h| vec![h.trim_end_matches('.').to_ascii_lowercase()])
            .unwrap_or_default(),
    };
    Ok(DcvSettings {
        dns_resolver,
        dnssec_trust_anchor,
        http_port,
        tls_port,
        http_host,
        allow_private_addresses,
        caa_identities,
        email_contact_methods,
    })
}

/// Labels of letters, digits and inner hyphens: what an issuer domain name in a CAA `issue`
/// property can be (RFC 8659 section 4.2).
fn caa_identity_syntax(name: &str) -> bool {
    name.len() <= 253
        && name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

fn tls_settings(
    get: &impl Fn(&str) -> Option<String>,
    tls_listen: &str,
    public_url: &Url,
) -> Result<TlsSettings, ConfigError> {
    let invalid = |name: &'static str, reason: String| ConfigError::Invalid { name, reason };
    let listen: SocketAddr = tls_listen.parse().map_err(|e| {
        invalid(
            "ROOTLINE_TLS_LISTEN",
            format!("{e} (expected e.g. 0.0.0.0:3443)"),
        )
    })?;
    let cert_and_key = match (get("ROOTLINE_TLS_CERT"), get("ROOTLINE_TLS_KEY")) {
        (Some(cert), Some(key)) => Some((PathBuf::from(cert), PathBuf::from(key))),
        (None, None) => None,
        (Some(_), None) => {
            return Err(invalid(
                "ROOTLINE_TLS_KEY",
                "required with ROOTLINE_TLS_CERT".into(),
            ));
        }
        (None, Some(_)) => {
            return Err(invalid(
                "ROOTLINE_TLS_CERT",
                "required with ROOTLINE_TLS_KEY".into(),
            ));
        }
    };
    let public_url = match get("ROOTLINE_TLS_PUBLIC_URL") {
        Some(url) => Url::parse(&url)
            .ok()
            .filter(|u| u.scheme() == "https" && u.host().is_some())
            .ok_or_else(|| {
                invalid(
                    "ROOTLINE_TLS_PUBLIC_URL",
                    "use an https:// URL with a host".into(),
                )
            })?,
        None => {
            let mut url = public_url.clone();
            url.set_path("/");
            url.set_scheme("https")
                .and_then(|()| url.set_port(Some(listen.port())))
                .map_err(|()| {
                    invalid(
                        "ROOTLINE_TLS_PUBLIC_URL",
                        "cannot be derived from ROOTLINE_PUBLIC_URL; set it".into(),
                    )
                })?;
            url
        }
    };
    Ok(TlsSettings {
        listen,
        cert_and_key,
        public_url,
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn from(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_work_on_a_fresh_machine() {
        let c = from(&[]).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:3000");
        assert_eq!(c.link_base(), "http://127.0.0.1:3000");
        assert_eq!(c.database_url, "sqlite://./data/rootline.db?mode=rwc");
        assert!(c.smtp_url.is_none());
        assert!(!c.secure_cookies());
        assert_eq!(c.passkey_origin.as_str(), "http://localhost:3000/");
    }

    #[test]
    fn passkeys_answer_to_the_public_host_or_the_setting() {
        let c = from(&[("ROOTLINE_PUBLIC_URL", "https://pki.example.com/")]).unwrap();
        assert_eq!(c.passkey_origin.as_str(), "https://pki.example.com/");
        let c = from(&[("ROOTLINE_PUBLIC_URL", "http://[::1]:8080/")]).unwrap();
        assert_eq!(c.passkey_origin.as_str(), "http://localhost:8080/");
        let c = from(&[("ROOTLINE_PUBLIC_URL", "http://10.0.0.5:3000/")]).unwrap();
        assert_eq!(
            c.passkey_origin.as_str(),
            "http://10.0.0.5:3000/",
            "not this machine"
        );
        let c = from(&[("ROOTLINE_PASSKEY_ORIGIN", "http://portal.test:3000")]).unwrap();
        assert_eq!(c.passkey_origin.as_str(), "http://portal.test:3000/");
        let e = from(&[("ROOTLINE_PASSKEY_ORIGIN", "portal")]).unwrap_err();
        assert!(e.to_string().contains("ROOTLINE_PASSKEY_ORIGIN"));
    }

    #[test]
    fn razorpays_checkout_origin_is_where_the_portals_forms_may_go() {
        let razorpay = [
            ("ROOTLINE_RAZORPAY_KEY_ID", "rzp_test_1"),
            ("ROOTLINE_RAZORPAY_KEY_SECRET", "secret"),
            ("ROOTLINE_RAZORPAY_WEBHOOK_SECRET", "hook"),
        ];
        assert!(
            from(&[])
                .unwrap()
                .payments
                .checkout_form_origins()
                .is_empty()
        );
        let stripe_only = from(&[
            ("ROOTLINE_STRIPE_SECRET_KEY", "sk_test_1"),
            ("ROOTLINE_STRIPE_WEBHOOK_SECRET", "whsec_1"),
        ])
        .unwrap();
        assert!(stripe_only.payments.checkout_form_origins().is_empty());
        assert_eq!(
            from(&razorpay).unwrap().payments.checkout_form_origins(),
            ["https://api.razorpay.com"]
        );
        let mut local = razorpay.to_vec();
        local.push(("ROOTLINE_RAZORPAY_API_BASE", "http://localhost:12112/"));
        assert_eq!(
            from(&local).unwrap().payments.checkout_form_origins(),
            ["http://localhost:12112"]
        );
    }

    #[test]
    fn https_public_url_makes_cookies_secure() {
        let c = from(&[("ROOTLINE_PUBLIC_URL", "https://pki.example.com/")]).unwrap();
        assert!(c.secure_cookies());
        assert_eq!(c.link_base(), "https://pki.example.com");
    }

    #[test]
    fn trusted_proxies_are_none_by_default_and_read_as_a_list() {
        let ip = |s: &str| s.parse::<IpAddr>().unwrap();
        assert!(!from(&[]).unwrap().trusted_proxies.trusts(ip("127.0.0.1")));
        let c = from(&[("ROOTLINE_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")]).unwrap();
        assert!(c.trusted_proxies.trusts(ip("127.0.0.1")));
        assert!(c.trusted_proxies.trusts(ip("10.1.2.3")));
        assert!(!c.trusted_proxies.trusts(ip("192.0.2.1")));
        let e = from(&[("ROOTLINE_TRUSTED_PROXIES", "10.0.0.0/40")]).unwrap_err();
        assert!(e.to_string().contains("ROOTLINE_TRUSTED_PROXIES"), "{e}");
    }

    #[test]
    fn a_mail_claim_lasts_five_minutes_unless_set() {
        assert_eq!(
            from(&[]).unwrap().mail_lease,
            std::time::Duration::from_secs(300)
        );
        let c = from(&[("ROOTLINE_MAIL_LEASE_SECONDS", "15")]).unwrap();
        assert_eq!(c.mail_lease, std::time::Duration::from_secs(15));
        for bad in ["0", "-1", "soon", "86401"] {
            let e = from(&[("ROOTLINE_MAIL_LEASE_SECONDS", bad)]).unwrap_err();
            assert!(e.to_string().contains("ROOTLINE_MAIL_LEASE_SECONDS"), "{e}");
        }
    }

    #[test]
    fn an_interim_dv_certificate_outlives_its_successor_by_72_hours_unless_set() {
        assert_eq!(
            from(&[]).unwrap().interim_dv_grace,
            chrono::Duration::hours(72)
        );
        let c = from(&[("ROOTLINE_INTERIM_DV_GRACE_HOURS", "0")]).unwrap();
        assert_eq!(c.interim_dv_grace, chrono::Duration::zero());
        for bad in ["-1", "soon", "721", "1.5"] {
            let e = from(&[("ROOTLINE_INTERIM_DV_GRACE_HOURS", bad)]).unwrap_err();
            assert!(
                e.to_string().contains("ROOTLINE_INTERIM_DV_GRACE_HOURS"),
                "{e}"
            );
        }
    }

    #[test]
    fn client_limits_are_scaled_by_one_unless_set() {
        assert_eq!(from(&[]).unwrap().client_limit_scale, 1);
        let c = from(&[("ROOTLINE_CLIENT_LIMIT_SCALE", "100")]).unwrap();
        assert_eq!(c.client_limit_scale, 100);
        for bad in ["0", "-1", "many", "100000"] {
            let e = from(&[("ROOTLINE_CLIENT_LIMIT_SCALE", bad)]).unwrap_err();
            assert!(e.to_string().contains("ROOTLINE_CLIENT_LIMIT_SCALE"), "{e}");
        }
    }

    #[test]
    fn bad_settings_name_the_variable() {
        let e = from(&[("ROOTLINE_LISTEN", "nowhere")]).unwrap_err();
        assert!(e.to_string().contains("ROOTLINE_LISTEN"));
        let e = from(&[("ROOTLINE_PUBLIC_URL", "ftp://x")]).unwrap_err();
        assert!(e.to_string().contains("ROOTLINE_PUBLIC_URL"));
        let e = from(&[("ROOTLINE_DATABASE_URL", "mysql://x")]).unwrap_err();
        assert!(e.to_string().contains("ROOTLINE_DATABASE_URL"));
        let e = from(&[("ROOTLINE_CA_COUNTRY", "Atlantis")]).unwrap_err();
        assert!(e.to_string().contains("ROOTLINE_CA_COUNTRY"));
        let e = from(&[("ROOTLINE_PKCS11_MODULE", "/usr/lib/softhsm/libsofthsm2.so")]).unwrap_err();
        assert!(e.to_string().contains("ROOTLINE_PKCS11_TOKEN_LABEL"));
    }

    #[test]
    fn the_https_listener_is_off_by_default_and_takes_the_public_host() {
        assert!(from(&[]).unwrap().tls.is_none());
        let c = from(&[
            ("ROOTLINE_PUBLIC_URL", "http://pki.example.com:8080/portal"),
            ("ROOTLINE_TLS_LISTEN", "0.0.0.0:3443"),
        ])
        .unwrap();
        let tls = c.tls.unwrap();
        assert_eq!(tls.listen.to_string(), "0.0.0.0:3443");
        assert_eq!(tls.link_base(), "https://pki.example.com:3443");
        assert!(tls.cert_and_key.is_none());
        let c = from(&[
            ("ROOTLINE_TLS_LISTEN", "127.0.0.1:3443"),
            ("ROOTLINE_TLS_CERT", "/etc/rootline/tls.pem"),
            ("ROOTLINE_TLS_KEY", "/etc/rootline/tls.key"),
            ("ROOTLINE_TLS_PUBLIC_URL", "https://login.example.com/"),
        ])
        .unwrap();
        let tls = c.tls.unwrap();
        assert_eq!(tls.link_base(), "https://login.example.com");
        assert!(tls.cert_and_key.is_some());
        for (pairs, name) in [
            (
                &[("ROOTLINE_TLS_LISTEN", "port 3443")][..],
                "ROOTLINE_TLS_LISTEN",
            ),
            (
                &[
                    ("ROOTLINE_TLS_LISTEN", "127.0.0.1:3443"),
                    ("ROOTLINE_TLS_CERT", "/tls.pem"),
                ][..],
                "ROOTLINE_TLS_KEY",
            ),
            (
                &[
                    ("ROOTLINE_TLS_LISTEN", "127.0.0.1:3443"),
                    ("ROOTLINE_TLS_PUBLIC_URL", "http://login.example.com"),
                ][..],
                "ROOTLINE_TLS_PUBLIC_URL",
            ),
        ] {
            let e = from(pairs).unwrap_err();
            assert!(e.to_string().contains(name), "{e}");
        }
    }

    #[test]
    fn domain_validation_defaults_to_the_system_resolver_ports_80_and_443_and_the_public_host() {
        let c = from(&[("ROOTLINE_PUBLIC_URL", "https://PKI.Example.com/")]).unwrap();
        assert!(c.dns_resolver.is_none());
        assert_eq!(c.dcv_http_port, 80);
        assert_eq!(c.dcv_tls_port, 443);
        assert!(c.dcv_http_host.is_none());
        assert!(
            !c.dcv_allow_private_addresses,
            "validation refuses private addresses by default"
        );
        assert_eq!(c.caa_identities, vec!["pki.example.com".to_owned()]);
        assert!(
            !c.dcv_email_contact_methods,
            "the e-mails to DNS contacts are off unless the operator turns them on"
        );
        assert_eq!(
            c.dnssec_trust_anchor.describe(),
            TrustAnchor::iana_root().describe(),
            "DNSSEC validates to the IANA root unless told otherwise"
        );
    }

    #[test]
    fn a_dnssec_trust_anchor_file_is_read_at_start_and_a_bad_one_stops_it() {
        let dir = std::env::temp_dir().join(format!("rootline-anchor-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("anchor.key");
        std::fs::write(
            &good,
            ". DNSKEY 257 3 13 5vIoFvwM70Aguy83wotknTxUG4ghPIECFVwCzsLi3FSWmawkR9Da0hmwwgjuknzmEa4Iq20hlEaKf7C+iJPapQ==\n",
        )
        .unwrap();
        let c = from(&[("ROOTLINE_DNSSEC_TRUST_ANCHOR", good.to_str().unwrap())]).unwrap();
        assert!(c.dnssec_trust_anchor.describe().contains("1 DNSKEY"));
        let bad = dir.join("bad.key");
        std::fs::write(&bad, ". IN A 127.0.0.1\n").unwrap();
        for path in [bad, dir.join("missing.key")] {
            let e = from(&[("ROOTLINE_DNSSEC_TRUST_ANCHOR", path.to_str().unwrap())]).unwrap_err();
            assert!(
                e.to_string().contains("ROOTLINE_DNSSEC_TRUST_ANCHOR"),
                "{e}"
            );
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn domain_validation_settings_are_read_and_checked() {
        let c = from(&[
            ("ROOTLINE_DNS_RESOLVER", "127.0.0.1:5353"),
            ("ROOTLINE_DCV_HTTP_PORT", "8080"),
            ("ROOTLINE_DCV_TLS_PORT", "8443"),
            ("ROOTLINE_DCV_HTTP_HOST", "127.0.0.1"),
            ("ROOTLINE_DCV_ALLOW_PRIVATE_ADDRESSES", "true"),
            ("ROOTLINE_CAA_IDENTITIES", "Rootline.test, ca.example.com.,"),
            ("ROOTLINE_DCV_EMAIL_CONTACT_METHODS", "true"),
        ])
        .unwrap();
        assert!(c.dcv_allow_private_addresses);
        assert!(c.dcv_email_contact_methods);
        assert_eq!(
            c.dns_resolver,
            Some("127.0.0.1:5353".parse::<SocketAddr>().unwrap())
        );
        assert_eq!(c.dcv_http_port, 8080);
        assert_eq!(c.dcv_tls_port, 8443);
        assert_eq!(
            c.dcv_http_host,
            Some("127.0.0.1".parse::<IpAddr>().unwrap())
        );
        assert_eq!(
            c.caa_identities,
            vec!["rootline.test".to_owned(), "ca.example.com".to_owned()]
        );
        for (name, value) in [
            ("ROOTLINE_DNS_RESOLVER", "8.8.8.8"),
            ("ROOTLINE_DCV_HTTP_PORT", "0"),
            ("ROOTLINE_DCV_HTTP_PORT", "http"),
            ("ROOTLINE_DCV_TLS_PORT", "70000"),
            ("ROOTLINE_DCV_HTTP_HOST", "localhost"),
            ("ROOTLINE_CAA_IDENTITIES", "ca example"),
            ("ROOTLINE_CAA_IDENTITIES", " , "),
            ("ROOTLINE_DCV_EMAIL_CONTACT_METHODS", "sometimes"),
        ] {
            let e = from(&[(name, value)]).unwrap_err();
            assert!(e.to_string().contains(name), "{name}={value}: {e}");
        }
    }

    #[test]
    fn metrics_are_for_loopback_unless_a_long_enough_token_is_set() {
        assert!(from(&[]).unwrap().metrics_token.is_none());
        let c = from(&[("ROOTLINE_METRICS_TOKEN", "0123456789abcdef0123")]).unwrap();
        assert_eq!(c.metrics_token.unwrap().0, "0123456789abcdef0123");
        let e = from(&[("ROOTLINE_METRICS_TOKEN", "short")]).unwrap_err();
        assert!(e.to_string().contains("ROOTLINE_METRICS_TOKEN"), "{e}");
    }

    #[test]
    fn the_master_key_never_shows_in_debug_output() {
        let c = from(&[("ROOTLINE_MASTER_KEY", "super secret value of thirty-two+")]).unwrap();
        assert!(!format!("{c:?}").contains("super secret"));
    }
}
