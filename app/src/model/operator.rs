//! The operator console's view of customer accounts.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{AccountKind, AccountStatus, FieldErrors};

pub const ACCOUNTS_PAGE_SIZE: u64 = 20;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsQuery {
    /// An `AccountStatus::as_str` name; empty for all.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub page: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: i32,
    pub name: String,
    pub kind: AccountKind,
    pub status: AccountStatus,
    pub country: String,
    /// UTC date of sign-up.
    pub created: super::Day,
    /// The e-mail address of the account's first administrator.
    pub administrator: String,
    pub multiple_groups: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsPage {
    pub accounts: Vec<AccountView>,
    pub page: u64,
    pub total: u64,
}

impl AccountsPage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(ACCOUNTS_PAGE_SIZE).max(1)
    }
}

/// The reason an operator gives when rejecting an application: the applicant reads it.
pub fn rejection_reason(raw: &str) -> Result<String, FieldErrors> {
    let reason = raw.trim();
    let n = reason.chars().count();
    if !(5..=500).contains(&n) {
        return Err(FieldErrors::single(
            "reason",
            Msg::new("err-give-applicant-reason-5-500"),
        ));
    }
    if reason.chars().any(|c| c.is_control() && c != '\n') {
        return Err(FieldErrors::single(
            "reason",
            Msg::new("err-reason-must-not-contain-control"),
        ));
    }
    Ok(reason.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rejection_needs_a_real_reason() {
        assert!(rejection_reason("  ").is_err());
        assert!(rejection_reason("no").is_err());
        assert!(rejection_reason(&"x".repeat(501)).is_err());
        assert_eq!(
            rejection_reason(" Business not verified. ").unwrap(),
            "Business not verified."
        );
    }
}
