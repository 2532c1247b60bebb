//! The signed-object layout the CA shares between certificates and CRLs: rcgen lays out the
//! to-be-signed bytes with a stand-in key, the CA key signs exactly those bytes once, and the
//! signature is wrapped around them here.

use std::sync::Mutex;

use rcgen::{PublicKeyData, SignatureAlgorithm, SigningKey};

use crate::ports::keys::KeySpec;

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
