//! The vetting desk (VAL-3, VAL-4): the operator's checklist for an organization, item by item,
//! as the Baseline Requirements (§3.2.2.1, §3.2.2.2, §3.2.5) and the EV Guidelines (§11.2–11.8)
//! list what must be verified for each level.

use serde::{Deserialize, Serialize};

use super::organizations::VettingLevel;

/// One thing the vetting agent verifies about an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum VettingItem {
    /// Legal existence, identity and address, from a government registry or a reliable source
    /// (BR 3.2.2.1; EVG 11.2, 11.4.1).
    IdentityAddress,
    /// The trade name the organization uses (BR 3.2.2.2; EVG 11.3). Only when it gives one.
    TradeName,
    /// A verified method of communication: an authentication code sent to the representative
    /// and entered back through a link (BR 3.2.5; EVG 11.5).
    Communication,
    /// The place of business physically exists (EVG 11.4.2).
    PhysicalExistence,
    /// The organization has been operating for three years or has a demand deposit account
    /// (EVG 11.6).
    OperationalExistence,
    /// The contract signer and the certificate approver: who they are and their authority to
    /// act for the organization (EVG 11.8).
    SignerApproverAuthority,
}

impl VettingItem {
    pub const ALL: [VettingItem; 6] = [
        Self::IdentityAddress,
        Self::TradeName,
        Self::Communication,
        Self::PhysicalExistence,
        Self::OperationalExistence,
        Self::SignerApproverAuthority,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::IdentityAddress => "identity_address",
            Self::TradeName => "trade_name",
            Self::Communication => "communication",
            Self::PhysicalExistence => "physical_existence",
            Self::OperationalExistence => "operational_existence",
            Self::SignerApproverAuthority => "signer_approver_authority",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == s)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::IdentityAddress => "vetting-item-identity-address",
            Self::TradeName => "vetting-item-trade-name",
            Self::Communication => "vetting-item-communication",
            Self::PhysicalExistence => "vetting-item-physical-existence",
            Self::OperationalExistence => "vetting-item-operational-existence",
            Self::SignerApproverAuthority => "vetting-item-signer-approver-authority",
        }
    }

    /// What the agent does for it (the desk shows it beside the item).
    pub fn hint_key(self) -> &'static str {
        match self {
            Self::IdentityAddress => "vetting-hint-identity-address",
            Self::TradeName => "vetting-hint-trade-name",
            Self::Communication => "vetting-hint-communication",
            Self::PhysicalExistence => "vetting-hint-physical-existence",
            Self::OperationalExistence => "vetting-hint-operational-existence",
            Self::SignerApproverAuthority => "vetting-hint-signer-approver-authority",
        }
    }

    /// The lowest level that asks for the item.
    pub fn level(self) -> VettingLevel {
        match self {
            Self::IdentityAddress | Self::TradeName | Self::Communication => VettingLevel::Ov,
            Self::PhysicalExistence
            | Self::OperationalExistence
            | Self::SignerApproverAuthority => VettingLevel::Ev,
        }
    }

    /// Whether the checks come from the authentication code's link rather than the agent.
    pub fn by_code(self) -> bool {
        self == Self::Communication
    }
}

/// The items vetting at `level` needs, for an organization with or without a trade name.
pub fn required_items(level: VettingLevel, has_trade_name: bool) -> Vec<VettingItem> {
    VettingItem::ALL
        .into_iter()
        .filter(|i| i.level() <= level)
        .filter(|i| has_trade_name || *i != VettingItem::TradeName)
        .collect()
}

/// What the agent records for an item.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckForm {
    /// [`VettingItem::as_str`].
    #[serde(default)]
    pub item: String,
    /// Where it was verified: a registry and its reference, a site visit, a call.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub note: String,
}

/// One item of an organization's checklist as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistRow {
    pub item: VettingItem,
    /// Needed for OV (and so for EV), or for EV only.
    pub level: VettingLevel,
    pub checked: Option<CheckView>,
}

/// Who checked an item, when, from what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckView {
    pub by: String,
    pub at: super::Moment,
    pub source: String,
    pub note: String,
    /// The check is older than the reuse period allows for the level it backs.
    pub aged_out: bool,
    /// The last day it backs a certificate.
    pub reusable_until: super::Day,
}

/// An organization waiting in the desk's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    pub id: super::OrganizationId,
    pub account: String,
    pub legal_name: String,
    pub status: super::organizations::OrganizationStatus,
    pub submitted: Option<super::Day>,
    /// Days since it was sent.
    pub waiting_days: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VettingQueue {
    pub organizations: Vec<QueueRow>,
}

/// An entry of an organization's history on the desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: super::Moment,
    pub by: String,
    pub summary: String,
}

/// The desk's page of one organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VettingCase {
    pub organization: super::organizations::OrganizationDetail,
    pub account: String,
    pub checklist: Vec<ChecklistRow>,
    /// Whether every item of the level is checked and none has aged out.
    pub ready_ov: bool,
    pub ready_ev: bool,
    /// The authentication code's last mailing, if one is waiting to be entered.
    pub code_sent_to: Option<String>,
    pub history: Vec<HistoryEntry>,
}

/// The vetting desk's queue.
pub const VETTING_PATH: &str = "/operator/vetting";

/// An organization's case on the vetting desk.
pub fn desk_case_path(id: super::OrganizationId) -> String {
    format!("{VETTING_PATH}/{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ov_needs_identity_and_communication_and_the_trade_name_only_when_there_is_one() {
        use VettingItem::*;
        assert_eq!(
            required_items(VettingLevel::Ov, false),
            [IdentityAddress, Communication]
        );
        assert_eq!(
            required_items(VettingLevel::Ov, true),
            [IdentityAddress, TradeName, Communication]
        );
    }

    #[test]
    fn ev_needs_everything_ov_does_and_existence_and_the_signatories() {
        let ev = required_items(VettingLevel::Ev, false);
        for item in required_items(VettingLevel::Ov, false) {
            assert!(ev.contains(&item), "{item:?}");
        }
        for item in [
            VettingItem::PhysicalExistence,
            VettingItem::OperationalExistence,
            VettingItem::SignerApproverAuthority,
        ] {
            assert!(ev.contains(&item), "{item:?}");
        }
    }

    #[test]
    fn every_item_reads_back_from_its_stored_text() {
        for item in VettingItem::ALL {
            assert_eq!(VettingItem::parse(item.as_str()), Some(item));
        }
        assert_eq!(VettingItem::parse("identity"), None);
    }
}
