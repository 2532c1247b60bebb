//! The ledger statement (FIN-2, the seeds' "Ledger statement"): every credit and debit of an
//! account with the balance after each, filtered by dates, type and group, as the page shows
//! it and the Excel export writes it. A partner reads its sub-accounts' statements the same way.

use serde::{Deserialize, Serialize};

use super::{FieldErrors, billing::StatementPage, field_errors::page_number, when::Day};
use crate::i18n::Msg;

/// The kinds of ledger transaction. The server's ledger rules (who is debited and credited)
/// are keyed by these; the stored names fit the 16-character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LedgerKind {
    Grant,
    Allocate,
    Deallocate,
    OrderCharge,
    OrderRefund,
    /// A payment received (online or an approved bank transfer) credits the account.
    Payment,
    /// A requested withdrawal is held at once, so it cannot be spent twice.
    WithdrawalHold,
    /// The operator paid the held withdrawal out to the bank account.
    WithdrawalPaid,
    /// The operator refused the withdrawal: the held credits go back to the account.
    WithdrawalRelease,
}

impl LedgerKind {
    pub const ALL: [LedgerKind; 9] = [
        Self::Grant,
        Self::Allocate,
        Self::Deallocate,
        Self::OrderCharge,
        Self::OrderRefund,
        Self::Payment,
        Self::WithdrawalHold,
        Self::WithdrawalPaid,
        Self::WithdrawalRelease,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Grant => "grant",
            Self::Allocate => "allocate",
            Self::Deallocate => "deallocate",
            Self::OrderCharge => "order_charge",
            Self::OrderRefund => "order_refund",
            Self::Payment => "payment",
            Self::WithdrawalHold => "withdrawal_hold",
            Self::WithdrawalPaid => "withdrawal_paid",
            // The column holds 16 characters.
            Self::WithdrawalRelease => "hold_release",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The catalogue key of its name ("Order charged", …).
    pub fn key(self) -> &'static str {
        match self {
            Self::Grant => "ledger-kind-grant",
            Self::Allocate => "ledger-kind-allocate",
            Self::Deallocate => "ledger-kind-deallocate",
            Self::OrderCharge => "ledger-kind-order-charge",
            Self::OrderRefund => "ledger-kind-order-refund",
            Self::Payment => "ledger-kind-payment",
            Self::WithdrawalHold => "ledger-kind-withdrawal-hold",
            Self::WithdrawalPaid => "ledger-kind-withdrawal-paid",
            Self::WithdrawalRelease => "ledger-kind-withdrawal-release",
        }
    }
}

/// The statement's filters as typed: the query string of the page's GET form, which the Excel
/// export's link repeats. Every field may be empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementQuery {
    /// The first day (`YYYY-MM-DD`, UTC), inclusive.
    #[serde(default)]
    pub from: String,
    /// The last day (`YYYY-MM-DD`, UTC), inclusive.
    #[serde(default)]
    pub to: String,
    /// A [`LedgerKind`]'s stored name.
    #[serde(default)]
    pub kind: String,
    /// A group's id, of the account whose statement this is.
    #[serde(default)]
    pub group: String,
    /// A partner's sub-account's id; empty for the caller's own account.
    #[serde(default)]
    pub account: String,
    #[serde(default)]
    pub page: String,
}

/// The filters once checked. Whether the group and the sub-account exist (and are the
/// caller's to see) is the server's to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementFilter {
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub kind: Option<LedgerKind>,
    pub group: Option<i32>,
    pub account: Option<i32>,
    pub page: u64,
}

/// A positive id typed into the address, or the message for its field.
fn id_in(raw: &str, message: &'static str) -> Result<Option<i32>, Msg> {
    match raw.trim() {
        "" => Ok(None),
        text => text
            .parse::<i32>()
            .ok()
            .filter(|id| *id > 0)
            .map(Some)
            .ok_or_else(|| Msg::new(message)),
    }
}

fn day_in(raw: &str) -> Result<Option<Day>, Msg> {
    match raw.trim() {
        "" => Ok(None),
        text => super::payments::parse_day(text)
            .map(Some)
            .ok_or_else(|| Msg::new("err-statement-date")),
    }
}

impl StatementQuery {
    /// The filters, or every problem with them against its field.
    pub fn validate(&self) -> Result<StatementFilter, FieldErrors> {
        let mut errors = FieldErrors::new();
        let from = errors.check("from", day_in(&self.from)).flatten();
        let to = errors.check("to", day_in(&self.to)).flatten();
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            errors.add("to", Msg::new("err-statement-range"));
        }
        let kind = match self.kind.trim() {
            "" => None,
            name => {
                let kind = LedgerKind::parse(name);
                if kind.is_none() {
                    errors.add("kind", Msg::new("err-statement-kind"));
                }
                kind
            }
        };
        let group = errors
            .check("group", id_in(&self.group, "err-statement-group"))
            .flatten();
        let account = errors
            .check("account", id_in(&self.account, "err-statement-account"))
            .flatten();
        let page = match self.page.trim() {
            "" => Ok(1),
            text => text
                .parse::<u64>()
                .map_err(|_| Msg::new("err-there-no-such-page"))
                .and_then(|n| page_number(Some(n))),
        };
        let page = errors.check("page", page);
        match (page, errors.is_empty()) {
            (Some(page), true) => Ok(StatementFilter {
                from,
                to,
                kind,
                group,
                account,
                page,
            }),
            _ => Err(errors),
        }
    }
}

/// A group or sub-account the filters offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementChoice {
    pub id: i32,
    pub name: String,
}

/// What the statement page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementView {
    /// The account whose statement this is.
    pub account_name: String,
    /// Set when a partner reads one of its sub-accounts' statements.
    pub sub_account_id: Option<i32>,
    pub currency: String,
    /// The account balance now.
    pub balance_minor: i64,
    /// The account balance before the first day of the period (0 without a first day).
    pub opening_minor: i64,
    /// The account balance at the end of the last day of the period (now without one).
    pub closing_minor: i64,
    /// What the transactions the filters select added to the account balance.
    pub credits_minor: i64,
    /// What they took from it (positive).
    pub debits_minor: i64,
    /// The account's groups, for the group filter.
    pub groups: Vec<StatementChoice>,
    /// A partner's sub-accounts the caller looks after (empty for other accounts).
    pub sub_accounts: Vec<StatementChoice>,
    pub statement: StatementPage,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_and_fits_its_column() {
        for k in LedgerKind::ALL {
            assert_eq!(LedgerKind::parse(k.as_str()), Some(k));
            assert!(k.as_str().len() <= 16, "{k:?}");
            assert!(k.key().starts_with("ledger-kind-"));
        }
    }

    #[test]
    fn empty_filters_select_everything_on_the_first_page() {
        let f = StatementQuery::default().validate().unwrap();
        assert_eq!(
            f,
            StatementFilter {
                from: None,
                to: None,
                kind: None,
                group: None,
                account: None,
                page: 1
            }
        );
    }

    #[test]
    fn bad_filters_are_refused_on_their_own_fields() {
        let q = StatementQuery {
            from: "2026-02-30".into(),
            to: "tomorrow".into(),
            kind: "gift".into(),
            group: "-3".into(),
            account: "x".into(),
            page: "0".into(),
        };
        let errors = q.validate().unwrap_err();
        for field in ["from", "to", "kind", "group", "account", "page"] {
            assert!(
                errors.0.iter().any(|e| e.field == field),
                "{field}: {errors:?}"
            );
        }
    }

    #[test]
    fn an_end_before_the_start_is_refused_and_one_day_is_allowed() {
        let mut q = StatementQuery {
            from: "2026-12-05".into(),
            to: "2026-12-04".into(),
            ..Default::default()
        };
        assert!(q.validate().unwrap_err().0.iter().any(|e| e.field == "to"));
        q.to = "2026-12-05".into();
        let f = q.validate().unwrap();
        assert_eq!(f.from, f.to);
    }
}
