//! Secrets at rest other than CA keys (TOTP secrets, ACME EAB keys): services seal and open
//! them through this port, so they never depend on the cipher or where its key comes from.

use zeroize::Zeroizing;

#[derive(Debug, thiserror::Error)]
pub enum SealError {
    #[error("the master secret is too short or unusable: {0}")]
    Key(String),
    #[error("the sealed value does not open with this master secret")]
    Open,
    #[error("no randomness available")]
    Random,
}

pub trait Sealer: Send + Sync {
    /// Seals `plain`, bound to `context` (e.g. "totp:42"): a sealed value moved to another
    /// context does not open.
    fn seal(&self, context: &str, plain: &[u8]) -> Result<Vec<u8>, SealError>;

    /// Opens what `seal` sealed under the same context.
    fn open(&self, context: &str, blob: &[u8]) -> Result<Zeroizing<Vec<u8>>, SealError>;
}
