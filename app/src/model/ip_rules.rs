//! IP restrictions (ID-6) as the settings page shows and edits them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpRuleForm {
    /// The e-mail address of the user the rule is for; empty for all users.
    #[serde(default)]
    pub user: String,
    #[serde(default)]
    pub start: String,
    /// Empty for a single address.
    #[serde(default)]
    pub end: String,
    #[serde(default)]
    pub description: String,
    /// The administrator read the warning that the rule shuts out their own address (a
    /// checkbox: present when ticked).
    #[serde(default, deserialize_with = "super::form_values::checkbox")]
    pub confirm_lockout: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpRuleView {
    pub id: i32,
    /// "All users" or the user's e-mail address.
    pub applies_to: String,
    pub start: String,
    pub end: String,
    pub description: String,
    pub enabled: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpRulesPage {
    pub rules: Vec<IpRuleView>,
    /// The account's users' e-mail addresses, for the "applies to" choice.
    pub users: Vec<String>,
    /// The address this request came from, so the administrator sees what a rule would do.
    pub your_ip: String,
}
