//! Checks a PKCS#10 request before anything is built from it: signature, algorithm, key.

use x509_parser::{
    certification_request::X509CertificationRequest,
    extensions::{GeneralName, ParsedExtension},
    prelude::FromDer,
    public_key::PublicKey,
};

/// A request that passed the checks, reduced to what issuance uses. Built once where a
/// request enters (portal, REST, ACME, CLI, or the order's stored CSR) and handed along, so
/// nothing after that edge parses it again.
#[derive(Debug, Clone)]
pub struct CheckedCsr {
    /// The request as received, DER: what an order stores.
    der: Vec<u8>,
    /// The SubjectPublicKeyInfo, DER, exactly as requested.
    pub spki_der: Vec<u8>,
    pub key: SubjectKey,
    pub dns_names: Vec<String>,
    pub mailboxes: Vec<String>,
    pub ip_count: usize,
    /// The subject's attributes as (dotted OID, text), in request order.
    pub subject: Vec<(String, String)>,
    /// Common names, which name-bearing profiles certify as names too.
    pub common_names: Vec<String>,
}

/// How a request's names differ from an order's: both sorted, the request's without repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamesMismatch {
    /// The request's DNS names, its common names counted.
    pub asked: Vec<String>,
    /// The order's names.
    pub ordered: Vec<String>,
}

/// Which names a request may carry beyond the profile's own rules.
#[derive(Debug, Clone, Copy, Default)]
pub enum NamesRule<'a> {
    /// Whatever the profile allows (the CLI; private products, whose template decides).
    #[default]
    AsRequested,
    /// Exactly these DNS names, as [`CheckedCsr::names_match`] compares them: an order's
    /// validated names, since the CA certifies what was validated and nothing else.
    Exactly(&'a [String]),
}

impl CheckedCsr {
    /// Reads a PKCS#10 request, PEM or DER, and checks its signature, algorithm and key.
    pub fn parse(input: &[u8]) -> Result<Self, CsrRefusal> {
        check(&decode(input)?)
    }

    /// Whether `text` (PEM or DER, as an order stores it) holds this very request: only the
    /// armour is read, the signature is not checked again.
    pub fn is_encoded_in(&self, text: &str) -> bool {
        decode(text.as_bytes()).is_ok_and(|der| der == self.der)
    }

    /// The request as PEM, as orders store it.
    pub fn pem(&self) -> String {
        app::pki::pem::encode("CERTIFICATE REQUEST", &self.der)
    }

    /// The names rule of every path (portal, REST, ACME finalize, issuance): the request's DNS
    /// names, with its common names counted as names, are exactly `ordered`, in any order.
    pub fn names_match(&self, ordered: &[String]) -> Result<(), NamesMismatch> {
        let common_names = self.common_names.iter().filter(|cn| !cn.contains('@'));
        let mut asked: Vec<String> = self.dns_names.iter().chain(common_names).cloned().collect();
        asked.sort_unstable();
        asked.dedup();
        let mut ordered = ordered.to_vec();
        ordered.sort_unstable();
        if asked == ordered {
            Ok(())
        } else {
            Err(NamesMismatch { asked, ordered })
        }
    }

    /// Adds the common names to the requested names (a host name or a mailbox, as requesters
    /// expect a CN to be certified).
    pub fn with_common_names_as_names(mut self) -> Self {
        for cn in std::mem::take(&mut self.common_names) {
            if cn.contains('@') {
                if !self.mailboxes.contains(&cn) {
                    self.mailboxes.push(cn);
                }
            } else if !self.dns_names.contains(&cn) {
                self.dns_names.push(cn);
            }
        }
        self
    }

    /// The first value of a subject attribute.
    pub fn attribute(&self, oid: &str) -> Option<&str> {
        self.subject
            .iter()
            .find(|(o, v)| o == oid && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectKey {
    EcP256,
    EcP384,
    Rsa { bits: usize },
}

impl SubjectKey {
    pub fn is_rsa(self) -> bool {
        matches!(self, Self::Rsa { .. })
    }
}

/// Why a request is refused: the rule and a message for the requester.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{rule}: {detail}")]
pub struct CsrRefusal {
    pub rule: &'static str,
    pub detail: String,
}

fn refuse(rule: &'static str, detail: impl Into<String>) -> CsrRefusal {
    CsrRefusal {
        rule,
        detail: detail.into(),
    }
}

/// Signature algorithms a request may use: SHA-2 with RSA or ECDSA. SHA-1 and MD5 are refused.
const ALLOWED_SIGNATURES: &[&str] = &[
    "1.2.840.113549.1.1.11", // sha256WithRSAEncryption
    "1.2.840.113549.1.1.12", // sha384WithRSAEncryption
    "1.2.840.113549.1.1.13", // sha512WithRSAEncryption
    "1.2.840.10045.4.3.2",   // ecdsa-with-SHA256
    "1.2.840.10045.4.3.3",   // ecdsa-with-SHA384
    "1.2.840.10045.4.3.4",   // ecdsa-with-SHA512
];
const P256: &str = "1.2.840.10045.3.1.7";
const P384: &str = "1.3.132.0.34";

/// Accepts DER or PEM (`CERTIFICATE REQUEST` / `NEW CERTIFICATE REQUEST`).
pub fn decode(input: &[u8]) -> Result<Vec<u8>, CsrRefusal> {
    if String::from_utf8_lossy(input).contains("-----BEGIN") {
        app::pki::pem::decode(input)
            .map(|(_, der)| der)
            .ok_or_else(|| refuse("csr.encoding", "the PEM request is not valid base64"))
    } else {
        Ok(input.to_vec())
    }
}

pub fn check(der: &[u8]) -> Result<CheckedCsr, CsrRefusal> {
    let (rest, csr) = X509CertificationRequest::from_der(der)
        .map_err(|_| refuse("csr.encoding", "this is not a PKCS#10 certificate request"))?;
    if !rest.is_empty() {
        return Err(refuse("csr.encoding", "trailing bytes after the request"));
    }
    let alg = csr.signature_algorithm.algorithm.to_id_string();
    if !ALLOWED_SIGNATURES.contains(&alg.as_str()) {
        return Err(refuse(
            "csr.signature_algorithm",
            format!("the request is signed with {alg}; use SHA-256 or stronger (SHA-1 is refused)"),
        ));
    }

    let spki = &csr.certification_request_info.subject_pki;
    let key = match spki.parsed() {
        Ok(PublicKey::RSA(rsa)) => {
            let bits = rsa.key_size();
            let exponent: u64 = rsa.exponent.iter().fold(0u64, |acc, b| {
                acc.saturating_mul(256).saturating_add(u64::from(*b))
            });
            if bits < 2048 {
                return Err(refuse(
                    "csr.key_size",
                    format!("RSA keys need at least 2048 bits; this one has {bits}"),
                ));
            }
            if bits > 8192 || bits % 8 != 0 {
                return Err(refuse(
                    "csr.key_size",
                    format!("an RSA modulus of {bits} bits is not allowed"),
                ));
            }
            if exponent != 65537 {
                return Err(refuse(
                    "csr.key_exponent",
                    "RSA keys must use the public exponent 65537",
                ));
            }
            SubjectKey::Rsa { bits }
        }
        Ok(PublicKey::EC(_)) => {
            let curve = spki
                .algorithm
                .parameters
                .as_ref()
                .and_then(|p| p.as_oid().ok())
                .map(|o| o.to_id_string())
                .unwrap_or_default();
            match curve.as_str() {
                P256 => SubjectKey::EcP256,
                P384 => SubjectKey::EcP384,
                other => {
                    return Err(refuse(
                        "csr.key_type",
                        format!("elliptic curve {other:?} is not allowed; use P-256 or P-384"),
                    ));
                }
            }
        }
        _ => {
            return Err(refuse(
                "csr.key_type",
                "only RSA (2048 bits or more), P-256 and P-384 keys are allowed",
            ));
        }
    };

    // After the key checks: the verifier refuses weak keys too, and "weak key" is the
    // message that helps the requester.
    csr.verify_signature().map_err(|_| {
        refuse(
            "csr.signature",
            "the request's signature does not verify with its own public key",
        )
    })?;

    let mut dns_names = Vec::new();
    let mut mailboxes = Vec::new();
    let mut ip_count = 0;
    if let Some(extensions) = csr.requested_extensions() {
        for ext in extensions {
            if let ParsedExtension::SubjectAlternativeName(san) = ext {
                for name in &san.general_names {
                    match name {
                        GeneralName::DNSName(d) => dns_names.push((*d).to_owned()),
                        GeneralName::RFC822Name(m) => mailboxes.push((*m).to_owned()),
                        GeneralName::IPAddress(_) => ip_count += 1,
                        other => {
                            return Err(refuse(
                                "csr.names",
                                format!("subjectAltName type {other:?} is not supported"),
                            ));
                        }
                    }
                }
            }
        }
    }
    let mut subject = Vec::new();
    for attr in csr.certification_request_info.subject.iter_attributes() {
        let value = attr
            .as_str()
            .map_err(|_| refuse("csr.subject", "subject attributes must be text"))?;
        subject.push((attr.attr_type().to_id_string(), value.trim().to_owned()));
    }
    let common_names = csr
        .certification_request_info
        .subject
        .iter_common_name()
        .map(|cn| {
            cn.as_str()
                .map(|s| s.trim().to_owned())
                .map_err(|_| refuse("csr.names", "the common name is not readable text"))
        })
        .collect::<Result<Vec<_>, _>>()?;

    Ok(CheckedCsr {
        der: der.to_vec(),
        spki_der: spki.raw.to_vec(),
        key,
        dns_names,
        mailboxes,
        ip_count,
        subject,
        common_names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ca::test_support::{openssl_csr, temp_dir};

    #[test]
    fn the_names_rule_counts_common_names_and_ignores_order_and_repeats() {
        let dir = temp_dir("csr-names");
        let given = openssl_csr(
            &dir,
            "ec:P-256",
            "/CN=www.example.com",
            Some("DNS:www.example.com,DNS:example.com"),
            &[],
        );
        let csr = CheckedCsr::parse(&given).unwrap();
        assert!(
            csr.names_match(&["www.example.com".into(), "example.com".into()])
                .is_ok()
        );
        let mismatch = csr.names_match(&["www.example.com".into()]).unwrap_err();
        assert_eq!(mismatch.asked, ["example.com", "www.example.com"]);
        assert_eq!(mismatch.ordered, ["www.example.com"]);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_checked_request_written_as_pem_is_the_same_request() {
        let dir = temp_dir("csr-pem");
        let given = openssl_csr(&dir, "ec:P-256", "/CN=www.example.com", None, &[]);
        let csr = CheckedCsr::parse(&given).unwrap();
        let pem = csr.pem();
        assert!(pem.starts_with("-----BEGIN CERTIFICATE REQUEST-----\n"));
        assert!(csr.is_encoded_in(&pem));
        let again = CheckedCsr::parse(pem.as_bytes()).unwrap();
        assert_eq!(again.spki_der, csr.spki_der);
        let other = openssl_csr(&dir, "ec:P-256", "/CN=www.example.com", None, &[]);
        assert!(!csr.is_encoded_in(&CheckedCsr::parse(&other).unwrap().pem()));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
