//! Money: integer minor units with the currency they are in. An amount never travels without
//! its currency, so two amounts in different currencies cannot be added by accident.

use std::{fmt, str::FromStr};

use serde::{Deserialize, Serialize};

use super::billing::format_money;

/// The currencies an account's credits and prices can be in (the text in `billing::CURRENCIES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "INR")]
    Inr,
}

impl Currency {
    pub const ALL: [Currency; 2] = [Currency::Usd, Currency::Inr];

    /// The ISO 4217 code, as stored and shown.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Usd => "USD",
            Self::Inr => "INR",
        }
    }

    /// The currency of an ISO 4217 code; `None` for a code Rootline does not bill in.
    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == code)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown currency {0:?}")]
pub struct UnknownCurrency(pub String);

impl FromStr for Currency {
    type Err = UnknownCurrency;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s).ok_or_else(|| UnknownCurrency(s.to_owned()))
    }
}

/// An amount: integer minor units (cents, paise) and the currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub const fn new(minor: i64, currency: Currency) -> Self {
        Self { minor, currency }
    }

    /// The amount in major units (dollars, rupees) for a spreadsheet's number cell: both
    /// currencies have a hundred minor units, and amounts are far below the 2^53 minor units
    /// a float holds exactly.
    pub fn major_units(self) -> f64 {
        self.minor as f64 / 100.0
    }

    /// The sum, or `None` when the currencies differ or the sum overflows.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        if self.currency != other.currency {
            return None;
        }
        self.minor
            .checked_add(other.minor)
            .map(|minor| Money::new(minor, self.currency))
    }

    /// The amount as a reader of `lang` writes money (see [`crate::i18n::money`]).
    pub fn text(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::money(lang, self.minor, self.currency.as_str())
    }

    /// The same amount with the opposite sign (the other side of a posting).
    pub const fn negated(self) -> Money {
        Money::new(-self.minor, self.currency)
    }
}

/// `USD 2,500.50`, as statements show amounts.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_money(self.minor, self.currency.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_billing_currency_code_parses_to_a_currency_and_back() {
        for code in super::super::billing::CURRENCIES {
            assert_eq!(Currency::parse(code).map(Currency::as_str), Some(code));
        }
        assert_eq!(Currency::parse("EUR"), None);
        assert!("usd".parse::<Currency>().is_err());
    }

    #[test]
    fn amounts_in_different_currencies_do_not_add() {
        let usd = Money::new(250, Currency::Usd);
        assert_eq!(
            usd.checked_add(Money::new(50, Currency::Usd)),
            Some(Money::new(300, Currency::Usd))
        );
        assert_eq!(usd.checked_add(Money::new(50, Currency::Inr)), None);
        assert_eq!(Money::new(i64::MAX, Currency::Usd).checked_add(usd), None);
    }

    #[test]
    fn money_displays_as_statements_show_it() {
        assert_eq!(
            Money::new(250_050, Currency::Usd).to_string(),
            "USD 2,500.50"
        );
        assert_eq!(
            Money::new(-1_000, Currency::Inr).negated().to_string(),
            "INR 10.00"
        );
    }
}
