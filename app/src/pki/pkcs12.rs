//! A PKCS#12 (.p12 / .pfx) file of the user's key and certificate, locked with a password.
//!
//! Written the way OpenSSL 3 writes them by default, so OpenSSL 3 (without `-legacy`), current
//! Windows, macOS and Java read them: the key in a PKCS#8 shrouded key bag under PBES2
//! (PBKDF2-HMAC-SHA256, AES-256-CBC), the certificates in plain cert bags (they are public),
//! and an HMAC-SHA256 integrity MAC keyed through the PKCS#12 key derivation (RFC 7292 B.2).

use der::{
    Decode, Encode, Sequence,
    asn1::{Any, BmpString, Null, ObjectIdentifier, OctetString, SetOfVec},
};
use getrandom::{SysRng, rand_core::TryRng};
use hmac::{KeyInit, Mac};
use pkcs8::{PrivateKeyInfoRef, pkcs5::pbes2};
use sha2_pki::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert_pki::attr::Attribute;

use super::{
    PkiError,
    keys::{certificate_has_key, read_certificates, read_private_key},
};

/// The shortest password a PKCS#12 file may have. Whoever gets the file can try passwords
/// offline as fast as they like; eight characters with the iteration count below is the floor.
pub const PKCS12_MIN_PASSWORD_CHARS: usize = 8;

/// PBKDF2 and MAC iterations: OWASP's figure for PBKDF2-HMAC-SHA256. Both are applied, since
/// an attacker can test a password against either the encrypted key or the MAC.
pub const PKCS12_ITERATIONS: u32 = 600_000;

const ID_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
const PKCS8_SHROUDED_KEY_BAG: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.2");
const CERT_BAG: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.12.10.1.3");
const X509_CERTIFICATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.22.1");
const FRIENDLY_NAME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.20");
const LOCAL_KEY_ID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.21");
const SHA_256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");

/// `PFX` (RFC 7292 section 4).
#[derive(Sequence)]
struct Pfx {
    version: u8,
    auth_safe: ContentInfo,
    mac_data: MacData,
}

/// `ContentInfo` of type `data` (RFC 5652): an OCTET STRING inside an explicit [0].
#[derive(Sequence)]
struct ContentInfo {
    content_type: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    content: Any,
}

/// `SafeBag` (RFC 7292 section 4.2).
#[derive(Sequence)]
struct SafeBag {
    bag_id: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    bag_value: Any,
    #[asn1(optional = "true")]
    bag_attributes: Option<SetOfVec<Attribute>>,
}

/// `CertBag` (RFC 7292 section 4.2.3).
#[derive(Sequence)]
struct CertBag {
    cert_id: ObjectIdentifier,
    #[asn1(context_specific = "0", tag_mode = "EXPLICIT")]
    cert_value: OctetString,
}

/// `MacData` (RFC 7292 section 4).
#[derive(Sequence)]
struct MacData {
    mac: DigestInfo,
    mac_salt: OctetString,
    iterations: u32,
}

/// `DigestInfo` (RFC 8017 section 9.2).
#[derive(Sequence)]
struct DigestInfo {
    algorithm: AlgorithmIdentifierOwned,
    digest: OctetString,
}

/// PKCS#12 of the key (and, when given, its certificate and chain) under `password`.
///
/// `private_key_pem` is the unencrypted PKCS#8 PEM that [`super::generate`] returns.
/// `certificates_pem` may hold several PEM certificates in any order: the one carrying the
/// key's public key is the leaf (it gets `friendly_name` and the key's local key id), the rest
/// go in as the chain; if none carries the key, nothing is written. The password must have at
/// least [`PKCS12_MIN_PASSWORD_CHARS`] characters; non-ASCII passwords are used as OpenSSL 3
/// uses them (UTF-8 for the encryption, UTF-16 for the MAC).
pub fn pkcs12(
    private_key_pem: &str,
    certificates_pem: Option<&str>,
    password: &str,
    friendly_name: &str,
) -> Result<Vec<u8>, PkiError> {
    if password.chars().count() < PKCS12_MIN_PASSWORD_CHARS {
        return Err(PkiError::PasswordTooShort(PKCS12_MIN_PASSWORD_CHARS));
    }
    let key = read_private_key(private_key_pem)?;
    let certificates = match certificates_pem
        .map(str::trim)
        .filter(|pem| !pem.is_empty())
    {
        Some(pem) => read_certificates(pem)?,
        None => Vec::new(),
    };
    let mut leaf = None;
    for (index, certificate) in certificates.iter().enumerate() {
        if certificate_has_key(certificate, &key.public_key_der)? {
            leaf = Some(index);
            break;
        }
    }
    if !certificates.is_empty() && leaf.is_none() {
        return Err(PkiError::CertificateMismatch);
    }

    let local_key_id = Sha256::digest(&key.public_key_der).to_vec();
    let mut key_attributes = vec![attribute(
        LOCAL_KEY_ID,
        Any::encode_from(&OctetString::new(local_key_id)?)?,
    )?];
    let friendly_name = friendly_name.trim();
    if !friendly_name.is_empty() {
        key_attributes.push(attribute(
            FRIENDLY_NAME,
            Any::encode_from(&BmpString::from_utf8(friendly_name)?)?,
        )?);
    }

    let mut cert_bags = Vec::with_capacity(certificates.len());
    for (index, certificate) in certificates.iter().enumerate() {
        let attributes = if Some(index) == leaf {
            Some(SetOfVec::try_from(key_attributes.clone())?)
        } else {
            None
        };
        let bag = CertBag {
            cert_id: X509_CERTIFICATE,
            cert_value: OctetString::new(certificate.to_der()?)?,
        };
        cert_bags.push(SafeBag {
            bag_id: CERT_BAG,
            bag_value: Any::encode_from(&bag)?,
            bag_attributes: attributes,
        });
    }

    let salt = random::<16>()?;
    let iv = random::<16>()?;
    let parameters =
        pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(PKCS12_ITERATIONS, &salt, iv)
            .map_err(|e| PkiError::Encoding(e.to_string()))?;
    let encrypted_key = PrivateKeyInfoRef::from_der(key.pkcs8_der.as_bytes())
        .map_err(|_| PkiError::InvalidPrivateKey)?
        .encrypt_with_params(parameters, password.as_bytes())
        .map_err(|e| PkiError::Encoding(e.to_string()))?;
    let key_bag = SafeBag {
        bag_id: PKCS8_SHROUDED_KEY_BAG,
        bag_value: Any::from_der(encrypted_key.as_bytes())?,
        bag_attributes: Some(SetOfVec::try_from(key_attributes)?),
    };

    let mut safes = Vec::with_capacity(2);
    if !cert_bags.is_empty() {
        safes.push(data(&cert_bags)?);
    }
    safes.push(data(&vec![key_bag])?);
    let auth_safe = safes.to_der()?;

    let mac_salt = random::<16>()?;
    let mac_key = pkcs12_mac_key(password, &mac_salt, PKCS12_ITERATIONS);
    let mut mac = hmac::Hmac::<Sha256>::new_from_slice(&mac_key)
        .map_err(|e| PkiError::Encoding(e.to_string()))?;
    mac.update(&auth_safe);
    let digest = mac.finalize().into_bytes().to_vec();

    let pfx = Pfx {
        version: 3,
        auth_safe: ContentInfo {
            content_type: ID_DATA,
            content: Any::encode_from(&OctetString::new(auth_safe)?)?,
        },
        mac_data: MacData {
            mac: DigestInfo {
                algorithm: AlgorithmIdentifierOwned {
                    oid: SHA_256,
                    parameters: Some(Any::from(Null)),
                },
                digest: OctetString::new(digest)?,
            },
            mac_salt: OctetString::new(mac_salt.to_vec())?,
            iterations: PKCS12_ITERATIONS,
        },
    };
    Ok(pfx.to_der()?)
}

fn attribute(oid: ObjectIdentifier, value: Any) -> Result<Attribute, PkiError> {
    Ok(Attribute {
        oid,
        values: SetOfVec::try_from(vec![value])?,
    })
}

/// A `data` ContentInfo around DER `SafeContents`.
fn data(bags: &Vec<SafeBag>) -> Result<ContentInfo, PkiError> {
    Ok(ContentInfo {
        content_type: ID_DATA,
        content: Any::encode_from(&OctetString::new(bags.to_der()?)?)?,
    })
}

fn random<const N: usize>() -> Result<[u8; N], PkiError> {
    let mut bytes = [0u8; N];
    SysRng
        .try_fill_bytes(&mut bytes)
        .map_err(|_| PkiError::Random)?;
    Ok(bytes)
}

/// The MAC key: RFC 7292 appendix B.2 with SHA-256 (u = 32, v = 64), ID 3, for one 32-byte
/// output block (all HMAC-SHA256 needs, so the block-update step B.2 6C never runs). The
/// password is a NUL-terminated big-endian BMPString, as the appendix says.
fn pkcs12_mac_key(password: &str, salt: &[u8], iterations: u32) -> [u8; 32] {
    const V: usize = 64;
    let mut bmp: Vec<u8> = password
        .encode_utf16()
        .chain(std::iter::once(0))
        .flat_map(u16::to_be_bytes)
        .collect();
    let mut input = vec![3u8; V];
    for source in [salt, bmp.as_slice()] {
        if !source.is_empty() {
            let len = V * source.len().div_ceil(V);
            input.extend(source.iter().cycle().take(len));
        }
    }
    let mut block: [u8; 32] = Sha256::digest(&input).into();
    for _ in 1..iterations {
        block = Sha256::digest(block).into();
    }
    // The password has been copied around; overwrite our copies.
    input.fill(0);
    bmp.fill(0);
    block
}
