//! The accounts a user belongs to, for choosing the one to work in.

use serde::{Deserialize, Serialize};

use super::{AccountKind, AccountStatus, Role};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountChoice {
    pub id: i32,
    pub name: String,
    pub kind: AccountKind,
    pub status: AccountStatus,
    pub role: Role,
    /// The built-in role's label or the custom role's name.
    pub role_label: super::role_name::RoleName,
    /// The account the session works in now.
    pub current: bool,
    /// Whether it can be chosen: active, and the user not deactivated there.
    pub usable: bool,
    /// Why it cannot be chosen, when it cannot.
    pub reason: Option<crate::i18n::Msg>,
}
