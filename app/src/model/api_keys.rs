//! REST API access keys (INT-1) as the "REST APIs" page shows and makes them.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::FieldErrors;

pub const DESCRIPTION_MAX: usize = 200;

/// The prefix of every key, so a leaked one is recognisable in logs and by secret scanners.
pub const KEY_PREFIX: &str = "rlk_";

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyForm {
    /// The user the key acts as: requests get exactly that user's permissions.
    pub user_id: i32,
    pub description: String,
}

impl ApiKeyForm {
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let description = self.description.trim();
        let mut errors = FieldErrors::new();
        if description.is_empty() {
            errors.add("description", Msg::new("err-describe-what-key-system-will"));
        } else if description.chars().count() > DESCRIPTION_MAX {
            errors.add(
                "description",
                Msg::new("err-use-most-description-max-characters")
                    .arg("description_max", DESCRIPTION_MAX),
            );
        } else if let Err(message) = super::text::visible(description, "err-what-description") {
            errors.add("description", message);
        }
        if self.user_id <= 0 {
            errors.add("user_id", Msg::new("err-choose-user-key-acts"));
        }
        if errors.is_empty() {
            Ok(description.to_owned())
        } else {
            Err(errors)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyView {
    pub id: i32,
    /// The public half, shown so a key in use can be told apart from the others.
    pub key_id: String,
    pub user_email: String,
    pub description: String,
    pub created_at: super::Moment,
    pub last_used_at: Option<super::Moment>,
    pub revoked_at: Option<super::Moment>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiUserChoice {
    pub id: i32,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeysPage {
    pub keys: Vec<ApiKeyView>,
    /// The account's active users, for "acts as".
    pub users: Vec<ApiUserChoice>,
}

/// A key as made: the only time the whole key is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeyCreated {
    pub id: i32,
    pub key: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_needs_a_description_and_a_user() {
        let errors = ApiKeyForm {
            user_id: 0,
            description: "  ".into(),
        }
        .validate()
        .unwrap_err();
        assert!(errors.get("description").is_some());
        assert!(errors.get("user_id").is_some());
    }

    #[test]
    fn a_description_longer_than_the_limit_is_refused() {
        let form = ApiKeyForm {
            user_id: 1,
            description: "x".repeat(DESCRIPTION_MAX + 1),
        };
        assert!(form.validate().unwrap_err().get("description").is_some());
    }

    #[test]
    fn the_description_is_kept_trimmed() {
        let form = ApiKeyForm {
            user_id: 1,
            description: "  CI pipeline ".into(),
        };
        assert_eq!(form.validate().unwrap(), "CI pipeline");
    }
}
