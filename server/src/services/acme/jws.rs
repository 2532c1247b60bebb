//! JSON Web Signatures as ACME uses them (RFC 8555 section 6.2, RFC 7515): the flattened
//! JSON serialisation, account keys as JWKs (P-256, P-384, RSA), their RFC 7638 thumbprints,
//! and HMAC-SHA256 for External Account Binding. Verification uses ring, which the server
//! already links for its own signatures.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use ring::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// Why a JWS was refused, in RFC 8555's terms.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwsError {
    #[error("{0}")]
    Malformed(String),
    #[error("{0}")]
    BadSignatureAlgorithm(String),
    #[error("{0}")]
    BadPublicKey(String),
    #[error("the JWS signature does not verify")]
    BadSignature,
}

/// A request body: the three base64url parts of a flattened JWS.
#[derive(Debug, Clone, Deserialize)]
pub struct FlatJws {
    pub protected: String,
    pub payload: String,
    pub signature: String,
}

/// The protected header fields ACME uses.
#[derive(Debug, Clone, Deserialize)]
pub struct Protected {
    pub alg: String,
    #[serde(default)]
    pub nonce: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub jwk: Option<Value>,
    #[serde(default)]
    pub kid: Option<String>,
}

/// A parsed JWS whose signature is not checked yet.
#[derive(Debug, Clone)]
pub struct Jws {
    pub protected: Protected,
    /// The decoded payload; empty for POST-as-GET.
    pub payload: Vec<u8>,
    signing_input: Vec<u8>,
    signature: Vec<u8>,
}

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

pub fn unb64(field: &str, text: &str) -> Result<Vec<u8>, JwsError> {
    URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .map_err(|_| JwsError::Malformed(format!("the JWS {field} is not base64url")))
}

impl Jws {
    /// Parses a flattened JWS from a request body.
    pub fn parse(body: &[u8]) -> Result<Self, JwsError> {
        let flat: FlatJws = serde_json::from_slice(body).map_err(|e| {
            JwsError::Malformed(format!("the body is not a flattened JWS object: {e}"))
        })?;
        Self::from_flat(&flat)
    }

    pub fn from_value(value: &Value) -> Result<Self, JwsError> {
        let flat: FlatJws = serde_json::from_value(value.clone())
            .map_err(|e| JwsError::Malformed(format!("not a flattened JWS object: {e}")))?;
        Self::from_flat(&flat)
    }

    fn from_flat(flat: &FlatJws) -> Result<Self, JwsError> {
        let header = unb64("protected header", &flat.protected)?;
        let protected: Protected = serde_json::from_slice(&header).map_err(|e| {
            JwsError::Malformed(format!("the protected header is not valid JSON: {e}"))
        })?;
        let payload = unb64("payload", &flat.payload)?;
        let signature = unb64("signature", &flat.signature)?;
        let signing_input = format!("{}.{}", flat.protected, flat.payload).into_bytes();
        Ok(Self {
            protected,
            payload,
            signing_input,
            signature,
        })
    }

    /// Checks the signature with `key` under the header's algorithm.
    pub fn verify(&self, key: &Jwk) -> Result<(), JwsError> {
        key.verify(&self.protected.alg, &self.signing_input, &self.signature)
    }

    /// Checks an HMAC-SHA256 (`HS256`) signature: External Account Binding.
    pub fn verify_hmac(&self, secret: &[u8]) -> Result<(), JwsError> {
        if self.protected.alg != "HS256" {
            return Err(JwsError::BadSignatureAlgorithm(format!(
                "external account binding must use HS256, not {}",
                self.protected.alg
            )));
        }
        let key = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, secret);
        ring::hmac::verify(&key, &self.signing_input, &self.signature)
            .map_err(|_| JwsError::BadSignature)
    }

    /// The payload as JSON; `{}` stands in for nothing.
    pub fn json_payload<T: serde::de::DeserializeOwned>(&self) -> Result<T, JwsError> {
        let bytes: &[u8] = if self.payload.is_empty() {
            b"{}"
        } else {
            &self.payload
        };
        serde_json::from_slice(bytes)
            .map_err(|e| JwsError::Malformed(format!("the payload is not what was expected: {e}")))
    }
}

/// A public account key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Jwk {
    Ec {
        crv: &'static str,
        x: Vec<u8>,
        y: Vec<u8>,
    },
    Rsa {
        n: Vec<u8>,
        e: Vec<u8>,
    },
}

/// The algorithms account keys may sign with.
pub const ALGORITHMS: [&str; 3] = ["ES256", "ES384", "RS256"];

impl Jwk {
    pub fn parse(value: &Value) -> Result<Self, JwsError> {
        let field = |name: &str| -> Result<Vec<u8>, JwsError> {
            let text = value.get(name).and_then(Value::as_str).ok_or_else(|| {
                JwsError::BadPublicKey(format!("the JWK has no \"{name}\" member"))
            })?;
            unb64(name, text).map_err(|_| JwsError::BadPublicKey(format!("bad JWK \"{name}\"")))
        };
        if value.get("d").is_some() || value.get("p").is_some() {
            return Err(JwsError::BadPublicKey(
                "the JWK holds a private key; send the public key only".into(),
            ));
        }
        match value.get("kty").and_then(Value::as_str) {
            Some("EC") => {
                let (crv, len) = match value.get("crv").and_then(Value::as_str) {
                    Some("P-256") => ("P-256", 32),
                    Some("P-384") => ("P-384", 48),
                    other => {
                        return Err(JwsError::BadPublicKey(format!(
                            "EC keys must be on P-256 or P-384, not {}",
                            other.unwrap_or("an unnamed curve")
                        )));
                    }
                };
                let (x, y) = (field("x")?, field("y")?);
                if x.len() != len || y.len() != len {
                    return Err(JwsError::BadPublicKey(format!(
                        "{crv} coordinates must be {len} bytes"
                    )));
                }
                Ok(Self::Ec { crv, x, y })
            }
            Some("RSA") => {
                let (n, e) = (field("n")?, field("e")?);
                let bits = n.iter().skip_while(|b| **b == 0).count() * 8;
                if bits < 2048 {
                    return Err(JwsError::BadPublicKey(
                        "RSA account keys must have at least 2048 bits".into(),
                    ));
                }
                Ok(Self::Rsa { n, e })
            }
            other => Err(JwsError::BadPublicKey(format!(
                "unsupported key type {}; use EC (P-256, P-384) or RSA",
                other.unwrap_or("(none)")
            ))),
        }
    }

    /// The JWK with its required members in lexicographic order (RFC 7638), also the form
    /// stored and compared.
    pub fn canonical_json(&self) -> String {
        match self {
            Self::Ec { crv, x, y } => format!(
                r#"{{"crv":"{crv}","kty":"EC","x":"{}","y":"{}"}}"#,
                b64(x),
                b64(y)
            ),
            Self::Rsa { n, e } => {
                format!(r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#, b64(e), b64(n))
            }
        }
    }

    /// RFC 7638 thumbprint, SHA-256, base64url.
    pub fn thumbprint(&self) -> String {
        b64(&Sha256::digest(self.canonical_json().as_bytes()))
    }

    fn verify(&self, alg: &str, message: &[u8], sig: &[u8]) -> Result<(), JwsError> {
        match (self, alg) {
            (Self::Ec { crv: "P-256", x, y }, "ES256") => {
                ec_point(x, y, &signature::ECDSA_P256_SHA256_FIXED, message, sig)
            }
            (Self::Ec { crv: "P-384", x, y }, "ES384") => {
                ec_point(x, y, &signature::ECDSA_P384_SHA384_FIXED, message, sig)
            }
            (Self::Rsa { n, e }, "RS256") => RsaPublicKeyComponents { n, e }
                .verify(&signature::RSA_PKCS1_2048_8192_SHA256, message, sig)
                .map_err(|_| JwsError::BadSignature),
            (_, alg) if ALGORITHMS.contains(&alg) => Err(JwsError::BadSignatureAlgorithm(format!(
                "{alg} does not fit the key's type"
            ))),
            (_, alg) => Err(JwsError::BadSignatureAlgorithm(format!(
                "{alg} is not supported; use one of {}",
                ALGORITHMS.join(", ")
            ))),
        }
    }
}

fn ec_point(
    x: &[u8],
    y: &[u8],
    alg: &'static signature::EcdsaVerificationAlgorithm,
    message: &[u8],
    sig: &[u8],
) -> Result<(), JwsError> {
    let mut point = Vec::with_capacity(1 + x.len() + y.len());
    point.push(4);
    point.extend_from_slice(x);
    point.extend_from_slice(y);
    UnparsedPublicKey::new(alg, point)
        .verify(message, sig)
        .map_err(|_| JwsError::BadSignature)
}

/// The key authorization of a challenge token (RFC 8555 section 8.1).
pub fn key_authorization(token: &str, key: &Jwk) -> String {
    format!("{token}.{}", key.thumbprint())
}

#[cfg(test)]
pub(crate) mod test_keys {
    //! Signing JWS in tests, with ring's P-256 keys.
    use ring::{
        rand::SystemRandom,
        signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, KeyPair},
    };
    use serde_json::{Value, json};

    use super::b64;

    pub struct TestKey {
        pair: EcdsaKeyPair,
        pkcs8: Vec<u8>,
    }

    impl Clone for TestKey {
        fn clone(&self) -> Self {
            Self::from_pkcs8(self.pkcs8.clone())
        }
    }

    impl TestKey {
        pub fn new() -> Self {
            let rng = SystemRandom::new();
            let pkcs8 =
                EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng).unwrap();
            Self::from_pkcs8(pkcs8.as_ref().to_vec())
        }

        fn from_pkcs8(pkcs8: Vec<u8>) -> Self {
            let rng = SystemRandom::new();
            Self {
                pair: EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &pkcs8, &rng)
                    .unwrap(),
                pkcs8,
            }
        }

        pub fn jwk(&self) -> Value {
            let point = self.pair.public_key().as_ref();
            json!({"kty": "EC", "crv": "P-256", "x": b64(&point[1..33]), "y": b64(&point[33..65])})
        }

        /// A flattened JWS over `payload` (`None`: POST-as-GET) with the given header.
        pub fn sign(&self, header: Value, payload: Option<&Value>) -> Value {
            let protected = b64(header.to_string().as_bytes());
            let payload = payload
                .map(|p| b64(p.to_string().as_bytes()))
                .unwrap_or_default();
            let sig = self
                .pair
                .sign(
                    &SystemRandom::new(),
                    format!("{protected}.{payload}").as_bytes(),
                )
                .unwrap();
            json!({"protected": protected, "payload": payload, "signature": b64(sig.as_ref())})
        }
    }

    /// An HS256 JWS (external account binding) over `payload`.
    pub fn hmac_jws(header: Value, payload: &Value, key: &[u8]) -> Value {
        let protected = b64(header.to_string().as_bytes());
        let payload = b64(payload.to_string().as_bytes());
        let k = ring::hmac::Key::new(ring::hmac::HMAC_SHA256, key);
        let tag = ring::hmac::sign(&k, format!("{protected}.{payload}").as_bytes());
        json!({"protected": protected, "payload": payload, "signature": b64(tag.as_ref())})
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::test_keys::TestKey;
    use super::*;

    #[test]
    fn an_es256_signature_verifies_and_a_changed_payload_does_not() {
        let key = TestKey::new();
        let header = json!({"alg": "ES256", "jwk": key.jwk(), "nonce": "n", "url": "u"});
        let signed = key.sign(header, Some(&json!({"a": 1})));
        let jws = Jws::from_value(&signed).unwrap();
        let jwk = Jwk::parse(jws.protected.jwk.as_ref().unwrap()).unwrap();
        jws.verify(&jwk).unwrap();

        let mut tampered = signed.clone();
        tampered["payload"] = json!(b64(br#"{"a":2}"#));
        let jws = Jws::from_value(&tampered).unwrap();
        assert_eq!(jws.verify(&jwk), Err(JwsError::BadSignature));
    }

    #[test]
    fn the_thumbprint_matches_rfc_7638s_example() {
        // RFC 7638 section 3.1.
        let jwk = Jwk::parse(&json!({
            "kty": "RSA",
            "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
            "e": "AQAB",
            "alg": "RS256",
            "kid": "2011-04-29"
        }))
        .unwrap();
        assert_eq!(
            jwk.thumbprint(),
            "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
        );
    }

    #[test]
    fn unsupported_algorithms_and_keys_are_named() {
        let key = TestKey::new();
        let jwk = Jwk::parse(&key.jwk()).unwrap();
        let signed = key.sign(json!({"alg": "HS256"}), None);
        let jws = Jws::from_value(&signed).unwrap();
        assert!(matches!(
            jws.verify(&jwk),
            Err(JwsError::BadSignatureAlgorithm(_))
        ));
        let signed = key.sign(json!({"alg": "RS256"}), None);
        let jws = Jws::from_value(&signed).unwrap();
        assert!(matches!(
            jws.verify(&jwk),
            Err(JwsError::BadSignatureAlgorithm(_))
        ));
        assert!(matches!(
            Jwk::parse(&json!({"kty": "OKP", "crv": "Ed25519", "x": "AA"})),
            Err(JwsError::BadPublicKey(_))
        ));
        assert!(matches!(
            Jwk::parse(&json!({"kty": "RSA", "n": "AQAB", "e": "AQAB"})),
            Err(JwsError::BadPublicKey(_))
        ));
    }

    #[test]
    fn hmac_binding_verifies_with_its_key_only() {
        let signed =
            test_keys::hmac_jws(json!({"alg": "HS256", "kid": "k"}), &json!({}), b"secret");
        let jws = Jws::from_value(&signed).unwrap();
        jws.verify_hmac(b"secret").unwrap();
        assert_eq!(jws.verify_hmac(b"other"), Err(JwsError::BadSignature));
    }

    #[test]
    fn a_body_that_is_not_a_jws_is_malformed() {
        assert!(matches!(Jws::parse(b"{}"), Err(JwsError::Malformed(_))));
        assert!(matches!(
            Jws::parse(br#"{"protected":"!!","payload":"","signature":""}"#),
            Err(JwsError::Malformed(_))
        ));
    }
}
