//! Domain control validation (VAL-1, PKI-5): the account's domains, proving control of them
//! by DNS (a random value, or the persistent record of BR 3.2.2.4.22), HTTP file or e-mail
//! (constructed, or to the DNS contacts where the operator enables them), reusing a proof
//! within the period the rules allow, and the administrator's restrictions on which domains
//! may be ordered.

mod acme_proof;
mod add_domain;
pub mod caa_failure;
pub mod caa_lookup;
mod change_method;
mod confirm_email;
mod contact_email;
mod corroboration;
mod coverage;
mod domains_page;
mod mails;
mod offer;
mod persist;
mod record_validation;
mod restrictions;
mod verify;

use app::i18n::Msg;
use std::sync::Arc;

use app::model::{
    FieldErrors, Permission,
    domains::{DcvMethod, DcvStatus, DomainStatus, DomainView},
};
use chrono::{DateTime, Utc};

pub use acme_proof::AcmeProof;
pub use corroboration::refusal_text;
pub use coverage::{NameCoverage, restricted_names};
pub use persist::PersistCheck;
pub use verify::CheckOutcome;

use crate::{
    domain::{
        br_rules::{BrMethod, MethodStanding},
        dcv,
    },
    perspective::corroborator::Corroborator,
    ports::{Clock, DnsResolver, HttpFetcher, Random},
    store::{DomainRow, Store, StoreError},
};

pub struct ValidationService {
    store: Store,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Random>,
    dns: Arc<dyn DnsResolver>,
    http: Arc<dyn HttpFetcher>,
    /// The public URL without a trailing slash: the base of e-mailed confirmation links.
    public_url: String,
    /// The remote perspectives every check is repeated from (TLS BR 3.2.2.9).
    corroborator: Arc<Corroborator>,
    /// The names a persistent DNS record may name this CA by (`ROOTLINE_CAA_IDENTITIES`,
    /// the Issuer Domain Names of BR 3.2.2.4.22): by default the public URL's host.
    issuer_domain_names: Vec<String>,
    /// `ROOTLINE_DCV_EMAIL_CONTACT_METHODS`: the e-mails to DNS contacts (BR 3.2.2.4.13,
    /// 3.2.2.4.14) are offered. Off by default.
    email_contact_methods: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ValidationError {
    /// Another account's domain, or none: the same answer.
    #[error("not found")]
    NotFound,
    #[error("the role lacks {0:?}")]
    Forbidden(Permission),
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// A valid request the rules refuse, with the reason to show.
    #[error("{0}")]
    Refused(Msg),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<crate::services::identity::Forbidden> for ValidationError {
    fn from(f: crate::services::identity::Forbidden) -> Self {
        Self::Forbidden(f.0)
    }
}

impl ValidationService {
    pub fn new(
        store: Store,
        clock: Arc<dyn Clock>,
        random: Arc<dyn Random>,
        dns: Arc<dyn DnsResolver>,
        http: Arc<dyn HttpFetcher>,
        public_url: String,
    ) -> Self {
        let issuer_domain_names = url::Url::parse(&public_url)
            .ok()
            .and_then(|u| {
                u.host_str()
                    .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
            })
            .into_iter()
            .collect();
        Self {
            store,
            clock,
            random,
            dns,
            http,
            public_url,
            corroborator: Arc::new(Corroborator::none()),
            issuer_domain_names,
            email_contact_methods: false,
        }
    }

    /// The issuer domain names a persistent DNS record may name (the CAA identities); an
    /// empty list keeps the default.
    pub fn with_issuer_domain_names(mut self, names: Vec<String>) -> Self {
        if !names.is_empty() {
            self.issuer_domain_names = names;
        }
        self
    }

    /// Offers the e-mails to DNS contacts (BR 3.2.2.4.13, 3.2.2.4.14) until the BRs refuse
    /// them.
    pub fn with_email_contact_methods(mut self, enabled: bool) -> Self {
        self.email_contact_methods = enabled;
        self
    }

    /// This CA's issuer domain names, for ACME's dns-persist-01 challenge objects.
    pub fn issuer_domain_names(&self) -> &[String] {
        &self.issuer_domain_names
    }

    /// The public URL without a trailing slash: the base of the account URIs.
    pub fn public_url(&self) -> &str {
        &self.public_url
    }

    /// Repeats every check from these remote perspectives.
    pub fn with_corroborator(mut self, corroborator: Arc<Corroborator>) -> Self {
        self.corroborator = corroborator;
        self
    }

    /// The remote perspectives, for the checks other services make (ACME's, CAA).
    pub fn corroborator(&self) -> &Corroborator {
        &self.corroborator
    }

    /// 128 bits from the CSPRNG, hex: more than the 112 bits BR 1.6.1 asks of a random value.
    fn random_value(&self) -> String {
        let mut bytes = [0u8; 16];
        self.random.fill(&mut bytes);
        hex::encode(bytes)
    }
}

/// A domain row as a user sees it at `now`.
pub fn view(d: &DomainRow, now: DateTime<Utc>) -> DomainView {
    let method = *d.method;
    let status = status(d, now);
    // An e-mailed value must reach the mailbox; a persistent record holds no random value
    // (`ValidationService::view_of` shows what it holds instead).
    let published = !method.is_email() && !matches!(method, DcvMethod::DnsPersist { .. });
    DomainView {
        id: d.id,
        name: d.name.clone(),
        status,
        value: published.then(|| d.random_value.clone()),
        location: Some(dcv::location(&method, &d.name)),
        method,
        dcv_expires_at: counts_until(d).map(app::model::Stamp::from),
        verified_at: d.verified_at.map(app::model::Stamp::from),
        rule: d.rule.clone(),
        added_at: app::model::Stamp::from(d.created_at),
        last_error: d.last_error.clone(),
        corroboration: None,
    }
}

/// The method a domain's validation followed: its recorded rule names it exactly (ACME's
/// challenges included); a row verified before the method was recorded counts as the HTTP
/// file, the narrowest, as coverage reads it.
pub fn validated_by(d: &DomainRow) -> BrMethod {
    BrMethod::recorded(
        d.verified_method.map_or(DcvMethod::HttpFile, |m| *m),
        d.rule.as_deref(),
    )
}

/// Until when a domain's validation counts (the first moment it does not): the expiry stored
/// with it, or earlier when the rules end it sooner (a shorter reuse period for the day of
/// issuance, a method refused since).
pub fn counts_until(d: &DomainRow) -> Option<DateTime<Utc>> {
    let stored = d.dcv_expires_at?;
    Some(d.verified_at.map_or(stored, |at| {
        stored.min(dcv::reuse_until(at, validated_by(d)))
    }))
}

/// Why a portal method may not be used at `now`, when the rules refuse it (the e-mail
/// methods from 2028-03-15, BR 3.2.2.4.4, 3.2.2.4.13, 3.2.2.4.14).
pub(crate) fn withdrawn(method: DcvMethod, now: DateTime<Utc>) -> Option<Msg> {
    let m = BrMethod::of_portal(method);
    if m.standing(now) != MethodStanding::Refused {
        return None;
    }
    m.refused_from().map(|from| {
        Msg::new("err-dcv-method-withdrawn")
            .arg("section", m.br_section())
            .arg("date", app::model::Day::from(from))
    })
}

/// Verified while the evidence may be reused; expired after; pending before any success.
pub fn status(d: &DomainRow, now: DateTime<Utc>) -> DomainStatus {
    match (*d.status, counts_until(d)) {
        (DcvStatus::Verified, Some(until)) if now < until => DomainStatus::Verified,
        (DcvStatus::Verified, _) => DomainStatus::Expired,
        (DcvStatus::Pending, _) => DomainStatus::Pending,
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::Arc;

    use chrono::{TimeZone, Utc};

    use super::ValidationService;
    use crate::{
        ports::{clock::FakeClock, dns::FakeDns, http_fetch::FakeHttp, random::CountingRandom},
        store::{Store, test_db::fresh_store},
    };

    pub struct Harness {
        pub store: Store,
        pub clock: Arc<FakeClock>,
        pub dns: Arc<FakeDns>,
        pub http: Arc<FakeHttp>,
        pub service: ValidationService,
        pub account_id: i32,
        pub other_account_id: i32,
    }

    async fn account(store: &Store, name: &str) -> i32 {
        crate::store::accounts::insert(
            store,
            crate::store::accounts::NewAccount {
                kind: app::model::AccountKind::Enterprise,
                name,
                country: "IN",
                status: app::model::AccountStatus::Active,
                created_at: Utc::now(),
            },
        )
        .await
        .map(|a| a.id)
        .unwrap_or_else(|e| panic!("account: {e}"))
    }

    /// Every queued mail, oldest first.
    pub async fn mails(store: &Store) -> Vec<crate::store::MailRow> {
        let later = Utc::now() + chrono::Duration::days(3650);
        crate::store::mail_outbox::due_for_all_accounts(store, later, 1000)
            .await
            .unwrap_or_default()
    }

    impl Harness {
        /// Adds `name` to the harness's account with `method`: its id and the value to publish.
        pub async fn add(&self, name: &str, method: &str) -> (i32, String) {
            let d = self
                .service
                .add_domain(
                    self.account_id,
                    &app::model::domains::AddDomainForm {
                        name: name.into(),
                        method: method.into(),
                    },
                )
                .await
                .unwrap_or_else(|e| panic!("adding {name}: {e}"));
            (d.id, d.value.unwrap_or_default())
        }
    }

    pub async fn harness() -> Harness {
        let store = fresh_store().await;
        let clock = Arc::new(FakeClock::at(
            Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0)
                .single()
                .unwrap_or_default(),
        ));
        let dns = Arc::new(FakeDns::default());
        let http = Arc::new(FakeHttp::default());
        let service = ValidationService::new(
            store.clone(),
            clock.clone(),
            Arc::new(CountingRandom::default()),
            dns.clone(),
            http.clone(),
            "https://portal.rootline.test".into(),
        );
        let account_id = account(&store, "Acme").await;
        let other_account_id = account(&store, "Other").await;
        Harness {
            store,
            clock,
            dns,
            http,
            service,
            account_id,
            other_account_id,
        }
    }
}
