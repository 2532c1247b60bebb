//! For the crash test only (`ROOTLINE_TEST_SIGNATURE_LOG`): a key store wrapper that writes
//! the SHA-256 of every message to a file, flushed to disk, before the key signs it. After a
//! `kill -9` the file lists at least everything the signer may have produced.

use std::{
    fs::OpenOptions,
    io::Write,
    path::PathBuf,
    sync::{Arc, Mutex},
};

use sha2::{Digest, Sha256};

use crate::ports::keys::{CaSigner, KeyError, KeyRecord, KeySpec, KeyStore};

pub struct SignatureLog {
    inner: Arc<dyn KeyStore>,
    file: Arc<Mutex<std::fs::File>>,
}

impl SignatureLog {
    pub fn wrap(inner: Arc<dyn KeyStore>, path: PathBuf) -> Result<Self, KeyError> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| KeyError::Token(format!("signature log {}: {e}", path.display())))?;
        Ok(Self {
            inner,
            file: Arc::new(Mutex::new(file)),
        })
    }
}

impl KeyStore for SignatureLog {
    fn backend(&self) -> &'static str {
        self.inner.backend()
    }

    fn generate(&self, label: &str, spec: KeySpec) -> Result<KeyRecord, KeyError> {
        self.inner.generate(label, spec)
    }

    fn signer(&self, label: &str, record: &KeyRecord) -> Result<Arc<dyn CaSigner>, KeyError> {
        Ok(Arc::new(LoggedSigner {
            inner: self.inner.signer(label, record)?,
            file: self.file.clone(),
        }))
    }
}

struct LoggedSigner {
    inner: Arc<dyn CaSigner>,
    file: Arc<Mutex<std::fs::File>>,
}

impl CaSigner for LoggedSigner {
    fn spec(&self) -> KeySpec {
        self.inner.spec()
    }

    fn public_key(&self) -> &[u8] {
        self.inner.public_key()
    }

    fn sign(&self, message: &[u8]) -> Result<Vec<u8>, KeyError> {
        let line = format!("{}\n", hex::encode(Sha256::digest(message)));
        let mut file = self
            .file
            .lock()
            .map_err(|_| KeyError::Sign("signature log lock poisoned".into()))?;
        file.write_all(line.as_bytes())
            .and_then(|()| file.sync_data())
            .map_err(|e| KeyError::Sign(format!("signature log: {e}")))?;
        drop(file);
        self.inner.sign(message)
    }
}
