//! The stored standing of a user (the person) and of a membership (the person in one account).
//! The users page shows the two combined as `users::MemberStatus`.

use serde::{Deserialize, Serialize};

/// Whether a user has finished activation (chosen a password).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UserStatus {
    PendingActivation,
    Active,
}

impl UserStatus {
    pub const ALL: [UserStatus; 2] = [Self::PendingActivation, Self::Active];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::PendingActivation => "pending_activation",
            Self::Active => "active",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// Whether a membership may be used: an administrator deactivates a user per account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MembershipStatus {
    Active,
    Deactivated,
}

impl MembershipStatus {
    pub const ALL: [MembershipStatus; 2] = [Self::Active, Self::Deactivated];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Active => "active",
            Self::Deactivated => "deactivated",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_from_its_stored_text() {
        for s in UserStatus::ALL {
            assert_eq!(UserStatus::parse(s.as_str()), Some(s));
        }
        for s in MembershipStatus::ALL {
            assert_eq!(MembershipStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(UserStatus::parse("deactivated"), None);
        assert_eq!(MembershipStatus::parse("pending_activation"), None);
    }
}
