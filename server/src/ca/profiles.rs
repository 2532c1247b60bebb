//! Certificate profiles as data: what each kind of certificate contains and allows. The
//! issuance code has no per-profile branches beyond reading these fields.

use super::hierarchy::Purpose;
use crate::domain::validity::ValidityRule;

/// Which names a profile accepts in subjectAltName.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// Public DNS names (wildcards allowed as the whole first label).
    PublicDns,
    /// Mailbox addresses.
    Mailbox,
    /// DNS names (any syntactically valid, internal ones too) or mailbox addresses.
    PrivateDnsOrMailbox,
    /// No names: the certificate identifies an organization (code and document signing).
    None,
    /// A private CA's certificates: any syntactically valid DNS name, IP addresses, mailboxes.
    Private,
}

/// What the subject carries besides the names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectRule {
    /// Nothing about the subscriber (DV, client).
    NamesOnly,
    /// The validated mailbox and nothing else, as commonName and emailAddress: Certum's
    /// activation puts both (E and CN) in every mailbox-validated certificate, and the S/MIME
    /// BRs (7.1.4.2.2 h) allow emailAddress when it repeats a mailbox of subjectAltName.
    Mailbox,
    /// The vetted organization: organizationName, countryName, and localityName and/or
    /// stateOrProvinceName.
    Organization,
    /// The organization plus the EV attributes: serialNumber (registration number),
    /// businessCategory and jurisdictionCountryName.
    ExtendedValidation,
    /// Whatever the private product's template puts there (fixed and dynamic fields); the
    /// request's own subject and names are not used.
    Template,
}

/// How relying parties learn that a profile's certificate was revoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revocation {
    /// A CRL distribution point, and the OCSP responder in authorityInfoAccess.
    Published,
    /// Neither: the profile issues Short-lived Subscriber Certificates only, for which the TLS
    /// BRs make the CRL distribution point optional (7.1.2.11.2) and the OCSP pointer is a
    /// MAY (7.1.2.7.7). The lint refuses any of its certificates that is not short-lived by
    /// the BRs' definition (1.6.1) for its notBefore.
    ShortLivedOnly,
}

/// Which CA signs a profile's certificates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaChoice {
    /// One CA of the operator's hierarchy, by name.
    Operator(&'static str),
    /// The private CA of an account that the request names.
    AccountPrivate,
}

#[derive(Debug)]
pub struct Profile {
    pub name: &'static str,
    /// The issuing CA that signs it.
    pub ca: CaChoice,
    /// Reserved policy identifier, when the profile has one.
    pub policy: Option<&'static [u64]>,
    /// Exactly these extended key usages.
    pub eku: &'static [Purpose],
    pub validity: ValidityRule,
    pub names: NameKind,
    pub subject: SubjectRule,
    /// Whether the subject repeats the first name as commonName (the TLS BRs advise against
    /// it for DV; an empty subject makes subjectAltName critical).
    pub common_name: bool,
    /// Whether to carry subjectKeyIdentifier (RFC 5280 recommends it; the TLS BRs advise
    /// against it). With it comes basicConstraints cA=FALSE.
    pub subject_key_identifier: bool,
    /// Whether RSA keys also get keyEncipherment (S/MIME encryption); the TLS BRs advise
    /// digitalSignature alone.
    pub rsa_key_encipherment: bool,
    /// Where relying parties learn of a revocation.
    pub revocation: Revocation,
    /// pkilint's name for the profile, where it has one (for tests and operators).
    pub pkilint_type: Option<&'static str>,
    /// Whether a certificate of the profile goes through Certificate Transparency logs as a
    /// precertificate first (the publicly trusted TLS profiles: browsers require SCTs).
    pub transparency: bool,
}

/// The DV profile: the public DV products' and ACME's `classic` and `tlsserver`.
pub const TLS_DV: &str = "tls-dv";
/// The DV profile without revocation information, for ACME's `shortlived`.
pub const TLS_DV_SHORT_LIVED: &str = "tls-dv-short-lived";
/// How long a `tls-dv-short-lived` certificate is valid: a whole day under the BRs' 7-day
/// short-lived ceiling (1.6.1), because orders count validity in whole days and a period of
/// exactly 7 days would leave no margin at all; Let's Encrypt's `shortlived` is 160 hours.
pub const SHORT_LIVED_DAYS: i64 = 6;

pub const CABF_DV: &[u64] = &[2, 23, 140, 1, 2, 1];
pub const CABF_OV: &[u64] = &[2, 23, 140, 1, 2, 2];
pub const CABF_EV: &[u64] = &[2, 23, 140, 1, 1];
pub const CABF_CODE_SIGNING: &[u64] = &[2, 23, 140, 1, 4, 1];
pub const CABF_SMIME_MAILBOX_STRICT: &[u64] = &[2, 23, 140, 1, 5, 1, 3];

pub const PROFILES: &[Profile] = &[
    Profile {
        name: TLS_DV,
        ca: CaChoice::Operator("tls"),
        policy: Some(CABF_DV),
        eku: &[Purpose::ServerAuth],
        validity: ValidityRule::TlsBr,
        names: NameKind::PublicDns,
        subject: SubjectRule::NamesOnly,
        common_name: false,
        subject_key_identifier: false,
        rsa_key_encipherment: false,
        revocation: Revocation::Published,
        pkilint_type: Some("DV-FINAL-CERTIFICATE"),
        transparency: true,
    },
    Profile {
        name: TLS_DV_SHORT_LIVED,
        ca: CaChoice::Operator("tls"),
        policy: Some(CABF_DV),
        eku: &[Purpose::ServerAuth],
        validity: ValidityRule::Days(SHORT_LIVED_DAYS),
        names: NameKind::PublicDns,
        subject: SubjectRule::NamesOnly,
        common_name: false,
        subject_key_identifier: false,
        rsa_key_encipherment: false,
        revocation: Revocation::ShortLivedOnly,
        pkilint_type: Some("DV-FINAL-CERTIFICATE"),
        transparency: true,
    },
    Profile {
        name: "tls-ov",
        ca: CaChoice::Operator("tls"),
        policy: Some(CABF_OV),
        eku: &[Purpose::ServerAuth],
        validity: ValidityRule::TlsBr,
        names: NameKind::PublicDns,
        subject: SubjectRule::Organization,
        common_name: false,
        subject_key_identifier: false,
        rsa_key_encipherment: false,
        revocation: Revocation::Published,
        pkilint_type: Some("OV-FINAL-CERTIFICATE"),
        transparency: true,
    },
    Profile {
        name: "tls-ev",
        ca: CaChoice::Operator("tls"),
        policy: Some(CABF_EV),
        eku: &[Purpose::ServerAuth],
        validity: ValidityRule::TlsBr,
        names: NameKind::PublicDns,
        subject: SubjectRule::ExtendedValidation,
        common_name: false,
        subject_key_identifier: false,
        rsa_key_encipherment: false,
        revocation: Revocation::Published,
        pkilint_type: Some("EV-FINAL-CERTIFICATE"),
        transparency: true,
    },
    Profile {
        name: "smime-mailbox-strict",
        ca: CaChoice::Operator("smime"),
        policy: Some(CABF_SMIME_MAILBOX_STRICT),
        eku: &[Purpose::EmailProtection],
        validity: ValidityRule::SmimeBr,
        names: NameKind::Mailbox,
        subject: SubjectRule::Mailbox,
        common_name: true,
        subject_key_identifier: true,
        rsa_key_encipherment: true,
        revocation: Revocation::Published,
        pkilint_type: Some("MAILBOX-STRICT"),
        transparency: false,
    },
    Profile {
        name: "client-tls",
        ca: CaChoice::Operator("client"),
        policy: None,
        eku: &[Purpose::ClientAuth],
        validity: ValidityRule::Days(398),
        names: NameKind::PrivateDnsOrMailbox,
        subject: SubjectRule::NamesOnly,
        common_name: true,
        subject_key_identifier: true,
        rsa_key_encipherment: false,
        revocation: Revocation::Published,
        pkilint_type: None,
        transparency: false,
    },
    Profile {
        name: "code-signing",
        ca: CaChoice::Operator("codesign"),
        policy: Some(CABF_CODE_SIGNING),
        eku: &[Purpose::CodeSigning],
        // Code Signing BRs 6.3.2: at most 460 days.
        validity: ValidityRule::Days(460),
        names: NameKind::None,
        subject: SubjectRule::Organization,
        common_name: false,
        subject_key_identifier: true,
        rsa_key_encipherment: false,
        revocation: Revocation::Published,
        pkilint_type: None,
        transparency: false,
    },
    Profile {
        name: "document-signing",
        ca: CaChoice::Operator("docsign"),
        policy: None,
        eku: &[Purpose::DocumentSigning],
        validity: ValidityRule::Days(1095),
        names: NameKind::None,
        subject: SubjectRule::Organization,
        common_name: false,
        subject_key_identifier: true,
        rsa_key_encipherment: false,
        revocation: Revocation::Published,
        pkilint_type: None,
        transparency: false,
    },
    Profile {
        name: "private-server-tls",
        ca: CaChoice::AccountPrivate,
        policy: None,
        eku: &[Purpose::ServerAuth],
        validity: ValidityRule::Days(398),
        names: NameKind::Private,
        subject: SubjectRule::Template,
        common_name: false,
        subject_key_identifier: true,
        rsa_key_encipherment: true,
        revocation: Revocation::Published,
        pkilint_type: None,
        transparency: false,
    },
    Profile {
        name: "private-client-tls",
        ca: CaChoice::AccountPrivate,
        policy: None,
        eku: &[Purpose::ClientAuth],
        validity: ValidityRule::Days(398),
        names: NameKind::Private,
        subject: SubjectRule::Template,
        common_name: false,
        subject_key_identifier: true,
        rsa_key_encipherment: false,
        revocation: Revocation::Published,
        pkilint_type: None,
        transparency: false,
    },
    Profile {
        name: "private-mutual-tls",
        ca: CaChoice::AccountPrivate,
        policy: None,
        eku: &[Purpose::ServerAuth, Purpose::ClientAuth],
        validity: ValidityRule::Days(398),
        names: NameKind::Private,
        subject: SubjectRule::Template,
        common_name: false,
        subject_key_identifier: true,
        rsa_key_encipherment: true,
        revocation: Revocation::Published,
        pkilint_type: None,
        transparency: false,
    },
];

pub fn profile(name: &str) -> Option<&'static Profile> {
    PROFILES.iter().find(|p| p.name == name)
}

/// The names of every profile, for messages.
pub fn names() -> String {
    PROFILES
        .iter()
        .map(|p| p.name)
        .collect::<Vec<_>>()
        .join(", ")
}
