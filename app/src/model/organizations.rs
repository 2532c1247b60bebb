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

impl VettingLevel {
    /// The level's short name, the same in every language ("OV", "EV").
    pub fn code(self) -> &'static str {
        match self {
            Self::Ov => "OV",
            Self::Ev => "EV",
        }
    }
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

    /// Whether the vetting desk has it and has not decided yet (an order naming it waits).
    pub fn in_vetting(self) -> bool {
        matches!(self, Self::Submitted | Self::InValidation)
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

    /// Whether an edit of a vetted record goes back through vetting (a modification request)
    /// rather than changing it in place.
    pub fn edit_requests_modification(self) -> bool {
        matches!(self, Self::VerifiedOv | Self::VerifiedEv)
    }

    /// Whether the account may take it out of use. A suspended organization stays suspended
    /// until the operator lifts it: a suspension is often the answer to a problem found.
    pub fn customer_may_suspend(self) -> bool {
        !matches!(self, Self::Suspended)
    }
}

/// What a person recorded with an organization does for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ContactRole {
    /// The one the vetting desk and the outsider links speak to first.
    Representative,
    /// Others who may act for the organization when the representative cannot.
    Alternate,
}

impl ContactRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Representative => "representative",
            Self::Alternate => "alternate",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Representative, Self::Alternate]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// The organizations list's search, as the address carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationsQuery {
    /// Part of the legal name, trade name or registration number.
    #[serde(default)]
    pub search: String,
    /// A status's stored text, or `expired`; empty for all.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub page: Option<u64>,
}

/// What the status filter chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    Is(OrganizationStatus),
    /// Verified once, and the vetting has aged out.
    Expired,
}

impl StatusFilter {
    pub const EXPIRED: &'static str = "expired";

    pub fn parse(s: &str) -> Result<Option<Self>, crate::i18n::Msg> {
        match s.trim() {
            "" => Ok(None),
            Self::EXPIRED => Ok(Some(Self::Expired)),
            other => OrganizationStatus::parse(other)
                .map(|s| Some(Self::Is(s)))
                .ok_or_else(|| crate::i18n::Msg::new("err-no-such-organization-status")),
        }
    }
}

/// Rows per page of the organizations list.
pub const ORGANIZATIONS_PER_PAGE: u64 = 20;

/// One organization in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationSummary {
    pub id: super::OrganizationId,
    pub legal_name: String,
    pub trade_name: Option<String>,
    pub org_type: OrganizationType,
    /// ISO 3166-1 alpha-2 of the jurisdiction.
    pub jurisdiction_country: String,
    pub status: OrganizationStatus,
    /// The vetting aged out (the status still says the level it had).
    pub expired: bool,
    /// The last day the vetting may back a certificate.
    pub verified_until: Option<super::Day>,
    pub updated: super::Day,
}

impl OrganizationSummary {
    /// The catalogue key of the status a person reads: "Expired" when the vetting aged out.
    pub fn status_key(&self) -> &'static str {
        if self.expired {
            "organization-status-expired"
        } else {
            self.status.label_key()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationsPage {
    pub organizations: Vec<OrganizationSummary>,
    pub page: u64,
    pub total: u64,
    /// The caller may add and change organizations (others only read).
    pub can_manage: bool,
}

impl OrganizationsPage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(ORGANIZATIONS_PER_PAGE).max(1)
    }
}

/// A representative of an organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactView {
    pub id: super::ContactId,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub designation: String,
}

/// A registration document, without its bytes (they are fetched from `href`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    pub id: super::OrganizationDocumentId,
    pub file_name: String,
    /// `PDF`, `PNG` or `JPEG`.
    pub kind: String,
    pub size_bytes: u64,
    pub uploaded: super::Day,
    pub href: String,
}

/// One organization with everything the account recorded about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganizationDetail {
    pub id: super::OrganizationId,
    /// The record as the form shows it (to edit it).
    pub form: super::organization_form::OrganizationForm,
    pub org_type: OrganizationType,
    pub status: OrganizationStatus,
    pub expired: bool,
    /// Why the vetting desk refused it, for the customer to read.
    pub rejection_reason: Option<String>,
    pub verified_until: Option<super::Day>,
    pub representative: ContactView,
    pub alternates: Vec<ContactView>,
    pub documents: Vec<DocumentView>,
    pub created: super::Day,
    pub submitted: Option<super::Day>,
    pub can_manage: bool,
}

impl OrganizationDetail {
    pub fn status_key(&self) -> &'static str {
        if self.expired {
            "organization-status-expired"
        } else {
            self.status.label_key()
        }
    }
}

/// The organizations page's path.
pub const ORGANIZATIONS_PATH: &str = "/organizations";

/// The page that adds an organization.
pub const ORGANIZATIONS_NEW_PATH: &str = "/organizations/new";

/// An organization's page.
pub fn organization_page(id: super::OrganizationId) -> String {
    format!("{ORGANIZATIONS_PATH}/{id}")
}

/// The page that changes an organization's record.
pub fn organization_edit_page(id: super::OrganizationId) -> String {
    format!("{ORGANIZATIONS_PATH}/{id}/edit")
}

/// What a registration document may be, read from its bytes (never from the name or the type
/// the browser claims).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocumentType {
    Pdf,
    Png,
    Jpeg,
}

impl DocumentType {
    pub const ALL: [DocumentType; 3] = [Self::Pdf, Self::Png, Self::Jpeg];

    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
        }
    }

    pub fn from_mime(mime: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.mime() == mime)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Png => "PNG",
            Self::Jpeg => "JPEG",
        }
    }
}

/// The largest registration document accepted.
pub const DOCUMENT_MAX_BYTES: usize = 4 * 1024 * 1024;
/// The most documents one organization keeps.
pub const DOCUMENTS_MAX: usize = 20;
/// The most alternate representatives one organization keeps.
pub const ALTERNATES_MAX: usize = 5;

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

/// What a consent link shows the representative: which account asks to name which of their
/// organizations, and the answer once given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentLinkView {
    pub organization: String,
    /// The asking account's name.
    pub account: String,
    /// `Some(true)` allowed, `Some(false)` declined, `None` not answered yet.
    pub answer: Option<bool>,
}

/// An organization another account shared with this one by its representative's consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedOrganization {
    pub id: super::OrganizationId,
    pub legal_name: String,
    pub status: OrganizationStatus,
    pub verified_until: Option<super::Day>,
}
