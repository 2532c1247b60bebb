//! What a user does to an order after placing it (ORD-8, ORD-10): revoke, reissue, renew,
//! edit, and the delegate's download. The forms and their checks, shared by the order page
//! and the server.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{FieldErrors, email::email_list};

/// Days before expiry from which an order may be renewed (the seeds' "60 days").
pub const RENEWAL_WINDOW_DAYS: i64 = 60;

/// Revocation reasons a subscriber may give (RFC 5280 5.3.1 codes; TLS BR 7.2.2 forbids the
/// others for subscriber certificates), with the catalogue key of the words the form shows.
pub const REVOCATION_REASONS: [(&str, &str); 6] = [
    ("unspecified", "revocation-reason-unspecified"),
    ("keyCompromise", "revocation-reason-key-compromise"),
    (
        "affiliationChanged",
        "revocation-reason-affiliation-changed",
    ),
    ("superseded", "revocation-reason-superseded"),
    (
        "cessationOfOperation",
        "revocation-reason-cessation-of-operation",
    ),
    (
        "privilegeWithdrawn",
        "revocation-reason-privilege-withdrawn",
    ),
];

/// The catalogue key of revocation reason `code` (an RFC 5280 name).
pub fn revocation_reason_key(code: &str) -> Option<&'static str> {
    REVOCATION_REASONS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, key)| *key)
}

/// The pre-defined reasons for a reissue.
pub const REISSUE_REASONS: [&str; 4] = [
    "Private key lost or compromised",
    "Server or key pair changed",
    "Certificate details changed",
    "Other",
];

/// The longest remarks an action takes.
const MAX_REMARKS: usize = 1000;

fn remarks(errors: &mut FieldErrors, raw: &str, required: bool) -> String {
    let text = raw.trim();
    if required && text.is_empty() {
        errors.add("remarks", Msg::new("err-enter-remarks-why-done"));
    } else if text.chars().count() > MAX_REMARKS {
        errors.add("remarks", Msg::new("err-remarks-have-most-1000-characters"));
    }
    text.to_owned()
}

fn pem_csr(errors: &mut FieldErrors, raw: &str) -> Option<String> {
    let csr = raw.trim();
    if csr.is_empty() {
        errors.add("csr_pem", Msg::new("err-provide-new-csr"));
        None
    } else if !csr.contains("-----BEGIN CERTIFICATE REQUEST-----") {
        errors.add(
            "csr_pem",
            Msg::new("err-not-pem-certificate-signing-request"),
        );
        None
    } else {
        Some(csr.to_owned())
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RevokeForm {
    #[serde(deserialize_with = "super::form_values::number")]
    pub order_id: i32,
    /// One of `REVOCATION_REASONS`' codes.
    pub reason: String,
    pub remarks: String,
    /// What the portal's confirm step had the user type: the certificate's main name, which a
    /// key-compromise revocation must repeat. `None` from the REST API, whose caller confirms
    /// by calling.
    pub confirm: Option<String>,
}

/// The reason whose revocation must be confirmed by typing the certificate's main name: it
/// also tells relying parties the key is not to be trusted for anything signed before.
pub const KEY_COMPROMISE: &str = "keyCompromise";

impl RevokeForm {
    /// Whether the typed confirmation holds for a certificate whose main name is `main_name`:
    /// only a key-compromise revocation from the portal asks for one.
    pub fn confirmed(&self, main_name: &str) -> bool {
        match &self.confirm {
            Some(typed) if self.reason == KEY_COMPROMISE => {
                typed.trim().eq_ignore_ascii_case(main_name.trim())
            }
            _ => true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRevoke {
    pub reason: &'static str,
    pub remarks: String,
}

impl RevokeForm {
    pub fn validate(&self) -> Result<ValidRevoke, FieldErrors> {
        let mut errors = FieldErrors::default();
        let reason = REVOCATION_REASONS
            .iter()
            .find(|(code, _)| *code == self.reason)
            .map(|(code, _)| *code);
        if reason.is_none() {
            errors.add("reason", Msg::new("err-choose-revocation-reason-list"));
        }
        let remarks = remarks(&mut errors, &self.remarks, true);
        match reason {
            Some(reason) if errors.is_empty() => Ok(ValidRevoke { reason, remarks }),
            _ => Err(errors),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReissueForm {
    #[serde(deserialize_with = "super::form_values::number")]
    pub order_id: i32,
    /// One of `REISSUE_REASONS`.
    pub reason: String,
    pub remarks: String,
    pub csr_pem: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReissue {
    pub reason: String,
    pub remarks: String,
    pub csr_pem: String,
}

impl ReissueForm {
    pub fn validate(&self) -> Result<ValidReissue, FieldErrors> {
        let mut errors = FieldErrors::default();
        let reason = REISSUE_REASONS.iter().find(|r| **r == self.reason.trim());
        if reason.is_none() {
            errors.add("reason", Msg::new("err-choose-reissue-reason-list"));
        }
        let remarks = remarks(&mut errors, &self.remarks, false);
        let csr_pem = pem_csr(&mut errors, &self.csr_pem);
        match (reason, csr_pem) {
            (Some(reason), Some(csr_pem)) if errors.is_empty() => Ok(ValidReissue {
                reason: (*reason).to_owned(),
                remarks,
                csr_pem,
            }),
            _ => Err(errors),
        }
    }
}

/// Adding and removing names of a UCC certificate: the whole new list and a CSR for exactly
/// those names. Added names are paid at the product's price per extra domain; removed names
/// are not refunded.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ChangeNamesForm {
    #[serde(deserialize_with = "super::form_values::number")]
    pub order_id: i32,
    /// One of `REISSUE_REASONS`: a names change reissues the certificate.
    pub reason: String,
    /// One per line (commas and spaces also separate), the first is the main one.
    pub names: String,
    pub csr_pem: String,
    pub remarks: String,
}

/// A names change as every edge asks for it: the whole new list, the main name first. The
/// portal's form splits its text field into this; REST builds it from its JSON list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeNames {
    pub order_id: i32,
    /// One of `REISSUE_REASONS`.
    pub reason: String,
    pub names: Vec<String>,
    pub csr_pem: String,
    pub remarks: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidChangeNames {
    pub reason: String,
    pub names: Vec<String>,
    pub csr_pem: String,
    pub remarks: String,
}

impl ChangeNamesForm {
    /// The command the form asks for: its names field split at line breaks, commas and spaces.
    pub fn to_command(&self) -> ChangeNames {
        ChangeNames {
            order_id: self.order_id,
            reason: self.reason.clone(),
            names: self
                .names
                .split(['\n', ',', ' '])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect(),
            csr_pem: self.csr_pem.clone(),
            remarks: self.remarks.clone(),
        }
    }

    /// `max_names` is the product's limit; names are public DNS names without wildcards.
    pub fn validate(&self, max_names: u32) -> Result<ValidChangeNames, FieldErrors> {
        self.to_command().validate(max_names)
    }
}

impl ChangeNames {
    /// `max_names` is the product's limit; names are public DNS names without wildcards.
    pub fn validate(&self, max_names: u32) -> Result<ValidChangeNames, FieldErrors> {
        let mut errors = FieldErrors::default();
        let reason = REISSUE_REASONS.iter().find(|r| **r == self.reason.trim());
        if reason.is_none() {
            errors.add("reason", Msg::new("err-choose-reason-change-list"));
        }
        let mut names: Vec<String> = Vec::new();
        for raw in self.names.iter().filter(|p| !p.trim().is_empty()) {
            match super::dns_name::parse_public(raw, false) {
                Ok(name) if !names.contains(&name) => names.push(name),
                Ok(_) => {}
                Err(e) => {
                    errors.add("names", e);
                    break;
                }
            }
        }
        if errors.get("names").is_none() {
            if names.is_empty() {
                errors.add("names", Msg::new("err-enter-names-certificate-keeps-adds"));
            } else if names.len() > max_names as usize {
                errors.add(
                    "names",
                    Msg::new("err-product-certifies-most-max-names").arg("max_names", max_names),
                );
            }
        }
        let csr_pem = pem_csr(&mut errors, &self.csr_pem);
        let remarks = remarks(&mut errors, &self.remarks, false);
        match (reason, csr_pem) {
            (Some(reason), Some(csr_pem)) if errors.is_empty() => Ok(ValidChangeNames {
                reason: (*reason).to_owned(),
                names,
                csr_pem,
                remarks,
            }),
            _ => Err(errors),
        }
    }
}

/// Renewing: a new order for the same product, names and people, paid like any order. The
/// CSR may follow later.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RenewForm {
    #[serde(deserialize_with = "super::form_values::number")]
    pub order_id: i32,
    pub csr_pem: String,
    /// Save the renewal as a draft (On Hold) instead of paying now (a checkbox).
    #[serde(deserialize_with = "super::form_values::checkbox")]
    pub draft: bool,
}

impl RenewForm {
    /// The new CSR, if one was given.
    pub fn validate(&self) -> Result<Option<String>, FieldErrors> {
        if self.csr_pem.trim().is_empty() {
            return Ok(None);
        }
        let mut errors = FieldErrors::default();
        match pem_csr(&mut errors, &self.csr_pem) {
            Some(csr) => Ok(Some(csr)),
            None => Err(errors),
        }
    }
}

/// What may change on a placed order: the seeds' "edit custom fields, additional recipients,
/// auto-renew".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EditOrderForm {
    #[serde(deserialize_with = "super::form_values::number")]
    pub order_id: i32,
    pub tags: String,
    pub remarks: String,
    pub extra_emails: String,
    /// A checkbox.
    #[serde(deserialize_with = "super::form_values::checkbox")]
    pub auto_renew: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEdit {
    pub tags: Vec<String>,
    pub remarks: String,
    pub extra_emails: Vec<String>,
    pub auto_renew: bool,
}

impl EditOrderForm {
    pub fn validate(&self) -> Result<ValidEdit, FieldErrors> {
        let mut errors = FieldErrors::default();
        let tags = super::orders::tag_list(&self.tags);
        if let Err(e) = super::orders::check_tags(&tags) {
            errors.add("tags", e);
        }
        let remarks = remarks(&mut errors, &self.remarks, false);
        let extra_emails = errors.check("extra_emails", email_list(&self.extra_emails, 10));
        match extra_emails {
            Some(extra_emails) if errors.is_empty() => Ok(ValidEdit {
                tags,
                remarks,
                extra_emails,
                auto_renew: self.auto_renew,
            }),
            _ => Err(errors),
        }
    }
}

/// The delegate's download: the order number and the PIN from their e-mail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DelegateDownloadForm {
    pub order_id: String,
    pub pin: String,
    pub format: String,
}

/// Digits in a delegate PIN.
pub const PIN_DIGITS: usize = 8;

impl DelegateDownloadForm {
    /// The order number and PIN, or what is wrong with them. The same message for any
    /// malformed input, so the form does not help guessing.
    pub fn validate(&self) -> Result<(i32, String), FieldErrors> {
        let order = self.order_id.trim().trim_start_matches('#').parse::<i32>();
        let pin: String = self.pin.chars().filter(|c| !c.is_whitespace()).collect();
        let mut errors = FieldErrors::default();
        let order = match order {
            Ok(id) if id > 0 => Some(id),
            _ => {
                errors.add("order_id", Msg::new("err-enter-order-number-mail"));
                None
            }
        };
        if pin.len() != PIN_DIGITS || !pin.chars().all(|c| c.is_ascii_digit()) {
            errors.add("pin", Msg::new("err-enter-8-digit-pin-mail"));
        }
        match order {
            Some(id) if errors.is_empty() => Ok((id, pin)),
            _ => Err(errors),
        }
    }
}

/// The days renewal reminders go out on: before expiry positive, after it negative.
pub const DEFAULT_REMINDER_DAYS: [i32; 5] = [30, 7, 1, -1, -7];

/// Reminder days typed with commas ("30, 7, 1, -1, -7"): sorted, each once, from 365 days
/// before expiry to 90 after, at most ten.
pub fn reminder_days(raw: &str) -> Result<Vec<i32>, Msg> {
    let mut days = Vec::new();
    for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.parse::<i32>() {
            Ok(d) if (-90..=365).contains(&d) => days.push(d),
            _ => {
                return Err(Msg::new("err-part-not-day-365-before").arg("part", part));
            }
        }
    }
    days.sort_unstable();
    days.dedup();
    if days.is_empty() {
        return Err(Msg::new("err-enter-least-one-day-30"));
    }
    if days.len() > 10 {
        return Err(Msg::new("err-enter-most-ten-days"));
    }
    Ok(days)
}

/// The account's renewal reminder settings as the settings page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSettings {
    /// "30, 7, 1, -1, -7", longest before expiry first.
    pub days: String,
}

/// A credit note on the order page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditNoteView {
    pub id: i32,
    pub number: String,
    pub amount: super::money::Money,
    pub remarks: String,
    pub created_at: super::Stamp,
}

/// The number printed on a credit note.
pub fn credit_note_number(id: i32) -> String {
    format!("CN-{id:06}")
}

/// How an order came from another one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderLinkKind {
    Renewal,
    Reissue,
    /// A UCC certificate's names added or removed.
    Names,
}

impl OrderLinkKind {
    pub const ALL: [OrderLinkKind; 3] = [Self::Renewal, Self::Reissue, Self::Names];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Renewal => "renewal",
            Self::Reissue => "reissue",
            Self::Names => "names",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// An order linked to this one: where it came from, or what came from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkedOrder {
    pub order_id: i32,
    pub kind: OrderLinkKind,
    pub reason: String,
}

/// The issued certificate as the order page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateView {
    pub serial: String,
    pub not_before: super::Moment,
    pub not_after: super::Moment,
    pub state: super::certificate_status::CertificateState,
    pub revoked_at: Option<super::Moment>,
    pub revocation_reason: Option<String>,
    /// The first day the order may be renewed.
    pub renewable_from: super::Day,
    /// The leaf and its chain, PEM: the browser builds a PKCS#12 from it and the user's key.
    pub chain_pem: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSR: &str =
        "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----";

    #[test]
    fn a_names_change_takes_public_names_within_the_limit_and_a_csr() {
        let ok = ChangeNamesForm {
            order_id: 1,
            reason: "Certificate details changed".into(),
            names: "Shop.example.com\napi.example.com, shop.example.com".into(),
            csr_pem: CSR.into(),
            remarks: String::new(),
        };
        assert_eq!(
            ok.validate(3).unwrap().names,
            vec!["shop.example.com".to_owned(), "api.example.com".to_owned()],
            "canonical, in order, without repeats"
        );
        assert_eq!(
            ok.validate(1)
                .unwrap_err()
                .get("names")
                .map(ToString::to_string),
            Some("This product certifies at most 1 domains.".to_owned())
        );
        for names in ["", "*.example.com", "intranet", "10.0.0.1"] {
            let e = ChangeNamesForm {
                names: names.into(),
                ..ok.clone()
            }
            .validate(3)
            .unwrap_err();
            assert!(e.get("names").is_some(), "{names:?}");
        }
        let e = ChangeNamesForm {
            csr_pem: "not a csr".into(),
            reason: "Because".into(),
            ..ok
        }
        .validate(3)
        .unwrap_err();
        assert!(e.get("csr_pem").is_some() && e.get("reason").is_some());
    }

    #[test]
    fn the_form_splits_its_names_field_and_a_listed_name_is_never_split_again() {
        let form = ChangeNamesForm {
            order_id: 7,
            reason: "Certificate details changed".into(),
            names: " shop.example.com\r\napi.example.com, www.example.com  ".into(),
            csr_pem: CSR.into(),
            remarks: "r".into(),
        };
        let command = form.to_command();
        assert_eq!(command.order_id, 7);
        assert_eq!(
            command.names,
            ["shop.example.com", "api.example.com", "www.example.com"]
        );
        // REST sends a list: one entry is one name, so two names in one entry are refused
        // rather than read as two.
        let listed = ChangeNames {
            names: vec!["shop.example.com api.example.com".into()],
            ..command
        };
        assert!(listed.validate(3).unwrap_err().get("names").is_some());
    }

    #[test]
    fn revocation_takes_only_subscriber_reasons_and_needs_remarks() {
        let ok = RevokeForm {
            order_id: 1,
            reason: "keyCompromise".into(),
            remarks: "laptop stolen".into(),
            confirm: None,
        };
        assert_eq!(ok.validate().unwrap().reason, "keyCompromise");
        for reason in ["certificateHold", "cACompromise", "", "removeFromCRL"] {
            let e = RevokeForm {
                reason: reason.into(),
                ..ok.clone()
            }
            .validate()
            .unwrap_err();
            assert!(e.get("reason").is_some(), "{reason}");
        }
        let e = RevokeForm {
            remarks: "  ".into(),
            ..ok
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            e.get("remarks").map(Msg::key),
            Some("err-enter-remarks-why-done")
        );
    }

    #[test]
    fn a_key_compromise_revocation_from_the_portal_needs_the_main_name_typed() {
        let form = |reason: &str, confirm: Option<&str>| RevokeForm {
            order_id: 1,
            reason: reason.into(),
            remarks: "laptop stolen".into(),
            confirm: confirm.map(str::to_owned),
        };
        assert!(!form("keyCompromise", Some("")).confirmed("shop.example.com"));
        assert!(!form("keyCompromise", Some("example.com")).confirmed("shop.example.com"));
        assert!(form("keyCompromise", Some(" Shop.Example.com ")).confirmed("shop.example.com"));
        // Other reasons need no typing; the REST API confirms by calling.
        assert!(form("superseded", Some("")).confirmed("shop.example.com"));
        assert!(form("keyCompromise", None).confirmed("shop.example.com"));
    }

    #[test]
    fn reissue_needs_a_listed_reason_and_a_pem_csr() {
        let ok = ReissueForm {
            order_id: 1,
            reason: REISSUE_REASONS[1].into(),
            remarks: String::new(),
            csr_pem: CSR.into(),
        };
        assert!(ok.validate().is_ok());
        let e = ReissueForm {
            reason: "because".into(),
            csr_pem: "hello".into(),
            ..ok
        }
        .validate()
        .unwrap_err();
        assert!(e.get("reason").is_some());
        assert!(e.get("csr_pem").unwrap().to_string().contains("not a PEM"));
    }

    #[test]
    fn a_renewal_may_come_without_a_csr_but_not_with_a_bad_one() {
        let mut f = RenewForm::default();
        assert_eq!(f.validate(), Ok(None));
        f.csr_pem = "junk".into();
        assert!(f.validate().is_err());
        f.csr_pem = CSR.into();
        assert_eq!(f.validate(), Ok(Some(CSR.to_owned())));
    }

    #[test]
    fn edits_check_recipients_and_tags() {
        let e = EditOrderForm {
            extra_emails: "not-an-address".into(),
            tags: (0..11)
                .map(|i| format!("t{i}"))
                .collect::<Vec<_>>()
                .join(","),
            ..Default::default()
        }
        .validate()
        .unwrap_err();
        assert!(e.get("extra_emails").is_some());
        assert!(e.get("tags").is_some());
        let ok = EditOrderForm {
            extra_emails: "a@example.com, b@example.com".into(),
            tags: "web, prod".into(),
            auto_renew: true,
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(ok.extra_emails.len(), 2);
        assert_eq!(ok.tags, ["web", "prod"]);
    }

    #[test]
    fn a_delegate_form_needs_an_order_number_and_eight_digits() {
        let f = |o: &str, p: &str| DelegateDownloadForm {
            order_id: o.into(),
            pin: p.into(),
            format: "pem".into(),
        };
        assert_eq!(
            f("#12", "1234 5678").validate(),
            Ok((12, "12345678".into()))
        );
        assert!(f("12", "1234567").validate().is_err());
        assert!(f("12", "abcdefgh").validate().is_err());
        assert!(f("x", "12345678").validate().is_err());
        assert!(f("0", "12345678").validate().is_err());
    }

    #[test]
    fn reminder_days_are_sorted_bounded_and_explained() {
        assert_eq!(
            reminder_days("30, 7,1,-1 ,-7,7"),
            Ok(vec![-7, -1, 1, 7, 30])
        );
        assert!(
            reminder_days("400")
                .unwrap_err()
                .to_string()
                .contains("\"400\"")
        );
        assert!(reminder_days("soon").is_err());
        assert!(reminder_days(" , ").is_err());
        assert!(reminder_days("1,2,3,4,5,6,7,8,9,10,11").is_err());
    }

    #[test]
    fn credit_notes_are_numbered_with_six_digits() {
        assert_eq!(credit_note_number(42), "CN-000042");
    }
}
