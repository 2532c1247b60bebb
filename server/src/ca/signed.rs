//! The signed-object layout the CA shares between certificates and CRLs: rcgen lays out the
//! to-be-signed bytes with a stand-in key, the CA key signs exactly those bytes once, and the
//! signature is wrapped around them here.

use std::sync::Mutex;

use chrono::{DateTime, Utc};
use rcgen::{PublicKeyData, SignatureAlgorithm, SigningKey};

use crate::{
    domain::br_rules::{SignedObject, sha1_exception_open},
    ports::keys::KeySpec,
};

/// Stands in for the CA key while rcgen lays out a certificate or CRL: it keeps the exact
/// bytes rcgen would have signed and returns no real signature.
pub(super) struct Capture<'a> {
    public_key: &'a [u8],
    alg: &'static SignatureAlgorithm,
    tbs: Mutex<Option<Vec<u8>>>,
}

impl<'a> Capture<'a> {
    pub(super) fn new(public_key: &'a [u8], spec: KeySpec) -> Self {
        Self {
            public_key,
            alg: spec.signature_algorithm(),
            tbs: Mutex::new(None),
        }
    }

    /// The to-be-signed bytes rcgen handed over, if it got that far.
    pub(super) fn into_tbs(self) -> Option<Vec<u8>> {
        self.tbs.into_inner().ok().flatten()
    }
}

impl PublicKeyData for Capture<'_> {
    fn der_bytes(&self) -> &[u8] {
        self.public_key
    }
    fn algorithm(&self) -> &'static SignatureAlgorithm {
        self.alg
    }
}

impl SigningKey for Capture<'_> {
    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, rcgen::Error> {
        if let Ok(mut slot) = self.tbs.lock() {
            *slot = Some(msg.to_vec());
        }
        Ok(vec![0])
    }
}

/// AlgorithmIdentifier DER for each CA key type (RFC 5758, RFC 4055: no NULL for ECDSA).
pub(super) fn algorithm_identifier(spec: KeySpec) -> &'static [u8] {
    match spec {
        KeySpec::EcP256 => &[
            0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02,
        ],
        KeySpec::EcP384 => &[
            0x30, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03,
        ],
        KeySpec::Rsa3072 | KeySpec::Rsa4096 => &[
            0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05,
            0x00,
        ],
    }
}

/// Signature algorithms built on SHA-1: RSA PKCS#1 v1.5 (PKCS#1 and OIW arcs), ECDSA, DSA.
const SHA1_SIGNATURES: &[&str] = &[
    "1.2.840.113549.1.1.5",
    "1.3.14.3.2.29",
    "1.2.840.10045.4.1",
    "1.2.840.10040.4.3",
];
const RSASSA_PSS: &str = "1.2.840.113549.1.1.10";
/// id-sha1 (1.3.14.3.2.26) as DER.
const SHA1_OID_DER: &[u8] = &[0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a];

/// Whether a DER AlgorithmIdentifier signs with SHA-1. An identifier that does not parse
/// counts as SHA-1: nothing unreadable is signed.
fn uses_sha1(algorithm: &[u8]) -> bool {
    use der::Decode;
    let Ok(alg) = x509_cert::spki::AlgorithmIdentifierRef::from_der(algorithm) else {
        return true;
    };
    let oid = alg.oid.to_string();
    if SHA1_SIGNATURES.contains(&oid.as_str()) {
        return true;
    }
    if oid != RSASSA_PSS {
        return false;
    }
    // RSASSA-PSS-params default hashAlgorithm [0] and maskGenAlgorithm [1] to SHA-1
    // (RFC 4055 section 3.1): absent parameters, either one left out, or SHA-1 named is SHA-1.
    let Some(params) = alg.parameters.map(|p| p.value()) else {
        return true;
    };
    let mut tags = Vec::new();
    let mut rest = params;
    while let Some(len) = element_len(rest) {
        tags.extend(rest.first().copied());
        rest = rest.get(len..).unwrap_or_default();
    }
    !(tags.contains(&0xa0) && tags.contains(&0xa1))
        || params
            .windows(SHA1_OID_DER.len())
            .any(|w| w == SHA1_OID_DER)
}

/// The rule a SHA-1 refusal names.
pub(super) const SHA1_RULE: &str = "br.7.1.3.2.1.sha1";

/// Refuses a SHA-1 signature algorithm (a DER AlgorithmIdentifier) on `object` signed at
/// `at`, with the reason. Rootline meets none of the exceptions the BRs kept before each
/// sunset (re-issued cross-certificates and the CRLs of their CAs until 2026-09-15, OCSP
/// responses produced before 2022-06-01), so SHA-1 is refused at any date; the date decides
/// what the reason says.
pub(super) fn refuse_sha1(
    object: SignedObject,
    algorithm: &[u8],
    at: DateTime<Utc>,
) -> Result<(), String> {
    if !uses_sha1(algorithm) {
        return Ok(());
    }
    let sunset = object.sha1_sunset().dated();
    Err(if sha1_exception_open(object, at) {
        format!(
            "a SHA-1 signature on a {} is allowed only under exceptions this CA never meets, \
             and not at all from {} (BR {})",
            object.noun(),
            sunset.effective,
            sunset.section
        )
    } else {
        format!(
            "SHA-1 signatures on a {} are sunset since {} (BR {})",
            object.noun(),
            sunset.effective,
            sunset.section
        )
    })
}

/// The `signature` AlgorithmIdentifier of a TBSCertificate or TBSCertList: the first
/// SEQUENCE among its fields (the version and serial before it are not sequences).
pub(super) fn tbs_signature_algorithm(tbs: &[u8]) -> Option<&[u8]> {
    let (header, len) = element_parts(tbs)?;
    let mut fields = tbs.get(header..len)?;
    while let Some(field_len) = element_len(fields) {
        let field = fields.get(..field_len)?;
        if field.first() == Some(&0x30) {
            return Some(field);
        }
        fields = fields.get(field_len..)?;
    }
    None
}

/// Certificate (or CertificateList) ::= SEQUENCE { tbs, signatureAlgorithm, signatureValue }
pub(super) fn assemble(tbs: &[u8], spec: KeySpec, signature: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(tbs.len() + signature.len() + 32);
    content.extend_from_slice(tbs);
    content.extend_from_slice(algorithm_identifier(spec));
    content.push(0x03);
    push_length(&mut content, signature.len() + 1);
    content.push(0);
    content.extend_from_slice(signature);
    let mut out = Vec::with_capacity(content.len() + 6);
    out.push(0x30);
    push_length(&mut out, content.len());
    out.extend_from_slice(&content);
    out
}

/// A DER length: short form below 128, else the fewest big-endian octets.
pub(super) fn push_length(out: &mut Vec<u8>, len: usize) {
    if let Ok(short @ 0..=0x7f) = u8::try_from(len) {
        out.push(short);
        return;
    }
    let bytes = len.to_be_bytes();
    let significant: Vec<u8> = bytes.iter().copied().skip_while(|b| *b == 0).collect();
    out.push(0x80 | significant.len() as u8);
    out.extend_from_slice(&significant);
}

/// The header length and the whole length of the DER element at the start of `der`; `None`
/// when the bytes are not one (indefinite or over-long lengths are not DER).
pub(super) fn element_parts(der: &[u8]) -> Option<(usize, usize)> {
    let first = *der.get(1)?;
    if first < 0x80 {
        return Some((2, 2 + usize::from(first)));
    }
    let octets = usize::from(first & 0x7f);
    if octets == 0 || octets > std::mem::size_of::<usize>() {
        return None;
    }
    let content = der
        .get(2..2 + octets)?
        .iter()
        .fold(0usize, |len, b| (len << 8) | usize::from(*b));
    let header = 2 + octets;
    Some((header, header.checked_add(content)?))
}

/// The length of the DER element at the start of `der`, header included.
pub(super) fn element_len(der: &[u8]) -> Option<usize> {
    element_parts(der).map(|(_, len)| len)
}

/// The public key in a CA certificate (the subjectPublicKey bits), read once per batch.
pub(super) fn ca_public_key(ca_der: &[u8]) -> Result<Vec<u8>, String> {
    use x509_parser::prelude::{FromDer, X509Certificate};
    let (_, ca) = X509Certificate::from_der(ca_der).map_err(|e| e.to_string())?;
    Ok(ca.public_key().subject_public_key.data.to_vec())
}

/// Checks a signature the CA key made over `tbs`, as a relying party will.
pub(super) fn verify(
    public_key: &[u8],
    spec: KeySpec,
    tbs: &[u8],
    signature: &[u8],
) -> Result<(), String> {
    use ring::signature::{
        ECDSA_P256_SHA256_ASN1, ECDSA_P384_SHA384_ASN1, RSA_PKCS1_2048_8192_SHA256,
        UnparsedPublicKey, VerificationAlgorithm,
    };
    let algorithm: &'static dyn VerificationAlgorithm = match spec {
        KeySpec::EcP256 => &ECDSA_P256_SHA256_ASN1,
        KeySpec::EcP384 => &ECDSA_P384_SHA384_ASN1,
        KeySpec::Rsa3072 | KeySpec::Rsa4096 => &RSA_PKCS1_2048_8192_SHA256,
    };
    UnparsedPublicKey::new(algorithm, public_key)
        .verify(tbs, signature)
        .map_err(|_| "the signer returned a signature that does not verify".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::br_rules::Rule;

    fn hex(s: &str) -> Vec<u8> {
        ::hex::decode(s).unwrap()
    }

    #[test]
    fn the_ca_key_types_never_sign_with_sha1() {
        for spec in KeySpec::ALL {
            let alg = algorithm_identifier(spec);
            assert!(!uses_sha1(alg), "{spec}");
            for object in [
                SignedObject::Certificate,
                SignedObject::Crl,
                SignedObject::OcspResponse,
            ] {
                assert_eq!(refuse_sha1(object, alg, date_of(Rule::Sha1Sunset)), Ok(()));
            }
        }
    }

    fn date_of(rule: Rule) -> DateTime<Utc> {
        rule.starts()
    }

    #[test]
    fn sha1_is_refused_on_every_object_on_each_side_of_its_sunset() {
        // sha1WithRSAEncryption, as BR 7.1.3.2.1 encodes it.
        let rsa_sha1 = hex("300d06092a864886f70d0101050500");
        let ecdsa_sha1 = hex("300906072a8648ce3d0401");
        let second = chrono::Duration::seconds(1);
        for (object, rule) in [
            (SignedObject::Certificate, Rule::Sha1Sunset),
            (SignedObject::Crl, Rule::Sha1Sunset),
            (SignedObject::OcspResponse, Rule::Sha1OcspSunset),
        ] {
            for alg in [&rsa_sha1, &ecdsa_sha1] {
                let before = refuse_sha1(object, alg, date_of(rule) - second).unwrap_err();
                assert!(
                    before.contains("exceptions this CA never meets"),
                    "{before}"
                );
                let on = refuse_sha1(object, alg, date_of(rule)).unwrap_err();
                assert!(on.contains("sunset since"), "{on}");
                assert!(on.contains(&rule.dated().effective.to_string()), "{on}");
            }
        }
    }

    #[test]
    fn rsassa_pss_counts_as_sha1_unless_it_names_sha2_for_hash_and_mask() {
        // PSS with SHA-256, MGF-1 with SHA-256, salt 32: BR 7.1.3.2.1's encoding.
        let pss_sha256 = hex(
            "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886f70d010108300d06096086480165030402010500a203020120",
        );
        assert!(!uses_sha1(&pss_sha256));
        // No parameters: every default is SHA-1.
        assert!(uses_sha1(&hex("300b06092a864886f70d01010a")));
        // Only the salt length given: hash and mask default to SHA-1.
        assert!(uses_sha1(&hex("301206092a864886f70d01010a3005a203020120")));
        assert!(uses_sha1(b"not DER"));
    }

    #[test]
    fn the_signature_field_of_a_tbs_is_found_after_version_and_serial() {
        let alg = algorithm_identifier(KeySpec::EcP256);
        // [0] { INTEGER 2 }, INTEGER 1, the algorithm, NULL
        let mut content = hex("a003020102020101");
        content.extend_from_slice(alg);
        content.extend_from_slice(&[0x05, 0x00]);
        let mut tbs = vec![0x30];
        push_length(&mut tbs, content.len());
        tbs.extend_from_slice(&content);
        assert_eq!(tbs_signature_algorithm(&tbs), Some(alg));
        assert_eq!(
            tbs_signature_algorithm(&[0x30, 0x03, 0x02, 0x01, 0x01]),
            None
        );
    }

    #[test]
    fn assembled_objects_match_what_yasna_encodes() {
        for (tbs_len, sig_len) in [(10, 70), (200, 72), (70_000, 512)] {
            let tbs: Vec<u8> = std::iter::once(0x30)
                .chain({
                    let mut l = Vec::new();
                    push_length(&mut l, tbs_len);
                    l
                })
                .chain(std::iter::repeat_n(7u8, tbs_len))
                .collect();
            let sig = vec![9u8; sig_len];
            let expected = yasna::construct_der(|w| {
                w.write_sequence(|w| {
                    w.next().write_der(&tbs);
                    w.next().write_der(algorithm_identifier(KeySpec::EcP256));
                    w.next().write_bitvec_bytes(&sig, sig.len() * 8);
                });
            });
            assert_eq!(assemble(&tbs, KeySpec::EcP256, &sig), expected);
            assert_eq!(element_len(&expected), Some(expected.len()));
            assert_eq!(element_len(&tbs), Some(tbs.len()));
        }
    }

    #[test]
    fn lengths_that_are_not_der_are_refused() {
        assert_eq!(element_len(&[0x30]), None);
        assert_eq!(element_len(&[0x30, 0x80]), None, "indefinite");
        assert_eq!(element_len(&[0x30, 0x82, 0x01]), None, "cut short");
        assert_eq!(element_len(&[0x30, 0x81, 0x80]), Some(3 + 0x80));
        assert_eq!(
            element_parts(&[0x30, 0x82, 0x01, 0x00]),
            Some((4, 4 + 0x100))
        );
    }

    #[test]
    fn a_signature_passes_only_over_the_same_bytes_under_the_ca_key() {
        use ring::{
            rand::SystemRandom,
            signature::{ECDSA_P256_SHA256_ASN1_SIGNING, EcdsaKeyPair, KeyPair},
        };
        let rng = SystemRandom::new();
        let key = |rng: &SystemRandom| {
            let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, rng).unwrap();
            EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_ASN1_SIGNING, pkcs8.as_ref(), rng).unwrap()
        };
        let (ca, other) = (key(&rng), key(&rng));
        let tbs = b"a to-be-signed certificate";
        let signature = ca.sign(&rng, tbs).unwrap();
        let public = ca.public_key().as_ref();
        assert_eq!(
            verify(public, KeySpec::EcP256, tbs, signature.as_ref()),
            Ok(())
        );
        assert!(verify(public, KeySpec::EcP256, b"other bytes", signature.as_ref()).is_err());
        let mut flipped = signature.as_ref().to_vec();
        if let Some(last) = flipped.last_mut() {
            *last ^= 1;
        }
        assert!(verify(public, KeySpec::EcP256, tbs, &flipped).is_err());
        let wrong_key = other.public_key().as_ref();
        assert!(verify(wrong_key, KeySpec::EcP256, tbs, signature.as_ref()).is_err());
    }
}
