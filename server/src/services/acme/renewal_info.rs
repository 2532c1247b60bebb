//! ACME Renewal Information (RFC 9773, CLM-4): the window in which a client should renew a
//! certificate, named by its certID (base64url of the authority key identifier, ".",
//! base64url of the serial's DER bytes). Normally the last third of the validity, before its
//! final sixth; once an operator or an administrator marks the certificate for early renewal
//! (a mass revocation coming) or it is revoked, the window starts at that moment and ends an
//! hour later, so polling clients renew at once.

use app::model::Permission;
use chrono::{DateTime, Duration, Utc};
use x509_parser::{extensions::ParsedExtension, prelude::FromDer};

use super::{AcmeError, AcmeService, jws};
use crate::{
    services::identity::Caller,
    store::{CertificateRow, acme_renewal, certificates, orders},
};

/// How long an early-renewal window stays open after the mark.
pub const EARLY_WINDOW: Duration = Duration::hours(1);
/// How often a client should ask again (RFC 9773 section 4.3.3 suggests hours).
pub const RETRY_AFTER_SECS: u64 = 6 * 3600;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenewalWindow {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// When the certificate was marked for early renewal or revoked; `None` normally.
    pub early_since: Option<DateTime<Utc>>,
}

/// The RFC 9773 certID of a DER certificate; `None` when it has no key identifier.
pub fn cert_id_of(der: &[u8]) -> Option<String> {
    let (_, cert) = x509_parser::certificate::X509Certificate::from_der(der).ok()?;
    let aki = cert
        .extensions()
        .iter()
        .find_map(|e| match e.parsed_extension() {
            ParsedExtension::AuthorityKeyIdentifier(a) => a.key_identifier.as_ref().map(|k| k.0),
            _ => None,
        })?;
    Some(format!(
        "{}.{}",
        jws::b64(aki),
        jws::b64(cert.tbs_certificate.raw_serial())
    ))
}

/// The two halves of a certID, decoded.
fn parse_cert_id(cert_id: &str) -> Result<(Vec<u8>, Vec<u8>), AcmeError> {
    let malformed = || {
        AcmeError::Malformed(format!(
            "{cert_id:?} is not a certID (base64url key identifier \".\" base64url serial)"
        ))
    };
    let (aki, serial) = cert_id.split_once('.').ok_or_else(malformed)?;
    let aki = jws::unb64("certID", aki).map_err(|_| malformed())?;
    let serial = jws::unb64("certID", serial).map_err(|_| malformed())?;
    if aki.is_empty() || serial.is_empty() {
        return Err(malformed());
    }
    Ok((aki, serial))
}

/// The window for a certificate with no mark: the last third of its validity, ending a sixth
/// before expiry so a failed attempt has time to be retried.
fn normal_window(c: &CertificateRow) -> (DateTime<Utc>, DateTime<Utc>) {
    let lifetime = (c.not_after - c.not_before).num_seconds();
    (
        c.not_before + Duration::seconds(lifetime * 2 / 3),
        c.not_before + Duration::seconds(lifetime * 5 / 6),
    )
}

impl AcmeService {
    /// The issued certificate a certID names; a certificate of another issuer, an unknown
    /// serial or one not issued yet is not found.
    pub(super) async fn certificate_by_cert_id(
        &self,
        cert_id: &str,
    ) -> Result<CertificateRow, AcmeError> {
        let (aki, serial) = parse_cert_id(cert_id)?;
        let row = certificates::find_by_serial(&self.store, &hex::encode(&serial))
            .await?
            .ok_or(AcmeError::NotFound)?;
        let der = row.cert_der.as_deref().ok_or(AcmeError::NotFound)?;
        let stored = cert_id_of(der).ok_or(AcmeError::NotFound)?;
        if stored != format!("{}.{}", jws::b64(&aki), jws::b64(&serial)) {
            return Err(AcmeError::NotFound);
        }
        Ok(row)
    }

    pub async fn renewal_info(&self, cert_id: &str) -> Result<RenewalWindow, AcmeError> {
        let row = self.certificate_by_cert_id(cert_id).await?;
        let marked = acme_renewal::mark(&self.store, row.id)
            .await?
            .map(|m| m.marked_at);
        let early = match (marked, row.revoked_at) {
            (Some(m), Some(r)) => Some(m.min(r)),
            (m, r) => m.or(r),
        };
        Ok(match early {
            Some(at) => RenewalWindow {
                start: at,
                end: at + EARLY_WINDOW,
                early_since: Some(at),
            },
            None => {
                let (start, end) = normal_window(&row);
                RenewalWindow {
                    start,
                    end,
                    early_since: None,
                }
            }
        })
    }

    /// "Renew early (ARI)" on an order page: an ACME order of the caller's account with a
    /// live certificate. Needs `ApproveOrders` (the users who may act on others' orders);
    /// another account's order is not found. False when it was already marked.
    pub async fn renew_early(&self, caller: &Caller, order_id: i32) -> Result<bool, AcmeError> {
        if !caller.can(Permission::ApproveOrders) {
            return Err(AcmeError::Unauthorized(
                "marking certificates for early renewal needs the ApproveOrders permission".into(),
            ));
        }
        let order = self.orders.order_in_reach(caller, order_id).await?;
        if *order.source != app::model::orders::OrderSource::Acme {
            return Err(AcmeError::Malformed(
                "Only orders placed through ACME can be renewed early: other clients do not ask for renewal information.".into(),
            ));
        }
        let cert = match order.certificate_id {
            Some(id) => certificates::find_by_id(&self.store, id).await?,
            None => None,
        };
        let cert = cert
            .filter(|c| c.cert_der.is_some() && c.revoked_at.is_none())
            .filter(|c| c.not_after > self.clock.now())
            .ok_or_else(|| {
                AcmeError::Malformed("This order has no valid certificate to renew.".into())
            })?;
        self.mark(&cert, Some(caller), &caller.user.email, Some(order.id))
            .await
    }

    /// `server acme renew-early --serial <hex>`: the operator marks any issued certificate.
    pub async fn renew_early_by_serial(&self, serial_hex: &str) -> Result<bool, AcmeError> {
        let serial = serial_hex.replace(':', "").to_ascii_lowercase();
        let cert = certificates::find_by_serial(&self.store, &serial)
            .await?
            .filter(|c| c.cert_der.is_some())
            .ok_or_else(|| {
                AcmeError::Malformed(format!("no issued certificate has serial {serial_hex}"))
            })?;
        self.mark(&cert, None, "operator (command line)", None)
            .await
    }

    async fn mark(
        &self,
        cert: &CertificateRow,
        caller: Option<&Caller>,
        by: &str,
        order_id: Option<i32>,
    ) -> Result<bool, AcmeError> {
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !acme_renewal::insert_mark(&tx, cert.id, by, now).await? {
            return Ok(false);
        }
        if let Some(order_id) = order_id {
            orders::add_event(
                &tx,
                order_id,
                by,
                "Marked for early renewal",
                "ACME clients that ask for renewal information renew now.",
                now,
            )
            .await?;
        }
        crate::services::audit::record(
            &tx,
            now,
            crate::services::audit::AuditEntry {
                account_id: caller.map(|c| c.account.id),
                user_id: caller.map(|c| c.user.id),
                ip: None,
                module: "acme",
                action: "renew_early",
                summary: format!(
                    "Certificate {} marked for early renewal by {by}",
                    cert.serial_hex
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
