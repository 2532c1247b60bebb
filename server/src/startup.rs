//! Builds adapters → services → router. The only place that wires things together.

use std::{net::SocketAddr, sync::Arc};

use app::ports::Backend;
use leptos::prelude::LeptosOptions;
use lettre::message::Mailbox;

mod first_start;
mod perspectives;
mod transparency;

use first_start::{KeyHome, ensure_hierarchy};

use crate::{
    adapters::{
        clock::SystemClock,
        mail::{OutboxMailer, SmtpMailer},
        pkcs11::Pkcs11KeyStore,
        random::OsRandom,
        signature_log::SignatureLog,
        softkeys::SoftKeyStore,
    },
    ca::{Authority, CaSettings},
    config::Config,
    jobs,
    ports::{
        Clock, MailError, Mailer,
        keys::{KeyError, KeyStore},
    },
    services::{
        access::AccessService,
        catalog::{CatalogError, CatalogService},
        identity::IdentityService,
        notifications::{MailDelivery, MailWaker},
        orders::{OrderDeps, OrderService},
        validation::ValidationService,
    },
    store::{Store, StoreError},
    web::{self, AppState, middleware::OriginGuard, portal::Portal},
};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot open the database: {0}")]
    Database(#[from] StoreError),
    #[error("mail: {0}")]
    Mail(#[from] MailError),
    #[error("payment providers: {0}")]
    Payments(crate::ports::payment_gateway::GatewayError),
    #[error("ROOTLINE_MAIL_FROM is not a valid mailbox: {0}")]
    MailFrom(String),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("server stopped: {0}")]
    Serve(std::io::Error),
    #[error("CA keys: {0}")]
    Keys(#[from] KeyError),
    #[error("sealing secrets at rest: {0}")]
    Seal(#[from] crate::ports::sealer::SealError),
    #[error("the HTTPS listener: {0}")]
    Tls(#[from] web::tls::TlsError),
    #[error("the default products: {0}")]
    Catalog(#[from] CatalogError),
    #[error("creating the CA hierarchy: {0}")]
    Ca(#[from] crate::ca::CaError),
    #[error("remote network perspectives: {0}")]
    Perspectives(String),
    #[error("Certificate Transparency: {0}")]
    Transparency(String),
    #[error("ROOTLINE_PUBLIC_TRUST is on, but this installation cannot be a publicly trusted CA: {}", .0.join("; "))]
    NotPubliclyTrustable(Vec<String>),
}

/// Everything the process runs on, built from the configuration.
pub struct Services {
    pub store: Store,
    pub identity: Arc<IdentityService>,
    pub clock: Arc<dyn Clock>,
    pub mail_delivery: Arc<MailDelivery>,
    pub mail_waker: MailWaker,
    pub authority: Arc<Authority>,
    /// Seals secrets at rest other than CA keys (TOTP secrets, ACME binding keys).
    pub sealer: Arc<dyn crate::ports::sealer::Sealer>,
    /// Derives orders' tracking links, of which the database keeps only hashes.
    pub tracking_key: Arc<crate::domain::tracking_link::TrackingKey>,
    /// The remote network perspectives every validation is corroborated from.
    pub corroborator: Arc<crate::perspective::corroborator::Corroborator>,
}

/// Opens the database (creating and migrating it on first start) and builds the services.
pub async fn services(config: &Config) -> Result<Services, StartupError> {
    let corroborator = Arc::new(perspectives::corroborator(&config.mpic)?);
    if corroborator.public_trust() {
        let mut gaps = perspectives::public_trust_gaps(&corroborator, chrono::Utc::now());
        gaps.extend(transparency::gaps(&config.ct));
        if !gaps.is_empty() {
            return Err(StartupError::NotPubliclyTrustable(gaps));
        }
    }
    let store = Store::connect(&config.database_url).await?;
    store.migrate().await?;
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let mail_waker = MailWaker::default();
    let mail_delivery = Arc::new(
        MailDelivery::new(store.clone(), mailer(config)?, clock.clone()).with_lease(
            chrono::Duration::from_std(config.mail_lease)
                .unwrap_or(crate::services::notifications::DEFAULT_LEASE),
        ),
    );
    let master = crate::adapters::softkeys::master_secret(
        config.master_key.as_ref().map(|s| s.0.as_str()),
        &config.data_dir.join("master.key"),
    )?;
    let sealer: Arc<dyn crate::ports::sealer::Sealer> = Arc::new(
        crate::adapters::sealer::AesGcmSealer::from_secret(master.as_bytes())?,
    );
    let tracking_key = Arc::new(crate::domain::tracking_link::TrackingKey::from_master(
        master.as_bytes(),
    ));
    let identity = Arc::new(
        IdentityService::new(
            store.clone(),
            mail_waker.clone(),
            clock.clone(),
            Arc::new(OsRandom),
            config.link_base(),
            sealer.clone(),
        )
        .with_passkey_origin(config.passkey_origin.as_str()),
    );
    if config.passkey_origin.origin() != config.public_url.origin() {
        tracing::info!(
            origin = %config.passkey_origin,
            "passkeys answer at another address than the public URL: open the portal there to use them"
        );
    }
    let keys: Arc<dyn KeyStore> = match &config.pkcs11 {
        Some(p) => {
            let hsm = Pkcs11KeyStore::open(&p.module, &p.token_label, &p.pin.0)?;
            tracing::info!(module = %p.module.display(), token = %p.token_label, "CA keys are in the HSM");
            Arc::new(hsm)
        }
        None => Arc::new(SoftKeyStore::open(
            config.master_key.as_ref().map(|s| s.0.as_str()),
            &config.data_dir.join("master.key"),
        )?),
    };
    let keys: Arc<dyn KeyStore> = match std::env::var_os("ROOTLINE_TEST_SIGNATURE_LOG") {
        Some(path) => {
            tracing::warn!(
                "ROOTLINE_TEST_SIGNATURE_LOG is set: every signature is logged (crash tests only)"
            );
            Arc::new(SignatureLog::wrap(keys, path.into())?)
        }
        None => keys,
    };
    let mut authority = Authority::new(
        store.clone(),
        keys,
        clock.clone(),
        Arc::new(OsRandom),
        CaSettings {
            organization: config.ca_organization.clone(),
            country: Some(config.ca_country.clone()),
            base_url: config.link_base(),
            publicly_trusted: config.mpic.public_trust,
        },
    );
    if let Some(logs) = transparency::transparency(&config.ct, corroborator.public_trust())? {
        authority = authority.with_transparency(logs);
    }
    let authority = Arc::new(authority);
    Ok(Services {
        store,
        identity,
        clock,
        mail_delivery,
        mail_waker,
        authority,
        sealer,
        tracking_key,
        corroborator,
    })
}

/// The services orders run on, the portal's and ACME's alike.
pub struct OrderStack {
    pub validation: Arc<ValidationService>,
    pub catalog: Arc<CatalogService>,
    pub orders: Arc<OrderService>,
    pub acme: Arc<crate::services::acme::AcmeService>,
}

pub fn order_stack(config: &Config, services: &Services) -> OrderStack {
    let (dns, http) = crate::adapters::dcv_adapters(config);
    let validation = Arc::new(
        ValidationService::new(
            services.store.clone(),
            services.clock.clone(),
            Arc::new(OsRandom),
            dns.clone(),
            http.clone(),
            config.link_base(),
        )
        .with_corroborator(services.corroborator.clone())
        .with_issuer_domain_names(config.caa_identities.clone())
        .with_email_contact_methods(config.dcv_email_contact_methods),
    );
    let catalog = Arc::new(CatalogService::new(
        services.store.clone(),
        services.authority.clone(),
        services.clock.clone(),
    ));
    let orders = Arc::new(
        OrderService::new(OrderDeps {
            store: services.store.clone(),
            clock: services.clock.clone(),
            random: Arc::new(OsRandom),
            catalog: catalog.clone(),
            validation: validation.clone(),
            authority: services.authority.clone(),
            dns: dns.clone(),
            caa_identities: config.caa_identities.clone(),
            public_url: config.link_base(),
            tracking_key: services.tracking_key.clone(),
            mail: services.mail_waker.clone(),
        })
        .with_interim_grace(config.interim_dv_grace)
        .with_gst(config.gst.clone()),
    );
    tokio::spawn(jobs::interim_dv::run(orders.clone()));
    let acme = Arc::new(crate::services::acme::AcmeService::new(
        crate::services::acme::AcmeDeps {
            store: services.store.clone(),
            clock: services.clock.clone(),
            random: Arc::new(OsRandom),
            identity: services.identity.clone(),
            catalog: catalog.clone(),
            orders: orders.clone(),
            validation: validation.clone(),
            dns,
            http,
            sealer: services.sealer.clone(),
            authority: services.authority.clone(),
            eab_required: config.acme_eab_required,
        },
    ));
    OrderStack {
        validation,
        catalog,
        orders,
        acme,
    }
}

fn mailer(config: &Config) -> Result<Arc<dyn Mailer>, StartupError> {
    let from: Mailbox = config
        .mail_from
        .parse()
        .map_err(|e: lettre::address::AddressError| StartupError::MailFrom(e.to_string()))?;
    Ok(match &config.smtp_url {
        Some(url) => {
            tracing::info!(%url, "mail goes out by SMTP");
            Arc::new(SmtpMailer::new(url, from)?)
        }
        None => {
            let dir = config.data_dir.join("outbox");
            tracing::info!(dir = %dir.display(), "ROOTLINE_SMTP_URL is not set: mail is written to the outbox folder");
            Arc::new(OutboxMailer::new(dir, from)?)
        }
    })
}

/// Serves the portal until Ctrl-C or SIGTERM.
pub async fn serve(config: Config) -> Result<(), StartupError> {
    // Before anything is issued or served, so every event is counted.
    if crate::telemetry::recorder::install().is_some() {
        tokio::spawn(crate::telemetry::recorder::upkeep());
    }
    // Nodes starting together on one database take turns at the work done once.
    let start_lock = crate::store::StartLock::take(&config.database_url).await?;
    let services = services(&config).await?;
    let master = match &config.master_key {
        Some(_) => "ROOTLINE_MASTER_KEY".to_owned(),
        None => config.data_dir.join("master.key").display().to_string(),
    };
    let keys = match &config.pkcs11 {
        Some(_) => KeyHome::Hsm,
        None => KeyHome::Software { master: &master },
    };
    ensure_hierarchy(&services.authority, keys).await?;
    tokio::spawn(jobs::mail_delivery::run(
        services.mail_delivery.clone(),
        services.mail_waker.clone(),
    ));
    tokio::spawn(jobs::crl_refresh::run(services.authority.clone()));
    tokio::spawn(jobs::ocsp_refresh::run(services.authority.clone()));
    let leptos_options = LeptosOptions::builder()
        .output_name("rootline")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir(crate::web::assets::bundle_pkg_dir(&config.site_root))
        .site_addr(config.listen)
        .build();
    let access = Arc::new(AccessService::new(
        services.store.clone(),
        services.identity.clone(),
        services.clock.clone(),
    ));
    let OrderStack {
        validation,
        catalog,
        orders,
        acme,
    } = order_stack(&config, &services);
    tokio::spawn(jobs::renewals::run(
        services.identity.clone(),
        orders.clone(),
    ));
    if catalog.seed_public_products().await? {
        tracing::info!(
            "a family of public products was missing: added its default DV or OV products (USD and INR prices)"
        );
    }
    // After the DV and OV defaults, which are added per family when none of it is there.
    if catalog.seed_smime_product().await? {
        tracing::info!("no S/MIME product yet: added the default one (USD and INR prices)");
    }
    start_lock.release().await?;
    let api_keys = Arc::new(crate::services::api_keys::ApiKeyService::new(
        services.store.clone(),
        services.identity.clone(),
        services.clock.clone(),
        Arc::new(OsRandom),
    ));
    let organizations = Arc::new(crate::services::organizations::OrganizationService::new(
        services.store.clone(),
        services.clock.clone(),
        services.mail_waker.clone(),
        config.link_base(),
        Arc::new(OsRandom),
    ));
    tokio::spawn(jobs::vetting_reminders::run(organizations.clone()));
    let partners = Arc::new(crate::services::partners::PartnerService::new(
        services.store.clone(),
        services.clock.clone(),
        services.identity.clone(),
        services.mail_waker.clone(),
    ));
    let revocations = jobs::mass_revocation::start(&services);
    let vetting = Arc::new(crate::services::vetting::VettingService::new(
        services.store.clone(),
        services.clock.clone(),
        Arc::new(OsRandom),
        services.mail_waker.clone(),
        config.link_base(),
    ));
    let payments = Arc::new(crate::services::payments::PaymentService::new(
        services.store.clone(),
        services.clock.clone(),
        Arc::new(OsRandom),
        crate::adapters::payment_gateways(&config).map_err(StartupError::Payments)?,
        services.mail_waker.clone(),
        config.link_base(),
    ));
    let rest = Arc::new(web::rest::Rest {
        keys: api_keys.clone(),
        orders: orders.clone(),
        validation: validation.clone(),
        organizations: organizations.clone(),
        store: services.store.clone(),
        clock: services.clock.clone(),
        public_url: config.link_base(),
    });
    let billing = Arc::new(crate::services::billing::BillingService::new(
        services.store.clone(),
        services.clock.clone(),
        config.link_base(),
    ));
    let throttle = Arc::new(crate::services::throttle::Throttle::new(
        services.store.clone(),
        services.clock.clone(),
        config.client_limit_scale,
    ));
    let portal = Arc::new(Portal {
        throttle: throttle.clone(),
        identity: services.identity.clone(),
        access: access.clone(),
        api_keys,
        orders: orders.clone(),
        validation,
        billing: billing.clone(),
        clock: services.clock.clone(),
        secure_cookies: config.secure_cookies(),
        certificate_sign_in_url: config
            .tls
            .as_ref()
            .map(|t| format!("{}/sign-in/certificate", t.link_base())),
    });
    let state = AppState {
        leptos_options,
        backend: Backend {
            identity: portal.clone(),
            passkeys: portal.clone(),
            access: portal.clone(),
            operator: portal.clone(),
            orders: portal.clone(),
            billing: portal.clone(),
            domains: portal.clone(),
            smime: portal,
            catalog: Arc::new(web::portal::CatalogPortal {
                identity: services.identity.clone(),
                catalog: catalog.clone(),
            }),
            acme: Arc::new(web::portal::AcmePortal {
                identity: services.identity.clone(),
                acme: acme.clone(),
                directory_url: format!("{}/acme/directory", config.link_base()),
            }),
            organizations: Arc::new(web::portal::OrganizationsPortal {
                identity: services.identity.clone(),
                organizations: organizations.clone(),
                throttle: throttle.clone(),
            }),
            partners: Arc::new(web::portal::PartnersPortal {
                identity: services.identity.clone(),
                partners: partners.clone(),
                orders: orders.clone(),
            }),
            vetting: Arc::new(web::portal::VettingPortal {
                identity: services.identity.clone(),
                vetting: vetting.clone(),
                throttle: throttle.clone(),
                orders: orders.clone(),
            }),
            payments: Arc::new(web::portal::PaymentsPortal {
                identity: services.identity.clone(),
                payments: payments.clone(),
            }),
            revocations: web::portal::RevocationsPortal::shared(&services, revocations),
        },
        store: services.store.clone(),
        authority: services.authority.clone(),
        guard: Arc::new(OriginGuard {
            public_host: web::middleware::public_host(&config.public_url),
        }),
        access,
        orders,
        billing,
        catalog,
        organizations,
        vetting,
        payments,
        partners,
        throttle,
        metrics_access: Arc::new(web::metrics::MetricsAccess::from_token(
            config.metrics_token.as_ref().map(|t| t.0.as_str()),
        )),
        mail: services.mail_delivery.clone(),
    };
    let app = web::app(
        state,
        web::acme::router(Arc::new(web::acme::Acme {
            service: acme,
            base: format!("{}/acme", config.link_base()),
        })),
        web::rest::router(rest),
        web::middleware::SecurityHeaders::for_public_url(&config.public_url)
            .with_form_targets(config.payments.checkout_form_origins()),
    )
    // Outermost, so every route (ACME and REST too) sees the same client address.
    .layer(axum::middleware::from_fn_with_state(
        Arc::new(config.trusted_proxies.clone()),
        web::client_addr::client_addr,
    ));
    if let Some(tls) = &config.tls {
        https_listener(tls, app.clone()).await?;
    }
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|source| StartupError::Listen {
            addr: config.listen,
            source,
        })?;
    tracing::info!(
        listen = %config.listen,
        public_url = %config.public_url,
        "Rootline is ready: open {}",
        config.public_url
    );
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .map_err(StartupError::Serve)
}

/// Starts the HTTPS listener for certificate sign-in with the configured certificate, or a
/// self-signed one made now.
async fn https_listener(
    tls: &crate::config::TlsSettings,
    app: axum::Router,
) -> Result<(), StartupError> {
    let (chain, key) = match &tls.cert_and_key {
        Some((cert, key)) => web::tls::load_pem(cert, key)?,
        None => {
            let mut names: Vec<String> = vec!["localhost".into(), "127.0.0.1".into()];
            names.extend(tls.public_url.host_str().map(str::to_owned));
            if !tls.listen.ip().is_unspecified() {
                names.push(tls.listen.ip().to_string());
            }
            names.sort();
            names.dedup();
            tracing::warn!(
                names = %names.join(", "),
                "ROOTLINE_TLS_CERT is not set: the HTTPS listener uses a self-signed certificate made at this start, which browsers warn about"
            );
            web::tls::self_signed(names)?
        }
    };
    let server_config = web::tls::server_config(chain, key)?;
    let listener = tokio::net::TcpListener::bind(tls.listen)
        .await
        .map_err(|source| StartupError::Listen {
            addr: tls.listen,
            source,
        })?;
    tracing::info!(
        listen = %tls.listen,
        "certificate sign-in is at {}/sign-in/certificate",
        tls.link_base()
    );
    tokio::spawn(web::tls::serve(listener, server_config, app));
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
