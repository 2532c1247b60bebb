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

    /// The label after its indefinite article, as a sentence starts it: "An ECDSA P-256",
    /// "An RSA 2048" (the article follows how the first word is spoken).
    pub fn with_article(self) -> String {
        format!("{} {}", indefinite_article(self.label()), self.label())
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

/// "A" or "An" for `word`, capitalised to start a sentence: "An" before a vowel sound, which
/// an initialism such as "ECDSA", "RSA" or "HTTP" has when its first letter's name starts with
/// one ("ee", "ar", "aitch").
pub fn indefinite_article(word: &str) -> &'static str {
    let first_word = word.split_whitespace().next().unwrap_or_default();
    let initialism = first_word.len() > 1
        && first_word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '/'));
    let Some(first) = first_word.chars().next().map(|c| c.to_ascii_uppercase()) else {
        return "A";
    };
    let vowel_sound = if initialism {
        matches!(
            first,
            'A' | 'E' | 'F' | 'H' | 'I' | 'L' | 'M' | 'N' | 'O' | 'R' | 'S' | 'X'
        )
    } else {
        matches!(first, 'A' | 'E' | 'I' | 'O' | 'U')
    };
    if vowel_sound { "An" } else { "A" }
}

impl std::fmt::Display for KeyAlgorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::{KeyAlgorithm, indefinite_article};

    #[test]
    fn every_key_label_takes_the_article_its_first_word_is_spoken_with() {
        assert_eq!(KeyAlgorithm::P256.with_article(), "An ECDSA P-256");
        assert_eq!(KeyAlgorithm::P384.with_article(), "An ECDSA P-384");
        assert_eq!(KeyAlgorithm::Rsa2048.with_article(), "An RSA 2048");
        assert_eq!(KeyAlgorithm::Rsa3072.with_article(), "An RSA 3072");
    }

    #[test]
    fn words_take_a_before_a_consonant_sound_and_an_before_a_vowel() {
        assert_eq!(indefinite_article("key"), "A");
        assert_eq!(indefinite_article("order"), "An");
        assert_eq!(indefinite_article("DV certificate"), "A");
        assert_eq!(indefinite_article("S/MIME certificate"), "An");
        assert_eq!(indefinite_article(""), "A");
    }
}
