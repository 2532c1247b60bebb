//! Precertificates (RFC 6962 3.1): the TBSCertificate of a publicly trusted TLS certificate is
//! first laid out with the critical poison extension, signed, and logged; the final
//! certificate is the same TBSCertificate with the poison replaced, in the same place, by the
//! SCT list. What a log signs is that TBSCertificate with neither, so the precertificate
//! without its poison and the final certificate without its SCTs must be the same bytes.

use der::{Decode, Encode, asn1::OctetString, oid::ObjectIdentifier};
use x509_cert::{
    TbsCertificate,
    ext::{
        Extension,
        pkix::sct::{SerializedSct, SignedCertificateTimestamp, SignedCertificateTimestampList},
    },
};

/// The precertificate poison (RFC 6962 3.1), critical, value ASN.1 NULL.
pub const POISON_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.3");
/// The embedded SCT list (RFC 6962 3.3), not critical.
pub const SCT_LIST_OID: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.4.1.11129.2.4.2");
/// The poison's arcs, for rcgen.
pub const POISON_ARCS: &[u64] = &[1, 3, 6, 1, 4, 1, 11129, 2, 4, 3];
/// ASN.1 NULL: the poison's only value.
const NULL: [u8; 2] = [0x05, 0x00];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PrecertError {
    #[error("the precertificate's TBSCertificate does not parse: {0}")]
    Parse(String),
    #[error(
        "the TBSCertificate carries no critical poison extension, so it is not a precertificate"
    )]
    NoPoison,
    #[error("the SCT list cannot be encoded: {0}")]
    Encode(String),
}

/// The poison extension as rcgen adds it to the certificate parameters.
pub fn poison_extension() -> rcgen::CustomExtension {
    let mut extension = rcgen::CustomExtension::from_oid_content(POISON_ARCS, NULL.to_vec());
    extension.set_criticality(true);
    extension
}

fn parse(tbs: &[u8]) -> Result<TbsCertificate, PrecertError> {
    TbsCertificate::from_der(tbs).map_err(|e| PrecertError::Parse(e.to_string()))
}

/// Where the poison is among the extensions; only a critical NULL poison counts.
fn poison_at(tbs: &TbsCertificate) -> Result<usize, PrecertError> {
    tbs.extensions
        .iter()
        .flatten()
        .position(|e| e.extn_id == POISON_OID && e.critical && e.extn_value.as_bytes() == NULL)
        .ok_or(PrecertError::NoPoison)
}

fn encode(tbs: &TbsCertificate) -> Result<Vec<u8>, PrecertError> {
    tbs.to_der()
        .map_err(|e| PrecertError::Encode(e.to_string()))
}

/// Whether a TBSCertificate is a precertificate's.
pub fn is_precertificate(tbs: &[u8]) -> bool {
    parse(tbs).is_ok_and(|t| poison_at(&t).is_ok())
}

/// What a log signs for the precertificate: its TBSCertificate without the poison.
pub fn logged_tbs(precert_tbs: &[u8]) -> Result<Vec<u8>, PrecertError> {
    let mut tbs = parse(precert_tbs)?;
    let at = poison_at(&tbs)?;
    if let Some(extensions) = tbs.extensions.as_mut() {
        extensions.remove(at);
    }
    encode(&tbs)
}

/// The final certificate's TBSCertificate: the poison replaced in place by the SCT list.
/// With no SCTs (a private installation whose logs did not answer) the poison is removed and
/// nothing takes its place.
pub fn final_tbs(
    precert_tbs: &[u8],
    scts: Vec<SignedCertificateTimestamp>,
) -> Result<Vec<u8>, PrecertError> {
    let mut tbs = parse(precert_tbs)?;
    let at = poison_at(&tbs)?;
    let Some(extensions) = tbs.extensions.as_mut() else {
        return Err(PrecertError::NoPoison);
    };
    if scts.is_empty() {
        extensions.remove(at);
        return encode(&tbs);
    }
    let serialized = scts
        .into_iter()
        .map(SerializedSct::new)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| PrecertError::Encode(e.to_string()))?;
    let list = SignedCertificateTimestampList::new(&serialized)
        .map_err(|e| PrecertError::Encode(format!("{e:?}")))?
        .to_der()
        .map_err(|e| PrecertError::Encode(e.to_string()))?;
    if let Some(slot) = extensions.get_mut(at) {
        *slot = Extension {
            extn_id: SCT_LIST_OID,
            critical: false,
            extn_value: OctetString::new(list).map_err(|e| PrecertError::Encode(e.to_string()))?,
        };
    }
    encode(&tbs)
}

/// The SCTs a final certificate (whole DER) embeds; empty when it has none.
pub fn embedded_scts(certificate: &[u8]) -> Result<Vec<SignedCertificateTimestamp>, PrecertError> {
    let cert = x509_cert::Certificate::from_der(certificate)
        .map_err(|e| PrecertError::Parse(e.to_string()))?;
    let Some(ext) = cert
        .tbs_certificate
        .extensions
        .iter()
        .flatten()
        .find(|e| e.extn_id == SCT_LIST_OID)
    else {
        return Ok(Vec::new());
    };
    let list = SignedCertificateTimestampList::from_der(ext.extn_value.as_bytes())
        .map_err(|e| PrecertError::Parse(e.to_string()))?;
    list.parse_timestamps()
        .map_err(|e| PrecertError::Parse(format!("{e:?}")))?
        .iter()
        .map(|s| {
            s.parse_timestamp()
                .map_err(|e| PrecertError::Parse(format!("{e:?}")))
        })
        .collect()
}
