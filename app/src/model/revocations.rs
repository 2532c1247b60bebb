//! Mass revocation (TLS BR 4.9.1.1, ballot SC-089): the operator's search for certificates
//! across every account, the form that revokes a selection of them with one reason, and the
//! batch's progress as its page shows it. The search and the form are checked here, once, for
//! the page and the server alike.

use serde::{Deserialize, Serialize};

use super::{
    CertificateId, Day, FieldErrors, Moment, ProductId, acme::AcmeProfile,
    certificate_status::CertificateState, field_errors::calendar_date, ids::RevocationBatchId,
    order_form_post::FormToken,
};
use crate::i18n::Msg;

/// Certificates per page of the search.
pub const SEARCH_PAGE_SIZE: u64 = 50;
/// Items per page of a batch's page.
pub const BATCH_PAGE_SIZE: u64 = 50;
/// The most certificates one batch takes: a larger incident is several batches (each
/// narrowed by issuing CA, date or serial range), so no single post holds the database for
/// long.
pub const MAX_BATCH: u64 = 50_000;

/// The reasons a CA gives when it revokes on its own initiative (TLS BR 7.2.2), with the
/// catalogue keys of the reason's name and of when it applies. `unspecified` is for a
/// subscriber who gives none; a CA always knows why it revokes.
pub const MASS_REVOCATION_REASONS: [(&str, &str, &str); 5] = [
    (
        "keyCompromise",
        "revocation-reason-key-compromise",
        "revocations-hint-key-compromise",
    ),
    (
        "superseded",
        "revocation-reason-superseded",
        "revocations-hint-superseded",
    ),
    (
        "cessationOfOperation",
        "revocation-reason-cessation-of-operation",
        "revocations-hint-cessation-of-operation",
    ),
    (
        "affiliationChanged",
        "revocation-reason-affiliation-changed",
        "revocations-hint-affiliation-changed",
    ),
    (
        "privilegeWithdrawn",
        "revocation-reason-privilege-withdrawn",
        "revocations-hint-privilege-withdrawn",
    ),
];

/// The longest comment a batch keeps.
const MAX_COMMENT: usize = 1_000;

/// Which certificates a search shows by their state now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum StateFilter {
    /// Issued, not revoked, not expired: the ones a revocation can still act on.
    #[default]
    Valid,
    Revoked,
    Expired,
    Any,
}

impl StateFilter {
    pub const ALL: [Self; 4] = [Self::Valid, Self::Revoked, Self::Expired, Self::Any];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Valid => "valid",
            Self::Revoked => "revoked",
            Self::Expired => "expired",
            Self::Any => "any",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The catalogue key of its name in the filter.
    pub fn key(self) -> &'static str {
        match self {
            Self::Valid => "revocations-state-valid",
            Self::Revoked => "revocations-state-revoked",
            Self::Expired => "revocations-state-expired",
            Self::Any => "revocations-state-any",
        }
    }
}

/// The search as the page's GET form sends it: every field as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CertificateSearch {
    /// The issuing CA's id.
    pub ca: String,
    /// The lowest and highest serial, in hex.
    pub serial_from: String,
    pub serial_to: String,
    /// The SHA-256 of the certificate's SubjectPublicKeyInfo, in hex.
    pub key: String,
    /// A DNS name or mailbox in the certificate.
    pub name: String,
    /// `exact`, or `suffix`: the name and every name under it.
    pub name_match: String,
    /// The certificate profile (`tls-dv`, …).
    pub profile: String,
    /// The product's id.
    pub product: String,
    /// The ACME profile the order asked for (`classic`, `tlsserver`, `shortlived`).
    pub acme_profile: String,
    /// notBefore from and to, notAfter from and to: `YYYY-MM-DD`, inclusive.
    pub issued_from: String,
    pub issued_to: String,
    pub expires_from: String,
    pub expires_to: String,
    /// A [`StateFilter`] name; empty means valid.
    pub state: String,
    pub page: Option<u64>,
}

/// How a name is matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatch {
    /// The certificate names exactly this.
    Exact(String),
    /// The certificate names this or a name under it (`example.com` finds `www.example.com`).
    Suffix(String),
}

/// A search checked: each criterion typed; `None` does not narrow.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValidSearch {
    pub ca: Option<i32>,
    /// Serials as significant lower-case hex digits (no leading zeros; `0` for zero).
    pub serial_from: Option<String>,
    pub serial_to: Option<String>,
    /// 64 lower-case hex digits.
    pub key: Option<String>,
    pub name: Option<NameMatch>,
    pub profile: Option<String>,
    pub product: Option<ProductId>,
    pub acme_profile: Option<AcmeProfile>,
    pub issued_from: Option<Day>,
    pub issued_to: Option<Day>,
    pub expires_from: Option<Day>,
    pub expires_to: Option<Day>,
    pub state: StateFilter,
    pub page: u64,
}

impl ValidSearch {
    /// Whether anything but the state narrows the search: revoking "all matching" needs it,
    /// so an empty search can never revoke a whole CA's certificates.
    pub fn narrows(&self) -> bool {
        let Self {
            ca,
            serial_from,
            serial_to,
            key,
            name,
            profile,
            product,
            acme_profile,
            issued_from,
            issued_to,
            expires_from,
            expires_to,
            state: _,
            page: _,
        } = self;
        ca.is_some()
            || serial_from.is_some()
            || serial_to.is_some()
            || key.is_some()
            || name.is_some()
            || profile.is_some()
            || product.is_some()
            || acme_profile.is_some()
            || issued_from.is_some()
            || issued_to.is_some()
            || expires_from.is_some()
            || expires_to.is_some()
    }
}

fn optional(raw: &str) -> Option<&str> {
    let t = raw.trim();
    (!t.is_empty()).then_some(t)
}

/// Hex as people paste it (`0x`, colons, spaces, either case) as bare lower-case digits.
fn hex_digits(raw: &str) -> Option<String> {
    let text = raw.trim();
    let text = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    let digits: String = text
        .chars()
        .filter(|c| *c != ':' && !c.is_whitespace())
        .collect();
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| digits.to_ascii_lowercase())
}

/// A serial bound: at most 20 octets (RFC 5280 4.1.2.2), as its significant digits.
fn serial(field: &str, raw: &str, errors: &mut FieldErrors) -> Option<String> {
    let raw = optional(raw)?;
    match hex_digits(raw).filter(|d| d.len() <= 40) {
        Some(digits) => {
            let significant = digits.trim_start_matches('0');
            Some(if significant.is_empty() {
                "0".to_owned()
            } else {
                significant.to_owned()
            })
        }
        None => {
            errors.add(field, Msg::new("err-revocations-serial-hex"));
            None
        }
    }
}

/// Compares two serials given as significant digits, as the numbers they are.
fn serial_le(a: &str, b: &str) -> bool {
    (a.len(), a) <= (b.len(), b)
}

fn day(field: &str, raw: &str, errors: &mut FieldErrors) -> Option<Day> {
    let (y, m, d) = calendar_date(field, raw, errors)?;
    Day::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// The characters of DNS names, wildcards and mailboxes: anything else finds nothing and
/// would only be a pattern character in the database's hands.
fn name_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '*' | '_' | '@' | '+')
}

impl CertificateSearch {
    pub fn validate(&self) -> Result<ValidSearch, FieldErrors> {
        let mut errors = FieldErrors::default();
        let ca = optional(&self.ca).and_then(|v| match v.parse::<i32>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("ca", Msg::new("err-revocations-choose-ca"));
                None
            }
        });
        let serial_from = serial("serial_from", &self.serial_from, &mut errors);
        let serial_to = serial("serial_to", &self.serial_to, &mut errors);
        if let (Some(f), Some(t)) = (&serial_from, &serial_to)
            && !serial_le(f, t)
        {
            errors.add("serial_to", Msg::new("err-revocations-serial-range"));
        }
        let key = optional(&self.key).and_then(|raw| {
            let digits = hex_digits(raw).filter(|d| d.len() == 64);
            if digits.is_none() {
                errors.add("key", Msg::new("err-revocations-key-hex"));
            }
            digits
        });
        let suffix = match optional(&self.name_match) {
            None | Some("exact") => false,
            Some("suffix") => true,
            Some(_) => {
                errors.add("name_match", Msg::new("err-revocations-name-match"));
                false
            }
        };
        let name = optional(&self.name).and_then(|raw| {
            let name = super::dns_name::normalize(raw);
            // "*.example.com" and ".example.com" as a suffix mean what "example.com" does.
            let name = if suffix {
                name.trim_start_matches("*.")
                    .trim_start_matches('.')
                    .to_owned()
            } else {
                name
            };
            if name.is_empty() || name.len() > 253 || !name.chars().all(name_char) {
                errors.add("name", Msg::new("err-revocations-name"));
                return None;
            }
            Some(if suffix {
                NameMatch::Suffix(name)
            } else {
                NameMatch::Exact(name)
            })
        });
        let profile = optional(&self.profile).and_then(|p| {
            let ok = p.len() <= 64
                && p.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !ok {
                errors.add("profile", Msg::new("err-revocations-choose-profile"));
            }
            ok.then(|| p.to_owned())
        });
        let product = optional(&self.product).and_then(|v| match v.parse() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("product", Msg::new("err-revocations-choose-product"));
                None
            }
        });
        let acme_profile = optional(&self.acme_profile).and_then(|v| {
            let p = AcmeProfile::parse(v);
            if p.is_none() {
                errors.add(
                    "acme_profile",
                    Msg::new("err-revocations-choose-acme-profile"),
                );
            }
            p
        });
        let issued_from = day("issued_from", &self.issued_from, &mut errors);
        let issued_to = day("issued_to", &self.issued_to, &mut errors);
        if let (Some(f), Some(t)) = (issued_from, issued_to)
            && f > t
        {
            errors.add("issued_to", Msg::new("err-end-date-before-start-date"));
        }
        let expires_from = day("expires_from", &self.expires_from, &mut errors);
        let expires_to = day("expires_to", &self.expires_to, &mut errors);
        if let (Some(f), Some(t)) = (expires_from, expires_to)
            && f > t
        {
            errors.add("expires_to", Msg::new("err-end-date-before-start-date"));
        }
        let state = match optional(&self.state) {
            None => StateFilter::Valid,
            Some(s) => StateFilter::parse(s).unwrap_or_else(|| {
                errors.add("state", Msg::new("err-choose-status-list"));
                StateFilter::Valid
            }),
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidSearch {
            ca,
            serial_from,
            serial_to,
            key,
            name,
            profile,
            product,
            acme_profile,
            issued_from,
            issued_to,
            expires_from,
            expires_to,
            state,
            page: self.page.unwrap_or(1).max(1),
        })
    }

    /// The search's fields as (name, value) pairs, for links and hidden fields; the page is
    /// left out.
    pub fn fields(&self) -> [(&'static str, &str); 14] {
        [
            ("ca", self.ca.as_str()),
            ("serial_from", self.serial_from.as_str()),
            ("serial_to", self.serial_to.as_str()),
            ("key", self.key.as_str()),
            ("name", self.name.as_str()),
            ("name_match", self.name_match.as_str()),
            ("profile", self.profile.as_str()),
            ("product", self.product.as_str()),
            ("acme_profile", self.acme_profile.as_str()),
            ("issued_from", self.issued_from.as_str()),
            ("issued_to", self.issued_to.as_str()),
            ("expires_from", self.expires_from.as_str()),
            ("expires_to", self.expires_to.as_str()),
            ("state", self.state.as_str()),
        ]
    }
}

/// One certificate the search found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundCertificate {
    pub id: CertificateId,
    pub serial: String,
    /// The issuing CA's name.
    pub ca: String,
    pub profile: String,
    pub names: Vec<String>,
    pub not_before: Day,
    pub not_after: Day,
    pub state: CertificateState,
    /// The RFC 5280 name, once revoked.
    pub revocation_reason: Option<String>,
    /// The subscriber's account and order; `None` for a certificate issued from the command
    /// line.
    pub account: Option<String>,
    pub order: Option<i32>,
    pub product: Option<String>,
}

/// A choice of a select: its value and what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// A batch as the search page lists the recent ones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchSummary {
    pub id: RevocationBatchId,
    pub created: Moment,
    pub operator: String,
    /// The RFC 5280 name.
    pub reason: String,
    pub total: u64,
    pub finished: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevocationSearchPage {
    pub certificates: Vec<FoundCertificate>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
    /// How many of all the matching certificates are still valid: what "all matching"
    /// revokes.
    pub revocable: u64,
    /// Whether the search narrows (see [`ValidSearch::narrows`]): "all matching" is offered
    /// only then.
    pub narrowed: bool,
    /// The revocation form's one-use token: a retried post finds the batch it made.
    pub form_token: String,
    pub cas: Vec<Choice>,
    pub profiles: Vec<Choice>,
    pub products: Vec<Choice>,
    pub recent: Vec<BatchSummary>,
}

/// The revocation form: which certificates, why, and the operator's confirmation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MassRevokeForm {
    pub form_token: String,
    /// `selected`: the ticked certificates; `all`: every valid certificate the search finds.
    pub scope: String,
    /// The ticked certificates' ids, posted as `certificates[<i>]`.
    pub certificates: Vec<String>,
    pub reason: String,
    pub comment: String,
    /// How many certificates the operator typed they are revoking: the server revokes only
    /// if that is how many the selection holds.
    pub confirm: String,
    /// The search "all" stands for, posted as `search[<field>]`.
    pub search: CertificateSearch,
}

/// Which certificates a revocation takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Certificates(Vec<CertificateId>),
    AllMatching(ValidSearch),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMassRevoke {
    pub form_token: FormToken,
    pub selection: Selection,
    /// One of [`MASS_REVOCATION_REASONS`]' names.
    pub reason: &'static str,
    pub comment: String,
    pub confirm: u64,
}

impl MassRevokeForm {
    pub fn validate(&self) -> Result<ValidMassRevoke, FieldErrors> {
        let mut errors = FieldErrors::default();
        let form_token = match FormToken::parse(self.form_token.trim()) {
            Ok(t) => Some(t),
            Err(m) => {
                errors.add("form_token", m);
                None
            }
        };
        let selection = match self.scope.as_str() {
            "all" => match self.search.validate() {
                Ok(search) if search.narrows() => Some(Selection::AllMatching(search)),
                Ok(_) => {
                    errors.add("scope", Msg::new("err-revocations-all-needs-search"));
                    None
                }
                Err(_) => {
                    errors.add("scope", Msg::new("err-revocations-search-changed"));
                    None
                }
            },
            "selected" | "" => {
                let mut ids = Vec::with_capacity(self.certificates.len());
                for raw in &self.certificates {
                    match raw.parse::<CertificateId>() {
                        Ok(id) if !ids.contains(&id) => ids.push(id),
                        Ok(_) => {}
                        Err(_) => errors.add(
                            "certificates",
                            Msg::new("err-revocations-choose-certificates"),
                        ),
                    }
                }
                if ids.is_empty() && errors.get("certificates").is_none() {
                    errors.add(
                        "certificates",
                        Msg::new("err-revocations-choose-certificates"),
                    );
                }
                Some(Selection::Certificates(ids))
            }
            _ => {
                errors.add("scope", Msg::new("err-revocations-choose-scope"));
                None
            }
        };
        let reason = MASS_REVOCATION_REASONS
            .iter()
            .find(|(code, _, _)| *code == self.reason)
            .map(|(code, _, _)| *code);
        if reason.is_none() {
            errors.add("reason", Msg::new("err-revocations-choose-reason"));
        }
        let comment = self.comment.trim().to_owned();
        if comment.is_empty() {
            errors.add("comment", Msg::new("err-revocations-comment"));
        } else if comment.chars().count() > MAX_COMMENT {
            errors.add("comment", Msg::new("err-remarks-have-most-1000-characters"));
        } else if comment
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r')
        {
            errors.add("comment", Msg::new("err-reason-must-not-contain-control"));
        }
        let confirm = self.confirm.trim().parse::<u64>().ok();
        if confirm.is_none() {
            errors.add("confirm", Msg::new("err-revocations-confirm-count"));
        }
        match (form_token, selection, reason, confirm) {
            (Some(form_token), Some(selection), Some(reason), Some(confirm))
                if errors.is_empty() =>
            {
                Ok(ValidMassRevoke {
                    form_token,
                    selection,
                    reason,
                    comment,
                    confirm,
                })
            }
            _ => Err(errors),
        }
    }
}

/// What became of one certificate of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum BatchOutcome {
    /// Waiting for the runner.
    Pending,
    /// The runner has it now (or had it when the process stopped: it is taken up again).
    Revoking,
    Revoked,
    /// Someone else had revoked it first: nothing to do, and no mail from this batch.
    AlreadyRevoked,
    /// Cannot be revoked (the certificate is gone); a fault of the CA's keys or database is
    /// not a failure but a retry.
    Failed,
}

impl BatchOutcome {
    pub const ALL: [Self; 5] = [
        Self::Pending,
        Self::Revoking,
        Self::Revoked,
        Self::AlreadyRevoked,
        Self::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Revoking => "revoking",
            Self::Revoked => "revoked",
            Self::AlreadyRevoked => "already_revoked",
            Self::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    pub fn key(self) -> &'static str {
        match self {
            Self::Pending => "revocations-outcome-pending",
            Self::Revoking => "revocations-outcome-revoking",
            Self::Revoked => "revocations-outcome-revoked",
            Self::AlreadyRevoked => "revocations-outcome-already-revoked",
            Self::Failed => "revocations-outcome-failed",
        }
    }

    /// Whether the runner is done with it.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Revoked | Self::AlreadyRevoked | Self::Failed)
    }
}

/// One certificate of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchItemView {
    pub certificate: CertificateId,
    pub serial: String,
    pub names: Vec<String>,
    pub account: Option<String>,
    pub order: Option<i32>,
    pub outcome: BatchOutcome,
    /// The incident id of the last fault, for the server's log.
    pub incident: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchView {
    pub id: RevocationBatchId,
    pub operator: String,
    /// The RFC 5280 name.
    pub reason: String,
    pub comment: String,
    /// The search, in words.
    pub criteria: String,
    pub created: Moment,
    pub finished: Option<Moment>,
    pub total: u64,
    pub revoked: u64,
    pub already_revoked: u64,
    pub failed: u64,
    /// Pending or being revoked.
    pub waiting: u64,
    pub items: Vec<BatchItemView>,
    pub page: u64,
    pub pages: u64,
}

/// The catalogue key of a mass-revocation reason's name.
pub fn reason_key(code: &str) -> Option<&'static str> {
    MASS_REVOCATION_REASONS
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, key, _)| *key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn search(f: impl FnOnce(&mut CertificateSearch)) -> CertificateSearch {
        let mut s = CertificateSearch::default();
        f(&mut s);
        s
    }

    #[test]
    fn serials_read_as_hex_numbers_in_any_spelling_and_a_range_must_ascend() {
        let v = search(|s| {
            s.serial_from = "0x00:0A:ff".into();
            s.serial_to = " 1000 ".into();
        })
        .validate()
        .unwrap();
        assert_eq!(v.serial_from.as_deref(), Some("aff"));
        assert_eq!(v.serial_to.as_deref(), Some("1000"));
        assert!(v.narrows());
        let e = search(|s| {
            s.serial_from = "1000".into();
            s.serial_to = "fff".into();
        })
        .validate()
        .unwrap_err();
        assert!(e.get("serial_to").is_some());
        for bad in ["xyz", "0x", &"1".repeat(41)] {
            let e = search(|s| s.serial_from = bad.into())
                .validate()
                .unwrap_err();
            assert!(e.get("serial_from").is_some(), "{bad}");
        }
        let zero = search(|s| s.serial_to = "000".into()).validate().unwrap();
        assert_eq!(zero.serial_to.as_deref(), Some("0"));
    }

    #[test]
    fn a_key_is_64_hex_digits_and_a_name_is_exact_or_a_suffix() {
        let hash = "AB:".repeat(31) + "AB";
        let v = search(|s| {
            s.key = hash.clone();
            s.name = "*.Example.COM.".into();
            s.name_match = "suffix".into();
        })
        .validate()
        .unwrap();
        assert_eq!(v.key.as_deref(), Some("ab".repeat(32).as_str()));
        assert_eq!(v.name, Some(NameMatch::Suffix("example.com".into())));
        let exact = search(|s| s.name = "WWW.example.com".into())
            .validate()
            .unwrap();
        assert_eq!(exact.name, Some(NameMatch::Exact("www.example.com".into())));
        let e = search(|s| {
            s.key = "abcd".into();
            s.name = "50%_off".into();
            s.name_match = "like".into();
        })
        .validate()
        .unwrap_err();
        for field in ["key", "name", "name_match"] {
            assert!(e.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn dates_states_and_choices_are_checked_and_an_empty_search_does_not_narrow() {
        let empty = CertificateSearch::default().validate().unwrap();
        assert!(!empty.narrows());
        assert_eq!((empty.state, empty.page), (StateFilter::Valid, 1));
        let e = search(|s| {
            s.issued_from = "2026-12-09".into();
            s.issued_to = "2026-12-01".into();
            s.expires_from = "soon".into();
            s.state = "all".into();
            s.acme_profile = "longlived".into();
            s.product = "x".into();
            s.ca = "tls".into();
            s.profile = "TLS DV".into();
        })
        .validate()
        .unwrap_err();
        for field in [
            "issued_to",
            "expires_from",
            "state",
            "acme_profile",
            "product",
            "ca",
            "profile",
        ] {
            assert!(e.get(field).is_some(), "{field}");
        }
        let v = search(|s| {
            s.expires_to = "2027-01-31".into();
            s.state = "any".into();
            s.acme_profile = "shortlived".into();
        })
        .validate()
        .unwrap();
        assert_eq!(v.expires_to, Day::new(2027, 1, 31));
        assert_eq!(v.acme_profile, Some(AcmeProfile::ShortLived));
        assert_eq!(v.state, StateFilter::Any);
    }

    fn form(f: impl FnOnce(&mut MassRevokeForm)) -> MassRevokeForm {
        let mut form = MassRevokeForm {
            form_token: "A".repeat(43),
            scope: "selected".into(),
            certificates: vec!["3".into(), "5".into(), "3".into()],
            reason: "keyCompromise".into(),
            comment: " Debian weak keys ".into(),
            confirm: "2".into(),
            search: CertificateSearch::default(),
        };
        f(&mut form);
        form
    }

    #[test]
    fn a_revocation_takes_a_ca_reason_a_comment_a_count_and_ticked_certificates_once_each() {
        let v = form(|_| {}).validate().unwrap();
        assert_eq!(
            v.selection,
            Selection::Certificates(vec![CertificateId(3), CertificateId(5)])
        );
        assert_eq!(
            (v.reason, v.comment.as_str(), v.confirm),
            ("keyCompromise", "Debian weak keys", 2)
        );
        // A subscriber's "unspecified" and the reasons no subscriber certificate may carry.
        for reason in ["unspecified", "certificateHold", "cACompromise", ""] {
            let e = form(|f| f.reason = reason.into()).validate().unwrap_err();
            assert!(e.get("reason").is_some(), "{reason}");
        }
        let e = form(|f| {
            f.certificates.clear();
            f.comment = " ".into();
            f.confirm = "two".into();
            f.form_token = "short".into();
        })
        .validate()
        .unwrap_err();
        for field in ["certificates", "comment", "confirm", "form_token"] {
            assert!(e.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn all_matching_needs_a_search_that_narrows() {
        let e = form(|f| f.scope = "all".into()).validate().unwrap_err();
        assert!(e.get("scope").is_some());
        let v = form(|f| {
            f.scope = "all".into();
            f.search.name = "example.com".into();
            f.search.name_match = "suffix".into();
        })
        .validate()
        .unwrap();
        assert!(
            matches!(v.selection, Selection::AllMatching(s) if s.name == Some(NameMatch::Suffix("example.com".into())))
        );
        let e = form(|f| f.scope = "some".into()).validate().unwrap_err();
        assert!(e.get("scope").is_some());
    }

    #[test]
    fn outcomes_round_trip_and_only_three_are_final() {
        for o in BatchOutcome::ALL {
            assert_eq!(BatchOutcome::parse(o.as_str()), Some(o));
        }
        let finals: Vec<_> = BatchOutcome::ALL
            .into_iter()
            .filter(|o| o.is_final())
            .collect();
        assert_eq!(
            finals,
            [
                BatchOutcome::Revoked,
                BatchOutcome::AlreadyRevoked,
                BatchOutcome::Failed
            ]
        );
    }
}
