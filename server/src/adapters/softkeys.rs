//! The zero-setup key store: keys generated in this process and kept in the database as PKCS#8
//! encrypted with AES-256-GCM under a master key. The master key comes from
//! `ROOTLINE_MASTER_KEY` (run through HKDF-SHA-256) or from a key file created on first use.

use std::{io::Write, path::Path, sync::Arc};

use rcgen::{KeyPair, PublicKeyData, SigningKey};
use ring::{
    aead::{self, Aad, LessSafeKey, Nonce, UnboundKey},
    hkdf,
    rand::{SecureRandom, SystemRandom},
    signature::{ECDSA_P256_SHA256_ASN1_SIGNING, ECDSA_P384_SHA384_ASN1_SIGNING, EcdsaKeyPair},
};
use rsa::pkcs8::EncodePrivateKey;
use zeroize::Zeroizing;

use crate::ports::keys::{CaSigner, KeyError, KeyRecord, KeySpec, KeyStore};

pub const BACKEND: &str = "software";
/// The first byte of every sealed key, so the format can change later.
const FORMAT_V1: u8 = 1;
const MIN_MASTER_KEY_CHARS: usize = 32;

pub struct SoftKeyStore {
    master: LessSafeKey,
    rng: SystemRandom,
}

impl SoftKeyStore {
    /// Derives the sealing key from a secret of at least 32 characters.
    pub fn from_secret(secret: &[u8]) -> Result<Self, KeyError> {
        if secret.len() < MIN_MASTER_KEY_CHARS {
            return Err(KeyError::MasterKey(format!(
                "use at least {MIN_MASTER_KEY_CHARS} characters (e.g. `openssl rand -base64 32`)"
            )));
        }
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"rootline/softkeys/v1").extract(secret);
        let okm = prk
            .expand(&[b"aes-256-gcm"], &aead::AES_256_GCM)
            .map_err(|_| KeyError::MasterKey("key derivation failed".into()))?;
        Ok(Self {
            master: LessSafeKey::new(UnboundKey::from(okm)),
            rng: SystemRandom::new(),
        })
    }

    /// Uses `ROOTLINE_MASTER_KEY` when given, else the key file, creating it (mode 0600) with
    /// 256 random bits on first use.
    pub fn open(master_key: Option<&str>, key_file: &Path) -> Result<Self, KeyError> {
        let secret = master_secret(master_key, key_file)?;
        Self::from_secret(secret.as_bytes())
    }

    fn seal(&self, label: &str, spec: KeySpec, pkcs8: &[u8]) -> Result<Vec<u8>, KeyError> {
        let mut nonce = [0u8; 12];
        self.rng
            .fill(&mut nonce)
            .map_err(|_| KeyError::MasterKey("no randomness available".into()))?;
        let mut sealed = pkcs8.to_vec();
        self.master
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(aad(label, spec)),
                &mut sealed,
            )
            .map_err(|_| KeyError::MasterKey("encryption failed".into()))?;
        let mut out = Vec::with_capacity(1 + nonce.len() + sealed.len());
        out.push(FORMAT_V1);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    fn unseal(
        &self,
        label: &str,
        spec: KeySpec,
        blob: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>, KeyError> {
        let failed = |reason: &str| KeyError::Open {
            label: label.to_owned(),
            reason: reason.to_owned(),
        };
        let (version, rest) = blob
            .split_first()
            .ok_or_else(|| failed("empty key record"))?;
        if *version != FORMAT_V1 || rest.len() < 12 {
            return Err(failed("unknown key record format"));
        }
        let (nonce, sealed) = rest.split_at(12);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| failed("bad nonce"))?;
        let mut buf = Zeroizing::new(sealed.to_vec());
        let plain = self
            .master
            .open_in_place(nonce, Aad::from(aad(label, spec)), buf.as_mut())
            .map_err(|_| failed("it does not decrypt with this master key (wrong ROOTLINE_MASTER_KEY or key file?)"))?;
        Ok(Zeroizing::new(plain.to_vec()))
    }
}

/// Binds a sealed key to its label and type, so records cannot be swapped in the database.
fn aad(label: &str, spec: KeySpec) -> Vec<u8> {
    format!("{label}|{spec}").into_bytes()
}

#[cfg(unix)]
fn write_private_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(contents)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(contents)?;
    f.sync_all()
}

fn generate_pkcs8(spec: KeySpec, rng: &SystemRandom) -> Result<Zeroizing<Vec<u8>>, KeyError> {
    let failed = |reason: String| KeyError::Generate { spec, reason };
    match spec {
        KeySpec::EcP256 | KeySpec::EcP384 => {
            let alg = if spec == KeySpec::EcP256 {
                &ECDSA_P256_SHA256_ASN1_SIGNING
            } else {
                &ECDSA_P384_SHA384_ASN1_SIGNING
            };
            let doc = EcdsaKeyPair::generate_pkcs8(alg, rng).map_err(|e| failed(e.to_string()))?;
            Ok(Zeroizing::new(doc.as_ref().to_vec()))
        }
        KeySpec::Rsa3072 | KeySpec::Rsa4096 => {
            let bits = if spec == KeySpec::Rsa3072 { 3072 } else { 4096 };
            let key = rsa::RsaPrivateKey::new(&mut rand::rngs::OsRng, bits)
                .map_err(|e| failed(e.to_string()))?;
            let der = key.to_pkcs8_der().map_err(|e| failed(e.to_string()))?;
            Ok(Zeroizing::new(der.as_bytes().to_vec()))
        }
    }
}

fn key_pair(label: &str, spec: KeySpec, pkcs8: &[u8]) -> Result<KeyPair, KeyError> {
    let der = rustls_pki_types::PrivatePkcs8KeyDer::from(pkcs8);
    KeyPair::from_pkcs8_der_and_sign_algo(&der, spec.signature_algorithm()).map_err(|e| {
        KeyError::Open {
            label: label.to_owned(),
            reason: e.to_string(),
        }
    })
}

impl KeyStore for SoftKeyStore {
    fn backend(&self) -> &'static str {
        BACKEND
    }

    fn generate(&self, label: &str, spec: KeySpec) -> Result<KeyRecord, KeyError> {
        let pkcs8 = generate_pkcs8(spec, &self.rng)?;
        let pair = key_pair(label, spec, &pkcs8)?;
        Ok(KeyRecord {
            backend: BACKEND.to_owned(),
            spec,
            public_key: pair.der_bytes().to_vec(),
            handle: self.seal(label, spec, &pkcs8)?,
        })
    }

    fn signer(&self, label: &str, record: &KeyRecord) -> Result<Arc<dyn CaSigner>, KeyError> {
        if record.backend != BACKEND {
            return Err(KeyError::WrongBackend {
                label: label.to_owned(),
                backend: record.backend.clone(),
            });
        }
        let pkcs8 = self.unseal(label, record.spec, &record.handle)?;
        Ok(Arc::new(SoftSigner {
            spec: record.spec,
            pair: key_pair(label, record.spec, &pkcs8)?,
        }))
    }
}

struct SoftSigner {
    spec: KeySpec,
    pair: KeyPair,
}

impl CaSigner for SoftSigner {
    fn spec(&self) -> KeySpec {
        self.spec
    }

    fn public_key(&self) -> &[u8] {
        self.pair.der_bytes()
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, KeyError> {
        self.pair
            .sign(message)
            .map_err(|e| KeyError::Sign(e.to_string()))
    }
}

/// The master secret: `ROOTLINE_MASTER_KEY` when given, else the key file, created (mode 0600)
/// with 256 random bits on first use. CA keys and other secrets at rest are sealed with keys
/// derived from it.
pub fn master_secret(
    master_key: Option<&str>,
    key_file: &Path,
) -> Result<Zeroizing<String>, KeyError> {
    if let Some(secret) = master_key {
        return Ok(Zeroizing::new(secret.to_owned()));
    }
    if key_file.exists() {
        let text = Zeroizing::new(std::fs::read_to_string(key_file).map_err(|e| {
            KeyError::MasterKey(format!("cannot read {}: {e}", key_file.display()))
        })?);
        return Ok(Zeroizing::new(text.trim().to_owned()));
    }
    let mut bytes = Zeroizing::new([0u8; 32]);
    SystemRandom::new()
        .fill(bytes.as_mut())
        .map_err(|_| KeyError::MasterKey("no randomness available".into()))?;
    let text = Zeroizing::new(hex::encode(bytes.as_ref()));
    if let Some(dir) = key_file.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| KeyError::MasterKey(format!("cannot create {}: {e}", dir.display())))?;
    }
    write_private_file(key_file, text.as_bytes())
        .map_err(|e| KeyError::MasterKey(format!("cannot write {}: {e}", key_file.display())))?;
    tracing::warn!(file = %key_file.display(), "created a new master key file; back it up: without it the CA keys cannot be opened");
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &str = "a master secret of at least thirty-two characters";

    #[test]
    fn a_generated_key_signs_after_a_round_trip_through_the_database_form() {
        let store = SoftKeyStore::from_secret(SECRET.as_bytes()).unwrap();
        for spec in [KeySpec::EcP256, KeySpec::EcP384] {
            let record = store.generate("tls", spec).unwrap();
            let signer = store.signer("tls", &record).unwrap();
            assert_eq!(signer.public_key(), record.public_key.as_slice());
            let sig = signer.sign(b"to be signed").unwrap();
            // DER ECDSA signature: a SEQUENCE.
            assert_eq!(sig.first(), Some(&0x30));
        }
    }

    #[test]
    fn a_sealed_key_opens_only_with_its_master_key_and_its_label() {
        let store = SoftKeyStore::from_secret(SECRET.as_bytes()).unwrap();
        let record = store.generate("root", KeySpec::EcP256).unwrap();
        let other = SoftKeyStore::from_secret(b"another master secret, also long enough").unwrap();
        let err = other.signer("root", &record).err().unwrap();
        assert!(err.to_string().contains("master key"), "{err}");
        assert!(store.signer("tls", &record).is_err(), "label is bound");
        assert!(
            !record
                .handle
                .windows(8)
                .any(|w| w == b"\x30\x81\x87\x02\x01\x00\x30\x13")
        );
    }

    #[test]
    fn a_short_master_key_is_refused() {
        let err = SoftKeyStore::from_secret(b"short").err().unwrap();
        assert!(err.to_string().contains("32 characters"));
    }

    #[test]
    fn the_key_file_is_created_private_once_and_reused() {
        let dir = std::env::temp_dir().join(format!("rootline-mk-{}", uuid::Uuid::new_v4()));
        let file = dir.join("master.key");
        let first = SoftKeyStore::open(None, &file).unwrap();
        let record = first.generate("root", KeySpec::EcP256).unwrap();
        let second = SoftKeyStore::open(None, &file).unwrap();
        assert!(second.signer("root", &record).is_ok());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&file).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}
