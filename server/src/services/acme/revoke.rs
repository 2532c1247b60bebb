//! revokeCert (RFC 8555 section 7.6): by the account that ordered the certificate (or any
//! ACME account of the same portal account), or by anyone holding the certificate's key.

use x509_parser::{prelude::FromDer, public_key::PublicKey};

use super::{AcmeError, AcmeService, Jwk, jws};
use crate::{
    ca::CaError,
    domain::revocation::RevocationReason,
    store::{
        CertificateRow,
        acme::{self, AcmeAccountRow},
        certificates,
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
        let allowed = match by {
            Revoker::CertificateKey(key) => same_key(&cert, key),
            Revoker::Account(account) => {
                match acme::order_row_by_certificate(&self.store, row.id).await? {
                    Some(order) => order.account_id == account.account_id,
                    None => false,
                }
            }
        };
        if !allowed {
            return Err(AcmeError::Unauthorized(
                "this account may not revoke this certificate".into(),
            ));
        }
        if row.revoked_at.is_some() {
            return Err(AcmeError::AlreadyRevoked(
                "the certificate is already revoked".into(),
            ));
        }
        match self.authority.revoke(&row.serial_hex, reason).await {
            Ok(()) => Ok(()),
            Err(CaError::Refused { detail, .. }) => Err(AcmeError::BadRevocationReason(detail)),
            Err(e) => Err(AcmeError::Internal(e.to_string())),
        }
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
