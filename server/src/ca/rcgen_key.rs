//! Lets rcgen sign with a key from any `KeyStore`, so the HSM and the software store build
//! certificates through the same code.

use rcgen::{PublicKeyData, SignatureAlgorithm, SigningKey};

use crate::ports::keys::CaSigner;

pub(super) struct RcgenKey<'a>(pub &'a dyn CaSigner);

impl PublicKeyData for RcgenKey<'_> {
    fn der_bytes(&self) -> &[u8] {
        self.0.public_key()
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        self.0.spec().signature_algorithm()
    }
}

impl SigningKey for RcgenKey<'_> {
    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, rcgen::Error> {
        self.0.sign(msg).map_err(|e| {
            tracing::error!(error = %e, "CA key failed to sign");
            rcgen::Error::RemoteKeyError
        })
    }
}
