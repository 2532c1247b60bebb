//! Organizations an account has vetted for OV and EV certificates (VAL-3, VAL-4): what kind of
//! entity each is, the level it is vetted at, and where its vetting stands.

use serde::{Deserialize, Serialize};

/// The kind of entity. The EV Guidelines (§7.1.4.2.3, `businessCategory`) name exactly four;
/// OV vetting asks the same question, so one list serves both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrganizationType {
    PrivateOrganization,
    GovernmentEntity,
    BusinessEntity,
    NonCommercialEntity,
}

impl OrganizationType {
    pub const ALL: [OrganizationType; 4] = [
        Self::PrivateOrganization,
        Self::GovernmentEntity,
        Self::BusinessEntity,
        Self::NonCommercialEntity,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::PrivateOrganization => "private_organization",
            Self::GovernmentEntity => "government_entity",
            Self::BusinessEntity => "business_entity",
            Self::NonCommercialEntity => "non_commercial_entity",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The catalogue key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::PrivateOrganization => "organization-type-private-organization",
            Self::GovernmentEntity => "organization-type-government-entity",
            Self::BusinessEntity => "organization-type-business-entity",
            Self::NonCommercialEntity => "organization-type-non-commercial-entity",
        }
    }

    /// The value of an EV certificate's `businessCategory`, spelled as the Guidelines spell it.
    pub fn business_category(self) -> &'static str {
        match self {
            Self::PrivateOrganization => "Private Organization",
            Self::GovernmentEntity => "Government Entity",
            Self::BusinessEntity => "Business Entity",
            Self::NonCommercialEntity => "Non-Commercial Entity",
        }
    }
}

/// The level an organization is vetted at, and the level a product asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum VettingLevel {
    Ov,
    Ev,
}

/// Where an organization's vetting stands. "Expired" is not stored: it is read from the dates
/// of the vetted items, which age out one by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OrganizationStatus {
    /// Saved by the customer, not yet sent for vetting.
    Draft,
    /// Sent for vetting; no vetting agent has taken it yet.
    Submitted,
    /// A vetting agent is checking it.
    InValidation,
    VerifiedOv,
    VerifiedEv,
    /// Refused by the vetting desk, with a reason the customer reads.
    Rejected,
    /// Taken out of use by the account or the operator; orders may not name it.
    Suspended,
}

impl OrganizationStatus {
    pub const ALL: [OrganizationStatus; 7] = [
        Self::Draft,
        Self::Submitted,
        Self::InValidation,
        Self::VerifiedOv,
        Self::VerifiedEv,
        Self::Rejected,
        Self::Suspended,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::InValidation => "in_validation",
            Self::VerifiedOv => "verified_ov",
            Self::VerifiedEv => "verified_ev",
            Self::Rejected => "rejected",
            Self::Suspended => "suspended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// The catalogue key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Draft => "organization-status-draft",
            Self::Submitted => "organization-status-submitted",
            Self::InValidation => "organization-status-in-validation",
            Self::VerifiedOv => "organization-status-verified-ov",
            Self::VerifiedEv => "organization-status-verified-ev",
            Self::Rejected => "organization-status-rejected",
            Self::Suspended => "organization-status-suspended",
        }
    }

    /// The level the vetting desk approved, if it approved one.
    pub fn verified_level(self) -> Option<VettingLevel> {
        match self {
            Self::VerifiedOv => Some(VettingLevel::Ov),
            Self::VerifiedEv => Some(VettingLevel::Ev),
            _ => None,
        }
    }

    /// Whether a product of `level` may name this organization, its vetting dates aside: an
    /// EV-vetted organization serves OV orders too, never the other way round.
    pub fn satisfies(self, level: VettingLevel) -> bool {
        self.verified_level().is_some_and(|vetted| vetted >= level)
    }

    /// Whether the customer may change the record as it is. A verified organization changes
    /// only through a modification request, which goes back through vetting; one in the
    /// vetting desk's hands waits for its answer.
    pub fn customer_may_edit(self) -> bool {
        matches!(self, Self::Draft | Self::Rejected)
    }

    /// Whether the customer may send it (again) for vetting.
    pub fn customer_may_submit(self) -> bool {
        matches!(self, Self::Draft | Self::Rejected)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_and_status_reads_back_from_its_stored_text() {
        for t in OrganizationType::ALL {
            assert_eq!(OrganizationType::parse(t.as_str()), Some(t));
        }
        for s in OrganizationStatus::ALL {
            assert_eq!(OrganizationStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(OrganizationStatus::parse("expired"), None);
        assert_eq!(OrganizationType::parse("Private Organization"), None);
    }

    #[test]
    fn business_categories_are_the_four_the_ev_guidelines_allow() {
        let categories: Vec<_> = OrganizationType::ALL
            .into_iter()
            .map(OrganizationType::business_category)
            .collect();
        assert_eq!(
            categories,
            [
                "Private Organization",
                "Government Entity",
                "Business Entity",
                "Non-Commercial Entity"
            ]
        );
    }

    #[test]
    fn an_ev_vetted_organization_serves_ov_orders_but_not_the_reverse() {
        use OrganizationStatus::*;
        assert!(VerifiedEv.satisfies(VettingLevel::Ev));
        assert!(VerifiedEv.satisfies(VettingLevel::Ov));
        assert!(VerifiedOv.satisfies(VettingLevel::Ov));
        assert!(!VerifiedOv.satisfies(VettingLevel::Ev));
        for unvetted in [Draft, Submitted, InValidation, Rejected, Suspended] {
            assert!(!unvetted.satisfies(VettingLevel::Ov), "{unvetted:?}");
        }
    }

    #[test]
    fn only_a_draft_or_a_rejected_organization_is_edited_or_submitted_directly() {
        for s in OrganizationStatus::ALL {
            let direct = matches!(s, OrganizationStatus::Draft | OrganizationStatus::Rejected);
            assert_eq!(s.customer_may_edit(), direct, "{s:?}");
            assert_eq!(s.customer_may_submit(), direct, "{s:?}");
        }
    }
}
