use serde::{Deserialize, Serialize};

use super::{AccountKind, AccountStatus, Permission, Role};

/// Where a session stands with its second factor, as stored: passed (or none owed), or
/// still owing an enrolment or a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SecondFactorState {
    Done,
    Enrol,
    Code,
}

impl SecondFactorState {
    pub const ALL: [SecondFactorState; 3] = [Self::Done, Self::Enrol, Self::Code];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::Enrol => "enrol",
            Self::Code => "code",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What a single-use e-mailed token of a user is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TokenPurpose {
    /// Choosing the first password of an invited or signed-up user.
    Activation,
}

impl TokenPurpose {
    pub const ALL: [TokenPurpose; 1] = [Self::Activation];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Activation => "activation",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// What the portal shows about the signed-in user and the account they act for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionView {
    pub user_name: String,
    pub user_email: String,
    pub role: Role,
    /// The role's name: a built-in role's label, or a custom role's own name.
    pub role_label: super::role_name::RoleName,
    /// What the role allows, so the portal shows only what the user can do.
    pub permissions: Vec<Permission>,
    pub is_operator: bool,
    pub account_name: String,
    pub account_kind: AccountKind,
    pub account_status: AccountStatus,
    pub account_country: String,
    /// The user belongs to other accounts too (the header offers to switch).
    pub other_accounts: bool,
    pub signed_in_at: Option<super::Moment>,
    /// The language of the request that asked, as the browser now chooses it. A page drawn
    /// in another one (the browser signed in without a full load, and the user's saved
    /// language came with the session) loads again to be drawn whole in this one.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    /// The balances below their low-balance alert's threshold, for the banner: the
    /// account's, and those of the user's groups that pay from their own balance.
    #[serde(default)]
    pub low_balance: Vec<super::low_balance::LowBalanceBanner>,
    /// Whether this installation is a publicly trusted CA (`ROOTLINE_PUBLIC_TRUST`); when it is
    /// not, every page says its certificates are trusted only where its root is installed.
    #[serde(default)]
    pub publicly_trusted: bool,
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
