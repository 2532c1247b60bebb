//! A new key pair and the CSR that carries its public key.

use der::{
    Decode, Encode,
    asn1::{Any, BitString, Ia5String, OctetString, SetOfVec},
    oid::db::{rfc4519, rfc5280, rfc5912},
    pem::LineEnding,
};
use getrandom::{SysRng, rand_core::TryRng, rand_core::UnwrapErr};
use p256::elliptic_curve::Generate;
use pkcs8::EncodePrivateKey;
use spki::{AlgorithmIdentifierOwned, EncodePublicKey, SubjectPublicKeyInfoOwned};
use x509_cert_pki::{
    attr::{Attribute, AttributeTypeAndValue},
    der::EncodePem,
    ext::{
        Extension,
        pkix::{SubjectAltName, name::DirectoryString, name::GeneralName},
    },
    name::{Name, RdnSequence, RelativeDistinguishedName},
    request::{CertReq, CertReqInfo, ExtensionReq, Version},
};

use super::{KeyAlgorithm, PkiError};
use crate::model::email::valid_domain;

/// What the CSR asks for: the subject's common name and the domain names (SANs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsrRequest {
    pub common_name: Option<String>,
    pub dns_names: Vec<String>,
}

/// A fresh key pair, its private key as unencrypted PKCS#8 PEM (for the user to save; it never
/// leaves the browser) and its CSR as PEM (for the order).
#[derive(Clone, PartialEq, Eq)]
pub struct GeneratedKey {
    pub algorithm: KeyAlgorithm,
    pub private_key_pem: String,
    pub csr_pem: String,
}

impl std::fmt::Debug for GeneratedKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // A debug print must not put the private key in a log.
        f.debug_struct("GeneratedKey")
            .field("algorithm", &self.algorithm)
            .field("private_key_pem", &"<redacted>")
            .field("csr_pem", &self.csr_pem)
            .finish()
    }
}

/// Generates a key pair of `algorithm` and a CSR for `request`, signed with the new key
/// (ECDSA with SHA-256 / SHA-384, RSA PKCS#1 v1.5 with SHA-256).
///
/// The common name is trimmed (at most 64 characters); domain names are trimmed, lowercased,
/// checked (a leading `*.` is allowed) and deduplicated. The common name is not copied into
/// the SANs: give it in `dns_names` too when the certificate should cover it.
pub fn generate(algorithm: KeyAlgorithm, request: &CsrRequest) -> Result<GeneratedKey, PkiError> {
    let (subject, extensions) = subject_and_extensions(request)?;
    // Fail cleanly here rather than inside a generator that cannot report a failing source.
    let mut probe = [0u8; 32];
    SysRng
        .try_fill_bytes(&mut probe)
        .map_err(|_| PkiError::Random)?;

    let (private_key_pem, csr) = match algorithm {
        KeyAlgorithm::P256 => {
            let key = p256::ecdsa::SigningKey::try_generate_from_rng(&mut SysRng)
                .map_err(|_| PkiError::Random)?;
            let spki = spki_of(key.verifying_key())?;
            let csr = sign_request(
                subject,
                spki,
                extensions,
                rfc5912::ECDSA_WITH_SHA_256,
                |tbs| {
                    let signature: p256::ecdsa::DerSignature =
                        p256::ecdsa::signature::Signer::try_sign(&key, tbs)
                            .map_err(|e| PkiError::KeyGeneration(e.to_string()))?;
                    Ok(signature.to_bytes().to_vec())
                },
            )?;
            (pkcs8_pem(&key)?, csr)
        }
        KeyAlgorithm::P384 => {
            let key = p384::ecdsa::SigningKey::try_generate_from_rng(&mut SysRng)
                .map_err(|_| PkiError::Random)?;
            let spki = spki_of(key.verifying_key())?;
            let csr = sign_request(
                subject,
                spki,
                extensions,
                rfc5912::ECDSA_WITH_SHA_384,
                |tbs| {
                    let signature: p384::ecdsa::DerSignature =
                        p384::ecdsa::signature::Signer::try_sign(&key, tbs)
                            .map_err(|e| PkiError::KeyGeneration(e.to_string()))?;
                    Ok(signature.to_bytes().to_vec())
                },
            )?;
            (pkcs8_pem(&key)?, csr)
        }
        KeyAlgorithm::Rsa2048 | KeyAlgorithm::Rsa3072 => {
            let bits = algorithm.rsa_bits().unwrap_or(2048);
            let key = rsa_pki::RsaPrivateKey::new(&mut UnwrapErr(SysRng), bits)
                .map_err(|e| PkiError::KeyGeneration(e.to_string()))?;
            let spki = spki_of(&key.to_public_key())?;
            let signer = rsa_pki::pkcs1v15::SigningKey::<sha2_pki::Sha256>::new(key.clone());
            let csr = sign_request(
                subject,
                spki,
                extensions,
                rfc5912::SHA_256_WITH_RSA_ENCRYPTION,
                |tbs| {
                    let signature = rsa_pki::signature::Signer::try_sign(&signer, tbs)
                        .map_err(|e| PkiError::KeyGeneration(e.to_string()))?;
                    Ok(rsa_pki::signature::SignatureEncoding::to_vec(&signature))
                },
            )?;
            (pkcs8_pem(&key)?, csr)
        }
    };
    Ok(GeneratedKey {
        algorithm,
        private_key_pem,
        csr_pem: csr.to_pem(LineEnding::LF)?,
    })
}

fn spki_of(key: &impl EncodePublicKey) -> Result<SubjectPublicKeyInfoOwned, PkiError> {
    let der = key
        .to_public_key_der()
        .map_err(|e| PkiError::Encoding(e.to_string()))?;
    Ok(SubjectPublicKeyInfoOwned::from_der(der.as_bytes())?)
}

fn pkcs8_pem(key: &impl EncodePrivateKey) -> Result<String, PkiError> {
    let pem = key
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| PkiError::Encoding(e.to_string()))?;
    Ok(pem.as_str().to_owned())
}

/// Assembles the PKCS#10 request by hand rather than through x509-cert's builder: that one
/// always adds an extension request, which must not be empty when there are no SANs, and it
/// pulls SHA-1 into the browser bundle for key identifiers a CSR does not need.
fn sign_request(
    subject: Name,
    public_key: SubjectPublicKeyInfoOwned,
    extensions: Vec<Extension>,
    signature_algorithm: der::oid::ObjectIdentifier,
    sign: impl FnOnce(&[u8]) -> Result<Vec<u8>, PkiError>,
) -> Result<CertReq, PkiError> {
    let mut attributes = SetOfVec::new();
    if !extensions.is_empty() {
        attributes.insert(Attribute::try_from(ExtensionReq(extensions))?)?;
    }
    let info = CertReqInfo {
        version: Version::V1,
        subject,
        public_key,
        attributes,
    };
    let signature = sign(&info.to_der()?)?;
    // RSA signature algorithms carry an explicit NULL parameter; ECDSA ones carry none.
    let parameters = (signature_algorithm == rfc5912::SHA_256_WITH_RSA_ENCRYPTION)
        .then(|| Any::from(der::asn1::Null));
    Ok(CertReq {
        info,
        algorithm: AlgorithmIdentifierOwned {
            oid: signature_algorithm,
            parameters,
        },
        signature: BitString::from_bytes(&signature)?,
    })
}

fn subject_and_extensions(request: &CsrRequest) -> Result<(Name, Vec<Extension>), PkiError> {
    let common_name = request
        .common_name
        .as_deref()
        .map(str::trim)
        .filter(|cn| !cn.is_empty());
    let dns_names = clean_dns_names(&request.dns_names)?;
    if common_name.is_none() && dns_names.is_empty() {
        return Err(PkiError::MissingName);
    }

    let mut rdns = RdnSequence::default();
    if let Some(cn) = common_name {
        // ub-common-name in RFC 5280; CAs refuse longer ones.
        if cn.chars().count() > 64 {
            return Err(PkiError::CommonNameTooLong);
        }
        if cn.chars().any(char::is_control) {
            return Err(PkiError::InvalidCommonName);
        }
        let mut rdn = RelativeDistinguishedName::default();
        rdn.insert(AttributeTypeAndValue {
            oid: rfc4519::CN,
            value: Any::encode_from(&DirectoryString::Utf8String(cn.to_owned()))?,
        })?;
        rdns.push(rdn);
    }
    // `Name` can only be made by parsing; its DER is the RDN sequence's.
    let subject = Name::from_der(&rdns.to_der()?)?;

    let mut extensions = Vec::new();
    if !dns_names.is_empty() {
        let names = dns_names
            .into_iter()
            .map(|name| Ia5String::new(&name).map(GeneralName::DnsName))
            .collect::<Result<Vec<_>, _>>()?;
        extensions.push(Extension {
            extn_id: rfc5280::ID_CE_SUBJECT_ALT_NAME,
            // RFC 5280 4.2.1.6: with an empty subject the SANs are the identity, so critical.
            critical: subject.is_empty(),
            extn_value: OctetString::new(SubjectAltName(names).to_der()?)?,
        });
    }
    Ok((subject, extensions))
}

fn clean_dns_names(names: &[String]) -> Result<Vec<String>, PkiError> {
    let mut clean: Vec<String> = Vec::new();
    for name in names {
        let name = name.trim().trim_end_matches('.').to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        let base = name.strip_prefix("*.").unwrap_or(&name);
        if !valid_domain(base) {
            return Err(PkiError::InvalidDnsName(name));
        }
        if !clean.contains(&name) {
            clean.push(name);
        }
    }
    Ok(clean)
}
