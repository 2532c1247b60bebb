//! Groups (cost centres, business units) as administrators manage them (ID-9).

use serde::{Deserialize, Serialize};

use super::FieldErrors;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// `account` (orders paid from the account balance) or `group` (from the group's own).
    #[serde(default)]
    pub finance_mode: String,
    /// A limit on what the group may spend, e.g. `2500.00`; empty for none.
    #[serde(default)]
    pub spend_limit: String,
    /// Addresses for renewal and expiry notices, separated by commas or new lines.
    #[serde(default)]
    pub renewal_emails: String,
    /// Only the group's members use it (a checkbox: present when ticked).
    #[serde(default)]
    pub restricted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidGroup {
    pub name: String,
    pub description: String,
    pub finance_mode: &'static str,
    pub spend_limit_minor: Option<i64>,
    pub renewal_emails: Vec<String>,
    pub restricted: bool,
}

/// A spend limit as minor units; empty for none.
fn minor_units(raw: &str) -> Result<Option<i64>, String> {
    super::billing::parse_minor_units(raw).map_err(|()| {
        "Enter an amount such as 2500 or 2500.50, or leave it empty for no limit.".to_owned()
    })
}

impl GroupForm {
    pub fn validate(&self) -> Result<ValidGroup, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 64 || name.chars().any(char::is_control) {
            errors.add("name", "Enter a name of 1 to 64 characters.");
        }
        let description = self.description.trim();
        if description.chars().count() > 500 {
            errors.add("description", "Enter at most 500 characters.");
        }
        let finance_mode = match self.finance_mode.as_str() {
            "account" | "" => "account",
            "group" => "group",
            _ => {
                errors.add(
                    "finance_mode",
                    "Choose the account balance or the group balance.",
                );
                "account"
            }
        };
        let spend_limit_minor = errors
            .check("spend_limit", minor_units(&self.spend_limit))
            .flatten();
        let renewal_emails = errors
            .check(
                "renewal_emails",
                super::email::email_list(&self.renewal_emails, 10),
            )
            .unwrap_or_default();
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(ValidGroup {
            name: name.to_owned(),
            description: description.to_owned(),
            finance_mode,
            spend_limit_minor,
            renewal_emails,
            restricted: self.restricted,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupView {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub is_default: bool,
    pub finance_mode: String,
    pub spend_limit_minor: Option<i64>,
    pub renewal_emails: Vec<String>,
    /// Only its members use it.
    pub restricted: bool,
}

impl GroupView {
    pub fn finance_label(&self) -> &'static str {
        if self.finance_mode == "group" {
            "Deduct from the group balance"
        } else {
            "Deduct from the account balance"
        }
    }

    pub fn spend_limit_text(&self) -> String {
        self.spend_limit_minor
            .map(super::billing::minor_text)
            .unwrap_or_default()
    }

    pub fn form(&self) -> GroupForm {
        GroupForm {
            name: self.name.clone(),
            description: self.description.clone(),
            finance_mode: self.finance_mode.clone(),
            spend_limit: self.spend_limit_text(),
            renewal_emails: self.renewal_emails.join(", "),
            restricted: self.restricted,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupsPage {
    pub groups: Vec<GroupView>,
    /// The operator enabled more than the default group for this account.
    pub can_add: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_become_minor_units_and_bad_fields_are_named() {
        assert_eq!(minor_units("2,500.5"), Ok(Some(250_050)));
        assert_eq!(minor_units("  "), Ok(None));
        for bad in ["-5", "1.234", "ten", ".5"] {
            assert!(minor_units(bad).is_err(), "{bad}");
        }
        let form = GroupForm {
            name: " ".into(),
            finance_mode: "credit".into(),
            spend_limit: "lots".into(),
            renewal_emails: "ops@example.com, nobody".into(),
            ..Default::default()
        };
        let errors = form.validate().unwrap_err();
        for field in ["name", "finance_mode", "spend_limit", "renewal_emails"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
