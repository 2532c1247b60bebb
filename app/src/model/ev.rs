//! The EV workflow of an order (EV Guidelines 11.8 to 11.10): the requester's consent, the
//! subscriber agreement accepted by the contract signer, and the certificate approver's
//! approval. Each is asked of its person through a one-use link; an EV certificate issues
//! only when all three have said yes.

use serde::{Deserialize, Serialize};

use super::{Email, FieldErrors, Stamp, place_order::Contact, text::person_name};
use crate::i18n::Msg;

/// One of the three things an EV order waits for from people outside the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EvStep {
    /// The certificate requester confirms they asked for it.
    RequesterConsent,
    /// The contract signer accepts the subscriber agreement.
    SubscriberAgreement,
    /// The certificate approver approves the request.
    Approval,
}

impl EvStep {
    pub const ALL: [EvStep; 3] = [
        Self::RequesterConsent,
        Self::SubscriberAgreement,
        Self::Approval,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RequesterConsent => "requester_consent",
            Self::SubscriberAgreement => "subscriber_agreement",
            Self::Approval => "approval",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The catalogue key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Self::RequesterConsent => "ev-step-requester-consent",
            Self::SubscriberAgreement => "ev-step-subscriber-agreement",
            Self::Approval => "ev-step-approval",
        }
    }
}

/// What the person asked said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvAnswer {
    Approved,
    Rejected,
}

impl EvAnswer {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Approved => "approved",
            Self::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Approved, Self::Rejected]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// The longest reason a rejection takes.
pub const MAX_REASON: usize = 500;

/// An answer as posted: `approve` or `reject`, and for a rejection its reason.
pub fn parse_answer(answer: &str, reason: &str) -> Result<(EvAnswer, String), FieldErrors> {
    let reason = reason.trim().to_owned();
    match answer {
        "approve" => Ok((EvAnswer::Approved, String::new())),
        "reject" if reason.is_empty() => Err(FieldErrors::single(
            "reason",
            Msg::new("err-ev-reject-reason-required"),
        )),
        "reject" if reason.chars().count() > MAX_REASON => Err(FieldErrors::single(
            "reason",
            Msg::new("err-ev-reject-reason-too-long").arg("max", MAX_REASON),
        )),
        "reject" => Ok((EvAnswer::Rejected, reason)),
        _ => Err(FieldErrors::single(
            "answer",
            Msg::new("err-ev-answer-approve-or-reject"),
        )),
    }
}

/// The authorized signatories an EV order names (EV Guidelines 11.8): who signs the
/// subscriber agreement and who approves the request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signatories {
    pub contract_signer: Contact,
    pub approver: Contact,
}

/// A signatory after the rules: a name and an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signatory {
    pub name: String,
    pub email: String,
}

/// The signatories after the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSignatories {
    pub contract_signer: Signatory,
    pub approver: Signatory,
}

fn signatory(who: &Contact, field: &str, errors: &mut FieldErrors) -> Option<Signatory> {
    let name = errors.check(&format!("{field}_name"), person_name(&who.name));
    let email = errors.check(
        &format!("{field}_email"),
        Email::parse(&who.email).map(|e| e.as_str().to_owned()),
    );
    Some(Signatory {
        name: name?,
        email: email?,
    })
}

impl Signatories {
    /// Both signatories, each with a name and an address (fields `signer_*`, `approver_*`).
    pub fn validate(&self, errors: &mut FieldErrors) -> Option<ValidSignatories> {
        let contract_signer = signatory(&self.contract_signer, "signer", errors);
        let approver = signatory(&self.approver, "approver", errors);
        Some(ValidSignatories {
            contract_signer: contract_signer?,
            approver: approver?,
        })
    }
}

/// One step of an EV order as the order page, the tracking page and the approvals page show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvStepView {
    pub id: i32,
    pub step: EvStep,
    pub name: String,
    pub email: String,
    pub answer: Option<EvAnswer>,
    pub answered_at: Option<Stamp>,
    /// A rejection's reason.
    pub reason: String,
    /// The subscriber agreement's version the signer accepted.
    pub agreement_version: Option<i32>,
}

/// What a step's link shows the person asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvLinkView {
    pub order_id: i32,
    pub product: String,
    pub names: Vec<String>,
    pub organization: String,
    pub requester: String,
    pub step: EvStep,
    /// The person the link was sent to.
    pub name: String,
    /// The subscriber agreement to accept (its version, title and text), for that step.
    pub agreement: Option<(i32, String, String)>,
    /// Answered already (the link then only says so).
    pub answer: Option<EvAnswer>,
}

/// One EV request on the account's EV Request Approvals page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvApprovalRow {
    pub step_id: i32,
    pub order_id: i32,
    pub product: String,
    pub main_name: String,
    pub organization: String,
    pub requester: String,
    pub approver: String,
    pub answer: Option<EvAnswer>,
    pub reason: String,
    pub placed: Stamp,
    /// The signed-in user is this request's certificate approver and may answer here.
    pub may_answer: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rejection_needs_a_reason_and_an_approval_drops_one() {
        assert_eq!(
            parse_answer("approve", "whatever").unwrap(),
            (EvAnswer::Approved, String::new())
        );
        assert!(
            parse_answer("reject", "  ")
                .unwrap_err()
                .get("reason")
                .is_some()
        );
        assert_eq!(
            parse_answer("reject", " not ours ").unwrap(),
            (EvAnswer::Rejected, "not ours".to_owned())
        );
        assert!(
            parse_answer("maybe", "")
                .unwrap_err()
                .get("answer")
                .is_some()
        );
    }

    #[test]
    fn both_signatories_need_a_name_and_an_address() {
        let mut errors = FieldErrors::default();
        let none = Signatories::default().validate(&mut errors);
        assert!(none.is_none());
        for field in [
            "signer_name",
            "signer_email",
            "approver_name",
            "approver_email",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        let mut errors = FieldErrors::default();
        let both = Signatories {
            contract_signer: Contact {
                name: "Ada Signer".into(),
                email: "Ada@Example.com".into(),
            },
            approver: Contact {
                name: "Ben Approver".into(),
                email: "ben@example.com".into(),
            },
        }
        .validate(&mut errors)
        .expect("valid");
        assert!(errors.is_empty());
        assert_eq!(both.approver.name, "Ben Approver");
    }

    #[test]
    fn steps_read_back_from_their_stored_names() {
        for s in EvStep::ALL {
            assert_eq!(EvStep::parse(s.as_str()), Some(s));
        }
    }
}
