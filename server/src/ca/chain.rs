//! A certificate this CA issued, with the CA certificates that lead to the root, for
//! downloads (ORD-8), and the PKCS#7 "certs-only" bundle of them.

use super::{Authority, CaError};
use crate::store::{authorities, certificates};

/// A leaf and its chain: the issuing CA first, then each parent below the self-signed root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateChain {
    pub leaf: Vec<u8>,
    pub chain: Vec<Vec<u8>>,
}

impl Authority {
    pub async fn certificate_chain(
        &self,
        serial_hex: &str,
    ) -> Result<Option<CertificateChain>, CaError> {
        let Some(row) = certificates::find_by_serial(&self.store, serial_hex).await? else {
            return Ok(None);
        };
        let Some(leaf) = row.cert_der else {
            return Ok(None);
        };
        let chain = self.ca_chain(row.ca_id).await?;
        Ok(Some(CertificateChain { leaf, chain }))
    }

    /// The CA certificates above a certificate its CA `ca_id` issued: that CA first, then
    /// each parent below the self-signed root (which relying parties and logs already hold).
    pub(super) async fn ca_chain(&self, ca_id: i32) -> Result<Vec<Vec<u8>>, CaError> {
        let mut chain = Vec::new();
        let mut next = Some(ca_id);
        // A hierarchy is a few levels deep; the bound stops a corrupt loop of parents.
        for _ in 0..8 {
            let Some(id) = next else { break };
            let Some(ca) = authorities::find(&self.store, id).await? else {
                break;
            };
            if ca.parent_id.is_none() {
                break;
            }
            next = ca.parent_id;
            chain.push(ca.cert_der);
        }
        Ok(chain)
    }
}

fn der_length(len: usize) -> Vec<u8> {
    if len < 0x80 {
        return vec![u8::try_from(len).unwrap_or(0)];
    }
    let bytes: Vec<u8> = len
        .to_be_bytes()
        .iter()
        .copied()
        .skip_while(|b| *b == 0)
        .collect();
    let mut out = vec![0x80 | u8::try_from(bytes.len()).unwrap_or(0)];
    out.extend(bytes);
    out
}

fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    out.extend(der_length(content.len()));
    out.extend_from_slice(content);
    out
}

/// RFC 2315 / 5652 SignedData with no signers: the usual "certs-only" PKCS#7 of a chain.
pub fn pkcs7_certs_only(certs: &[Vec<u8>]) -> Vec<u8> {
    const SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
    const DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];
    let version = tlv(0x02, &[1]);
    let digest_algorithms = tlv(0x31, &[]);
    let encap = tlv(0x30, &tlv(0x06, DATA));
    let certificates = tlv(0xa0, &certs.concat());
    let signer_infos = tlv(0x31, &[]);
    let signed_data = tlv(
        0x30,
        &[
            version,
            digest_algorithms,
            encap,
            certificates,
            signer_infos,
        ]
        .concat(),
    );
    tlv(
        0x30,
        &[tlv(0x06, SIGNED_DATA), tlv(0xa0, &signed_data)].concat(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lengths_use_the_long_form() {
        assert_eq!(der_length(5), vec![5]);
        assert_eq!(der_length(200), vec![0x81, 200]);
        assert_eq!(der_length(0x1234), vec![0x82, 0x12, 0x34]);
    }

    #[test]
    fn openssl_reads_the_pkcs7_bundle() {
        let dir = std::env::temp_dir().join(format!("rootline-p7-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let key = dir.join("k.pem");
        let cert = dir.join("c.der");
        let status = std::process::Command::new("openssl")
            .args([
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-nodes",
            ])
            .args(["-subj", "/CN=p7 test", "-days", "1", "-outform", "DER"])
            .arg("-keyout")
            .arg(&key)
            .arg("-out")
            .arg(&cert)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        let der = std::fs::read(&cert).unwrap();
        let p7 = dir.join("b.p7b");
        std::fs::write(&p7, pkcs7_certs_only(&[der.clone(), der])).unwrap();
        let out = std::process::Command::new("openssl")
            .args(["pkcs7", "-inform", "DER", "-print_certs", "-noout", "-in"])
            .arg(&p7)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{out:?}");
        assert_eq!(
            text.matches("p7 test").count(),
            4,
            "subject and issuer of each: {text}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
