use serde::{Deserialize, Serialize};

/// The kind of tenant. Operators are the CA itself and are never created by sign-up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountKind {
    Enterprise,
    Partner,
    Retail,
    Operator,
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Enterprise => "enterprise",
            Self::Partner => "partner",
            Self::Retail => "retail",
            Self::Operator => "operator",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "enterprise" => Some(Self::Enterprise),
            "partner" => Some(Self::Partner),
            "retail" => Some(Self::Retail),
            "operator" => Some(Self::Operator),
            _ => None,
        }
    }

    /// The catalogue key of its name in the reader's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::Enterprise => "account-kind-enterprise",
            Self::Partner => "account-kind-partner",
            Self::Retail => "account-kind-retail",
            Self::Operator => "account-kind-operator",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Enterprise => "Enterprise",
            Self::Partner => "Partner",
            Self::Retail => "Retail",
            Self::Operator => "Operator",
        }
    }
}

/// Where an account stands in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountStatus {
    /// Signed up; the first user has not yet set a password from the activation e-mail.
    PendingActivation,
    /// A Partner sign-up waiting for an operator to approve it.
    PendingApproval,
    Active,
    Rejected,
    Expired,
    /// A sub-account its partner suspended: nobody acts for it until it is reactivated.
    Suspended,
}

impl AccountStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PendingActivation => "pending_activation",
            Self::PendingApproval => "pending_approval",
            Self::Active => "active",
            Self::Rejected => "rejected",
            Self::Expired => "expired",
            Self::Suspended => "suspended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pending_activation" => Some(Self::PendingActivation),
            "pending_approval" => Some(Self::PendingApproval),
            "active" => Some(Self::Active),
            "rejected" => Some(Self::Rejected),
            "expired" => Some(Self::Expired),
            "suspended" => Some(Self::Suspended),
            _ => None,
        }
    }

    /// The catalogue key of its words in the reader's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::PendingActivation => "account-status-pending-activation",
            Self::PendingApproval => "account-status-pending-approval",
            Self::Active => "account-status-active",
            Self::Rejected => "account-status-rejected",
            Self::Expired => "account-status-expired",
            Self::Suspended => "account-status-suspended",
        }
    }

    /// The catalogue key of the state as a sentence says it ("your account is …").
    pub fn state_key(self) -> &'static str {
        match self {
            Self::PendingActivation => "err-account-state-pending-activation",
            Self::PendingApproval => "err-account-state-pending-approval",
            Self::Active => "err-account-state-active",
            Self::Rejected => "err-account-state-rejected",
            Self::Expired => "err-account-state-expired",
            Self::Suspended => "err-account-state-suspended",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::PendingActivation => "Pending activation",
            Self::PendingApproval => "Waiting for operator approval",
            Self::Active => "Active",
            Self::Rejected => "Rejected",
            Self::Expired => "Expired",
            Self::Suspended => "Suspended",
        }
    }
}

/// The built-in roles of the seeds' role-based access control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Administrator,
    Manager,
    FinanceManager,
    StandardUser,
    BasicUser,
    DiscoveryUser,
    SubAccountUser,
    /// One of the account's custom roles; its permissions are the role's own.
    Custom,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Administrator => "administrator",
            Self::Manager => "manager",
            Self::FinanceManager => "finance_manager",
            Self::StandardUser => "standard_user",
            Self::BasicUser => "basic_user",
            Self::DiscoveryUser => "discovery_user",
            Self::SubAccountUser => "sub_account_user",
            Self::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Administrator,
            Self::Manager,
            Self::FinanceManager,
            Self::StandardUser,
            Self::BasicUser,
            Self::DiscoveryUser,
            Self::SubAccountUser,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }

    /// The catalogue key of its name in the reader's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::Administrator => "role-administrator",
            Self::Manager => "role-manager",
            Self::FinanceManager => "role-finance-manager",
            Self::StandardUser => "role-standard-user",
            Self::BasicUser => "role-basic-user",
            Self::DiscoveryUser => "role-discovery-user",
            Self::SubAccountUser => "role-sub-account-user",
            Self::Custom => "role-custom",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Administrator => "Administrator",
            Self::Manager => "Manager",
            Self::FinanceManager => "Finance Manager",
            Self::StandardUser => "Standard User",
            Self::BasicUser => "Basic User",
            Self::DiscoveryUser => "Discovery User",
            Self::SubAccountUser => "Sub Account User",
            Self::Custom => "Custom role",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip() {
        for k in [
            AccountKind::Enterprise,
            AccountKind::Partner,
            AccountKind::Retail,
            AccountKind::Operator,
        ] {
            assert_eq!(AccountKind::parse(k.as_str()), Some(k));
        }
        for s in [
            AccountStatus::PendingActivation,
            AccountStatus::PendingApproval,
            AccountStatus::Active,
            AccountStatus::Rejected,
            AccountStatus::Expired,
        ] {
            assert_eq!(AccountStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(Role::parse("finance_manager"), Some(Role::FinanceManager));
        assert_eq!(Role::parse("root"), None);
    }
}
