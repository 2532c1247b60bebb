//! The certificate authority: the only code that holds a signer. This first part keeps the
//! hierarchy (a root and one issuing CA per purpose), makes it with `server ca init`, and serves
//! the CA certificates.

mod chain;
mod crl;
mod crl_lag;
mod crl_shards;
mod csr;
mod extensions;
mod hierarchy;
mod init;
mod issue;
mod lint;
mod list;
mod names;
mod ocsp;
mod ocsp_presign;
mod parallel;
mod private;
mod profiles;
mod rcgen_key;
mod readiness;
mod revoke;
mod serial;
mod signed;
#[cfg(test)]
pub(crate) mod test_support;
mod transparency;
mod vetted_subject;

use std::sync::Arc;

pub use chain::{CertificateChain, pkcs7_certs_only};
pub use crl::{CRL_REFRESH_AFTER, CRL_VALIDITY};
pub use crl_shards::DEFAULT_CRL_SHARDS;
pub use csr::{CheckedCsr, CsrRefusal, NamesMismatch, NamesRule};
pub use hierarchy::{CaDefinition, HIERARCHY, ROOT};
pub use init::InitOutcome;
pub use issue::{IssuanceToken, Issued, SignOptions};
pub use list::{CaSummary, pem_certificate};
pub use ocsp::OCSP_VALIDITY;
pub use private::private_ca_name;
pub use profiles::{
    PROFILES, Profile, Revocation, SHORT_LIVED_DAYS, TLS_DV, TLS_DV_SHORT_LIVED, profile,
};
pub use revoke::ChangedShard;
pub use transparency::Transparency;
pub use vetted_subject::{EvSubject, VettedSubject};

use crate::{
    ports::{
        Clock, Random,
        keys::{KeyError, KeyStore},
    },
    store::{Store, StoreError},
};

/// Who the CA certificates name as their subject, and where their CRLs are published.
#[derive(Debug, Clone)]
pub struct CaSettings {
    /// `O=` of every CA subject.
    pub organization: String,
    /// `C=` of every CA subject, when set.
    pub country: Option<String>,
    /// The public URL without a trailing slash: the base of CRL and CA certificate links.
    pub base_url: String,
    /// `ROOTLINE_PUBLIC_TRUST`: a hierarchy made while it is off says in each CA's name that
    /// it is not publicly trusted, so that every certificate it issues says so too.
    pub publicly_trusted: bool,
}

/// A PKCS#10 request (PEM or DER), its signature and key checked: what an edge (portal, REST,
/// ACME, CLI) builds once and hands to the services and the CA.
pub fn inspect_csr(input: &[u8]) -> Result<CheckedCsr, CsrRefusal> {
    CheckedCsr::parse(input)
}

pub struct Authority {
    store: Store,
    keys: Arc<dyn KeyStore>,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Random>,
    settings: CaSettings,
    ocsp: ocsp::OcspState,
    /// Opened CA signers by key id: opening one decrypts a sealed key or searches the token.
    signers:
        std::sync::Mutex<std::collections::HashMap<i32, Arc<dyn crate::ports::keys::CaSigner>>>,
    /// When the readiness probe last signed with every issuing CA's key.
    probed: std::sync::Mutex<Option<std::time::Instant>>,
    /// The Certificate Transparency logs public TLS certificates go through, when any.
    transparency: Option<Transparency>,
}

#[derive(Debug, thiserror::Error)]
pub enum CaError {
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot build the certificate of CA {name}: {reason}")]
    Build { name: String, reason: String },
    #[error("CA {name} is recorded with a key that is missing or unreadable: {reason}")]
    Inconsistent { name: String, reason: String },
    #[error("the root CA must exist before issuing CAs; run `server ca init`")]
    NoRoot,
    #[error("CA {0} does not exist; run `server ca init`")]
    NoSuchCa(&'static str),
    /// The CA that would sign a request has not been created (yet).
    #[error(
        "there is no CA named {name:?} yet; the operator creates the hierarchy with `server ca init`"
    )]
    NotCreated { name: String },
    /// A request the policy refuses, with the rule that refused it.
    #[error("refused by {rule}: {detail}")]
    Refused { rule: &'static str, detail: String },
    /// The request does not name exactly what the sign options allow.
    #[error("refused by names.order: the request names {}, the order {}", .0.asked.join(", "), .0.ordered.join(", "))]
    Names(NamesMismatch),
    #[error("the issuance token for serial {0} was already used")]
    TokenSpent(String),
    #[error("no certificate with serial {0} was issued by this CA")]
    NoSuchCertificate(String),
    #[error("OCSP: {0}")]
    Ocsp(String),
    /// The logs did not return the SCTs a publicly trusted certificate needs; its
    /// precertificate is kept, and a later attempt issues under a new serial.
    #[error("Certificate Transparency: {0}")]
    Transparency(String),
}

impl From<CsrRefusal> for CaError {
    fn from(r: CsrRefusal) -> Self {
        Self::Refused {
            rule: r.rule,
            detail: r.detail,
        }
    }
}

impl Authority {
    pub fn new(
        store: Store,
        keys: Arc<dyn KeyStore>,
        clock: Arc<dyn Clock>,
        random: Arc<dyn Random>,
        settings: CaSettings,
    ) -> Self {
        Self {
            store,
            keys,
            clock,
            random,
            settings,
            ocsp: ocsp::OcspState::default(),
            signers: std::sync::Mutex::new(std::collections::HashMap::new()),
            probed: std::sync::Mutex::new(None),
            transparency: None,
        }
    }
}

/// A CA event for the audit log: no account, user or address, as the CA acts for the operator.
fn ca_entry(action: &str, summary: String) -> crate::store::audit::AuditEntry<'_> {
    crate::store::audit::AuditEntry {
        account_id: None,
        user_id: None,
        ip: None,
        module: "ca",
        action,
        summary,
    }
}

/// Records a CA event in the caller's transaction.
async fn audit_ca(
    tx: &crate::store::Tx,
    at: chrono::DateTime<chrono::Utc>,
    action: &str,
    summary: String,
) -> Result<(), crate::store::StoreError> {
    crate::store::audit::append(tx, at, ca_entry(action, summary)).await
}

/// A time as rcgen wants it: whole seconds, UTC.
fn asn1_time(t: chrono::DateTime<chrono::Utc>) -> Result<time::OffsetDateTime, String> {
    time::OffsetDateTime::from_unix_timestamp(t.timestamp()).map_err(|e| e.to_string())
}

impl Authority {
    /// Makes a key in the key store and opens it. Generation runs off the async workers: an
    /// RSA key takes seconds, an HSM call blocks.
    async fn new_key(
        &self,
        label: &str,
        spec: crate::ports::keys::KeySpec,
    ) -> Result<
        (
            crate::ports::keys::KeyRecord,
            Arc<dyn crate::ports::keys::CaSigner>,
        ),
        CaError,
    > {
        let keys = self.keys.clone();
        let key_label = label.to_owned();
        let record = tokio::task::spawn_blocking(move || keys.generate(&key_label, spec))
            .await
            .map_err(|e| CaError::Build {
                name: label.to_owned(),
                reason: format!("key generation task failed: {e}"),
            })??;
        let signer = self.keys.signer(label, &record)?;
        Ok((record, signer))
    }

    /// The subject of a certificate the operator's hierarchy itself holds (CAs, OCSP
    /// responders): C (a PrintableString, as X.520 wants), O and CN.
    fn operator_subject(&self, common_name: &str) -> rcgen::DistinguishedName {
        let mut dn = rcgen::DistinguishedName::new();
        if let Some(country) = self
            .settings
            .country
            .as_deref()
            .and_then(|c| rcgen::string::PrintableString::try_from(c).ok())
        {
            dn.push(
                rcgen::DnType::CountryName,
                rcgen::DnValue::PrintableString(country),
            );
        }
        dn.push(
            rcgen::DnType::OrganizationName,
            self.settings.organization.as_str(),
        );
        dn.push(rcgen::DnType::CommonName, common_name);
        dn
    }
}
