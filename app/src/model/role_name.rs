use std::fmt;

use serde::{Deserialize, Serialize};

use super::Role;
use crate::i18n::{Lang, tr};

/// A role's name as pages, lists and mails show it: a built-in role's comes from the catalogue
/// in the reader's language, a custom role's is the name its account gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoleName {
    BuiltIn(Role),
    Custom(String),
    /// A custom role that no longer exists (a held role cannot be deleted, so only by accident).
    Removed,
}

impl RoleName {
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Self::BuiltIn(role) => tr(lang, role.key()),
            Self::Custom(name) => name.clone(),
            Self::Removed => tr(lang, "role-removed"),
        }
    }
}

/// In English, for the audit log and other records that keep one language.
impl fmt::Display for RoleName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_built_in_role_is_named_in_the_readers_language_and_a_custom_one_as_given() {
        let manager = RoleName::BuiltIn(Role::FinanceManager);
        assert_eq!(manager.text(Lang::En), "Finance Manager");
        assert_eq!(manager.text(Lang::Pl), "Kierownik finansowy");
        assert_eq!(manager.to_string(), "Finance Manager");
        let custom = RoleName::Custom("Audytor".into());
        assert_eq!(custom.text(Lang::En), "Audytor");
        assert_eq!(RoleName::Removed.text(Lang::Pl), "Usunięta rola");
    }
}
