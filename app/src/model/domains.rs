//! Domains of an account and how their control is shown (VAL-1): the wire types and the form
//! rules the domains page, the order wizard and the tracking page share.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{FieldErrors, dns_name};

/// The local parts a constructed e-mail may go to (TLS BR 3.2.2.4.4).
pub const CONSTRUCTED_MAILBOXES: [&str; 5] = [
    "admin",
    "administrator",
    "webmaster",
    "hostmaster",
    "postmaster",
];

/// A mailbox a constructed e-mail may go to (TLS BR 3.2.2.4.4): one of
/// `CONSTRUCTED_MAILBOXES`, as a value so `DcvMethod` stays `Copy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mailbox {
    Admin,
    Administrator,
    Webmaster,
    Hostmaster,
    Postmaster,
}

impl Mailbox {
    pub const ALL: [Mailbox; 5] = [
        Self::Admin,
        Self::Administrator,
        Self::Webmaster,
        Self::Hostmaster,
        Self::Postmaster,
    ];

    /// The local part, as in `CONSTRUCTED_MAILBOXES`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Administrator => "administrator",
            Self::Webmaster => "webmaster",
            Self::Hostmaster => "hostmaster",
            Self::Postmaster => "postmaster",
        }
    }

    pub fn parse(local_part: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == local_part)
    }
}

impl std::fmt::Display for Mailbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How control of a domain is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DcvMethod {
    /// A TXT record at the domain holding the random value (BR 3.2.2.4.7).
    DnsTxt,
    /// A file at `/.well-known/pki-validation/` holding the random value (BR 3.2.2.4.18).
    HttpFile,
    /// A random value e-mailed to `<mailbox>@<domain>` (BR 3.2.2.4.4).
    ConstructedEmail { mailbox: Mailbox },
    /// A TXT record that stays at `_validation-persist.<domain>`, naming this CA and the
    /// account (BR 3.2.2.4.22, ACME's dns-persist-01); with `wildcard` its
    /// `policy=wildcard` shows control of the sub-domains too.
    DnsPersist { wildcard: bool },
    /// A random value e-mailed to the addresses of the domain's CAA `contactemail`
    /// properties (BR 3.2.2.4.13); offered only where the operator enables it.
    CaaContactEmail,
    /// A random value e-mailed to the addresses in the TXT records at
    /// `_validation-contactemail.<domain>` (BR 3.2.2.4.14); offered only where the operator
    /// enables it.
    TxtContactEmail,
}

impl DcvMethod {
    /// The stored and form value: `dns_txt`, `http_file`, `email:admin`, `dns_persist`,
    /// `dns_persist:wildcard`, `caa_contact_email`, `txt_contact_email`.
    pub fn code(&self) -> String {
        match self {
            Self::DnsTxt => "dns_txt".into(),
            Self::HttpFile => "http_file".into(),
            Self::ConstructedEmail { mailbox } => format!("email:{mailbox}"),
            Self::DnsPersist { wildcard: false } => "dns_persist".into(),
            Self::DnsPersist { wildcard: true } => "dns_persist:wildcard".into(),
            Self::CaaContactEmail => "caa_contact_email".into(),
            Self::TxtContactEmail => "txt_contact_email".into(),
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "dns_txt" => Some(Self::DnsTxt),
            "http_file" => Some(Self::HttpFile),
            "dns_persist" => Some(Self::DnsPersist { wildcard: false }),
            "dns_persist:wildcard" => Some(Self::DnsPersist { wildcard: true }),
            "caa_contact_email" => Some(Self::CaaContactEmail),
            "txt_contact_email" => Some(Self::TxtContactEmail),
            _ => code
                .strip_prefix("email:")
                .and_then(Mailbox::parse)
                .map(|mailbox| Self::ConstructedEmail { mailbox }),
        }
    }

    pub fn label(&self) -> String {
        match self {
            Self::DnsTxt => "DNS TXT record".into(),
            Self::HttpFile => "HTTP file".into(),
            Self::ConstructedEmail { mailbox } => format!("E-mail to {mailbox}@"),
            Self::DnsPersist { wildcard: false } => "Persistent DNS record".into(),
            Self::DnsPersist { wildcard: true } => {
                "Persistent DNS record, sub-domains included".into()
            }
            Self::CaaContactEmail => "E-mail to the CAA contact".into(),
            Self::TxtContactEmail => "E-mail to the DNS TXT contact".into(),
        }
    }

    /// The method's name in the reader's language.
    pub fn name_msg(&self) -> Msg {
        match self {
            Self::DnsTxt => Msg::new("dcv-method-dns-txt"),
            Self::HttpFile => Msg::new("dcv-method-http-file"),
            Self::ConstructedEmail { mailbox } => {
                Msg::new("dcv-method-constructed-email").arg("mailbox", mailbox.as_str())
            }
            Self::DnsPersist { wildcard: false } => Msg::new("dcv-method-dns-persist"),
            Self::DnsPersist { wildcard: true } => Msg::new("dcv-method-dns-persist-wildcard"),
            Self::CaaContactEmail => Msg::new("dcv-method-caa-contact-email"),
            Self::TxtContactEmail => Msg::new("dcv-method-txt-contact-email"),
        }
    }

    /// Every method Rootline performs, in the order a user sees them; which of them a page
    /// offers depends on the day and the operator (`DomainsPage::methods`).
    pub fn choices() -> Vec<DcvMethod> {
        let mut all = vec![
            Self::DnsTxt,
            Self::DnsPersist { wildcard: false },
            Self::DnsPersist { wildcard: true },
            Self::HttpFile,
        ];
        all.extend(
            Mailbox::ALL
                .into_iter()
                .map(|mailbox| Self::ConstructedEmail { mailbox }),
        );
        all.extend([Self::CaaContactEmail, Self::TxtContactEmail]);
        all
    }

    /// Whether a success also shows control of the domain's sub-domains. The HTTP file shows
    /// control of the exact name only (BR 3.2.2.4.18), so it cannot cover a wildcard either;
    /// a persistent record does only with `policy=wildcard` (draft-ietf-acme-dns-persist
    /// section 5).
    pub fn covers_sub_domains(self) -> bool {
        match self {
            Self::HttpFile => false,
            Self::DnsPersist { wildcard } => wildcard,
            Self::DnsTxt
            | Self::ConstructedEmail { .. }
            | Self::CaaContactEmail
            | Self::TxtContactEmail => true,
        }
    }

    /// Whether the check is an e-mail whose link confirms control (BR 3.2.2.4.4, .13, .14).
    pub fn is_email(self) -> bool {
        matches!(
            self,
            Self::ConstructedEmail { .. } | Self::CaaContactEmail | Self::TxtContactEmail
        )
    }

    /// Whether the addresses are looked up in the domain's DNS (BR 3.2.2.4.13, .14), the
    /// methods an operator must enable.
    pub fn is_dns_contact(self) -> bool {
        matches!(self, Self::CaaContactEmail | Self::TxtContactEmail)
    }
}

/// Whether control of a domain was shown, as the domains table keeps it (`pending`,
/// `verified`); `DomainStatus` adds `Expired` from the evidence's expiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DcvStatus {
    Pending,
    Verified,
}

impl DcvStatus {
    pub const ALL: [DcvStatus; 2] = [Self::Pending, Self::Verified];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Verified => "verified",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A domain's standing, as the domains page lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DomainStatus {
    Pending,
    Verified,
    Expired,
}

impl DomainStatus {
    /// The catalogue key of its word in the user's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::Pending => "domain-status-pending",
            Self::Verified => "domain-status-verified",
            Self::Expired => "domain-status-expired",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pending => "Pending",
            Self::Verified => "Verified",
            Self::Expired => "Expired",
        }
    }
}

/// One domain with what a user needs to prove control of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainView {
    pub id: i32,
    pub name: String,
    pub status: DomainStatus,
    pub method: DcvMethod,
    /// The random value to publish (DNS, HTTP) — never shown for e-mail, which must reach
    /// the mailbox.
    pub value: Option<String>,
    /// Where to publish it: the TXT record's name, or the file's URL.
    pub location: Option<String>,
    /// RFC 3339: when the validation stops counting for new certificates.
    pub dcv_expires_at: Option<super::Stamp>,
    pub verified_at: Option<super::Stamp>,
    /// The rule the validation followed, e.g. "TLS BR 3.2.2.4.7 (DNS change)".
    pub rule: Option<String>,
    pub added_at: super::Stamp,
    /// What the last check found, when it failed.
    pub last_error: Option<String>,
    /// The newest check of this domain that remote perspectives repeated (TLS BR 3.2.2.9).
    #[serde(default)]
    pub corroboration: Option<super::corroboration::CorroborationView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainsPage {
    pub domains: Vec<DomainView>,
    pub can_manage: bool,
    /// The list shows only the domains to validate (`?needs=validation`).
    pub only_to_validate: bool,
    /// The methods that may be chosen today: the e-mail methods not once the BRs refuse
    /// them, the DNS contact ones only where the operator enables them.
    #[serde(default)]
    pub methods: Vec<DcvMethod>,
    /// An e-mail method is offered although the BRs say it SHOULD NOT be used (from
    /// 2026-03-15): the page says so beside the choice.
    #[serde(default)]
    pub email_discouraged: Option<EmailSunset>,
    /// What the account's persistent DNS records name (BR 3.2.2.4.22).
    #[serde(default)]
    pub persist: Option<PersistHelp>,
}

/// The days of the e-mail methods' sunset, as the warning beside them says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailSunset {
    /// Since when they SHOULD NOT be used.
    pub discouraged_from: super::Day,
    /// From when they are refused.
    pub refused_from: super::Day,
}

/// The values of an account's persistent DNS record (BR 3.2.2.4.22): this CA's issuer
/// domain name and the URI that names the account, which the record must hold exactly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersistHelp {
    pub issuer_domain_name: String,
    pub account_uri: String,
}

/// What Verify Now (or "Send the e-mail") found, in words: a failed check is shown as an
/// error, the others as a success.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CheckResult {
    /// Control was shown.
    Verified(Msg),
    /// The check failed, and why.
    NotYet(Msg),
    /// The validation e-mail went out.
    EmailSent(Msg),
}

impl CheckResult {
    pub fn failed(&self) -> bool {
        matches!(self, Self::NotYet(_))
    }

    pub fn message(&self) -> &Msg {
        match self {
            Self::Verified(m) | Self::NotYet(m) | Self::EmailSent(m) => m,
        }
    }
}

/// The domains page's path.
pub const DOMAINS_PATH: &str = "/domains";

/// Where a check's outcome waits for the domains page after a plain form post.
pub const CHECK_RESULT_FIELD: &str = "check_result";

/// The domains page, filtered as `needs` asks when it names a filter the page knows.
pub fn domains_page(needs: Option<&str>) -> String {
    match needs.and_then(|n| DomainNeed::from_query(n).ok().flatten()) {
        Some(need) => format!("{DOMAINS_PATH}?needs={}", need.code()),
        None => DOMAINS_PATH.to_owned(),
    }
}

/// The domains list's filter: `?needs=validation` lists the domains not validated (pending)
/// or whose validation expired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DomainNeed {
    Validation,
}

impl DomainNeed {
    pub fn code(self) -> &'static str {
        match self {
            Self::Validation => "validation",
        }
    }

    /// The query parameter's value: empty is no filter.
    pub fn from_query(raw: &str) -> Result<Option<Self>, FieldErrors> {
        match raw.trim() {
            "" => Ok(None),
            v if v == Self::Validation.code() => Ok(Some(Self::Validation)),
            _ => Err(FieldErrors::single(
                "needs",
                Msg::new("err-only-needs-validation-known"),
            )),
        }
    }

    /// Whether a domain in `status` is one this filter lists.
    pub fn includes(self, status: DomainStatus) -> bool {
        match self {
            Self::Validation => status != DomainStatus::Verified,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddDomainForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub method: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidDomain {
    pub name: String,
    pub method: DcvMethod,
}

impl AddDomainForm {
    pub fn validate(&self) -> Result<ValidDomain, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.check("name", dns_name::parse_public(&self.name, false));
        let method = errors.check("method", parse_method(&self.method));
        match (name, method) {
            (Some(name), Some(method)) if errors.is_empty() => Ok(ValidDomain { name, method }),
            _ => Err(errors),
        }
    }
}

/// A method a user chose; an empty choice means DNS TXT, the method that covers sub-domains.
pub fn parse_method(raw: &str) -> Result<DcvMethod, Msg> {
    if raw.trim().is_empty() {
        return Ok(DcvMethod::DnsTxt);
    }
    DcvMethod::parse(raw.trim()).ok_or_else(|| Msg::new("err-choose-validation-method-list"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn method_codes_round_trip_and_unknown_mailboxes_are_refused() {
        for m in DcvMethod::choices() {
            assert_eq!(DcvMethod::parse(&m.code()), Some(m));
        }
        assert_eq!(DcvMethod::parse("email:root"), None);
        for m in Mailbox::ALL {
            assert!(CONSTRUCTED_MAILBOXES.contains(&m.as_str()));
        }
        for s in DcvStatus::ALL {
            assert_eq!(DcvStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(DcvMethod::parse("whois"), None);
        assert_eq!(DcvMethod::parse("email:caa_contact_email"), None);
        assert!(DcvMethod::choices().iter().all(|m| m.code().len() <= 32));
    }

    #[test]
    fn a_persistent_record_covers_sub_domains_only_with_policy_wildcard() {
        assert!(!DcvMethod::DnsPersist { wildcard: false }.covers_sub_domains());
        assert!(DcvMethod::DnsPersist { wildcard: true }.covers_sub_domains());
        assert!(DcvMethod::CaaContactEmail.covers_sub_domains());
        assert!(DcvMethod::TxtContactEmail.is_email());
        assert!(!DcvMethod::DnsPersist { wildcard: true }.is_email());
        assert!(DcvMethod::CaaContactEmail.is_dns_contact());
        assert!(
            !DcvMethod::ConstructedEmail {
                mailbox: Mailbox::Admin
            }
            .is_dns_contact()
        );
    }

    #[test]
    fn the_add_form_takes_a_public_name_and_a_known_method() {
        let ok = AddDomainForm {
            name: "Example.COM".into(),
            method: "email:hostmaster".into(),
        }
        .validate();
        assert_eq!(
            ok,
            Ok(ValidDomain {
                name: "example.com".into(),
                method: DcvMethod::ConstructedEmail {
                    mailbox: Mailbox::Hostmaster
                }
            })
        );
        let bad = AddDomainForm {
            name: "intranet.local".into(),
            method: "ftp".into(),
        }
        .validate();
        let errors = bad.err().unwrap_or_default();
        assert!(errors.get("name").is_some());
        assert!(errors.get("method").is_some());
    }

    #[test]
    fn only_the_http_file_is_limited_to_the_exact_name() {
        assert!(DcvMethod::DnsTxt.covers_sub_domains());
        assert!(!DcvMethod::HttpFile.covers_sub_domains());
        assert!(
            DcvMethod::ConstructedEmail {
                mailbox: Mailbox::Admin
            }
            .covers_sub_domains()
        );
    }
}
