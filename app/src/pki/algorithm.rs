//! The key types the wizard offers.

use serde::{Deserialize, Serialize};

/// A key type the browser can generate. ECDSA P-256 is the default: fast to make in the
/// browser (RSA-2048 takes about a second there) and accepted everywhere that matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum KeyAlgorithm {
    #[default]
    P256,
    P384,
    Rsa2048,
    Rsa3072,
}

impl KeyAlgorithm {
    /// Every choice, in the order the wizard lists them.
    pub const ALL: [KeyAlgorithm; 4] = [Self::P256, Self::P384, Self::Rsa2048, Self::Rsa3072];

    /// What the user reads; the same words `inspect_csr` uses for a CSR's key.
    pub fn label(self) -> &'static str {
        match self {
            Self::P256 => "ECDSA P-256",
            Self::P384 => "ECDSA P-384",
            Self::Rsa2048 => "RSA 2048",
            Self::Rsa3072 => "RSA 3072",
        }
    }

    /// A stable token for form values and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::P256 => "p256",
            Self::P384 => "p384",
            Self::Rsa2048 => "rsa2048",
            Self::Rsa3072 => "rsa3072",
        }
    }

    /// Reads a token or a label, forgivingly: "p256", "P-256", "ECDSA P-256", "rsa-2048",
    /// "RSA 2048" and the like.
    pub fn parse(text: &str) -> Option<Self> {
        let squeezed: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .collect::<String>()
            .to_ascii_lowercase();
        let squeezed = squeezed.strip_prefix("ecdsa").unwrap_or(&squeezed);
        let squeezed = squeezed.strip_prefix("nist").unwrap_or(squeezed);
        match squeezed {
            "p256" | "secp256r1" | "prime256v1" => Some(Self::P256),
            "p384" | "secp384r1" => Some(Self::P384),
            "rsa2048" => Some(Self::Rsa2048),
            "rsa3072" => Some(Self::Rsa3072),
            _ => None,
        }
    }

    pub(crate) fn rsa_bits(self) -> Option<usize> {
        match self {
            Self::Rsa2048 => Some(2048),
            Self::Rsa3072 => Some(3072),
            Self::P256 | Self::P384 => None,
        }
    }
}

impl std::fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}
