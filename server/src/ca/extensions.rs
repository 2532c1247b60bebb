//! X.509 extensions rcgen does not build itself, encoded in DER with yasna.

use rcgen::CustomExtension;
use yasna::{Tag, models::ObjectIdentifier};

const CERTIFICATE_POLICIES: &[u64] = &[2, 5, 29, 32];
const AUTHORITY_INFO_ACCESS: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 1, 1];
const AD_OCSP: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 48, 1];
const AD_CA_ISSUERS: &[u64] = &[1, 3, 6, 1, 5, 5, 7, 48, 2];

/// anyPolicy (RFC 5280 4.2.1.4).
pub const ANY_POLICY: &[u64] = &[2, 5, 29, 32, 0];

/// certificatePolicies with bare policy identifiers (no qualifiers, as the BRs recommend).
pub fn certificate_policies(policies: &[&[u64]]) -> CustomExtension {
    let der = yasna::construct_der(|w| {
        w.write_sequence(|w| {
            for policy in policies {
                w.next().write_sequence(|w| {
                    w.next().write_oid(&ObjectIdentifier::from_slice(policy));
                });
            }
        });
    });
    CustomExtension::from_oid_content(CERTIFICATE_POLICIES, der)
}

/// authorityInfoAccess with an OCSP responder and/or the issuer's certificate URL.
pub fn authority_info_access(ocsp: Option<&str>, ca_issuers: Option<&str>) -> CustomExtension {
    let der = yasna::construct_der(|w| {
        w.write_sequence(|w| {
            for (method, url) in [(AD_OCSP, ocsp), (AD_CA_ISSUERS, ca_issuers)] {
                if let Some(url) = url {
                    w.next().write_sequence(|w| {
                        w.next().write_oid(&ObjectIdentifier::from_slice(method));
                        // GeneralName uniformResourceIdentifier [6] IMPLICIT IA5String
                        w.next()
                            .write_tagged_implicit(Tag::context(6), |w| w.write_ia5_string(url));
                    });
                }
            }
        });
    });
    CustomExtension::from_oid_content(AUTHORITY_INFO_ACCESS, der)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_encode_as_a_sequence_of_policy_information() {
        let ext = certificate_policies(&[ANY_POLICY]);
        // SEQUENCE { SEQUENCE { OID 2.5.29.32.0 } }
        assert_eq!(
            ext.content(),
            &[0x30, 0x08, 0x30, 0x06, 0x06, 0x04, 0x55, 0x1d, 0x20, 0x00]
        );
    }

    #[test]
    fn aia_carries_uris_with_context_tag_6() {
        let ext = authority_info_access(None, Some("http://x/ca.crt"));
        let content = ext.content();
        assert!(content.windows(2).any(|w| w == [0x86, 15]));
        assert!(content.ends_with(b"http://x/ca.crt"));
    }
}
