//! Pre-issuance linting: the to-be-signed certificate, exactly as it will be signed, checked
//! against its profile. A failure refuses issuance with the rule that failed.

use x509_parser::{
    certificate::TbsCertificate,
    extensions::{GeneralName, ParsedExtension},
    prelude::FromDer,
    public_key::PublicKey,
    x509::X509Version,
};

use super::{
    names::check_names,
    profiles::{NameKind, Profile, Revocation},
    signed::{SHA1_RULE, refuse_sha1, tbs_signature_algorithm},
};
use crate::domain::{
    br_rules::{SignedObject, is_short_lived},
    validity::ValidityRule,
};

const ALLOWED_SIGNATURES: &[&str] = &[
    "1.2.840.10045.4.3.2",   // ecdsa-with-SHA256
    "1.2.840.10045.4.3.3",   // ecdsa-with-SHA384
    "1.2.840.113549.1.1.11", // sha256WithRSAEncryption
];

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{rule}: {detail}")]
pub struct LintFailure {
    pub rule: &'static str,
    pub detail: String,
}

fn fail(rule: &'static str, detail: impl Into<String>) -> LintFailure {
    LintFailure {
        rule,
        detail: detail.into(),
    }
}

fn ensure(ok: bool, rule: &'static str, detail: &str) -> Result<(), LintFailure> {
    if ok { Ok(()) } else { Err(fail(rule, detail)) }
}

/// Lints a TBSCertificate against a profile. Returns the first rule that fails.
pub fn lint(tbs_der: &[u8], profile: &Profile) -> Result<(), LintFailure> {
    let (rest, tbs) = TbsCertificate::from_der(tbs_der).map_err(|e| {
        fail(
            "lint.encoding",
            format!("the TBS certificate does not parse: {e}"),
        )
    })?;
    ensure(
        rest.is_empty(),
        "lint.encoding",
        "trailing bytes after the TBS certificate",
    )?;
    ensure(
        tbs.version == X509Version::V3,
        "lint.version",
        "certificates must be X.509 v3",
    )?;

    let serial = tbs.raw_serial();
    ensure(
        (9..=20).contains(&serial.len()) && serial.first().is_some_and(|b| b & 0x80 == 0),
        "lint.serial",
        "the serial must be positive, at most 20 octets, with at least 64 random bits",
    )?;
    let not_before = chrono::DateTime::from_timestamp(tbs.validity.not_before.timestamp(), 0);
    let not_after = chrono::DateTime::from_timestamp(tbs.validity.not_after.timestamp(), 0);
    // The CA signs at notBefore's second (it sets notBefore to the moment of signing), so
    // that is the day the SHA-1 sunset is judged by.
    if let (Some(algorithm), Some(signed_at)) = (tbs_signature_algorithm(tbs_der), not_before) {
        refuse_sha1(SignedObject::Certificate, algorithm, signed_at)
            .map_err(|why| fail(SHA1_RULE, why))?;
    }
    ensure(
        ALLOWED_SIGNATURES.contains(&tbs.signature.algorithm.to_id_string().as_str()),
        "lint.signature_algorithm",
        "the signature algorithm must be ECDSA or RSA with SHA-256/384 (never SHA-1)",
    )?;

    let within = match (not_before, not_after) {
        (Some(nb), Some(na)) => profile.validity.allows(nb, na),
        _ => false,
    };
    let cap = match profile.validity {
        ValidityRule::TlsBr => "the TLS Baseline Requirements' maximum for its issuance date",
        ValidityRule::SmimeBr => "the S/MIME Baseline Requirements' 825 days",
        ValidityRule::Days(_) => "the profile's maximum",
    };
    ensure(
        within,
        "lint.validity",
        &format!("the validity period exceeds {cap}"),
    )?;

    match tbs.public_key().parsed() {
        Ok(PublicKey::RSA(rsa)) => ensure(
            rsa.key_size() >= 2048,
            "lint.public_key",
            "RSA keys need 2048 bits or more",
        )?,
        Ok(PublicKey::EC(ec)) => ensure(
            matches!(ec.key_size(), 256 | 384),
            "lint.public_key",
            "EC keys must be P-256 or P-384",
        )?,
        _ => return Err(fail("lint.public_key", "unsupported public key type")),
    }

    let mut dns = Vec::new();
    let mut mailboxes = Vec::new();
    let mut ips = 0;
    let mut has = Has::default();
    for ext in tbs.extensions() {
        match ext.parsed_extension() {
            ParsedExtension::SubjectAlternativeName(san) => {
                has.san = true;
                for name in &san.general_names {
                    match name {
                        GeneralName::DNSName(d) => dns.push((*d).to_owned()),
                        GeneralName::RFC822Name(m) => mailboxes.push((*m).to_owned()),
                        GeneralName::IPAddress(_) => ips += 1,
                        _ => return Err(fail("lint.san", "unsupported subjectAltName type")),
                    }
                }
            }
            ParsedExtension::ExtendedKeyUsage(eku) => {
                has.eku = true;
                let mut present: Vec<String> = [
                    (eku.any, "2.5.29.37.0"),
                    (eku.server_auth, "1.3.6.1.5.5.7.3.1"),
                    (eku.client_auth, "1.3.6.1.5.5.7.3.2"),
                    (eku.code_signing, "1.3.6.1.5.5.7.3.3"),
                    (eku.email_protection, "1.3.6.1.5.5.7.3.4"),
                    (eku.time_stamping, "1.3.6.1.5.5.7.3.8"),
                    (eku.ocsp_signing, "1.3.6.1.5.5.7.3.9"),
                ]
                .into_iter()
                .filter(|(set, _)| *set)
                .map(|(_, oid)| oid.to_owned())
                .chain(eku.other.iter().map(|o| o.to_id_string()))
                .collect();
                let mut expected: Vec<String> =
                    profile.eku.iter().map(|p| p.eku_oid().to_owned()).collect();
                present.sort();
                expected.sort();
                ensure(
                    present == expected,
                    "lint.eku",
                    "the extended key usage must be exactly the profile's",
                )?;
            }
            ParsedExtension::KeyUsage(ku) => {
                has.ku = true;
                ensure(ext.critical, "lint.key_usage", "keyUsage must be critical")?;
                ensure(
                    ku.digital_signature() && !ku.key_cert_sign() && !ku.crl_sign(),
                    "lint.key_usage",
                    "a subscriber certificate signs data, never certificates or CRLs",
                )?;
            }
            ParsedExtension::BasicConstraints(bc) => {
                ensure(
                    !bc.ca,
                    "lint.basic_constraints",
                    "a subscriber certificate is not a CA",
                )?;
            }
            ParsedExtension::CertificatePolicies(policies) => {
                has.policies = profile.policy.is_none_or(|expected| {
                    let expected = expected
                        .iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join(".");
                    policies
                        .iter()
                        .any(|p| p.policy_id.to_id_string() == expected)
                });
            }
            ParsedExtension::AuthorityInfoAccess(aia) => {
                let method = |oid: &str| {
                    aia.accessdescs
                        .iter()
                        .any(|d| d.access_method.to_id_string() == oid)
                };
                has.ca_issuers = method("1.3.6.1.5.5.7.48.2");
                has.ocsp = method("1.3.6.1.5.5.7.48.1");
            }
            ParsedExtension::CRLDistributionPoints(_) => has.crl_dp = true,
            ParsedExtension::AuthorityKeyIdentifier(_) => has.aki = true,
            _ => {}
        }
    }
    ensure(
        has.san || profile.names == NameKind::None,
        "lint.san",
        "subjectAltName is required",
    )?;
    check_names(profile.names, &dns, &mailboxes, ips)
        .map_err(|r| fail("lint.names", format!("{}: {}", r.name, r.reason)))?;
    ensure(has.eku, "lint.eku", "extendedKeyUsage is required")?;
    ensure(has.ku, "lint.key_usage", "keyUsage is required")?;
    ensure(
        profile.policy.is_none() || has.policies,
        "lint.policies",
        "the profile's reserved policy identifier is required",
    )?;
    ensure(
        has.ca_issuers,
        "lint.aia",
        "authorityInfoAccess with caIssuers is required",
    )?;
    match profile.revocation {
        Revocation::Published => ensure(
            has.crl_dp,
            "lint.crl_distribution_points",
            "a CRL distribution point is required",
        )?,
        Revocation::ShortLivedOnly => {
            ensure(
                !has.crl_dp && !has.ocsp,
                "lint.revocation",
                "the profile's certificates carry no CRL distribution point and no OCSP responder",
            )?;
            // BR 7.1.2.11.2: only a Short-lived Subscriber Certificate (1.6.1, by its
            // notBefore: 10 days before 2026-03-15, 7 from then) may go without either.
            ensure(
                matches!((not_before, not_after), (Some(nb), Some(na)) if is_short_lived(nb, na)),
                "lint.short_lived",
                "a certificate without revocation information must be a short-lived subscriber certificate",
            )?;
        }
    }
    ensure(
        has.aki,
        "lint.authority_key_identifier",
        "authorityKeyIdentifier is required",
    )?;
    Ok(())
}

#[derive(Default)]
struct Has {
    san: bool,
    eku: bool,
    ku: bool,
    policies: bool,
    ca_issuers: bool,
    ocsp: bool,
    crl_dp: bool,
    aki: bool,
}
