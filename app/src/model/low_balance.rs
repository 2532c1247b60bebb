//! Low-balance alerts (SET-1 / FIN-5): an administrator's threshold and recipients for the
//! account's balance and for each group that pays from its own balance, what the settings
//! page shows, and the banner every portal page shows while a balance is below its threshold.

use serde::{Deserialize, Serialize};

use super::{Currency, FieldErrors, GroupId, Money, email::email_list, payments::amount_in};
use crate::i18n::Msg;

/// The settings page.
pub const SETTINGS_PATH: &str = "/settings/low-balance-alerts";

/// The most addresses one alert mails.
pub const MAX_ADDRESSES: usize = 10;

/// Which balance an alert watches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AlertedBalance {
    /// The account's own balance.
    Account,
    /// The own balance of a group whose finance mode is `group`.
    Group(GroupId),
}

impl AlertedBalance {
    /// As a form posts it: empty for the account's balance, else the group's id.
    pub fn from_form(raw: &str) -> Option<Self> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Some(Self::Account);
        }
        raw.parse().ok().map(Self::Group)
    }

    /// What [`Self::from_form`] reads back.
    pub fn form_value(self) -> String {
        match self {
            Self::Account => String::new(),
            Self::Group(g) => g.to_string(),
        }
    }

    /// A token for element ids and test ids: `account` or `group-<id>`.
    pub fn slug(self) -> String {
        match self {
            Self::Account => "account".into(),
            Self::Group(g) => format!("group-{g}"),
        }
    }
}

/// The alert form of one balance, as posted (every value text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LowBalanceForm {
    /// Empty for the account's balance, else the group's id.
    #[serde(default)]
    pub group: String,
    #[serde(default, deserialize_with = "super::form_values::checkbox")]
    pub enabled: bool,
    /// In the account's currency, such as 500 or 500.50.
    #[serde(default)]
    pub threshold: String,
    /// Addresses separated by commas, semicolons or new lines.
    #[serde(default)]
    pub addresses: String,
}

/// A checked alert form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLowBalance {
    pub balance: AlertedBalance,
    pub enabled: bool,
    pub threshold: Money,
    /// 1 to [`MAX_ADDRESSES`] valid addresses, lower case, no repeats.
    pub addresses: Vec<String>,
}

impl LowBalanceForm {
    /// Every field checked, each mistake on its field; amounts in the account's `currency`.
    pub fn validate(&self, currency: Currency) -> Result<ValidLowBalance, FieldErrors> {
        let mut errors = FieldErrors::new();
        let balance = errors.check(
            "group",
            AlertedBalance::from_form(&self.group).ok_or_else(|| Msg::new("err-low-balance-which")),
        );
        let threshold = errors.check("threshold", amount_in(&self.threshold, "", currency));
        let addresses = errors.check(
            "addresses",
            email_list(&self.addresses, MAX_ADDRESSES).and_then(|list| {
                if list.is_empty() {
                    Err(Msg::new("err-low-balance-no-address"))
                } else {
                    Ok(list)
                }
            }),
        );
        match (balance, threshold, addresses) {
            (Some(balance), Some(threshold), Some(addresses)) if errors.is_empty() => {
                Ok(ValidLowBalance {
                    balance,
                    enabled: self.enabled,
                    threshold: Money::new(threshold, currency),
                    addresses,
                })
            }
            _ => Err(errors),
        }
    }
}

/// A saved alert, as the settings page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertView {
    pub enabled: bool,
    pub threshold_minor: i64,
    pub addresses: Vec<String>,
    /// The balance is below the threshold and the mail has gone out.
    pub below: bool,
}

/// One balance an alert can watch, with its alert if it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertSetting {
    pub balance: AlertedBalance,
    /// The group's name; `None` for the account's balance.
    pub group_name: Option<String>,
    pub balance_minor: i64,
    pub alert: Option<AlertView>,
}

/// The settings page: the account's balance first, then each group paying from its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LowBalanceAlerts {
    pub currency: Currency,
    pub balances: Vec<AlertSetting>,
}

/// A balance below its alert's threshold, as the portal's banner says it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LowBalanceBanner {
    /// The group's name; `None` for the account's balance.
    pub group_name: Option<String>,
    pub balance: Money,
    pub threshold: Money,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(group: &str, threshold: &str, addresses: &str) -> LowBalanceForm {
        LowBalanceForm {
            group: group.into(),
            enabled: true,
            threshold: threshold.into(),
            addresses: addresses.into(),
        }
    }

    #[test]
    fn a_good_form_reads_as_its_balance_threshold_and_addresses() {
        let valid = form(
            " 7 ",
            "50.5",
            "Ops@Example.com,\nfin@example.com; ops@example.com",
        )
        .validate(Currency::Usd)
        .unwrap();
        assert_eq!(valid.balance, AlertedBalance::Group(GroupId(7)));
        assert_eq!(valid.threshold, Money::new(5_050, Currency::Usd));
        assert_eq!(valid.addresses, ["ops@example.com", "fin@example.com"]);
        let account = form("", "1", "a@example.com")
            .validate(Currency::Inr)
            .unwrap();
        assert_eq!(account.balance, AlertedBalance::Account);
    }

    #[test]
    fn each_mistake_is_reported_on_its_field() {
        // (group, threshold, addresses, the fields refused)
        let eleven = (0..11)
            .map(|i| format!("a{i}@example.com"))
            .collect::<Vec<_>>()
            .join(",");
        let table = [
            ("", "0", "a@example.com", vec!["threshold"]),
            ("", "", "a@example.com", vec!["threshold"]),
            ("", "-5", "a@example.com", vec!["threshold"]),
            ("", "ten", "a@example.com", vec!["threshold"]),
            ("", "10", "", vec!["addresses"]),
            ("", "10", "not-an-address", vec!["addresses"]),
            ("", "10", eleven.as_str(), vec!["addresses"]),
            ("x", "10", "a@example.com", vec!["group"]),
            ("", "0", "", vec!["threshold", "addresses"]),
        ];
        for (group, threshold, addresses, fields) in table {
            let errors = form(group, threshold, addresses)
                .validate(Currency::Usd)
                .unwrap_err();
            for f in ["group", "threshold", "addresses"] {
                assert_eq!(
                    errors.get(f).is_some(),
                    fields.contains(&f),
                    "{group:?} {threshold:?} {addresses:?}: {f}"
                );
            }
        }
    }

    #[test]
    fn a_balance_reads_back_from_its_form_value() {
        for b in [AlertedBalance::Account, AlertedBalance::Group(GroupId(12))] {
            assert_eq!(AlertedBalance::from_form(&b.form_value()), Some(b));
        }
    }
}
