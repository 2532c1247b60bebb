//! Custom roles: an account's own named sets of permissions, beside the built-in roles.

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{FieldErrors, Permission, Role};

/// How a membership's role names a custom role.
const CUSTOM_PREFIX: &str = "custom:";

/// A role a membership holds, as stored: a built-in role or a custom role of the account.
/// It travels as its stored text (`standard_user`, `custom:4`), as the user form posts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum AssignedRole {
    BuiltIn(Role),
    Custom(i32),
}

impl From<AssignedRole> for String {
    fn from(role: AssignedRole) -> Self {
        role.stored()
    }
}

impl TryFrom<String> for AssignedRole {
    type Error = String;

    fn try_from(stored: String) -> Result<Self, String> {
        Self::parse(&stored).ok_or_else(|| format!("not a role: {stored}"))
    }
}

impl AssignedRole {
    pub fn parse(stored: &str) -> Option<Self> {
        match stored.strip_prefix(CUSTOM_PREFIX) {
            Some(id) => id.parse().ok().filter(|id| *id > 0).map(Self::Custom),
            None => Role::parse(stored).map(Self::BuiltIn),
        }
    }

    pub fn stored(self) -> String {
        match self {
            Self::BuiltIn(role) => role.as_str().to_owned(),
            Self::Custom(id) => format!("{CUSTOM_PREFIX}{id}"),
        }
    }
}

/// A role the user form offers: its stored value and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleOption {
    pub value: String,
    pub label: super::role_name::RoleName,
}

/// The custom-role form. Each ticked permission arrives as `permissions[<index>]` with its
/// stored name (indices keep a plain form's repeated fields apart).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomRoleForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub permissions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCustomRole {
    pub name: String,
    pub description: String,
    /// In `Permission::ALL` order, without repeats.
    pub permissions: Vec<Permission>,
}

impl CustomRoleForm {
    pub fn validate(&self) -> Result<ValidCustomRole, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 64 || name.chars().any(char::is_control) {
            errors.add("name", Msg::new("err-give-role-name-1-64"));
        } else if let Err(message) = super::text::visible(name, "err-what-role-name") {
            errors.add("name", message);
        } else if Role::ALL
            .iter()
            .any(|r| r.label().eq_ignore_ascii_case(name))
        {
            errors.add("name", Msg::new("err-built-role-has-name-choose"));
        }
        let description = self.description.trim();
        if description.chars().count() > 500 {
            errors.add("description", Msg::new("err-enter-most-500-characters"));
        } else if let Err(message) = super::text::visible(
            &description.replace(['\n', '\r'], " "),
            "err-what-description",
        ) {
            errors.add("description", message);
        }
        let mut permissions = Vec::new();
        for raw in &self.permissions {
            match Permission::parse(raw) {
                Some(p) => permissions.push(p),
                None => errors.add("permissions", Msg::new("err-choose-permissions-list")),
            }
        }
        if permissions.is_empty() && errors.get("permissions").is_none() {
            errors.add("permissions", Msg::new("err-choose-least-one-permission"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let permissions = Permission::ALL
            .into_iter()
            .filter(|p| permissions.contains(p))
            .collect();
        Ok(ValidCustomRole {
            name: name.to_owned(),
            description: description.to_owned(),
            permissions,
        })
    }
}

/// Permissions as stored: their names, comma-separated.
pub fn store_permissions(permissions: &[Permission]) -> String {
    permissions
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

/// Stored permissions back; a name that is no longer a permission grants nothing.
pub fn load_permissions(stored: &str) -> Vec<Permission> {
    stored.split(',').filter_map(Permission::parse).collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomRoleView {
    pub id: i32,
    pub name: String,
    pub description: String,
    pub permissions: Vec<Permission>,
    /// How many users of the account hold it.
    pub holders: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RolesPage {
    /// The built-in roles this account can give.
    pub built_in: Vec<Role>,
    pub custom: Vec<CustomRoleView>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(name: &str, permissions: &[&str]) -> CustomRoleForm {
        CustomRoleForm {
            name: name.into(),
            description: String::new(),
            permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
        }
    }

    #[test]
    fn an_assigned_role_travels_as_its_stored_text_and_unknown_text_is_refused() {
        let custom = serde_json::to_string(&AssignedRole::Custom(4)).unwrap();
        assert_eq!(custom, "\"custom:4\"");
        assert_eq!(
            serde_json::from_str::<AssignedRole>("\"standard_user\"").unwrap(),
            AssignedRole::BuiltIn(Role::StandardUser)
        );
        assert!(serde_json::from_str::<AssignedRole>("\"root\"").is_err());
    }

    #[test]
    fn stored_roles_round_trip() {
        for r in Role::ALL {
            assert_eq!(
                AssignedRole::parse(&AssignedRole::BuiltIn(r).stored()),
                Some(AssignedRole::BuiltIn(r))
            );
        }
        assert_eq!(
            AssignedRole::parse("custom:7"),
            Some(AssignedRole::Custom(7))
        );
        for bad in ["custom:", "custom:x", "custom:-1", "custom:0", "root", ""] {
            assert_eq!(AssignedRole::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_valid_role_keeps_its_permissions_in_list_order_once() {
        let v = form(
            " Auditor ",
            &["view_reports", "view_audit_log", "view_reports"],
        )
        .validate()
        .unwrap();
        assert_eq!(v.name, "Auditor");
        assert_eq!(
            v.permissions,
            vec![Permission::ViewAuditLog, Permission::ViewReports]
        );
        assert_eq!(
            load_permissions(&store_permissions(&v.permissions)),
            v.permissions
        );
    }

    #[test]
    fn bad_forms_name_the_field() {
        let cases: [(CustomRoleForm, &str); 5] = [
            (form("", &["view_reports"]), "name"),
            (form("Administrator", &["view_reports"]), "name"),
            (form("a\nb", &["view_reports"]), "name"),
            (form("Auditor", &[]), "permissions"),
            (form("Auditor", &["fly"]), "permissions"),
        ];
        for (f, field) in cases {
            let errors = f.validate().unwrap_err();
            assert!(errors.get(field).is_some(), "{f:?}");
        }
    }
}
