//! Credits and balances (FIN-2): amounts as integer minor units, the forms that move credits,
//! and what the statement and balance pages show.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::FieldErrors;

/// The currencies an account's credits can be in.
pub const CURRENCIES: [&str; 2] = ["USD", "INR"];

/// Lines per page of a statement or a group's history.
pub const STATEMENT_PAGE_SIZE: u64 = 20;

/// The largest amount one form may move: 999,999,999,999.99 (well inside `i64`).
const MAX_WHOLE_DIGITS: usize = 12;

/// "2500", "2500.5" or "2,500.50" as minor units (two decimals); `None` when empty. The error
/// is `Err(())`: each form says what it expects in its own words.
#[allow(clippy::result_unit_err)]
pub fn parse_minor_units(raw: &str) -> Result<Option<i64>, ()> {
    let text: String = raw.trim().chars().filter(|c| *c != ',').collect();
    if text.is_empty() {
        return Ok(None);
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if whole.is_empty()
        || whole.len() > MAX_WHOLE_DIGITS
        || fraction.len() > 2
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(());
    }
    let whole: i64 = whole.parse().map_err(|_| ())?;
    let cents: i64 = format!("{fraction:0<2}").parse().map_err(|_| ())?;
    Ok(Some(whole * 100 + cents))
}

/// Minor units as the plain decimal a form field takes back: `250050` → `2500.50`.
pub fn minor_text(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

/// Minor units with their currency and thousands separators, in English: `USD 2,500.50`,
/// `INR -10.00` (what logs, exports and the REST API show; pages use [`crate::i18n::money`]
/// in the reader's language).
pub fn format_money(minor: i64, currency: &str) -> String {
    crate::i18n::money(crate::i18n::Lang::En, minor, currency)
}

/// Who adds credit while the portal takes no payments: the Overview says it, and so does the
/// refusal of an order the balance does not cover.
pub const HOW_CREDIT_IS_ADDED: &str = "Payments in the portal are not available yet: the \
     Rootline operator adds credit to your account (Operator, Accounts, your account, Credits). \
     An administrator of your account then allocates credits to groups that pay from their own \
     balance.";

/// Credits to grant to an account (operator) or to move between the account and a group
/// (administrator): a positive amount and the remarks that explain it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditForm {
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub remarks: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCredit {
    pub amount_minor: i64,
    pub remarks: String,
}

impl CreditForm {
    pub fn validate(&self) -> Result<ValidCredit, FieldErrors> {
        let mut errors = FieldErrors::new();
        let amount_minor = match parse_minor_units(&self.amount) {
            Ok(Some(m)) if m > 0 => Some(m),
            Ok(Some(_)) => {
                errors.add("amount", Msg::new("err-enter-amount-greater-than-zero"));
                None
            }
            Ok(None) => {
                errors.add("amount", Msg::new("err-enter-amount-such-250-250"));
                None
            }
            Err(()) => {
                errors.add("amount", Msg::new("err-enter-amount-such-250-250-2"));
                None
            }
        };
        let remarks = self.remarks.trim();
        if remarks.is_empty() {
            errors.add("remarks", Msg::new("err-enter-remarks-explain-change"));
        } else if remarks.chars().count() > 500 {
            errors.add("remarks", Msg::new("err-enter-most-500-characters"));
        } else if remarks.chars().any(|c| c.is_control() && c != '\n') {
            errors.add("remarks", Msg::new("err-remarks-must-not-contain-control"));
        }
        match (amount_minor, errors.is_empty()) {
            (Some(amount_minor), true) => Ok(ValidCredit {
                amount_minor,
                remarks: remarks.to_owned(),
            }),
            _ => Err(errors),
        }
    }
}

/// Which way credits move between the account balance and a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Allocation {
    /// From the account balance to the group.
    Allocate,
    /// From the group back to the account balance.
    Deallocate,
}

impl Allocation {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "allocate" => Some(Self::Allocate),
            "deallocate" => Some(Self::Deallocate),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Allocate => "allocate",
            Self::Deallocate => "deallocate",
        }
    }
}

/// One ledger transaction as a statement shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerLine {
    pub id: i32,
    pub at: super::Moment,
    pub kind: super::statement::LedgerKind,
    pub memo: String,
    pub group_name: Option<String>,
    pub order_id: Option<i32>,
    /// What the transaction did to the account balance (signed), if anything.
    pub account_change_minor: i64,
    /// What it did to the group's balance (signed), if it touched a group's balance.
    pub group_change_minor: i64,
    /// The account balance right after this transaction (a running balance).
    pub account_balance_minor: i64,
    /// The group's balance right after it, when it touched a group's balance.
    pub group_balance_minor: Option<i64>,
    /// The amount moved (positive).
    pub amount_minor: i64,
    /// Who did it: a user's name, or empty for the system.
    pub actor: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementPage {
    pub currency: String,
    /// Newest first.
    pub lines: Vec<LedgerLine>,
    pub page: u64,
    pub total: u64,
}

impl StatementPage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(STATEMENT_PAGE_SIZE).max(1)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupBalance {
    pub group_id: i32,
    pub name: String,
    /// Orders are paid from the group's own balance or the account's.
    pub finance_mode: crate::model::groups::FinanceMode,
    pub balance_minor: i64,
    pub spend_limit_minor: Option<i64>,
    /// Charges minus refunds of the group's orders, whoever paid them.
    pub spent_minor: i64,
}

/// The billing page: the account balance, each group's, and the statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingPage {
    pub currency: String,
    pub account_balance_minor: i64,
    pub groups: Vec<GroupBalance>,
    pub statement: StatementPage,
    /// The months with a monthly invoice to download (`YYYY-MM`), the current one first.
    pub invoice_months: Vec<String>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A month as monthly invoices name it, `YYYY-MM`, read back; `None` for anything else.
pub fn parse_month(code: &str) -> Option<(i32, u32)> {
    let (year, month) = code.split_once('-')?;
    if year.len() != 4 || month.len() != 2 {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    let month: u32 = month.parse().ok()?;
    ((1..=12).contains(&month) && year >= 2000).then_some((year, month))
}

/// `2026-11` as "November 2026".
pub fn month_label(code: &str) -> String {
    match parse_month(code) {
        Some((year, month)) => format!(
            "{} {year}",
            MONTHS
                .get(usize::try_from(month).unwrap_or(1) - 1)
                .copied()
                .unwrap_or_default()
        ),
        None => code.to_owned(),
    }
}

/// The `count` months up to and including `(year, month)`, newest first.
/// The months from `now` (year, month) back to `since` (the account's first month), newest
/// first, at most `max`: no invoice for a month before the account existed.
pub fn months_since(since: (i32, u32), now: (i32, u32), max: usize) -> Vec<String> {
    let elapsed =
        (i64::from(now.0) - i64::from(since.0)) * 12 + i64::from(now.1) - i64::from(since.1);
    let count = usize::try_from(elapsed.saturating_add(1).max(1)).unwrap_or(max);
    months_back(now.0, now.1, count.min(max))
}

pub fn months_back(year: i32, month: u32, count: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(count);
    let (mut y, mut m) = (year, month);
    for _ in 0..count {
        out.push(format!("{y:04}-{m:02}"));
        if m == 1 {
            y -= 1;
            m = 12;
        } else {
            m -= 1;
        }
    }
    out
}

/// A group's finances on its page: balance, limit, and history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupFinance {
    pub group: GroupBalance,
    pub currency: String,
    pub account_balance_minor: i64,
    pub history: StatementPage,
}

/// What the operator sees before granting credits to an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountCredits {
    pub account_id: i32,
    pub account_name: String,
    pub currency: String,
    pub balance_minor: i64,
    pub statement: StatementPage,
}

#[cfg(test)]
mod tests {

    #[test]
    fn months_of_monthly_invoices_are_named_and_counted_back_over_new_year() {
        assert_eq!(parse_month("2026-11"), Some((2026, 11)));
        for bad in [
            "2026-13", "2026-1", "26-11", "2026/11", "", "abcd-ef", "1999-12",
        ] {
            assert_eq!(parse_month(bad), None, "{bad}");
        }
        assert_eq!(month_label("2026-02"), "February 2026");
        assert_eq!(months_back(2026, 2, 3), ["2026-02", "2026-01", "2025-12"]);
    }

    #[test]
    fn invoices_are_listed_only_for_months_since_the_account_was_created() {
        assert_eq!(months_since((2026, 12), (2026, 12), 12), ["2026-12"]);
        assert_eq!(
            months_since((2026, 11), (2027, 1), 12),
            ["2027-01", "2026-12", "2026-11"]
        );
        assert_eq!(months_since((2020, 1), (2026, 12), 12).len(), 12);
        // A clock behind the account's creation still lists the current month.
        assert_eq!(months_since((2027, 1), (2026, 12), 12), ["2026-12"]);
    }

    use super::*;

    #[test]
    fn amounts_parse_to_minor_units() {
        let table: [(&str, Result<Option<i64>, ()>); 12] = [
            ("2500", Ok(Some(250_000))),
            ("2,500.5", Ok(Some(250_050))),
            (" 0.07 ", Ok(Some(7))),
            ("10.", Ok(Some(1000))),
            ("", Ok(None)),
            ("   ", Ok(None)),
            ("-5", Err(())),
            ("1.234", Err(())),
            ("ten", Err(())),
            (".5", Err(())),
            ("1e3", Err(())),
            ("1234567890123", Err(())),
        ];
        for (raw, expected) in table {
            assert_eq!(parse_minor_units(raw), expected, "{raw:?}");
        }
    }

    #[test]
    fn money_is_shown_with_currency_and_separators() {
        let table = [
            (0, "USD", "USD 0.00"),
            (5, "USD", "USD 0.05"),
            (1_000, "USD", "USD 10.00"),
            (250_050, "INR", "INR 2,500.50"),
            (123_456_789, "USD", "USD 1,234,567.89"),
            (-2_500, "USD", "USD -25.00"),
        ];
        for (minor, currency, text) in table {
            assert_eq!(format_money(minor, currency), text);
        }
        assert_eq!(minor_text(250_050), "2500.50");
        assert_eq!(minor_text(-7), "-0.07");
    }

    #[test]
    fn a_credit_needs_a_positive_amount_and_remarks() {
        let ok = CreditForm {
            amount: "25".into(),
            remarks: " Opening balance ".into(),
        };
        assert_eq!(
            ok.validate(),
            Ok(ValidCredit {
                amount_minor: 2_500,
                remarks: "Opening balance".into()
            })
        );
        let table = [
            ("0", "x", "amount"),
            ("0.00", "x", "amount"),
            ("-5", "x", "amount"),
            ("", "x", "amount"),
            ("abc", "x", "amount"),
            ("5", "", "remarks"),
            ("5", "   ", "remarks"),
            ("5", "a\u{7}b", "remarks"),
        ];
        for (amount, remarks, field) in table {
            let form = CreditForm {
                amount: amount.into(),
                remarks: remarks.into(),
            };
            let errors = form.validate().unwrap_err();
            assert!(errors.get(field).is_some(), "{amount:?} {remarks:?}");
        }
        let long = CreditForm {
            amount: "5".into(),
            remarks: "r".repeat(501),
        };
        assert!(long.validate().unwrap_err().get("remarks").is_some());
    }
}
