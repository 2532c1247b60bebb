//! Time-based one-time passwords (RFC 6238) as authenticator apps use them: HMAC-SHA1, six
//! digits, 30-second steps, one step of clock drift either way. A code is accepted once: its
//! step must come after the last one accepted for the user.

use totp_rs::{Algorithm, TOTP};

pub const STEP_SECONDS: u64 = 30;
pub const DIGITS: usize = 6;
/// 160 bits, the size RFC 4226 recommends for HMAC-SHA1 secrets.
pub const SECRET_BYTES: usize = 20;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TotpError {
    #[error("a TOTP secret must be at least 128 bits")]
    ShortSecret,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The code is right; remember this step so it cannot be used again.
    Accepted {
        step: u64,
    },
    /// The code is right but was already used (or an older one than the last used).
    Replayed,
    Wrong,
}

pub struct Totp(TOTP);

impl Totp {
    pub fn new(secret: &[u8]) -> Result<Self, TotpError> {
        TOTP::new(Algorithm::SHA1, DIGITS, 1, STEP_SECONDS, secret.to_vec())
            .map(Self)
            .map_err(|_| TotpError::ShortSecret)
    }

    pub fn code_at(&self, unix_seconds: u64) -> String {
        self.0.generate(unix_seconds)
    }

    /// Checks `code` against the steps around `unix_seconds`, refusing a step at or before
    /// `last_step` (replay).
    pub fn verify(&self, code: &str, unix_seconds: u64, last_step: u64) -> Verdict {
        let code = code.trim().replace(' ', "");
        if code.len() != DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Verdict::Wrong;
        }
        let now = unix_seconds / STEP_SECONDS;
        let mut replayed = false;
        for step in [now.saturating_sub(1), now, now + 1] {
            let expected = self.0.generate(step * STEP_SECONDS);
            if same(expected.as_bytes(), code.as_bytes()) {
                if step > last_step {
                    return Verdict::Accepted { step };
                }
                replayed = true;
            }
        }
        if replayed {
            Verdict::Replayed
        } else {
            Verdict::Wrong
        }
    }
}

/// Compares without stopping at the first difference.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// RFC 4648 base32 without padding: how authenticator apps take a secret typed by hand.
pub fn base32(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let mut out = String::with_capacity(bytes.len().div_ceil(5) * 8);
    let mut buffer = 0u32;
    let mut bits = 0u32;
    for &byte in bytes {
        buffer = (buffer << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            let index = ((buffer >> bits) & 31) as usize;
            out.push(char::from(ALPHABET.get(index).copied().unwrap_or(b'A')));
        }
    }
    if bits > 0 {
        let index = ((buffer << (5 - bits)) & 31) as usize;
        out.push(char::from(ALPHABET.get(index).copied().unwrap_or(b'A')));
    }
    out
}

/// The `otpauth://` URI an authenticator app reads from the QR code.
pub fn otpauth_uri(issuer: &str, account: &str, secret: &[u8]) -> String {
    let enc = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => {
                    char::from(b).to_string()
                }
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    format!(
        "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
        enc(issuer),
        enc(account),
        base32(secret),
        enc(issuer)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 Appendix B: the reference values for the three hash functions, 8 digits.
    #[test]
    fn rfc_6238_appendix_b_vectors() {
        let sha1 = b"12345678901234567890".to_vec();
        let sha256 = b"12345678901234567890123456789012".to_vec();
        let sha512 = b"1234567890123456789012345678901234567890123456789012345678901234".to_vec();
        let table: [(u64, &str, &str, &str); 6] = [
            (59, "94287082", "46119246", "90693936"),
            (1_111_111_109, "07081804", "68084774", "25091201"),
            (1_111_111_111, "14050471", "67062674", "99943326"),
            (1_234_567_890, "89005924", "91819424", "93441116"),
            (2_000_000_000, "69279037", "90698825", "38618901"),
            (20_000_000_000, "65353130", "77737706", "47863826"),
        ];
        for (time, a, b, c) in table {
            for (alg, secret, expected) in [
                (Algorithm::SHA1, &sha1, a),
                (Algorithm::SHA256, &sha256, b),
                (Algorithm::SHA512, &sha512, c),
            ] {
                let totp = TOTP::new(alg, 8, 0, 30, secret.clone()).unwrap();
                assert_eq!(totp.generate(time), expected, "{alg:?} at {time}");
            }
        }
    }

    #[test]
    fn a_code_is_accepted_once_within_a_step_of_drift() {
        let totp = Totp::new(b"12345678901234567890").unwrap();
        let now = 1_111_111_111;
        let code = totp.code_at(now);
        let Verdict::Accepted { step } = totp.verify(&code, now, 0) else {
            panic!("the current code is accepted");
        };
        assert_eq!(totp.verify(&code, now, step), Verdict::Replayed);
        let previous = totp.code_at(now - 30);
        assert_eq!(totp.verify(&previous, now, step), Verdict::Replayed);
        let next = totp.code_at(now + 30);
        assert!(matches!(
            totp.verify(&next, now, step),
            Verdict::Accepted { .. }
        ));
        assert_eq!(totp.verify(&totp.code_at(now - 90), now, 0), Verdict::Wrong);
        for junk in ["", "12345", "1234567", "abcdef"] {
            assert_eq!(totp.verify(junk, now, 0), Verdict::Wrong, "{junk:?}");
        }
        assert!(Totp::new(b"too short").is_err());
    }

    #[test]
    fn base32_matches_rfc_4648() {
        for (input, expected) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(base32(input.as_bytes()), expected);
        }
        assert!(otpauth_uri("Rootline", "asha@example.com", b"12345678901234567890")
            .starts_with("otpauth://totp/Rootline:asha@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Rootline"));
    }
}
