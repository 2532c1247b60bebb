use serde::{Deserialize, Serialize};

use super::{AccountKind, AccountStatus, Permission, Role};

/// What the portal shows about the signed-in user and the account they act for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub user_name: String,
    pub user_email: String,
    pub role: Role,
    /// The role's name: a built-in role's label, or a custom role's own name.
    pub role_label: String,
    /// What the role allows, so the portal shows only what the user can do.
    pub permissions: Vec<Permission>,
    pub is_operator: bool,
    pub account_name: String,
    pub account_kind: AccountKind,
    pub account_status: AccountStatus,
    pub account_country: String,
    /// The user belongs to other accounts too (the header offers to switch).
    pub other_accounts: bool,
    pub signed_in_at: String,
}

impl SessionView {
    pub fn can(&self, permission: Permission) -> bool {
        self.permissions.contains(&permission)
    }
}

/// What the activation page shows before the user chooses a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationView {
    pub user_name: String,
    pub user_email: String,
    pub account_name: String,
}
