//! The bank account a withdrawal is paid to (FIN-1): an Indian account number with its IFSC
//! for INR accounts; an IBAN (with its ISO 13616 mod-97 check and the country's BBAN format)
//! and a SWIFT/BIC for the others.

use app::i18n::Msg;
use app::model::{Currency, FieldErrors, payments::BankDetailsForm};

/// Bank details that passed every check, normalised (upper case, no spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankAccount {
    pub holder_name: String,
    pub bank_name: String,
    pub route: Route,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// An Indian account: number and IFSC.
    India {
        account_number: String,
        ifsc: String,
    },
    /// An IBAN and the bank's SWIFT/BIC.
    Iban { iban: String, bic: String },
}

impl BankAccount {
    /// One line the operator pays to and the customer recognises.
    pub fn text(&self) -> String {
        match &self.route {
            Route::India {
                account_number,
                ifsc,
            } => format!(
                "{}, {}, account {account_number}, IFSC {ifsc}",
                self.holder_name, self.bank_name
            ),
            Route::Iban { iban, bic } => format!(
                "{}, {}, IBAN {iban}, BIC {bic}",
                self.holder_name, self.bank_name
            ),
        }
    }
}

/// `^[A-Z]{4}0[A-Z0-9]{6}$`: the bank's code, a zero, the branch's code.
pub fn is_ifsc(s: &str) -> bool {
    s.len() == 11
        && s.bytes().enumerate().all(|(i, c)| match i {
            0..=3 => c.is_ascii_uppercase(),
            4 => c == b'0',
            _ => c.is_ascii_uppercase() || c.is_ascii_digit(),
        })
}

/// A SWIFT/BIC (ISO 9362): bank (4 letters), country (2 letters), location (2 letters or
/// digits), optionally a branch (3 letters or digits).
pub fn is_bic(s: &str) -> bool {
    (s.len() == 8 || s.len() == 11)
        && s.bytes().enumerate().all(|(i, c)| {
            if i < 6 {
                c.is_ascii_uppercase()
            } else {
                c.is_ascii_uppercase() || c.is_ascii_digit()
            }
        })
}

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase()
}

fn name(raw: &str, field: &str, errors: &mut FieldErrors) -> String {
    let v = raw.trim();
    if v.is_empty() || v.chars().count() > 200 || v.chars().any(char::is_control) {
        errors.add(field, Msg::new("err-bank-name"));
    }
    v.to_owned()
}

/// Checks the form for an account billed in `currency`.
pub fn validate(form: &BankDetailsForm, currency: Currency) -> Result<BankAccount, FieldErrors> {
    let mut errors = FieldErrors::new();
    let holder_name = name(&form.holder_name, "holder_name", &mut errors);
    let bank_name = name(&form.bank_name, "bank_name", &mut errors);
    let route = match currency {
        Currency::Inr => {
            let account_number = compact(&form.account_number);
            if !(9..=18).contains(&account_number.len())
                || !account_number.bytes().all(|b| b.is_ascii_digit())
            {
                errors.add("account_number", Msg::new("err-bank-account-number"));
            }
            let ifsc = compact(&form.ifsc);
            if !is_ifsc(&ifsc) {
                errors.add("ifsc", Msg::new("err-bank-ifsc"));
            }
            Route::India {
                account_number,
                ifsc,
            }
        }
        Currency::Usd => {
            let iban = compact(&form.iban);
            if iban.parse::<iban::Iban>().is_err() {
                errors.add("iban", Msg::new("err-bank-iban"));
            }
            let bic = compact(&form.bic);
            if !is_bic(&bic) {
                errors.add("bic", Msg::new("err-bank-bic"));
            }
            Route::Iban { iban, bic }
        }
    };
    if errors.is_empty() {
        Ok(BankAccount {
            holder_name,
            bank_name,
            route,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ifsc_is_four_letters_a_zero_and_six_letters_or_digits() {
        for good in ["SBIN0001234", "HDFC0ABC123", "ICIC0000001"] {
            assert!(is_ifsc(good), "{good}");
        }
        for bad in [
            "SBIN1001234",
            "SBI00001234",
            "sbin0001234",
            "SBIN000123",
            "SBIN00012345",
            "",
        ] {
            assert!(!is_ifsc(bad), "{bad}");
        }
    }

    #[test]
    fn bic_is_eight_or_eleven_characters() {
        for good in ["DEUTDEFF", "DEUTDEFF500", "NWBKGB2L"] {
            assert!(is_bic(good), "{good}");
        }
        for bad in ["DEUTDEF", "DEUTDEFF5", "DEUT1EFF", "deutdeff", ""] {
            assert!(!is_bic(bad), "{bad}");
        }
    }

    #[test]
    fn an_iban_must_pass_its_checksum() {
        let form = |iban: &str| BankDetailsForm {
            holder_name: "Asha Rao".into(),
            bank_name: "Deutsche Bank".into(),
            iban: iban.into(),
            bic: "DEUTDEFF".into(),
            ..Default::default()
        };
        assert!(validate(&form("DE44 5001 0517 5407 3249 31"), Currency::Usd).is_ok());
        // One digit changed: the mod-97 check fails.
        let errors = validate(&form("DE44500105175407324932"), Currency::Usd).unwrap_err();
        assert!(errors.get("iban").is_some());
    }

    #[test]
    fn an_indian_account_needs_a_number_and_an_ifsc() {
        let form = BankDetailsForm {
            holder_name: "Asha Rao".into(),
            bank_name: "SBI".into(),
            account_number: "12345678901".into(),
            ifsc: "SBIN1001234".into(),
            ..Default::default()
        };
        let errors = validate(&form, Currency::Inr).unwrap_err();
        assert!(errors.get("ifsc").is_some());
        assert!(errors.get("account_number").is_none());
    }
}
