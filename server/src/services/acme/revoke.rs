//! revokeCert (RFC 8555 section 7.6): by an ACME account of the portal account that ordered
//! the certificate, acting as its bound user under the portal's rules (active, the order in
//! reach and theirs to manage), or by anyone holding the certificate's key.

use x509_parser::{prelude::FromDer, public_key::PublicKey};

use super::{AcmeError, AcmeService, Jwk, jws};
use crate::{
    ca::CaError,
    domain::revocation::RevocationReason,
    services::{identity::Caller, orders::OrderError},
    store::{
        CertificateRow, OrderRow,
        acme::{self, AcmeAccountRow},
        certificates, orders,
    },
};

/// Who asks for the revocation.
pub enum Revoker<'a> {
    Account(&'a AcmeAccountRow),
    /// The request was signed by this key, which must be the certificate's.
    CertificateKey(&'a Jwk),
}

/// RFC 5280 reason codes.
fn reason(code: Option<u8>) -> Result<RevocationReason, AcmeError> {
    let r = match code.unwrap_or(0) {
        0 => RevocationReason::Unspecified,
        1 => RevocationReason::KeyCompromise,
        3 => RevocationReason::AffiliationChanged,
        4 => RevocationReason::Superseded,
        5 => RevocationReason::CessationOfOperation,
        9 => RevocationReason::PrivilegeWithdrawn,
        other => {
            return Err(AcmeError::BadRevocationReason(format!(
                "reason {other} is not allowed; use 0, 1, 3, 4, 5 or 9"
            )));
        }
    };
    Ok(r)
}

/// Whether `key` is the public key in the certificate.
fn same_key(cert: &x509_parser::certificate::X509Certificate<'_>, key: &Jwk) -> bool {
    match (cert.public_key().parsed(), key) {
        (Ok(PublicKey::EC(point)), Jwk::Ec { x, y, .. }) => {
            let data = point.data();
            data.first() == Some(&4)
                && data.get(1..) == Some([x.as_slice(), y.as_slice()].concat().as_slice())
        }
        (Ok(PublicKey::RSA(rsa)), Jwk::Rsa { n, e }) => {
            let strip = |b: &[u8]| {
                b.iter()
                    .skip_while(|v| **v == 0)
                    .copied()
                    .collect::<Vec<u8>>()
            };
            strip(rsa.modulus) == strip(n) && strip(rsa.exponent) == strip(e)
        }
        _ => false,
    }
}

impl AcmeService {
    pub async fn revoke(
        &self,
        by: Revoker<'_>,
        certificate_b64: &str,
        reason_code: Option<u8>,
    ) -> Result<(), AcmeError> {
        let reason = reason(reason_code)?;
        let der = jws::unb64("certificate", certificate_b64)?;
        let (_, cert) = x509_parser::certificate::X509Certificate::from_der(&der)
            .map_err(|_| AcmeError::Malformed("the certificate is not DER".into()))?;
        let serial = hex::encode(cert.raw_serial());
        let row = self.issued(&serial, &der).await?;
        let order = acme::order_row_by_certificate(&self.store, row.id).await?;
        let refused =
            || AcmeError::Unauthorized("this account may not revoke this certificate".into());
        // Who the audit names: the account's bound user, or nobody for a key holder.
        let actor = match by {
            Revoker::CertificateKey(key) => {
                if !same_key(&cert, key) {
                    return Err(refused());
                }
                None
            }
            Revoker::Account(account) => {
                let order = order
                    .as_ref()
                    .filter(|o| o.account_id == account.account_id)
                    .ok_or_else(refused)?;
                // The bound user acts, with the portal's rules: active in the account, the
                // order within their reach and theirs to manage.
                let caller = self.caller(account).await?;
                match self.orders.revocable(&caller, order.id).await {
                    Ok(_) => {}
                    Err(OrderError::NotFound | OrderError::Forbidden(_)) => return Err(refused()),
                    Err(e) => return Err(e.into()),
                }
                Some((caller, account.id))
            }
        };
        if row.revoked_at.is_some() {
            return Err(AcmeError::AlreadyRevoked(
                "the certificate is already revoked".into(),
            ));
        }
        match self.authority.revoke(&row.serial_hex, reason).await {
            Ok(()) => {}
            Err(CaError::Refused { detail, .. }) => {
                return Err(AcmeError::BadRevocationReason(detail));
            }
            Err(e) => return Err(AcmeError::Internal(e.to_string())),
        }
        if let Some(order) = &order {
            self.record_revocation(order, &row.serial_hex, reason, actor.as_ref())
                .await?;
        }
        Ok(())
    }

    /// The order's history and the account's audit log: who revoked, through which ACME
    /// account (or by the certificate's key), and why.
    async fn record_revocation(
        &self,
        order: &OrderRow,
        serial: &str,
        reason: RevocationReason,
        actor: Option<&(Caller, i32)>,
    ) -> Result<(), AcmeError> {
        let now = self.clock.now();
        let (name, how) = match actor {
            Some((caller, acme_account)) => (
                caller.user.name.clone(),
                format!("through ACME account #{acme_account}"),
            ),
            None => (
                "ACME client".to_owned(),
                "by a request signed with the certificate's key".to_owned(),
            ),
        };
        let summary = format!(
            "Certificate {serial} of order #{} revoked {how} ({})",
            order.id,
            reason.as_str()
        );
        let tx = self.store.begin().await?;
        orders::add_event(&tx, order.id, &name, "Certificate revoked", &summary, now).await?;
        crate::services::audit::record(
            &tx,
            now,
            crate::services::audit::AuditEntry {
                account_id: Some(order.account_id),
                user_id: actor.map(|(caller, _)| caller.user.id),
                ip: None,
                module: "acme",
                action: "certificate_revoked",
                summary,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The certificate this CA issued with these exact bytes.
    async fn issued(&self, serial: &str, der: &[u8]) -> Result<CertificateRow, AcmeError> {
        // DER adds a zero byte before a serial whose first bit is set; the store has none.
        let candidates = [Some(serial), serial.strip_prefix("00")];
        for s in candidates.into_iter().flatten() {
            if let Some(row) = certificates::find_by_serial(&self.store, s).await?
                && row.cert_der.as_deref() == Some(der)
            {
                return Ok(row);
            }
        }
        Err(AcmeError::NotFound)
    }
}
