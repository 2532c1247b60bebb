//! S/MIME mailbox-validated certificates (VAL-5) as the pages show and submit them: the order
//! (emSign's S/MIME ordering), the mailbox verification and the activation (Certum's steps,
//! with Certum's status words).

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{
    Email, FieldErrors,
    order_status::OrderStatus,
    orders::KeySource,
    products::Offer,
    text::{mobile, person_name},
};

/// How long a mailed verification value works (S/MIME BR 3.2.2: at most 24 hours).
pub const LINK_HOURS: i64 = 24;
/// How long a proof of control of a mailbox may be reused (S/MIME BR 3.2.2: 30 days).
pub const PROOF_REUSE_DAYS: i64 = 30;

/// The status of one activation step, in Certum's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepStatus {
    /// Step is awaiting for the data.
    WaitingForData,
    /// Data is saved and waiting for verification.
    WaitingForVerification,
    /// Verification was successful.
    Verified,
    /// Providing the data is not available yet.
    NotAvailableYet,
}

impl StepStatus {
    /// The catalogue key of the step's state, as [`label`](Self::label) says it.
    pub fn key(self) -> &'static str {
        match self {
            Self::WaitingForData => "smime-state-waiting-data",
            Self::WaitingForVerification => "smime-state-waiting-verification",
            Self::Verified => "smime-state-verified",
            Self::NotAvailableYet => "smime-state-not-available",
        }
    }

    /// The catalogue key of what the state means, as [`meaning`](Self::meaning) says it.
    pub fn meaning_key(self) -> &'static str {
        match self {
            Self::WaitingForData => "smime-meaning-waiting-data",
            Self::WaitingForVerification => "smime-meaning-waiting-verification",
            Self::Verified => "smime-meaning-verified",
            Self::NotAvailableYet => "smime-meaning-not-available",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::WaitingForData => "Waiting for data",
            Self::WaitingForVerification => "Waiting for verification",
            Self::Verified => "Verified",
            Self::NotAvailableYet => "Not available yet",
        }
    }

    /// What the status means, for the tooltip and screen readers.
    pub fn meaning(self) -> &'static str {
        match self {
            Self::WaitingForData => "Step is awaiting for the data",
            Self::WaitingForVerification => "Data is saved and waiting for verification",
            Self::Verified => "Verification was successful",
            Self::NotAvailableYet => "Providing the data is not available yet",
        }
    }
}

/// The statements the requester marks on the activation summary.
/// The catalogue keys of [`STATEMENTS`], in order: what the page shows in the user's language.
pub const STATEMENT_KEYS: [&str; 2] = ["smime-statement-data", "smime-statement-agreement"];

pub const STATEMENTS: [&str; 2] = [
    "I confirm that the data to be included in the certificate is correct and that I control the e-mail address.",
    "I accept the Subscriber Agreement: I will protect the private key, use the certificate only for this mailbox, and ask for revocation if the key is compromised.",
];

/// What the "New S/MIME order" page starts from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmimeNewData {
    /// The S/MIME products the account may order, in its currency.
    pub offers: Vec<Offer>,
    pub requester_name: String,
    pub requester_email: String,
    /// Whether the user's orders wait for an administrator's approval.
    pub needs_approval: bool,
    /// The page's one-use token: it places at most one order.
    pub form_token: super::order_form_post::FormToken,
    /// What a refused post without JavaScript left under the token.
    pub saved: Option<super::smime_form_post::SavedSmimeForm>,
    /// The order the token placed already (the page was opened again after paying).
    pub placed_order: Option<i32>,
    /// The GST rate (basis points) added to the price when the account pays in INR and the
    /// operator is registered for GST.
    #[serde(default)]
    pub gst_rate_bp: Option<u32>,
}

/// The S/MIME order form (emSign: product and validity, requester, the certificate's e-mail
/// or "same as requester", CSR now or later).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SmimeOrderForm {
    pub product_id: i32,
    pub validity_days: i64,
    pub requester_name: String,
    pub requester_email: String,
    pub requester_phone: String,
    pub same_as_requester: bool,
    /// The address for the certificate; empty to provide it later (Certum's first step).
    pub certificate_email: String,
    /// `paste` (or `upload`, read into `csr_pem` by the page) or `later` (at activation).
    pub csr_source: String,
    pub csr_pem: String,
    pub remarks: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSmimeOrder {
    pub requester_name: String,
    pub requester_email: String,
    pub requester_phone: String,
    pub certificate_email: Option<String>,
    pub csr_pem: Option<String>,
    /// `paste`, `upload` or `later`, as the order stores it.
    pub key_source: KeySource,
    pub remarks: String,
}

/// A PEM CSR, or the message for a text that is not one.
pub fn pem_csr(raw: &str) -> Result<String, Msg> {
    let csr = raw.trim();
    if csr.is_empty() {
        return Err(Msg::new("err-provide-csr"));
    }
    if !csr.contains("-----BEGIN CERTIFICATE REQUEST-----") {
        return Err(Msg::new("err-not-pem-certificate-signing-request"));
    }
    Ok(csr.to_owned())
}

/// The certificate's mailbox address, with the message the field shows.
pub fn certificate_email(raw: &str) -> Result<String, Msg> {
    if raw.trim().is_empty() {
        return Err(Msg::new("err-enter-mail-address-certificate"));
    }
    Email::parse(raw).map(|e| e.as_str().to_owned())
}

impl SmimeOrderForm {
    pub fn validate(&self) -> Result<ValidSmimeOrder, FieldErrors> {
        let mut errors = FieldErrors::default();
        if self.product_id <= 0 {
            errors.add("product_id", Msg::new("err-choose-product"));
        }
        if self.validity_days <= 0 {
            errors.add("validity_days", Msg::new("err-choose-validity"));
        }
        let requester_name = errors.check("requester_name", person_name(&self.requester_name));
        let requester_email = errors.check(
            "requester_email",
            Email::parse(&self.requester_email).map(|e| e.as_str().to_owned()),
        );
        let requester_phone = if self.requester_phone.trim().is_empty() {
            Some(String::new())
        } else {
            errors.check("requester_phone", mobile(&self.requester_phone))
        };
        let certificate_email = if self.same_as_requester {
            Some(requester_email.clone())
        } else if self.certificate_email.trim().is_empty() {
            Some(None)
        } else {
            errors
                .check(
                    "certificate_email",
                    certificate_email(&self.certificate_email),
                )
                .map(Some)
        };
        let (key_source, csr_pem) = match self.csr_source.as_str() {
            "later" => (Some(KeySource::Later), Some(None)),
            source @ ("paste" | "upload") => (
                Some(if source == "paste" {
                    KeySource::Paste
                } else {
                    KeySource::Upload
                }),
                errors.check("csr_pem", pem_csr(&self.csr_pem)).map(Some),
            ),
            _ => {
                errors.add("csr_source", Msg::new("err-choose-how-provide-csr-upload"));
                (None, None)
            }
        };
        let remarks = self.remarks.trim().to_owned();
        if remarks.chars().count() > 1000 {
            errors.add("remarks", Msg::new("err-remarks-have-most-1000-characters"));
        }
        match (
            requester_name,
            requester_email,
            requester_phone,
            certificate_email,
            key_source,
            csr_pem,
        ) {
            (
                Some(requester_name),
                Some(requester_email),
                Some(requester_phone),
                Some(certificate_email),
                Some(key_source),
                Some(csr_pem),
            ) if errors.is_empty() => Ok(ValidSmimeOrder {
                requester_name,
                requester_email,
                requester_phone,
                certificate_email,
                csr_pem,
                key_source,
                remarks,
            }),
            _ => Err(errors),
        }
    }
}

/// Certum's activation: the key pair method, the CSR and the marked statements.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActivationForm {
    /// `csr` (pasted or uploaded) or `browser` (generated on the page).
    pub method: String,
    pub csr_pem: String,
    /// One flag per entry of [`STATEMENTS`], in order.
    pub statements: Vec<bool>,
}

impl ActivationForm {
    /// The CSR and the key source the order records.
    pub fn validate(&self) -> Result<(String, KeySource), FieldErrors> {
        let mut errors = FieldErrors::default();
        let source = match self.method.as_str() {
            "csr" => Some(KeySource::Paste),
            "browser" => Some(KeySource::Browser),
            _ => {
                errors.add("method", Msg::new("err-choose-key-pair-generation-method"));
                None
            }
        };
        let csr = errors.check("csr_pem", pem_csr(&self.csr_pem));
        if self.statements.len() != STATEMENTS.len() || self.statements.iter().any(|s| !s) {
            errors.add(
                "statements",
                Msg::new("err-mark-required-statements-complete-activation"),
            );
        }
        match (csr, source) {
            (Some(csr), Some(source)) if errors.is_empty() => Ok((csr, source)),
            _ => Err(errors),
        }
    }
}

/// One S/MIME order's page: the two steps and their statuses, and the certificate when issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SmimeView {
    pub order_id: i32,
    pub product: String,
    pub validity_days: i64,
    pub order_status: OrderStatus,
    pub email: Option<String>,
    pub email_step: StepStatus,
    pub activation_step: StepStatus,
    /// When the last link was sent and until when it works (UTC, for the page).
    pub link_sent_at: Option<super::Moment>,
    pub link_expires_at: Option<super::Moment>,
    /// Until when the proof of control may be used.
    pub verified_until: Option<super::Moment>,
    /// The CSR given with the order, to prefill the activation.
    pub csr_pem: Option<String>,
    /// The issued certificate and its chain, PEM (for PKCS#12 in the browser).
    pub certificate_pem: Option<String>,
    pub certificate_serial: Option<String>,
    pub issue_error: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SmimeOrderForm {
        SmimeOrderForm {
            product_id: 1,
            validity_days: 365,
            requester_name: "Asha Rao".into(),
            requester_email: "Asha@Acme.example".into(),
            csr_source: "later".into(),
            ..Default::default()
        }
    }

    #[test]
    fn same_as_requester_takes_the_requesters_address() {
        let valid = SmimeOrderForm {
            same_as_requester: true,
            certificate_email: "ignored@elsewhere.example".into(),
            ..form()
        }
        .validate()
        .unwrap();
        assert_eq!(
            valid.certificate_email.as_deref(),
            Some("asha@acme.example")
        );
        assert_eq!(valid.key_source, KeySource::Later);
        assert_eq!(valid.csr_pem, None);
    }

    #[test]
    fn the_address_may_wait_but_a_bad_one_is_refused_on_its_field() {
        assert_eq!(form().validate().unwrap().certificate_email, None);
        let errors = SmimeOrderForm {
            certificate_email: "not an address".into(),
            ..form()
        }
        .validate()
        .unwrap_err();
        assert!(errors.get("certificate_email").is_some());
    }

    #[test]
    fn a_pasted_csr_must_be_pem_and_the_source_must_be_known() {
        let errors = SmimeOrderForm {
            csr_source: "paste".into(),
            csr_pem: "hello".into(),
            ..form()
        }
        .validate()
        .unwrap_err();
        assert!(errors.get("csr_pem").is_some());
        let errors = SmimeOrderForm {
            csr_source: "fax".into(),
            ..form()
        }
        .validate()
        .unwrap_err();
        assert!(errors.get("csr_source").is_some());
    }

    #[test]
    fn activation_needs_a_method_a_csr_and_every_statement() {
        let csr = "-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----";
        let ok = ActivationForm {
            method: "browser".into(),
            csr_pem: csr.into(),
            statements: vec![true, true],
        };
        assert_eq!(ok.validate().unwrap().1, KeySource::Browser);
        let errors = ActivationForm {
            statements: vec![true, false],
            ..ok.clone()
        }
        .validate()
        .unwrap_err();
        assert!(errors.get("statements").is_some());
        let errors = ActivationForm {
            method: String::new(),
            csr_pem: String::new(),
            ..ok
        }
        .validate()
        .unwrap_err();
        assert!(errors.get("method").is_some() && errors.get("csr_pem").is_some());
    }

    #[test]
    fn statuses_use_certums_words() {
        assert_eq!(StepStatus::WaitingForData.label(), "Waiting for data");
        assert_eq!(
            StepStatus::WaitingForVerification.label(),
            "Waiting for verification"
        );
        assert_eq!(StepStatus::Verified.label(), "Verified");
        assert_eq!(StepStatus::NotAvailableYet.label(), "Not available yet");
    }
}
