//! The index of certificates' public keys that the search by key reads: the SHA-256 of each
//! certificate's SubjectPublicKeyInfo, computed from the bytes the CA signed. It is filled
//! here, as searches need it, rather than at issuance: the first search by key after an
//! upgrade reads every certificate once, later ones only those issued since.

use sha2::{Digest, Sha256};
use x509_parser::{certificate::TbsCertificate, prelude::FromDer};

use super::MassRevocationService;
use crate::store::{StoreError, revocation_batches};

/// Certificates read per round.
const ROUND: u64 = 500;

/// The SHA-256 of the SubjectPublicKeyInfo in a to-be-signed certificate, lower-case hex;
/// `None` when the bytes do not parse (they came from this CA, so they do).
pub(super) fn spki_sha256(tbs_der: &[u8]) -> Option<String> {
    let (_, tbs) = TbsCertificate::from_der(tbs_der).ok()?;
    Some(hex::encode(Sha256::digest(tbs.subject_pki.raw)))
}

impl MassRevocationService {
    /// Indexes every certificate not indexed yet.
    pub(super) async fn index_keys(&self) -> Result<(), StoreError> {
        loop {
            let rows = revocation_batches::unindexed_keys_for_operator(&self.store, ROUND).await?;
            if rows.is_empty() {
                return Ok(());
            }
            let entries: Vec<(i32, String)> = rows
                .iter()
                .map(|(id, tbs)| {
                    // A row whose bytes do not parse is indexed under a hash no key has, so
                    // it is not read again on every search.
                    (*id, spki_sha256(tbs).unwrap_or_else(|| "-".repeat(64)))
                })
                .collect();
            for (id, hash) in &entries {
                if hash.starts_with('-') {
                    tracing::warn!(
                        certificate = id,
                        "a stored to-be-signed certificate does not parse"
                    );
                }
            }
            revocation_batches::insert_keys(&self.store, &entries).await?;
            if u64::try_from(rows.len()).unwrap_or(u64::MAX) < ROUND {
                return Ok(());
            }
        }
    }
}
