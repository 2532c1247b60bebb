//! The CA/Browser Forum's dated rules as one table: each rule's id, its section of the TLS
//! Baseline Requirements, the day it takes effect (00:00:00 UTC) and what it says. The code
//! that caps a number or refuses a method reads its dates from here, and `docs/COMPLIANCE.md`
//! publishes the same table (a test fails when the two differ).
//!
//! Checked against the Baseline Requirements 2.2.6 (cabforum/servercert `docs/BR.md`,
//! 2026-03-31) and the two ballots adopted after it that carry dates: SC-098v2 (CAA
//! parameters, section 4.2.2.1.2) and SC-099 (the audit log names the validation method,
//! section 5.4.1).

use std::fmt;

use app::model::{acme::AcmeChallengeKind, domains::DcvMethod};
use chrono::{DateTime, Duration, Utc};

use super::validity::date;

/// A calendar day of the rules; a rule applies from its first second, 00:00:00 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Day {
    /// 00:00:00 UTC of the day.
    pub fn start(self) -> DateTime<Utc> {
        date(self.year, self.month, self.day)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A day written `YYYY-MM-DD`, as the table writes them. Anything else reads as day 0 of
/// month 0, which is no date: the table's test refuses it.
const fn day(text: &str) -> Day {
    const NONE: Day = Day {
        year: 0,
        month: 0,
        day: 0,
    };
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *text.as_bytes() else {
        return NONE;
    };
    let all_digits = y1.is_ascii_digit()
        && y2.is_ascii_digit()
        && y3.is_ascii_digit()
        && y4.is_ascii_digit()
        && m1.is_ascii_digit()
        && m2.is_ascii_digit()
        && d1.is_ascii_digit()
        && d2.is_ascii_digit();
    if !all_digits {
        return NONE;
    }
    const fn n(b: u8) -> u32 {
        (b - b'0') as u32
    }
    Day {
        year: (n(y1) * 1000 + n(y2) * 100 + n(y3) * 10 + n(y4)) as i32,
        month: n(m1) * 10 + n(m2),
        day: n(d1) * 10 + n(d2),
    }
}

/// One dated rule, as `docs/COMPLIANCE.md` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DatedRule {
    pub rule: Rule,
    /// The section of the TLS Baseline Requirements (several for one rule over several
    /// methods).
    pub section: &'static str,
    pub effective: Day,
    pub says: &'static str,
    /// The text it comes from: the Baseline Requirements' version, or the ballot adopted
    /// after it.
    pub source: &'static str,
    /// Where Rootline applies it.
    pub applied_in: &'static str,
}

/// The table is written once, as rows; the macro makes the ids, the list of every rule and
/// each id's row from it, so a rule cannot have an id without a row or miss the published
/// table.
macro_rules! dated_rules {
    ($(
        $(#[$doc:meta])*
        $id:ident: $effective:literal, $section:literal, $source:literal,
            $says:literal, $applied:literal;
    )*) => {
        /// A dated rule of the Baseline Requirements.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rule {
            $($(#[$doc])* $id,)*
        }

        impl Rule {
            /// Every rule, in the table's order (by date).
            pub const ALL: &'static [Rule] = &[$(Rule::$id,)*];

            /// The rule's row.
            pub const fn dated(self) -> DatedRule {
                match self {
                    $(Rule::$id => DatedRule {
                        rule: Rule::$id,
                        section: $section,
                        effective: day($effective),
                        says: $says,
                        source: $source,
                        applied_in: $applied,
                    },)*
                }
            }
        }
    };
}

dated_rules! {
    /// SHA-1 on OCSP responses: the last exception covered responses produced before this day.
    Sha1OcspSunset: "2022-06-01", "7.1.3.2.1", "BR 2.2.6 (SC-053)",
        "No SHA-1 signature on an OCSP response.",
        "`ca::ocsp` refuses SHA-1 at any date (`ca::signed::refuse_sha1`)";
    MpicTwoPerspectives: "2025-03-15", "3.2.2.9", "BR 2.2.6",
        "Domain validation and CAA are corroborated from at least 2 remote network perspectives; a failed quorum does not yet stop issuance.",
        "`br_rules::required_remote_perspectives`; portal DCV, ACME challenges and the CAA check before issuance fan out through `perspective::corroborate` (`services::validation::corroboration`)";
    MpicQuorumBinding: "2025-09-15", "3.2.2.9", "BR 2.2.6",
        "The quorum binds: of 2 to 5 remote perspectives at most 1 may disagree, of 6 or more at most 2; otherwise no issuance.",
        "`br_rules::quorum_binding`, `br_rules::allowed_disagreements`; with `ROOTLINE_PUBLIC_TRUST` too few perspectives refuse validation and the server's start";
    PersistentDnsReuse10: "2025-11-10", "3.2.2.4.22", "BR 2.1.9 (SC-088v3)",
        "Method 3.2.2.4.22 (DNS TXT record with persistent value) may be used; a validation by it counts for certificates issued at most 10 days after it.",
        "`BrMethod::max_reuse_days`, `dcv::reuse_until`; the record's `persistUntil` ends it sooner";
    ShortLivedSevenDays: "2026-03-15", "1.6.1", "BR 2.2.6",
        "A short-lived Subscriber Certificate has a validity period of at most 7 days (604,800 s); 10 days (864,000 s) before.",
        "`br_rules::is_short_lived`, in the CA's lint of certificates without revocation information";
    EmailMethodsDiscouraged: "2026-03-15", "3.2.2.4.4, 3.2.2.4.13, 3.2.2.4.14", "BR 2.2.6",
        "The e-mail methods SHOULD NOT be used to issue Subscriber Certificates.",
        "`BrMethod::standing`; still offered until refused, with this warning beside the choice; 3.2.2.4.13 and 3.2.2.4.14 only where `ROOTLINE_DCV_EMAIL_CONTACT_METHODS` is on";
    IpAddressMethodRefused: "2026-03-15", "3.2.2.4.8", "BR 2.2.6",
        "Method 3.2.2.4.8 (IP address) MUST NOT be relied on, nor prior validations by it.",
        "never offered; `BrMethod::standing`";
    DcvReuse200: "2026-03-15", "4.2.1", "BR 2.2.6",
        "A domain validation counts for certificates issued at most 200 days after it (398 before).",
        "`dcv::reuse_days`, `dcv::reuse_until`";
    SubjectReuse398: "2026-03-15", "4.2.1", "BR 2.2.6",
        "Subject identity information counts for certificates issued at most 398 days after it was validated (825 before).",
        "`vetting_reuse::reuse_days`";
    TlsValidity200: "2026-03-15", "6.3.2", "BR 2.2.6",
        "A Subscriber Certificate is valid for at most 200 days (398 before).",
        "`validity::ValidityRule::TlsBr`, the CA's lint";
    MpicThreeOverTwoRirs: "2026-03-15", "3.2.2.9", "BR 2.2.6",
        "At least 3 remote perspectives, and the corroborating ones fall in at least 2 RIR service regions.",
        "`br_rules::required_remote_perspectives`, `br_rules::min_distinct_regions`";
    MpicFourPerspectives: "2026-06-15", "3.2.2.9", "BR 2.2.6",
        "At least 4 remote perspectives.",
        "`br_rules::required_remote_perspectives`";
    ValidationMethodAudited: "2026-07-15", "5.4.1", "Ballot SC-099",
        "The audit log records, for every validation, what was validated, the ADN used and the method (BR section or ACME label).",
        "`services::validation::record_validation`: a `domain_validated` audit entry for every validation, in the transaction that records it";
    Sha1Sunset: "2026-09-15", "7.1.3.2.1", "BR 2.2.6 (SC-097)",
        "No SHA-1 signature in any certificate or CRL.",
        "the CA's lint and `ca::crl` refuse SHA-1 at any date (`ca::signed::refuse_sha1`)";
    MpicFivePerspectives: "2026-12-15", "3.2.2.9", "BR 2.2.6",
        "At least 5 remote perspectives.",
        "`br_rules::required_remote_perspectives`";
    CaaParametersRequired: "2027-03-15", "4.2.2.1.2", "Ballot SC-098v2",
        "CAA `accounturi` and `validationmethods` (RFC 8657) MUST be processed (SHOULD before).",
        "`caa::CaaTarget::decide` honours them at any date";
    DcvReuse100: "2027-03-15", "4.2.1", "BR 2.2.6",
        "A domain validation counts for certificates issued at most 100 days after it.",
        "`dcv::reuse_days`, `dcv::reuse_until`";
    TlsValidity100: "2027-03-15", "6.3.2", "BR 2.2.6",
        "A Subscriber Certificate is valid for at most 100 days.",
        "`validity::ValidityRule::TlsBr`, the CA's lint";
    EmailMethodsRefused: "2028-03-15", "3.2.2.4.4, 3.2.2.4.13, 3.2.2.4.14", "BR 2.2.6",
        "The e-mail methods MUST NOT be relied on, nor prior validations by them.",
        "no longer offered; domain validation and e-mailed links refuse the methods; `dcv::reuse_until` ends prior validations";
    DcvReuse10: "2029-03-15", "4.2.1", "BR 2.2.6",
        "A domain validation counts for certificates issued at most 10 days after it.",
        "`dcv::reuse_days`, `dcv::reuse_until`";
    TlsValidity47: "2029-03-15", "6.3.2", "BR 2.2.6",
        "A Subscriber Certificate is valid for at most 47 days.",
        "`validity::ValidityRule::TlsBr`, the CA's lint";
}

impl Rule {
    /// The first second the rule applies: 00:00:00 UTC of its day.
    pub fn starts(self) -> DateTime<Utc> {
        self.dated().effective.start()
    }

    /// Whether the rule applies at `at`.
    pub fn in_force(self, at: DateTime<Utc>) -> bool {
        at >= self.starts()
    }
}

/// A number that changes on rule dates: `before` until the first step's rule applies, then
/// the value of the latest step in force.
#[derive(Debug, Clone, Copy)]
pub struct Steps<T: 'static> {
    pub before: T,
    pub steps: &'static [(Rule, T)],
}

impl<T: Copy> Steps<T> {
    pub fn at(&self, at: DateTime<Utc>) -> T {
        self.steps
            .iter()
            .rev()
            .find(|(rule, _)| rule.in_force(at))
            .map_or(self.before, |(_, value)| *value)
    }

    /// Each step as the span it holds for: from its rule's start (`None`: since ever) to the
    /// next step's (`None`: from then on), earliest first.
    pub fn spans(&self) -> impl Iterator<Item = (Option<DateTime<Utc>>, Option<DateTime<Utc>>, T)> {
        let starts = std::iter::once(None).chain(self.steps.iter().map(|(r, _)| Some(r.starts())));
        let ends = self
            .steps
            .iter()
            .map(|(r, _)| Some(r.starts()))
            .chain(std::iter::once(None));
        let values = std::iter::once(self.before).chain(self.steps.iter().map(|(_, v)| *v));
        starts
            .zip(ends)
            .zip(values)
            .map(|((start, end), value)| (start, end, value))
    }

    /// The days after `now` on which the value changes, earliest first.
    pub fn changes_after(&self, now: DateTime<Utc>) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        self.steps
            .iter()
            .map(|(rule, _)| rule.starts())
            .filter(move |d| *d > now)
    }
}

/// BR 6.3.2: the longest validity period of a Subscriber Certificate, in days, by its
/// notBefore.
pub const TLS_MAX_VALIDITY_DAYS: Steps<i64> = Steps {
    before: 398,
    steps: &[
        (Rule::TlsValidity200, 200),
        (Rule::TlsValidity100, 100),
        (Rule::TlsValidity47, 47),
    ],
};

/// BR 4.2.1: how many days before a certificate's issuance its domain validation may have
/// been completed, by the day of issuance.
pub const DCV_REUSE_DAYS: Steps<i64> = Steps {
    before: 398,
    steps: &[
        (Rule::DcvReuse200, 200),
        (Rule::DcvReuse100, 100),
        (Rule::DcvReuse10, 10),
    ],
};

/// BR 3.2.2.4.22: the longest validation data reuse period of the persistent DNS record, in
/// days, whatever BR 4.2.1 allows on the day.
pub const PERSISTENT_DCV_REUSE_DAYS: i64 = 10;

/// BR 4.2.1: how many days before a certificate's issuance its subject identity information
/// may have been validated, by the day of issuance.
pub const SUBJECT_REUSE_DAYS: Steps<i64> = Steps {
    before: 825,
    steps: &[(Rule::SubjectReuse398, 398)],
};

/// BR 1.6.1 (Short-lived Subscriber Certificate): the longest validity period, in seconds,
/// by the certificate's notBefore. The term exists since 2024-03-15; earlier certificates
/// are judged by the 10-day rule, which matters to no certificate Rootline has issued.
pub const SHORT_LIVED_MAX_SECONDS: Steps<i64> = Steps {
    before: 864_000,
    steps: &[(Rule::ShortLivedSevenDays, 604_800)],
};

/// BR 3.2.2.9: how many remote network perspectives must corroborate, by the day of the
/// check.
pub const REMOTE_PERSPECTIVES: Steps<usize> = Steps {
    before: 0,
    steps: &[
        (Rule::MpicTwoPerspectives, 2),
        (Rule::MpicThreeOverTwoRirs, 3),
        (Rule::MpicFourPerspectives, 4),
        (Rule::MpicFivePerspectives, 5),
    ],
};

/// BR 3.2.2.9: in how many distinct RIR service regions the corroborating remote
/// perspectives must lie: none before perspectives were required, then 1 (any perspective is
/// in some region) until two regions were.
pub const DISTINCT_REGIONS: Steps<usize> = Steps {
    before: 0,
    steps: &[
        (Rule::MpicTwoPerspectives, 1),
        (Rule::MpicThreeOverTwoRirs, 2),
    ],
};

/// Whether a certificate from `not_before` to `not_after` is a Short-lived Subscriber
/// Certificate (BR 1.6.1); the validity period counts inclusively, notAfter − notBefore + 1 s.
pub fn is_short_lived(not_before: DateTime<Utc>, not_after: DateTime<Utc>) -> bool {
    not_after >= not_before
        && (not_after - not_before) + Duration::seconds(1)
            <= Duration::seconds(SHORT_LIVED_MAX_SECONDS.at(not_before))
}

/// The fewest remote network perspectives Multi-Perspective Issuance Corroboration uses at
/// `at` (BR 3.2.2.9).
pub fn required_remote_perspectives(at: DateTime<Utc>) -> usize {
    REMOTE_PERSPECTIVES.at(at)
}

/// The fewest distinct RIR service regions the corroborating remote perspectives span at
/// `at` (BR 3.2.2.9).
pub fn min_distinct_regions(at: DateTime<Utc>) -> usize {
    DISTINCT_REGIONS.at(at)
}

/// How many of `remote_perspectives` may fail to corroborate (BR 3.2.2.9, Quorum
/// Requirements): one of 2 to 5, two of 6 or more. Fewer than 2 is below every minimum the
/// rules ever set, so none may.
pub fn allowed_disagreements(remote_perspectives: usize) -> usize {
    match remote_perspectives {
        0 | 1 => 0,
        2..=5 => 1,
        _ => 2,
    }
}

/// Whether a failed quorum stops issuance at `at`; before 2025-09-15 the CA could still
/// issue.
pub fn quorum_binding(at: DateTime<Utc>) -> bool {
    Rule::MpicQuorumBinding.in_force(at)
}

/// What one corroboration attempt found, for one name (or its CAA check).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corroboration {
    /// Distinct remote perspectives asked.
    pub remote_perspectives: usize,
    /// Those that saw what the primary perspective saw.
    pub corroborating: usize,
    /// Distinct RIR service regions among the corroborating ones.
    pub corroborating_regions: usize,
}

/// Whether `c` meets the quorum in force at `at`: enough perspectives, no more disagreeing
/// than allowed, enough regions.
pub fn quorum_met(at: DateTime<Utc>, c: Corroboration) -> bool {
    c.corroborating <= c.remote_perspectives
        && c.remote_perspectives >= required_remote_perspectives(at)
        && c.remote_perspectives - c.corroborating <= allowed_disagreements(c.remote_perspectives)
        && c.corroborating_regions >= min_distinct_regions(at)
}

/// What is signed, for the SHA-1 sunset (BR 7.1.3.2.1), whose last day differs by object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignedObject {
    Certificate,
    Crl,
    OcspResponse,
}

impl SignedObject {
    /// The rule that ended SHA-1 signatures on this kind of object.
    pub fn sha1_sunset(self) -> Rule {
        match self {
            Self::Certificate | Self::Crl => Rule::Sha1Sunset,
            Self::OcspResponse => Rule::Sha1OcspSunset,
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Self::Certificate => "certificate",
            Self::Crl => "CRL",
            Self::OcspResponse => "OCSP response",
        }
    }
}

/// Whether the BRs still leave any exception for a SHA-1 signature on `object` at `at`.
/// Rootline meets none of those exceptions (re-issued cross-certificates, their CRLs), so it
/// refuses SHA-1 either way; the date says which rule a refusal names.
pub fn sha1_exception_open(object: SignedObject, at: DateTime<Utc>) -> bool {
    !object.sha1_sunset().in_force(at)
}

/// A domain validation method of BR 3.2.2.4 as Rootline knows it: the ones it performs and
/// the ones the dated rules name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BrMethod {
    ConstructedEmail,
    DnsChange,
    IpAddress,
    EmailToCaaContact,
    EmailToTxtContact,
    WebsiteChangeV2,
    AcmeHttp01,
    AcmeDns01,
    AcmeTlsAlpn01,
    /// The portal's persistent DNS record (3.2.2.4.22).
    PersistentDns,
    /// ACME's dns-persist-01 (3.2.2.4.22).
    AcmeDnsPersist01,
}

/// Whether a method may be used at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodStanding {
    Permitted,
    /// The BRs say SHOULD NOT; Rootline still offers it.
    Discouraged,
    /// The BRs say MUST NOT: neither new validations nor prior ones count.
    Refused,
}

impl BrMethod {
    pub const ALL: [BrMethod; 11] = [
        Self::ConstructedEmail,
        Self::DnsChange,
        Self::IpAddress,
        Self::EmailToCaaContact,
        Self::EmailToTxtContact,
        Self::WebsiteChangeV2,
        Self::AcmeHttp01,
        Self::AcmeDns01,
        Self::AcmeTlsAlpn01,
        Self::PersistentDns,
        Self::AcmeDnsPersist01,
    ];

    /// The method behind a portal validation.
    pub fn of_portal(method: DcvMethod) -> Self {
        match method {
            DcvMethod::DnsTxt => Self::DnsChange,
            DcvMethod::HttpFile => Self::WebsiteChangeV2,
            DcvMethod::ConstructedEmail { .. } => Self::ConstructedEmail,
            DcvMethod::DnsPersist { .. } => Self::PersistentDns,
            DcvMethod::CaaContactEmail => Self::EmailToCaaContact,
            DcvMethod::TxtContactEmail => Self::EmailToTxtContact,
        }
    }

    /// The method behind an ACME challenge.
    pub fn of_acme(kind: AcmeChallengeKind) -> Self {
        match kind {
            AcmeChallengeKind::Http01 => Self::AcmeHttp01,
            AcmeChallengeKind::Dns01 => Self::AcmeDns01,
            AcmeChallengeKind::TlsAlpn01 => Self::AcmeTlsAlpn01,
            AcmeChallengeKind::DnsPersist01 => Self::AcmeDnsPersist01,
        }
    }

    /// The method a stored validation followed: its recorded rule names it exactly (an ACME
    /// challenge is stored under the portal method whose coverage it shares); a rule text
    /// this table never wrote falls back to the stored method.
    pub fn recorded(method: DcvMethod, rule: Option<&str>) -> Self {
        rule.and_then(|r| Self::ALL.into_iter().find(|m| m.rule_text() == r))
            .unwrap_or_else(|| Self::of_portal(method))
    }

    /// The subsection of BR 3.2.2.4 that defines it.
    pub fn br_section(self) -> &'static str {
        match self {
            Self::ConstructedEmail => "3.2.2.4.4",
            Self::DnsChange | Self::AcmeDns01 => "3.2.2.4.7",
            Self::IpAddress => "3.2.2.4.8",
            Self::EmailToCaaContact => "3.2.2.4.13",
            Self::EmailToTxtContact => "3.2.2.4.14",
            Self::WebsiteChangeV2 => "3.2.2.4.18",
            Self::AcmeHttp01 => "3.2.2.4.19",
            Self::AcmeTlsAlpn01 => "3.2.2.4.20",
            Self::PersistentDns | Self::AcmeDnsPersist01 => "3.2.2.4.22",
        }
    }

    /// The label of the IANA ACME validation methods registry, for the ACME challenges.
    pub fn acme_label(self) -> Option<&'static str> {
        match self {
            Self::AcmeHttp01 => Some("http-01"),
            Self::AcmeDns01 => Some("dns-01"),
            Self::AcmeTlsAlpn01 => Some("tls-alpn-01"),
            Self::AcmeDnsPersist01 => Some("dns-persist-01"),
            _ => None,
        }
    }

    /// What the BR calls it, for people.
    pub fn title(self) -> &'static str {
        match self {
            Self::ConstructedEmail => "constructed e-mail",
            Self::DnsChange => "DNS change",
            Self::IpAddress => "IP address",
            Self::EmailToCaaContact => "e-mail to DNS CAA contact",
            Self::EmailToTxtContact => "e-mail to DNS TXT contact",
            Self::WebsiteChangeV2 => "agreed-upon change to website v2",
            Self::AcmeHttp01 => "ACME HTTP-01",
            Self::AcmeDns01 => "ACME DNS-01",
            Self::AcmeTlsAlpn01 => "ACME TLS-ALPN-01",
            Self::PersistentDns => "DNS TXT record with persistent value",
            Self::AcmeDnsPersist01 => "ACME DNS-PERSIST-01",
        }
    }

    /// The rule recorded with each validation, e.g. "TLS BR 3.2.2.4.7 (DNS change)".
    pub fn rule_text(self) -> String {
        format!("TLS BR {} ({})", self.br_section(), self.title())
    }

    /// The labels a CAA `validationmethods` parameter may name it by: its ACME label, and
    /// `ca-tbr-` with its BR 3.2.2.4 subsection (ballot SC-098v2, section 4.2.2.1.2).
    pub fn caa_labels(self) -> Vec<String> {
        let subsection = self.br_section().rsplit('.').next().unwrap_or_default();
        self.acme_label()
            .map(str::to_owned)
            .into_iter()
            .chain(std::iter::once(format!("ca-tbr-{subsection}")))
            .collect()
    }

    /// Whether Rootline performs it: every method but the IP address one (the DNS contact
    /// e-mails only where the operator enables them, `needs_operator`).
    pub fn offered(self) -> bool {
        !matches!(self, Self::IpAddress)
    }

    /// Whether the operator must turn it on (`ROOTLINE_DCV_EMAIL_CONTACT_METHODS`): the
    /// e-mails to DNS contacts, which the BRs discourage from the day they were added here.
    pub fn needs_operator(self) -> bool {
        matches!(self, Self::EmailToCaaContact | Self::EmailToTxtContact)
    }

    /// The longest a validation by the method may be reused, in days, when the method sets
    /// one shorter than BR 4.2.1's: 10 for the persistent DNS record (BR 3.2.2.4.22).
    pub fn max_reuse_days(self) -> Option<i64> {
        match self {
            Self::PersistentDns | Self::AcmeDnsPersist01 => Some(PERSISTENT_DCV_REUSE_DAYS),
            _ => None,
        }
    }

    /// The rules that discourage and refuse the method, if any.
    fn sunset(self) -> Option<(Rule, Rule)> {
        match self {
            Self::ConstructedEmail | Self::EmailToCaaContact | Self::EmailToTxtContact => {
                Some((Rule::EmailMethodsDiscouraged, Rule::EmailMethodsRefused))
            }
            Self::IpAddress => Some((Rule::IpAddressMethodRefused, Rule::IpAddressMethodRefused)),
            _ => None,
        }
    }

    /// From when neither a new validation by the method nor a prior one counts.
    pub fn refused_from(self) -> Option<DateTime<Utc>> {
        self.sunset().map(|(_, refused)| refused.starts())
    }

    pub fn standing(self, at: DateTime<Utc>) -> MethodStanding {
        match self.sunset() {
            Some((_, refused)) if refused.in_force(at) => MethodStanding::Refused,
            Some((discouraged, _)) if discouraged.in_force(at) => MethodStanding::Discouraged,
            _ => MethodStanding::Permitted,
        }
    }
}

/// Where the generated tables sit in `docs/COMPLIANCE.md`.
pub const RULES_BEGIN: &str =
    "<!-- dated-rules:begin (generated from server/src/domain/br_rules.rs) -->";
pub const RULES_END: &str = "<!-- dated-rules:end -->";
pub const METHODS_BEGIN: &str =
    "<!-- validation-methods:begin (generated from server/src/domain/br_rules.rs) -->";
pub const METHODS_END: &str = "<!-- validation-methods:end -->";

/// The dated rule table as `docs/COMPLIANCE.md` publishes it, by date.
pub fn rules_markdown() -> String {
    let mut out = String::from(
        "| Effective (00:00 UTC) | BR section | Rule | Source | Where Rootline applies it |\n\
         | --- | --- | --- | --- | --- |\n",
    );
    for rule in Rule::ALL {
        let r = rule.dated();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            r.effective, r.section, r.says, r.source, r.applied_in
        ));
    }
    out
}

/// The validation methods with their sections, labels and standing, as `docs/COMPLIANCE.md`
/// publishes them.
pub fn methods_markdown() -> String {
    let mut out = String::from(
        "| Method | BR section | ACME label | CAA `validationmethods` labels | Rootline | Refused from |\n\
         | --- | --- | --- | --- | --- | --- |\n",
    );
    for m in BrMethod::ALL {
        let labels: Vec<String> = m.caa_labels().iter().map(|l| format!("`{l}`")).collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            m.title(),
            m.br_section(),
            m.acme_label()
                .map_or_else(|| "—".to_owned(), |l| format!("`{l}`")),
            labels.join(", "),
            match (m.offered(), m.needs_operator()) {
                (true, false) => "offered",
                (true, true) => "offered where the operator enables it",
                (false, _) => "not offered",
            },
            m.sunset()
                .map_or_else(|| "—".to_owned(), |(_, r)| r.dated().effective.to_string()),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};

    use super::*;

    /// 23:59:59 UTC of the day before a rule, and 00:00:00 UTC of its day.
    fn sides(rule: Rule) -> (DateTime<Utc>, DateTime<Utc>) {
        let day = rule.starts();
        (day - Duration::seconds(1), day)
    }

    #[test]
    fn every_day_of_the_table_is_a_real_date_in_order() {
        let mut last = None;
        for rule in Rule::ALL {
            let r = rule.dated();
            let day = NaiveDate::from_ymd_opt(r.effective.year, r.effective.month, r.effective.day);
            assert!(day.is_some(), "{rule:?}");
            assert_eq!(
                rule.starts().to_rfc3339(),
                format!("{}T00:00:00+00:00", r.effective)
            );
            assert!(last <= Some(r.effective), "{rule:?} is out of order");
            last = Some(r.effective);
            assert_eq!(r.rule, *rule);
            for text in [r.section, r.says, r.source, r.applied_in] {
                assert!(!text.contains('|') && !text.is_empty(), "{rule:?}: {text}");
            }
        }
    }

    #[test]
    fn a_day_is_read_only_as_yyyy_mm_dd() {
        assert_eq!(
            day("2026-03-15"),
            Day {
                year: 2026,
                month: 3,
                day: 15
            }
        );
        for bad in ["2026-3-15", "2026/03/15", "2026-03-1x", "", "02026-03-15"] {
            assert_eq!(day(bad).month, 0, "{bad}");
        }
    }

    #[test]
    fn a_rule_applies_from_midnight_utc_of_its_day_and_not_a_second_before() {
        for rule in Rule::ALL {
            let (before, day) = sides(*rule);
            assert_eq!(
                before,
                Utc.with_ymd_and_hms(
                    rule.dated().effective.year,
                    rule.dated().effective.month,
                    rule.dated().effective.day,
                    0,
                    0,
                    0
                )
                .unwrap()
                    - Duration::seconds(1)
            );
            assert!(!rule.in_force(before), "{rule:?}");
            assert!(rule.in_force(day), "{rule:?}");
        }
    }

    #[test]
    fn tls_validity_steps_398_200_100_47() {
        for (rule, before, on) in [
            (Rule::TlsValidity200, 398, 200),
            (Rule::TlsValidity100, 200, 100),
            (Rule::TlsValidity47, 100, 47),
        ] {
            let (b, d) = sides(rule);
            assert_eq!(TLS_MAX_VALIDITY_DAYS.at(b), before, "{rule:?}");
            assert_eq!(TLS_MAX_VALIDITY_DAYS.at(d), on, "{rule:?}");
        }
    }

    #[test]
    fn domain_validation_reuse_steps_398_200_100_10() {
        for (rule, before, on) in [
            (Rule::DcvReuse200, 398, 200),
            (Rule::DcvReuse100, 200, 100),
            (Rule::DcvReuse10, 100, 10),
        ] {
            let (b, d) = sides(rule);
            assert_eq!(DCV_REUSE_DAYS.at(b), before, "{rule:?}");
            assert_eq!(DCV_REUSE_DAYS.at(d), on, "{rule:?}");
        }
    }

    #[test]
    fn subject_information_reuse_drops_from_825_to_398_days() {
        let (b, d) = sides(Rule::SubjectReuse398);
        assert_eq!(SUBJECT_REUSE_DAYS.at(b), 825);
        assert_eq!(SUBJECT_REUSE_DAYS.at(d), 398);
    }

    #[test]
    fn short_lived_means_ten_days_before_2026_03_15_and_seven_from_it() {
        let (b, d) = sides(Rule::ShortLivedSevenDays);
        let ends =
            |from: DateTime<Utc>, days: i64| from + Duration::days(days) - Duration::seconds(1);
        assert!(is_short_lived(b, ends(b, 10)));
        assert!(!is_short_lived(b, ends(b, 10) + Duration::seconds(1)));
        assert!(!is_short_lived(d, ends(d, 10)));
        assert!(is_short_lived(d, ends(d, 7)));
        assert!(!is_short_lived(d, ends(d, 7) + Duration::seconds(1)));
        assert!(!is_short_lived(d, d - Duration::seconds(1)));
    }

    #[test]
    fn remote_perspectives_required_step_2_3_4_5() {
        assert_eq!(
            required_remote_perspectives(sides(Rule::MpicTwoPerspectives).0),
            0
        );
        for (rule, before, on) in [
            (Rule::MpicTwoPerspectives, 0, 2),
            (Rule::MpicThreeOverTwoRirs, 2, 3),
            (Rule::MpicFourPerspectives, 3, 4),
            (Rule::MpicFivePerspectives, 4, 5),
        ] {
            let (b, d) = sides(rule);
            assert_eq!(required_remote_perspectives(b), before, "{rule:?}");
            assert_eq!(required_remote_perspectives(d), on, "{rule:?}");
        }
        // Between the first requirement and the binding quorum the number stays 2.
        let (b, d) = sides(Rule::MpicQuorumBinding);
        assert_eq!(required_remote_perspectives(b), 2);
        assert_eq!(required_remote_perspectives(d), 2);
    }

    #[test]
    fn two_rir_regions_are_required_from_2026_03_15() {
        let (b, d) = sides(Rule::MpicTwoPerspectives);
        assert_eq!(min_distinct_regions(b), 0);
        assert_eq!(min_distinct_regions(d), 1);
        let (b, d) = sides(Rule::MpicThreeOverTwoRirs);
        assert_eq!(min_distinct_regions(b), 1);
        assert_eq!(min_distinct_regions(d), 2);
    }

    #[test]
    fn the_quorum_binds_from_2025_09_15() {
        let (b, d) = sides(Rule::MpicQuorumBinding);
        assert!(!quorum_binding(b));
        assert!(quorum_binding(d));
    }

    #[test]
    fn one_of_two_to_five_may_disagree_and_two_of_six_or_more() {
        for (n, allowed) in [
            (0, 0),
            (1, 0),
            (2, 1),
            (3, 1),
            (4, 1),
            (5, 1),
            (6, 2),
            (7, 2),
            (12, 2),
        ] {
            assert_eq!(allowed_disagreements(n), allowed, "{n}");
        }
    }

    #[test]
    fn the_quorum_counts_perspectives_disagreements_and_regions_by_date() {
        let tally = |remote_perspectives, corroborating, corroborating_regions| Corroboration {
            remote_perspectives,
            corroborating,
            corroborating_regions,
        };
        // The day before five are required, four in two regions with one dissent pass; on
        // the day they do not.
        let (b, d) = sides(Rule::MpicFivePerspectives);
        assert!(quorum_met(b, tally(4, 3, 2)));
        assert!(!quorum_met(d, tally(4, 3, 2)));
        assert!(quorum_met(d, tally(5, 4, 2)));
        assert!(!quorum_met(d, tally(5, 3, 2)), "two of five disagree");
        assert!(quorum_met(d, tally(6, 4, 2)), "two of six may disagree");
        assert!(!quorum_met(d, tally(6, 3, 2)));
        assert!(!quorum_met(d, tally(5, 5, 1)), "one region");
        // One region was enough the day before two were required.
        let (b, d) = sides(Rule::MpicThreeOverTwoRirs);
        assert!(quorum_met(b, tally(2, 2, 1)));
        assert!(!quorum_met(d, tally(3, 3, 1)));
        assert!(quorum_met(d, tally(3, 2, 2)));
        assert!(
            !quorum_met(d, tally(3, 4, 2)),
            "more corroborating than asked"
        );
    }

    #[test]
    fn sha1_exceptions_close_on_2026_09_15_for_certificates_and_crls_and_2022_06_01_for_ocsp() {
        for object in [SignedObject::Certificate, SignedObject::Crl] {
            let (b, d) = sides(Rule::Sha1Sunset);
            assert!(sha1_exception_open(object, b), "{object:?}");
            assert!(!sha1_exception_open(object, d), "{object:?}");
        }
        let (b, d) = sides(Rule::Sha1OcspSunset);
        assert!(sha1_exception_open(SignedObject::OcspResponse, b));
        assert!(!sha1_exception_open(SignedObject::OcspResponse, d));
    }

    #[test]
    fn e_mail_methods_are_discouraged_from_2026_and_refused_from_2028() {
        let email = [
            BrMethod::ConstructedEmail,
            BrMethod::EmailToCaaContact,
            BrMethod::EmailToTxtContact,
        ];
        let (b, d) = sides(Rule::EmailMethodsDiscouraged);
        for m in email {
            assert_eq!(m.standing(b), MethodStanding::Permitted, "{m:?}");
            assert_eq!(m.standing(d), MethodStanding::Discouraged, "{m:?}");
        }
        let (b, d) = sides(Rule::EmailMethodsRefused);
        for m in email {
            assert_eq!(m.standing(b), MethodStanding::Discouraged, "{m:?}");
            assert_eq!(m.standing(d), MethodStanding::Refused, "{m:?}");
            assert_eq!(m.refused_from(), Some(d));
        }
    }

    #[test]
    fn the_ip_address_method_is_refused_from_2026_03_15_and_never_offered() {
        let (b, d) = sides(Rule::IpAddressMethodRefused);
        assert_eq!(BrMethod::IpAddress.standing(b), MethodStanding::Permitted);
        assert_eq!(BrMethod::IpAddress.standing(d), MethodStanding::Refused);
        assert!(!BrMethod::IpAddress.offered());
    }

    #[test]
    fn the_methods_rootline_performs_are_permitted_at_any_date() {
        for m in BrMethod::ALL.into_iter().filter(|m| {
            !matches!(
                m,
                BrMethod::ConstructedEmail
                    | BrMethod::IpAddress
                    | BrMethod::EmailToCaaContact
                    | BrMethod::EmailToTxtContact
            )
        }) {
            assert!(m.offered(), "{m:?}");
            assert_eq!(m.refused_from(), None, "{m:?}");
            assert_eq!(m.standing(date(2040, 1, 1)), MethodStanding::Permitted);
        }
    }

    #[test]
    fn each_method_has_its_br_section_and_acme_label() {
        use app::model::domains::Mailbox;
        let cases = [
            (BrMethod::of_portal(DcvMethod::DnsTxt), "3.2.2.4.7", None),
            (BrMethod::of_portal(DcvMethod::HttpFile), "3.2.2.4.18", None),
            (
                BrMethod::of_portal(DcvMethod::ConstructedEmail {
                    mailbox: Mailbox::Hostmaster,
                }),
                "3.2.2.4.4",
                None,
            ),
            (
                BrMethod::of_acme(AcmeChallengeKind::Dns01),
                "3.2.2.4.7",
                Some("dns-01"),
            ),
            (
                BrMethod::of_acme(AcmeChallengeKind::Http01),
                "3.2.2.4.19",
                Some("http-01"),
            ),
            (
                BrMethod::of_acme(AcmeChallengeKind::TlsAlpn01),
                "3.2.2.4.20",
                Some("tls-alpn-01"),
            ),
            (
                BrMethod::of_portal(DcvMethod::DnsPersist { wildcard: true }),
                "3.2.2.4.22",
                None,
            ),
            (
                BrMethod::of_acme(AcmeChallengeKind::DnsPersist01),
                "3.2.2.4.22",
                Some("dns-persist-01"),
            ),
            (
                BrMethod::of_portal(DcvMethod::CaaContactEmail),
                "3.2.2.4.13",
                None,
            ),
            (
                BrMethod::of_portal(DcvMethod::TxtContactEmail),
                "3.2.2.4.14",
                None,
            ),
        ];
        for (method, section, label) in cases {
            assert_eq!(method.br_section(), section, "{method:?}");
            assert_eq!(method.acme_label(), label, "{method:?}");
        }
        assert_eq!(
            BrMethod::AcmeHttp01.caa_labels(),
            ["http-01".to_owned(), "ca-tbr-19".to_owned()]
        );
        assert_eq!(BrMethod::DnsChange.caa_labels(), ["ca-tbr-7".to_owned()]);
        assert_eq!(
            BrMethod::AcmeDnsPersist01.caa_labels(),
            ["dns-persist-01".to_owned(), "ca-tbr-22".to_owned()]
        );
        assert_eq!(
            BrMethod::PersistentDns.caa_labels(),
            ["ca-tbr-22".to_owned()]
        );
    }

    #[test]
    fn the_persistent_record_is_reused_ten_days_and_the_dns_contacts_need_the_operator() {
        for m in BrMethod::ALL {
            let ten = matches!(m, BrMethod::PersistentDns | BrMethod::AcmeDnsPersist01);
            assert_eq!(m.max_reuse_days(), ten.then_some(10), "{m:?}");
            let operator = matches!(m, BrMethod::EmailToCaaContact | BrMethod::EmailToTxtContact);
            assert_eq!(m.needs_operator(), operator, "{m:?}");
        }
        assert!(BrMethod::EmailToCaaContact.offered());
    }

    #[test]
    fn a_recorded_rule_names_its_method_and_old_records_read_the_same() {
        // The texts validations were stored with before this table existed.
        for (text, method) in [
            ("TLS BR 3.2.2.4.7 (DNS change)", BrMethod::DnsChange),
            (
                "TLS BR 3.2.2.4.18 (agreed-upon change to website v2)",
                BrMethod::WebsiteChangeV2,
            ),
            (
                "TLS BR 3.2.2.4.4 (constructed e-mail)",
                BrMethod::ConstructedEmail,
            ),
            ("TLS BR 3.2.2.4.19 (ACME HTTP-01)", BrMethod::AcmeHttp01),
            ("TLS BR 3.2.2.4.7 (ACME DNS-01)", BrMethod::AcmeDns01),
            (
                "TLS BR 3.2.2.4.20 (ACME TLS-ALPN-01)",
                BrMethod::AcmeTlsAlpn01,
            ),
        ] {
            assert_eq!(method.rule_text(), text);
            assert_eq!(BrMethod::recorded(DcvMethod::HttpFile, Some(text)), method);
        }
        assert_eq!(
            BrMethod::recorded(DcvMethod::DnsTxt, Some("TLS BR 3.2.2.4.7")),
            BrMethod::DnsChange
        );
        assert_eq!(
            BrMethod::recorded(DcvMethod::HttpFile, None),
            BrMethod::WebsiteChangeV2
        );
    }

    #[test]
    fn the_spans_of_a_schedule_cover_all_time_in_order() {
        let spans: Vec<_> = DCV_REUSE_DAYS.spans().collect();
        assert_eq!(spans.len(), 4);
        assert_eq!(spans.first().map(|s| (s.0, s.2)), Some((None, 398)));
        assert_eq!(
            spans.last().map(|s| (s.0, s.1, s.2)),
            Some((Some(Rule::DcvReuse10.starts()), None, 10))
        );
        for pair in spans.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
        }
        assert_eq!(
            TLS_MAX_VALIDITY_DAYS
                .changes_after(date(2027, 3, 15))
                .collect::<Vec<_>>(),
            [date(2029, 3, 15)]
        );
    }

    /// Compares the text between `begin` and `end` in `docs/COMPLIANCE.md` with `rendered`;
    /// with `ROOTLINE_BLESS_DOCS=1` set, writes `rendered` there instead.
    fn published_matches(begin: &str, end: &str, rendered: &str) {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/COMPLIANCE.md");
        let doc = std::fs::read_to_string(path).unwrap();
        let (head, after) = doc
            .split_once(begin)
            .unwrap_or_else(|| panic!("{path} has no {begin}"));
        let (inside, tail) = after
            .split_once(end)
            .unwrap_or_else(|| panic!("{path} has no {end}"));
        if std::env::var_os("ROOTLINE_BLESS_DOCS").is_some() {
            std::fs::write(path, format!("{head}{begin}\n{rendered}{end}{tail}")).unwrap();
            return;
        }
        assert_eq!(
            inside.trim_start_matches('\n'),
            rendered,
            "docs/COMPLIANCE.md differs from br_rules.rs between {begin} and {end}: run this \
             test with ROOTLINE_BLESS_DOCS=1 to rewrite it, and read the change"
        );
    }

    // One test for both tables, so blessing never has two writers of the file at once.
    #[test]
    fn docs_compliance_publishes_the_dated_rules_and_methods_of_the_code() {
        published_matches(RULES_BEGIN, RULES_END, &rules_markdown());
        published_matches(METHODS_BEGIN, METHODS_END, &methods_markdown());
    }
}
