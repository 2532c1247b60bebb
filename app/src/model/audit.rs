//! The audit log as the portal shows it: filters, one page of entries.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::FieldErrors;

/// Entries per page of the audit log (the seeds: "the last 10 by default").
pub const AUDIT_PAGE_SIZE: u64 = 10;

/// The filters of the audit page, as typed (query-string values).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditQuery {
    /// A module name ("identity", "ca", …); empty for all.
    #[serde(default)]
    pub module: String,
    /// Part of a user's e-mail address or name; empty for all.
    #[serde(default)]
    pub user: String,
    /// First day, YYYY-MM-DD (UTC); empty for no lower bound.
    #[serde(default)]
    pub from: String,
    /// Last day, YYYY-MM-DD (UTC), inclusive; empty for no upper bound.
    #[serde(default)]
    pub to: String,
    /// 1-based page number.
    #[serde(default)]
    pub page: Option<u64>,
}

/// The filters once checked: dates as (year, month, day).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAuditQuery {
    pub module: Option<String>,
    pub user: Option<String>,
    pub from: Option<(i32, u32, u32)>,
    pub to: Option<(i32, u32, u32)>,
    pub page: u64,
}

impl AuditQuery {
    pub fn validate(&self) -> Result<ValidAuditQuery, FieldErrors> {
        let mut errors = FieldErrors::new();
        let module = self.module.trim();
        if module.len() > 32 || !module.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            errors.add("module", Msg::new("err-choose-module-list"));
        }
        let user = self.user.trim();
        if user.chars().count() > 254 {
            errors.add("user", Msg::new("err-enter-most-254-characters"));
        }
        let from = super::field_errors::calendar_date("from", &self.from, &mut errors);
        let to = super::field_errors::calendar_date("to", &self.to, &mut errors);
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            errors.add("to", Msg::new("err-end-date-must-not-before"));
        }
        let page = errors.check("page", super::field_errors::page_number(self.page));
        let Some(page) = page.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        Ok(ValidAuditQuery {
            module: (!module.is_empty()).then(|| module.to_owned()),
            user: (!user.is_empty()).then(|| user.to_owned()),
            from,
            to,
            page,
        })
    }
}

/// One audit entry as the page lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntryView {
    pub id: i64,
    /// UTC, "YYYY-MM-DD HH:MM:SS".
    pub at: String,
    pub module: String,
    pub action: String,
    /// The acting user's e-mail address, if a user acted.
    pub user: Option<String>,
    pub ip: Option<String>,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntryView>,
    pub page: u64,
    /// Entries matching the filters, over all pages.
    pub total: u64,
    /// The modules the account's log has entries for (the module filter's choices).
    pub modules: Vec<String>,
}

impl AuditPage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(AUDIT_PAGE_SIZE).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(from: &str, to: &str) -> AuditQuery {
        AuditQuery {
            from: from.into(),
            to: to.into(),
            ..Default::default()
        }
    }

    #[test]
    fn dates_are_checked_and_ordered() {
        assert_eq!(
            query("2026-11-01", "2026-11-21").validate().unwrap().from,
            Some((2026, 11, 1))
        );
        for (from, to, field) in [
            ("2026-13-01", "", "from"),
            ("2026-02-29", "", "from"),
            ("21-11-2026", "", "from"),
            ("", "tomorrow", "to"),
            ("2026-11-21", "2026-11-01", "to"),
        ] {
            let errors = query(from, to).validate().unwrap_err();
            assert!(errors.get(field).is_some(), "{from} {to}");
        }
        assert!(query("2024-02-29", "").validate().is_ok());
    }

    #[test]
    fn modules_and_pages_are_checked() {
        let bad_module = AuditQuery {
            module: "Robert'); DROP".into(),
            ..Default::default()
        };
        assert!(bad_module.validate().unwrap_err().get("module").is_some());
        let page_zero = AuditQuery {
            page: Some(0),
            ..Default::default()
        };
        assert!(page_zero.validate().unwrap_err().get("page").is_some());
        assert_eq!(AuditQuery::default().validate().unwrap().page, 1);
    }
}
