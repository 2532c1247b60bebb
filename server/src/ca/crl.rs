//! CRLs per CA: signed on revocation and on a schedule, stored, served at `/crl/<ca>.crl`.

use chrono::{Duration, SubsecRound};
use rcgen::{
    CertificateRevocationListParams, CrlDistributionPoint, CrlIssuingDistributionPoint, Issuer,
    KeyIdMethod, RevocationReason as RcgenReason, RevokedCertParams, SerialNumber,
};

use super::{Authority, CaError, asn1_time, rcgen_key::RcgenKey};
use crate::{
    domain::revocation::RevocationReason,
    store::{AuthorityRow, CrlRow, StoreError, authorities, certificates, crls},
};

/// Subscriber CRLs must be re-issued within 7 days and say when the next one comes (TLS BR 4.9.7
/// allows up to 10 days); ours say 7 and are re-signed daily by the refresh job.
pub const CRL_VALIDITY: Duration = Duration::days(7);
/// A CRL older than this is replaced by the refresh job.
pub const CRL_REFRESH_AFTER: Duration = Duration::hours(24);

fn reason_code(reason: Option<&str>) -> Option<RcgenReason> {
    // unspecified is expressed by leaving reasonCode out (RFC 5280 5.3.1, TLS BR 7.2.2).
    match reason.and_then(RevocationReason::parse)? {
        RevocationReason::Unspecified => None,
        RevocationReason::KeyCompromise => Some(RcgenReason::KeyCompromise),
        RevocationReason::CaCompromise => Some(RcgenReason::CaCompromise),
        RevocationReason::AffiliationChanged => Some(RcgenReason::AffiliationChanged),
        RevocationReason::Superseded => Some(RcgenReason::Superseded),
        RevocationReason::CessationOfOperation => Some(RcgenReason::CessationOfOperation),
        RevocationReason::CertificateHold => Some(RcgenReason::CertificateHold),
        RevocationReason::RemoveFromCrl => Some(RcgenReason::RemoveFromCrl),
        RevocationReason::PrivilegeWithdrawn => Some(RcgenReason::PrivilegeWithdrawn),
        RevocationReason::AaCompromise => Some(RcgenReason::AaCompromise),
    }
}

impl Authority {
    /// Signs and stores a fresh CRL for a CA, numbered one above the last.
    pub async fn publish_crl(&self, ca: &AuthorityRow) -> Result<CrlRow, CaError> {
        let build = |reason: String| CaError::Build {
            name: ca.name.clone(),
            reason,
        };
        let time = |t: chrono::DateTime<chrono::Utc>| asn1_time(t).map_err(build);
        let signer = self.signer_of(ca).await?;
        // Two processes may publish at once; the unique number makes one of them try again.
        for _ in 0..3 {
            let now = self.clock.now().trunc_subsecs(0);
            let number = crls::latest_number_for_ca(&self.store, ca.id)
                .await?
                .map_or(1, |n| n + 1);
            let revoked = certificates::revoked_for_ca(&self.store, ca.id, now).await?;
            let mut revoked_certs = Vec::with_capacity(revoked.len());
            for entry in &revoked {
                revoked_certs.push(RevokedCertParams {
                    serial_number: SerialNumber::from_slice(
                        &hex::decode(&entry.serial_hex).map_err(|e| build(e.to_string()))?,
                    ),
                    revocation_time: time(entry.revoked_at.trunc_subsecs(0))?,
                    reason_code: reason_code(entry.reason.as_deref()),
                    invalidity_date: None,
                });
            }
            let next_update = now + CRL_VALIDITY;
            let params = CertificateRevocationListParams {
                this_update: time(now)?,
                next_update: time(next_update)?,
                crl_number: SerialNumber::from_slice(&number.to_be_bytes()),
                issuing_distribution_point: Some(CrlIssuingDistributionPoint {
                    distribution_point: CrlDistributionPoint {
                        uris: vec![self.crl_url(&ca.name)],
                    },
                    scope: None,
                }),
                revoked_certs,
                key_identifier_method: KeyIdMethod::Sha256,
            };
            let issuer =
                Issuer::from_ca_cert_der(&ca.cert_der.as_slice().into(), RcgenKey(signer.as_ref()))
                    .map_err(|e| build(e.to_string()))?;
            let crl = params
                .signed_by(&issuer)
                .map_err(|e| build(e.to_string()))?;
            let stored = crls::insert(
                &self.store,
                crls::NewCrl {
                    ca_id: ca.id,
                    crl_number: number,
                    this_update: now,
                    next_update,
                    der: crl.der(),
                    entries: i32::try_from(revoked.len()).unwrap_or(i32::MAX),
                },
            )
            .await;
            match stored {
                Ok(row) => return Ok(row),
                Err(StoreError::Duplicate) => continue,
                Err(e) => return Err(e.into()),
            }
        }
        Err(build("could not take a CRL number".into()))
    }

    /// The current CRL of a CA (DER), publishing one first if there is none or it is stale.
    pub async fn current_crl(&self, ca_name: &str) -> Result<Option<Vec<u8>>, CaError> {
        let Some(ca) = authorities::find_by_name(&self.store, ca_name).await? else {
            return Ok(None);
        };
        let now = self.clock.now();
        let crl = match crls::latest_for_ca(&self.store, ca.id).await? {
            Some(c) if now - c.this_update < CRL_REFRESH_AFTER => c,
            _ => self.publish_crl(&ca).await?,
        };
        Ok(Some(crl.der))
    }

    /// Publishes a new CRL for a CA by name (the `ca crl` command).
    pub async fn publish_fresh_crl(&self, ca_name: &str) -> Result<Vec<u8>, CaError> {
        let ca = authorities::find_by_name(&self.store, ca_name)
            .await?
            .ok_or_else(|| CaError::Refused {
                rule: "ca.unknown",
                detail: format!("there is no CA named {ca_name:?}; see `server ca list`"),
            })?;
        Ok(self.publish_crl(&ca).await?.der)
    }

    /// Re-signs every CRL that is due (the scheduled job).
    pub async fn refresh_crls(&self) -> Result<usize, CaError> {
        let mut published = 0;
        let now = self.clock.now();
        for ca in authorities::list(&self.store).await? {
            let due = crls::latest_for_ca(&self.store, ca.id)
                .await?
                .is_none_or(|c| now - c.this_update >= CRL_REFRESH_AFTER);
            if due {
                self.publish_crl(&ca).await?;
                published += 1;
            }
        }
        Ok(published)
    }

    pub(super) fn crl_url(&self, ca_name: &str) -> String {
        format!("{}/crl/{ca_name}.crl", self.settings.base_url)
    }
}
