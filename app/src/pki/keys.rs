//! Reading the user's private key and certificates back, and telling whether they belong together.

use der::{
    Decode, Encode, SecretDocument,
    oid::{ObjectIdentifier, db::rfc5912},
};
use pkcs8::{DecodePrivateKey, PrivateKeyInfoRef};
use spki::{EncodePublicKey, SubjectPublicKeyInfoOwned};
use x509_cert_pki::Certificate;

use super::PkiError;

/// A private key the module can use: its PKCS#8 DER (kept in memory that is wiped on drop) and
/// the DER of its public key (SubjectPublicKeyInfo).
pub(crate) struct PrivateKey {
    pub pkcs8_der: SecretDocument,
    pub public_key_der: Vec<u8>,
}

/// Reads an unencrypted PKCS#8 PEM private key (ECDSA P-256 / P-384 or RSA).
pub(crate) fn read_private_key(pem: &str) -> Result<PrivateKey, PkiError> {
    let (label, pkcs8_der) =
        SecretDocument::from_pem(pem.trim()).map_err(|_| PkiError::InvalidPrivateKey)?;
    if label != "PRIVATE KEY" {
        return Err(PkiError::InvalidPrivateKey);
    }
    let info = PrivateKeyInfoRef::from_der(pkcs8_der.as_bytes())
        .map_err(|_| PkiError::InvalidPrivateKey)?;
    let der = pkcs8_der.as_bytes();
    let public_key = match info.algorithm.oid {
        rfc5912::RSA_ENCRYPTION => rsa_pki::RsaPrivateKey::from_pkcs8_der(der)
            .map_err(|_| PkiError::InvalidPrivateKey)?
            .to_public_key()
            .to_public_key_der(),
        rfc5912::ID_EC_PUBLIC_KEY => match info.algorithm.parameters_oid() {
            Ok(rfc5912::SECP_256_R_1) => p256::SecretKey::from_pkcs8_der(der)
                .map_err(|_| PkiError::InvalidPrivateKey)?
                .public_key()
                .to_public_key_der(),
            Ok(rfc5912::SECP_384_R_1) => p384::SecretKey::from_pkcs8_der(der)
                .map_err(|_| PkiError::InvalidPrivateKey)?
                .public_key()
                .to_public_key_der(),
            _ => return Err(PkiError::UnsupportedKey("Other elliptic-curve".into())),
        },
        other => return Err(PkiError::UnsupportedKey(key_name(other))),
    }
    .map_err(|e| PkiError::Encoding(e.to_string()))?;
    Ok(PrivateKey {
        pkcs8_der,
        public_key_der: public_key.as_bytes().to_vec(),
    })
}

/// Reads one or more PEM certificates (a leaf and its chain, in any order).
pub(crate) fn read_certificates(pem: &str) -> Result<Vec<Certificate>, PkiError> {
    let certificates = Certificate::load_pem_chain(pem.trim().as_bytes())
        .map_err(|_| PkiError::InvalidCertificate)?;
    if certificates.is_empty() {
        return Err(PkiError::InvalidCertificate);
    }
    Ok(certificates)
}

/// Whether `certificate` carries the public key whose SubjectPublicKeyInfo DER is `public_key_der`.
/// Compares the algorithm, its parameters (the curve) and the key bits, so an RSA key with
/// absent rather than NULL parameters still matches.
pub(crate) fn certificate_has_key(
    certificate: &Certificate,
    public_key_der: &[u8],
) -> Result<bool, PkiError> {
    let ours = SubjectPublicKeyInfoOwned::from_der(public_key_der)?;
    let theirs = certificate.tbs_certificate().subject_public_key_info();
    let same_parameters = ours.algorithm.oid == rfc5912::RSA_ENCRYPTION
        || ours.algorithm.parameters.to_der()? == theirs.algorithm.parameters.to_der()?;
    Ok(ours.algorithm.oid == theirs.algorithm.oid
        && same_parameters
        && ours.subject_public_key == theirs.subject_public_key)
}

/// Whether a certificate (PEM; the first one when several are given) carries the public key of
/// this private key (PKCS#8 PEM).
pub fn key_matches_certificate(
    private_key_pem: &str,
    certificate_pem: &str,
) -> Result<bool, PkiError> {
    let key = read_private_key(private_key_pem)?;
    let certificates = read_certificates(certificate_pem)?;
    match certificates.first() {
        Some(certificate) => certificate_has_key(certificate, &key.public_key_der),
        None => Err(PkiError::InvalidCertificate),
    }
}

/// A key algorithm the user may recognise, for messages about keys we do not take.
pub(crate) fn key_name(oid: ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "1.3.101.112" => "Ed25519".to_owned(),
        "1.3.101.113" => "Ed448".to_owned(),
        "1.2.840.113549.1.1.10" => "RSA-PSS".to_owned(),
        "1.2.840.10040.4.1" => "DSA".to_owned(),
        other => format!("This kind of key ({other})"),
    }
}
