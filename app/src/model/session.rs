use serde::{Deserialize, Serialize};

use super::{AccountKind, AccountStatus, Role};

/// What the portal shows about the signed-in user and the account they act for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub user_name: String,
    pub user_email: String,
    pub role: Role,
    pub is_operator: bool,
    pub account_name: String,
    pub account_kind: AccountKind,
    pub account_status: AccountStatus,
    pub account_country: String,
    pub signed_in_at: String,
}

/// What the activation page shows before the user chooses a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivationView {
    pub user_name: String,
    pub user_email: String,
    pub account_name: String,
}
