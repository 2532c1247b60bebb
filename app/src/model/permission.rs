//! What a role may do. One list of permissions serves the built-in roles (as the seeds
//! describe them), custom roles, the navigation (which hides what a role cannot do) and the
//! server (which refuses it regardless).

use serde::{Deserialize, Serialize};

use super::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Permission {
    /// Request certificates and follow one's own orders.
    RequestCertificates,
    /// See the orders of the groups one belongs to.
    ViewGroupOrders,
    /// Approve or reject orders waiting for approval.
    ApproveOrders,
    ManageOrganizations,
    ManageDomains,
    ManageGroups,
    /// Allocate and de-allocate credits to groups.
    AllocateCredits,
    ManageUsers,
    /// Create, edit and assign custom roles.
    ManageRoles,
    /// Private CAs and their products.
    ManageCas,
    ManageProducts,
    /// Sub-accounts' price lists, orders and statements.
    ManageSubAccounts,
    /// Create, suspend and reactivate sub-accounts (a partner's Administrator and Manager).
    CreateSubAccounts,
    /// REST and ACME API credentials.
    UseApi,
    /// Balances, ledger, invoices.
    ViewFinance,
    ViewAuditLog,
    ViewReports,
    UseTools,
    /// Account configuration: 2FA enforcement, IP restrictions, notifications.
    ManageSettings,
    /// Certificate discovery, keys and key stores.
    Discovery,
}

impl Permission {
    pub const ALL: [Permission; 20] = [
        Self::RequestCertificates,
        Self::ViewGroupOrders,
        Self::ApproveOrders,
        Self::ManageOrganizations,
        Self::ManageDomains,
        Self::ManageGroups,
        Self::AllocateCredits,
        Self::ManageUsers,
        Self::ManageRoles,
        Self::ManageCas,
        Self::ManageProducts,
        Self::ManageSubAccounts,
        Self::CreateSubAccounts,
        Self::UseApi,
        Self::ViewFinance,
        Self::ViewAuditLog,
        Self::ViewReports,
        Self::UseTools,
        Self::ManageSettings,
        Self::Discovery,
    ];

    /// The stored name (custom roles keep these).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::RequestCertificates => "request_certificates",
            Self::ViewGroupOrders => "view_group_orders",
            Self::ApproveOrders => "approve_orders",
            Self::ManageOrganizations => "manage_organizations",
            Self::ManageDomains => "manage_domains",
            Self::ManageGroups => "manage_groups",
            Self::AllocateCredits => "allocate_credits",
            Self::ManageUsers => "manage_users",
            Self::ManageRoles => "manage_roles",
            Self::ManageCas => "manage_cas",
            Self::ManageProducts => "manage_products",
            Self::ManageSubAccounts => "manage_sub_accounts",
            Self::CreateSubAccounts => "create_sub_accounts",
            Self::UseApi => "use_api",
            Self::ViewFinance => "view_finance",
            Self::ViewAuditLog => "view_audit_log",
            Self::ViewReports => "view_reports",
            Self::UseTools => "use_tools",
            Self::ManageSettings => "manage_settings",
            Self::Discovery => "discovery",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The catalogue key of its description in the reader's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::RequestCertificates => "permission-request-certificates",
            Self::ViewGroupOrders => "permission-view-group-orders",
            Self::ApproveOrders => "permission-approve-orders",
            Self::ManageOrganizations => "permission-manage-organizations",
            Self::ManageDomains => "permission-manage-domains",
            Self::ManageGroups => "permission-manage-groups",
            Self::AllocateCredits => "permission-allocate-credits",
            Self::ManageUsers => "permission-manage-users",
            Self::ManageRoles => "permission-manage-roles",
            Self::ManageCas => "permission-manage-cas",
            Self::ManageProducts => "permission-manage-products",
            Self::ManageSubAccounts => "permission-manage-sub-accounts",
            Self::CreateSubAccounts => "permission-create-sub-accounts",
            Self::UseApi => "permission-use-api",
            Self::ViewFinance => "permission-view-finance",
            Self::ViewAuditLog => "permission-view-audit-log",
            Self::ViewReports => "permission-view-reports",
            Self::UseTools => "permission-use-tools",
            Self::ManageSettings => "permission-manage-settings",
            Self::Discovery => "permission-discovery",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::RequestCertificates => "Request certificates",
            Self::ViewGroupOrders => "See the orders of their groups",
            Self::ApproveOrders => "Approve and reject orders",
            Self::ManageOrganizations => "Manage organizations",
            Self::ManageDomains => "Manage domains",
            Self::ManageGroups => "Manage groups",
            Self::AllocateCredits => "Allocate credits to groups",
            Self::ManageUsers => "Manage users",
            Self::ManageRoles => "Manage custom roles",
            Self::ManageCas => "Manage private CAs",
            Self::ManageProducts => "Manage products",
            Self::ManageSubAccounts => "Manage sub-accounts' price lists, orders and statements",
            Self::CreateSubAccounts => "Create, suspend and reactivate sub-accounts",
            Self::UseApi => "Use the REST and ACME APIs",
            Self::ViewFinance => "See balances, ledger and invoices",
            Self::ViewAuditLog => "See the audit log",
            Self::ViewReports => "See reports",
            Self::UseTools => "Use the tools",
            Self::ManageSettings => "Change account settings and security rules",
            Self::Discovery => "Certificate discovery, keys and key stores",
        }
    }
}

impl Role {
    /// The permissions of a built-in role, as the seeds' role-based access control gives them.
    pub fn permissions(self) -> &'static [Permission] {
        use Permission::*;
        match self {
            Self::Administrator => &Permission::ALL,
            Self::Manager => &[
                RequestCertificates,
                ViewGroupOrders,
                ApproveOrders,
                ManageOrganizations,
                ManageDomains,
                ManageGroups,
                AllocateCredits,
                ManageUsers,
                ManageCas,
                ManageProducts,
                ManageSubAccounts,
                CreateSubAccounts,
                UseApi,
                ViewFinance,
                ViewAuditLog,
                ViewReports,
                UseTools,
            ],
            Self::FinanceManager => &[
                RequestCertificates,
                ViewGroupOrders,
                AllocateCredits,
                ManageUsers,
                ManageCas,
                ManageProducts,
                ManageSubAccounts,
                UseApi,
                ViewFinance,
                ViewAuditLog,
                ViewReports,
                UseTools,
            ],
            Self::StandardUser => &[
                RequestCertificates,
                ViewGroupOrders,
                ManageCas,
                UseApi,
                ViewReports,
                UseTools,
            ],
            Self::BasicUser => &[RequestCertificates, UseApi, ViewReports, UseTools],
            Self::DiscoveryUser => &[Discovery, UseTools],
            // Sees the sub-accounts of their groups and their orders (`ManageSubAccounts`
            // without `ViewFinance` sets no prices).
            Self::SubAccountUser => &[RequestCertificates, ViewGroupOrders, ManageSubAccounts],
            // Held as `custom:<id>`: the permissions come from that role, not from here.
            Self::Custom => &[],
        }
    }

    pub fn can(self, permission: Permission) -> bool {
        self.permissions().contains(&permission)
    }

    pub const ALL: [Role; 7] = [
        Self::Administrator,
        Self::Manager,
        Self::FinanceManager,
        Self::StandardUser,
        Self::BasicUser,
        Self::DiscoveryUser,
        Self::SubAccountUser,
    ];
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip_and_are_unique() {
        let mut names: Vec<&str> = Permission::ALL.iter().map(|p| p.as_str()).collect();
        for p in Permission::ALL {
            assert_eq!(Permission::parse(p.as_str()), Some(p));
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Permission::ALL.len());
    }

    /// The seeds' role descriptions, row by row: who may manage users, see the audit log,
    /// change settings, approve orders, see finance.
    #[test]
    fn built_in_roles_match_the_seeds() {
        use Permission::*;
        let table: [(Role, [bool; 6]); 7] = [
            //                       users  audit  settings approve finance request
            (Role::Administrator, [true, true, true, true, true, true]),
            (Role::Manager, [true, true, false, true, true, true]),
            (Role::FinanceManager, [true, true, false, false, true, true]),
            (
                Role::StandardUser,
                [false, false, false, false, false, true],
            ),
            (Role::BasicUser, [false, false, false, false, false, true]),
            (
                Role::DiscoveryUser,
                [false, false, false, false, false, false],
            ),
            (
                Role::SubAccountUser,
                [false, false, false, false, false, true],
            ),
        ];
        for (role, expected) in table {
            let got = [
                role.can(ManageUsers),
                role.can(ViewAuditLog),
                role.can(ManageSettings),
                role.can(ApproveOrders),
                role.can(ViewFinance),
                role.can(RequestCertificates),
            ];
            assert_eq!(got, expected, "{role:?}");
        }
        // Only administrators shape roles themselves.
        for role in Role::ALL {
            assert_eq!(role.can(ManageRoles), role == Role::Administrator);
        }
    }
}
