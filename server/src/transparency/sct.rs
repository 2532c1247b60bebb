//! Signed certificate timestamps (RFC 6962 section 3.2): what a log signs, how the CA checks
//! that signature before embedding an SCT, and the JSON a log answers `add-pre-chain` with.
//! The test log (`server ct-log serve`) signs with the same `signed_input`, and OpenSSL's
//! own SCT validation is the outside judge of both in the tests.

use base64::{Engine, engine::general_purpose::STANDARD};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tls_codec::{DeserializeBytes, SerializeBytes, TlsByteVecU16, TlsByteVecU24};
use x509_cert::ext::pkix::sct::{
    DigitallySigned, HashAlgorithm, LogId, SignatureAlgorithm, SignatureAndHashAlgorithm,
    SignedCertificateTimestamp, Version,
};

/// What a log is asked to timestamp.
pub enum LogEntry<'a> {
    /// A final certificate (`add-chain`): the whole DER.
    X509(&'a [u8]),
    /// A precertificate (`add-pre-chain`): the hash of the issuer's SubjectPublicKeyInfo and
    /// the precertificate's TBSCertificate with the poison extension removed.
    Precert {
        issuer_key_hash: [u8; 32],
        tbs: &'a [u8],
    },
}

/// A log's id: SHA-256 of its public key's SubjectPublicKeyInfo DER.
pub fn log_id(spki_der: &[u8]) -> [u8; 32] {
    Sha256::digest(spki_der).into()
}

/// The issuer key hash of a precertificate entry: SHA-256 of the issuing CA's SPKI DER.
pub fn issuer_key_hash(issuer_spki_der: &[u8]) -> [u8; 32] {
    Sha256::digest(issuer_spki_der).into()
}

/// The bytes a log signs for an SCT (RFC 6962 3.2 `digitally-signed struct`): version v1,
/// signature type certificate_timestamp, the timestamp, the entry and the SCT extensions.
pub fn signed_input(
    timestamp: u64,
    entry: &LogEntry<'_>,
    extensions: &[u8],
) -> Result<Vec<u8>, tls_codec::Error> {
    let mut out = vec![0u8, 0u8];
    out.extend_from_slice(&timestamp.to_be_bytes());
    match entry {
        LogEntry::X509(cert) => {
            out.extend_from_slice(&0u16.to_be_bytes());
            out.extend(TlsByteVecU24::from_slice(cert).tls_serialize()?);
        }
        LogEntry::Precert {
            issuer_key_hash,
            tbs,
        } => {
            out.extend_from_slice(&1u16.to_be_bytes());
            out.extend_from_slice(issuer_key_hash);
            out.extend(TlsByteVecU24::from_slice(tbs).tls_serialize()?);
        }
    }
    out.extend(TlsByteVecU16::from_slice(extensions).tls_serialize()?);
    Ok(out)
}

/// Why an SCT is not kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SctError {
    #[error("the answer is not an RFC 6962 SCT: {0}")]
    Malformed(String),
    #[error("the SCT names log {found}, not the log it came from ({expected})")]
    WrongLog { expected: String, found: String },
    #[error("the SCT's signature does not verify with the log's public key")]
    BadSignature,
    #[error("the log's public key is neither ECDSA P-256 nor RSA")]
    UnsupportedKey,
    #[error("the SCT is dated {timestamp} ms, after the moment it was checked ({now} ms)")]
    FromTheFuture { timestamp: u64, now: u64 },
}

/// An `add-chain` / `add-pre-chain` answer (RFC 6962 4.1): binary fields in base64.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AddChainResponse {
    pub sct_version: u8,
    pub id: String,
    pub timestamp: u64,
    pub extensions: String,
    pub signature: String,
}

/// An `add-chain` / `add-pre-chain` request: the leaf first, then its issuers, each base64 DER.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AddChainRequest {
    pub chain: Vec<String>,
}

impl AddChainRequest {
    pub fn new(chain: &[Vec<u8>]) -> Self {
        Self {
            chain: chain.iter().map(|der| STANDARD.encode(der)).collect(),
        }
    }

    pub fn decode(&self) -> Result<Vec<Vec<u8>>, base64::DecodeError> {
        self.chain.iter().map(|c| STANDARD.decode(c)).collect()
    }
}

impl AddChainResponse {
    /// The answer for an SCT a log made.
    pub fn from_sct(sct: &SignedCertificateTimestamp) -> Result<Self, tls_codec::Error> {
        Ok(Self {
            sct_version: 0,
            id: STANDARD.encode(sct.log_id.key_id),
            timestamp: sct.timestamp,
            extensions: STANDARD.encode(sct.extensions.as_slice()),
            signature: STANDARD.encode(sct.signature.tls_serialize()?),
        })
    }

    /// The SCT the answer carries.
    pub fn to_sct(&self) -> Result<SignedCertificateTimestamp, SctError> {
        let malformed = |what: &str| SctError::Malformed(what.to_owned());
        if self.sct_version != 0 {
            return Err(malformed("only SCT version 1 exists"));
        }
        let key_id: [u8; 32] = STANDARD
            .decode(&self.id)
            .ok()
            .and_then(|id| id.try_into().ok())
            .ok_or_else(|| malformed("the log id is not 32 bytes of base64"))?;
        let extensions = STANDARD
            .decode(&self.extensions)
            .map_err(|_| malformed("the extensions are not base64"))?;
        let signature = STANDARD
            .decode(&self.signature)
            .map_err(|_| malformed("the signature is not base64"))?;
        let (signature, rest) = DigitallySigned::tls_deserialize_bytes(&signature)
            .map_err(|e| SctError::Malformed(format!("the signature: {e}")))?;
        if !rest.is_empty() {
            return Err(malformed("bytes after the signature"));
        }
        Ok(SignedCertificateTimestamp {
            version: Version::V1,
            log_id: LogId { key_id },
            timestamp: self.timestamp,
            extensions: TlsByteVecU16::new(extensions),
            signature,
        })
    }
}

/// The algorithm a log key signs with, from its SubjectPublicKeyInfo.
enum LogKey {
    EcdsaP256(Vec<u8>),
    Rsa(Vec<u8>),
}

fn log_key(spki_der: &[u8]) -> Result<LogKey, SctError> {
    use x509_parser::prelude::FromDer;
    let (_, spki) = x509_parser::x509::SubjectPublicKeyInfo::from_der(spki_der)
        .map_err(|_| SctError::UnsupportedKey)?;
    let bits = spki.subject_public_key.data.to_vec();
    match spki.algorithm.algorithm.to_id_string().as_str() {
        "1.2.840.10045.2.1" => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| o.to_id_string());
            if curve.as_deref() == Some("1.2.840.10045.3.1.7") {
                Ok(LogKey::EcdsaP256(bits))
            } else {
                Err(SctError::UnsupportedKey)
            }
        }
        "1.2.840.113549.1.1.1" => Ok(LogKey::Rsa(bits)),
        _ => Err(SctError::UnsupportedKey),
    }
}

/// Whether a log key is one SCTs can be checked with (ECDSA P-256 or RSA).
pub fn verify_key(log_spki_der: &[u8]) -> Result<(), SctError> {
    log_key(log_spki_der).map(|_| ())
}

/// Checks that `sct` was made by the log whose public key is `log_spki_der`, over `entry`,
/// and not after `now_ms` (OpenSSL and browsers refuse SCTs from the future).
pub fn verify(
    sct: &SignedCertificateTimestamp,
    log_spki_der: &[u8],
    entry: &LogEntry<'_>,
    now_ms: u64,
) -> Result<(), SctError> {
    let expected = log_id(log_spki_der);
    if sct.log_id.key_id != expected {
        return Err(SctError::WrongLog {
            expected: STANDARD.encode(expected),
            found: STANDARD.encode(sct.log_id.key_id),
        });
    }
    if sct.timestamp > now_ms {
        return Err(SctError::FromTheFuture {
            timestamp: sct.timestamp,
            now: now_ms,
        });
    }
    let message = signed_input(sct.timestamp, entry, sct.extensions.as_slice())
        .map_err(|e| SctError::Malformed(e.to_string()))?;
    let algorithm = &sct.signature.algorithm;
    let (verifier, key): (&'static dyn ring::signature::VerificationAlgorithm, Vec<u8>) =
        match (log_key(log_spki_der)?, &algorithm.signature) {
            (LogKey::EcdsaP256(key), SignatureAlgorithm::Ecdsa)
                if algorithm.hash == HashAlgorithm::Sha256 =>
            {
                (&ring::signature::ECDSA_P256_SHA256_ASN1, key)
            }
            (LogKey::Rsa(key), SignatureAlgorithm::Rsa)
                if algorithm.hash == HashAlgorithm::Sha256 =>
            {
                (&ring::signature::RSA_PKCS1_2048_8192_SHA256, key)
            }
            _ => return Err(SctError::BadSignature),
        };
    ring::signature::UnparsedPublicKey::new(verifier, key)
        .verify(&message, sct.signature.signature.as_slice())
        .map_err(|_| SctError::BadSignature)
}

/// Signs an SCT as a log whose ECDSA P-256 key is `key`: the test log's one use of this.
pub fn sign_p256(
    key: &ring::signature::EcdsaKeyPair,
    log_spki_der: &[u8],
    timestamp: u64,
    entry: &LogEntry<'_>,
) -> Result<SignedCertificateTimestamp, String> {
    let message = signed_input(timestamp, entry, &[]).map_err(|e| e.to_string())?;
    let signature = key
        .sign(&ring::rand::SystemRandom::new(), &message)
        .map_err(|_| "the log key could not sign".to_owned())?;
    Ok(SignedCertificateTimestamp {
        version: Version::V1,
        log_id: LogId {
            key_id: log_id(log_spki_der),
        },
        timestamp,
        extensions: TlsByteVecU16::new(Vec::new()),
        signature: DigitallySigned {
            algorithm: SignatureAndHashAlgorithm {
                hash: HashAlgorithm::Sha256,
                signature: SignatureAlgorithm::Ecdsa,
            },
            signature: TlsByteVecU16::from_slice(signature.as_ref()),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ring::signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair};

    fn p256() -> (EcdsaKeyPair, Vec<u8>) {
        let rng = ring::rand::SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, &rng).unwrap();
        let key = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), &rng)
            .unwrap();
        let spki = super::super::log_server::p256_spki(key.public_key().as_ref()).unwrap();
        (key, spki)
    }

    #[test]
    fn the_signed_input_is_laid_out_as_rfc_6962_says() {
        let entry = LogEntry::Precert {
            issuer_key_hash: [7; 32],
            tbs: &[0x30, 0x00],
        };
        let input = signed_input(0x0102, &entry, &[]).unwrap();
        let mut expected = vec![0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x02, 0, 1];
        expected.extend_from_slice(&[7; 32]);
        expected.extend_from_slice(&[0, 0, 2, 0x30, 0x00, 0, 0]);
        assert_eq!(input, expected);
    }

    #[test]
    fn an_sct_signed_by_the_log_verifies_and_survives_its_json_answer() {
        let (key, spki) = p256();
        let entry = LogEntry::Precert {
            issuer_key_hash: [1; 32],
            tbs: b"tbs",
        };
        let sct = sign_p256(&key, &spki, 1_000, &entry).unwrap();
        let answer = AddChainResponse::from_sct(&sct).unwrap();
        let json = serde_json::to_string(&answer).unwrap();
        let back: AddChainResponse = serde_json::from_str(&json).unwrap();
        let sct = back.to_sct().unwrap();
        assert_eq!(verify(&sct, &spki, &entry, 2_000), Ok(()));
    }

    #[test]
    fn an_sct_over_other_bytes_from_another_log_or_the_future_is_refused() {
        let (key, spki) = p256();
        let (_, other_spki) = p256();
        let entry = LogEntry::Precert {
            issuer_key_hash: [1; 32],
            tbs: b"tbs",
        };
        let sct = sign_p256(&key, &spki, 1_000, &entry).unwrap();
        let other_tbs = LogEntry::Precert {
            issuer_key_hash: [1; 32],
            tbs: b"tbS",
        };
        assert_eq!(
            verify(&sct, &spki, &other_tbs, 2_000),
            Err(SctError::BadSignature)
        );
        assert!(matches!(
            verify(&sct, &other_spki, &entry, 2_000),
            Err(SctError::WrongLog { .. })
        ));
        assert!(matches!(
            verify(&sct, &spki, &entry, 999),
            Err(SctError::FromTheFuture { .. })
        ));
    }
}
