//! Secrets at rest other than CA keys (TOTP secrets): AES-256-GCM with a key derived from the
//! master secret by HKDF under its own label, so it never equals the CA keys' sealing key.

use ring::{
    aead::{self, Aad, LessSafeKey, Nonce, UnboundKey},
    hkdf,
    rand::{SecureRandom, SystemRandom},
};
use zeroize::Zeroizing;

pub use crate::ports::sealer::SealError;
use crate::ports::sealer::Sealer;

const FORMAT_V1: u8 = 1;

pub struct AesGcmSealer {
    key: LessSafeKey,
    rng: SystemRandom,
}

impl AesGcmSealer {
    pub fn from_secret(secret: &[u8]) -> Result<Self, SealError> {
        if secret.len() < 32 {
            return Err(SealError::Key("use at least 32 characters".into()));
        }
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, b"rootline/sealer/v1").extract(secret);
        let okm = prk
            .expand(&[b"aes-256-gcm"], &aead::AES_256_GCM)
            .map_err(|_| SealError::Key("key derivation failed".into()))?;
        Ok(Self {
            key: LessSafeKey::new(UnboundKey::from(okm)),
            rng: SystemRandom::new(),
        })
    }
}

impl Sealer for AesGcmSealer {
    fn seal(&self, context: &str, plain: &[u8]) -> Result<Vec<u8>, SealError> {
        let mut nonce = [0u8; 12];
        self.rng.fill(&mut nonce).map_err(|_| SealError::Random)?;
        let mut sealed = plain.to_vec();
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(context.as_bytes()),
                &mut sealed,
            )
            .map_err(|_| SealError::Random)?;
        let mut out = Vec::with_capacity(13 + sealed.len());
        out.push(FORMAT_V1);
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    fn open(&self, context: &str, blob: &[u8]) -> Result<Zeroizing<Vec<u8>>, SealError> {
        let (version, rest) = blob.split_first().ok_or(SealError::Open)?;
        if *version != FORMAT_V1 || rest.len() < 12 {
            return Err(SealError::Open);
        }
        let (nonce, sealed) = rest.split_at(12);
        let nonce = Nonce::try_assume_unique_for_key(nonce).map_err(|_| SealError::Open)?;
        let mut buf = Zeroizing::new(sealed.to_vec());
        let plain = self
            .key
            .open_in_place(nonce, Aad::from(context.as_bytes()), buf.as_mut())
            .map_err(|_| SealError::Open)?;
        Ok(Zeroizing::new(plain.to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_only_with_its_secret_and_context() {
        let sealer =
            AesGcmSealer::from_secret(b"a master secret of at least thirty-two characters")
                .unwrap();
        let sealed = sealer.seal("totp:1", b"top secret").unwrap();
        assert_ne!(&sealed[13..], b"top secret");
        assert_eq!(
            sealer.open("totp:1", &sealed).unwrap().as_slice(),
            b"top secret"
        );
        assert!(sealer.open("totp:2", &sealed).is_err());
        let other =
            AesGcmSealer::from_secret(b"another master secret of thirty-two chars!").unwrap();
        assert!(other.open("totp:1", &sealed).is_err());
        assert!(AesGcmSealer::from_secret(b"short").is_err());
    }
}
