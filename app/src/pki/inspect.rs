//! What a pasted or uploaded CSR asks for, to pre-fill the wizard, and whether it is signed by
//! its own key.

use der::{
    Decode, Encode, Header, Reader, SliceReader,
    oid::{
        ObjectIdentifier,
        db::{rfc5280, rfc5912},
    },
};
use serde::{Deserialize, Serialize};
use sha2_pki::{Digest, Sha256, Sha384, Sha512};
use spki::{DecodePublicKey, SubjectPublicKeyInfoOwned};
use x509_cert_pki::{
    ext::{
        Extension,
        pkix::{SubjectAltName, name::GeneralName},
    },
    request::CertReq,
};

use super::{KeyAlgorithm, PkiError, keys::key_name};

/// What a CSR says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CsrSummary {
    /// The subject's common name, if it has one.
    pub common_name: Option<String>,
    /// The DNS names of the subject alternative name extension, as written.
    pub dns_names: Vec<String>,
    /// The whole subject, RFC 4514 style ("CN=www.example.com,O=Example"); empty when none.
    pub subject: String,
    /// The key, in the words of [`KeyAlgorithm::label`]: "ECDSA P-256", "RSA 2048", ...
    pub key: String,
    /// The wizard's choice matching this key, when it is one of them.
    pub key_algorithm: Option<KeyAlgorithm>,
    /// The DER of the public key (SubjectPublicKeyInfo), e.g. to spot a reused key.
    pub public_key_der: Vec<u8>,
    /// Whether the CSR is signed by the private key of the public key it carries.
    pub signature_valid: bool,
}

impl CsrSummary {
    /// This summary if the signature verifies, otherwise [`PkiError::SignatureInvalid`].
    pub fn verified(self) -> Result<Self, PkiError> {
        if self.signature_valid {
            Ok(self)
        } else {
            Err(PkiError::SignatureInvalid)
        }
    }
}

/// Reads a CSR (PEM "CERTIFICATE REQUEST" / "NEW CERTIFICATE REQUEST", or DER) and checks its
/// signature. ECDSA P-256 / P-384 and RSA PKCS#1 v1.5 signatures with SHA-256/384/512 are
/// checked; other keys or signature algorithms are refused with a message naming them.
pub fn inspect_csr(pem_or_der: &[u8]) -> Result<CsrSummary, PkiError> {
    let der = csr_der(pem_or_der)?;
    let request = CertReq::from_der(&der).map_err(|_| PkiError::InvalidCsr)?;
    let info = &request.info;

    let common_name = info
        .subject
        .common_name()
        .map_err(|_| PkiError::InvalidCsr)?
        .map(|cn| cn.value().into_owned());
    let dns_names = requested_extensions(&request)?
        .iter()
        .filter(|extension| extension.extn_id == rfc5280::ID_CE_SUBJECT_ALT_NAME)
        .map(|extension| {
            SubjectAltName::from_der(extension.extn_value.as_bytes())
                .map_err(|_| PkiError::InvalidCsr)
        })
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flat_map(|san| san.0)
        .filter_map(|name| match name {
            GeneralName::DnsName(dns) => Some(dns.to_string()),
            _ => None,
        })
        .collect();

    let public_key_der = info.public_key.to_der()?;
    let key = PublicKey::read(&info.public_key, &public_key_der)?;
    let signed = signed_bytes(&der)?;
    let signature = request.signature.as_bytes().ok_or(PkiError::InvalidCsr)?;
    let signature_valid = key.verifies(request.algorithm.oid, signed, signature)?;

    Ok(CsrSummary {
        common_name,
        dns_names,
        subject: info.subject.to_string(),
        key: key.describe(),
        key_algorithm: key.algorithm(),
        public_key_der,
        signature_valid,
    })
}

fn csr_der(input: &[u8]) -> Result<Vec<u8>, PkiError> {
    let text = std::str::from_utf8(input).map(str::trim);
    match text {
        Ok(text) if text.starts_with("-----BEGIN") => {
            let (label, der) = super::pem::decode(text.as_bytes()).ok_or(PkiError::InvalidCsr)?;
            if label == "CERTIFICATE REQUEST" || label == "NEW CERTIFICATE REQUEST" {
                Ok(der)
            } else {
                Err(PkiError::InvalidCsr)
            }
        }
        _ if input.is_empty() => Err(PkiError::InvalidCsr),
        _ => Ok(input.to_vec()),
    }
}

/// The extensions of the PKCS#9 extension request attribute, if there is one.
fn requested_extensions(request: &CertReq) -> Result<Vec<Extension>, PkiError> {
    let mut extensions = Vec::new();
    for attribute in request.info.attributes.iter() {
        if attribute.oid == rfc5912::ID_EXTENSION_REQ {
            for value in attribute.values.iter() {
                let mut more: Vec<Extension> =
                    value.decode_as().map_err(|_| PkiError::InvalidCsr)?;
                extensions.append(&mut more);
            }
        }
    }
    Ok(extensions)
}

/// The exact bytes that were signed (the CertificationRequestInfo TLV as received), rather than
/// a re-encoding that could differ from them.
fn signed_bytes(der: &[u8]) -> Result<&[u8], PkiError> {
    let mut outer = SliceReader::new(der)?;
    Header::decode(&mut outer).map_err(|_| PkiError::InvalidCsr)?;
    let start = usize::try_from(outer.position()).map_err(|_| PkiError::InvalidCsr)?;
    let rest = der.get(start..).ok_or(PkiError::InvalidCsr)?;
    let mut inner = SliceReader::new(rest)?;
    let info_header = Header::decode(&mut inner).map_err(|_| PkiError::InvalidCsr)?;
    let length = usize::try_from(
        (info_header.encoded_len()? + info_header.length()).map_err(|_| PkiError::InvalidCsr)?,
    )
    .map_err(|_| PkiError::InvalidCsr)?;
    rest.get(..length).ok_or(PkiError::InvalidCsr)
}

enum PublicKey {
    P256(p256::ecdsa::VerifyingKey),
    P384(p384::ecdsa::VerifyingKey),
    Rsa(rsa_pki::RsaPublicKey),
}

impl PublicKey {
    fn read(spki: &SubjectPublicKeyInfoOwned, der: &[u8]) -> Result<Self, PkiError> {
        match spki.algorithm.oid {
            rfc5912::RSA_ENCRYPTION => rsa_pki::RsaPublicKey::from_public_key_der(der)
                .map(Self::Rsa)
                .map_err(|_| PkiError::InvalidCsr),
            rfc5912::ID_EC_PUBLIC_KEY => match spki
                .algorithm
                .parameters
                .as_ref()
                .map(|parameters| parameters.decode_as::<ObjectIdentifier>())
            {
                Some(Ok(rfc5912::SECP_256_R_1)) => {
                    p256::ecdsa::VerifyingKey::from_public_key_der(der)
                        .map(Self::P256)
                        .map_err(|_| PkiError::InvalidCsr)
                }
                Some(Ok(rfc5912::SECP_384_R_1)) => {
                    p384::ecdsa::VerifyingKey::from_public_key_der(der)
                        .map(Self::P384)
                        .map_err(|_| PkiError::InvalidCsr)
                }
                Some(Ok(rfc5912::SECP_521_R_1)) => {
                    Err(PkiError::UnsupportedKey("ECDSA P-521".into()))
                }
                Some(Ok(curve)) => Err(PkiError::UnsupportedKey(format!(
                    "Elliptic-curve ({curve})"
                ))),
                _ => Err(PkiError::InvalidCsr),
            },
            oid => Err(PkiError::UnsupportedKey(key_name(oid))),
        }
    }

    fn describe(&self) -> String {
        match self {
            Self::P256(_) => "ECDSA P-256".to_owned(),
            Self::P384(_) => "ECDSA P-384".to_owned(),
            Self::Rsa(key) => format!("RSA {}", rsa_pki::traits::PublicKeyParts::size(key) * 8),
        }
    }

    fn algorithm(&self) -> Option<KeyAlgorithm> {
        KeyAlgorithm::ALL
            .into_iter()
            .find(|algorithm| algorithm.label() == self.describe())
    }

    /// Checks `signature` over `signed` under the CSR's signature algorithm. A signature
    /// algorithm that does not fit the key (RSA on an EC key) is a failed check.
    fn verifies(
        &self,
        algorithm: ObjectIdentifier,
        signed: &[u8],
        signature: &[u8],
    ) -> Result<bool, PkiError> {
        use p256::ecdsa::signature::hazmat::PrehashVerifier;
        use rsa_pki::signature::Verifier;

        let ecdsa_digest = match algorithm {
            rfc5912::ECDSA_WITH_SHA_256 => Some(Sha256::digest(signed).to_vec()),
            rfc5912::ECDSA_WITH_SHA_384 => Some(Sha384::digest(signed).to_vec()),
            rfc5912::ECDSA_WITH_SHA_512 => Some(Sha512::digest(signed).to_vec()),
            _ => None,
        };
        let valid = match (self, ecdsa_digest) {
            (Self::P256(key), Some(digest)) => p256::ecdsa::Signature::from_der(signature)
                .is_ok_and(|signature| key.verify_prehash(&digest, &signature).is_ok()),
            (Self::P384(key), Some(digest)) => p384::ecdsa::Signature::from_der(signature)
                .is_ok_and(|signature| key.verify_prehash(&digest, &signature).is_ok()),
            (Self::Rsa(_), Some(_)) => false,
            (Self::Rsa(key), None) => {
                let Ok(signature) = rsa_pki::pkcs1v15::Signature::try_from(signature) else {
                    return Ok(false);
                };
                let key = key.clone();
                match algorithm {
                    rfc5912::SHA_256_WITH_RSA_ENCRYPTION => {
                        rsa_pki::pkcs1v15::VerifyingKey::<Sha256>::new(key)
                            .verify(signed, &signature)
                            .is_ok()
                    }
                    rfc5912::SHA_384_WITH_RSA_ENCRYPTION => {
                        rsa_pki::pkcs1v15::VerifyingKey::<Sha384>::new(key)
                            .verify(signed, &signature)
                            .is_ok()
                    }
                    rfc5912::SHA_512_WITH_RSA_ENCRYPTION => {
                        rsa_pki::pkcs1v15::VerifyingKey::<Sha512>::new(key)
                            .verify(signed, &signature)
                            .is_ok()
                    }
                    other => return Err(PkiError::UnsupportedSignature(signature_name(other))),
                }
            }
            (Self::P256(_) | Self::P384(_), None) => match algorithm {
                rfc5912::SHA_256_WITH_RSA_ENCRYPTION
                | rfc5912::SHA_384_WITH_RSA_ENCRYPTION
                | rfc5912::SHA_512_WITH_RSA_ENCRYPTION => false,
                other => return Err(PkiError::UnsupportedSignature(signature_name(other))),
            },
        };
        Ok(valid)
    }
}

fn signature_name(oid: ObjectIdentifier) -> String {
    match oid.to_string().as_str() {
        "1.2.840.113549.1.1.5" => "SHA-1 with RSA".to_owned(),
        "1.2.840.10045.4.1" => "ECDSA with SHA-1".to_owned(),
        "1.2.840.113549.1.1.10" => "RSA-PSS".to_owned(),
        "1.2.840.113549.1.1.4" => "MD5 with RSA".to_owned(),
        other => other.to_owned(),
    }
}
