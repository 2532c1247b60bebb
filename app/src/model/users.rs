//! Users of an account as its administrators manage them (ID-7).

use crate::i18n::Msg;
use serde::{Deserialize, Serialize};

use super::{
    AccountKind, Email, FieldErrors, Role,
    roles::{AssignedRole, RoleOption},
    text,
};

/// Users per page of the users list (the seeds: "the last 10 by default").
pub const USERS_PAGE_SIZE: u64 = 10;

/// Which groups a user works in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GroupAccess {
    All,
    Specific,
}

impl GroupAccess {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Specific => "specific",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "all" => Some(Self::All),
            "specific" => Some(Self::Specific),
            _ => None,
        }
    }

    /// The choice in English, as the audit log records it.
    pub fn label(self) -> &'static str {
        match self {
            Self::All => "All groups",
            Self::Specific => "Specific groups",
        }
    }

    /// The catalogue key of the choice's label on the page.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::All => "users-all-groups",
            Self::Specific => "users-specific-groups",
        }
    }
}

/// The add-user and edit-user form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserForm {
    #[serde(default)]
    pub name: String,
    /// Ignored when editing: a user's e-mail address is their sign-in name.
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub mobile: String,
    #[serde(default)]
    pub designation: String,
    #[serde(default)]
    pub employee_id: String,
    /// A `Role::as_str` name, or `custom:<id>` for a custom role of the account.
    #[serde(default)]
    pub role: String,
    /// `all` or `specific`.
    #[serde(default)]
    pub group_access: String,
}

/// What an account decides about its member, whoever they are: the role, group access and
/// its own employee ID (the personal details of a user shared with other accounts are theirs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMembership {
    pub employee_id: String,
    pub role: AssignedRole,
    pub group_access: GroupAccess,
}

/// How adding a user ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddUserOutcome {
    /// A new user with an activation e-mail; the id is their membership's.
    Added(i32),
    /// The address already has a user (of another account): they were invited by e-mail and
    /// join only if they accept.
    Invited,
}

impl AddUserOutcome {
    /// The new membership's id, when the user was added rather than invited.
    pub fn member_id(self) -> Option<i32> {
        match self {
            Self::Added(id) => Some(id),
            Self::Invited => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidUserForm {
    pub name: String,
    /// `None` when editing.
    pub email: Option<Email>,
    pub mobile: String,
    pub designation: String,
    pub employee_id: String,
    pub role: AssignedRole,
    pub group_access: GroupAccess,
}

/// The roles an account may give: Sub Account User only exists for partners.
pub fn assignable_roles(kind: AccountKind) -> Vec<Role> {
    Role::ALL
        .into_iter()
        .filter(|r| *r != Role::SubAccountUser || kind == AccountKind::Partner)
        .collect()
}

fn short_text(raw: &str, max: usize, what: &'static str) -> Result<String, Msg> {
    let value = raw.trim();
    if value.chars().count() > max {
        return Err(Msg::new("err-enter-most-max-characters-what")
            .arg("max", max)
            .arg("what", Msg::new(what)));
    }
    text::visible(value, what)?;
    Ok(value.to_owned())
}

impl UserForm {
    /// Checks every field; `editing` skips the e-mail address, which cannot change. `custom`
    /// are the ids of the account's custom roles.
    pub fn validate(
        &self,
        kind: AccountKind,
        editing: bool,
        custom: &[i32],
    ) -> Result<ValidUserForm, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", text::person_name(&self.name));
        let email = if editing {
            None
        } else {
            errors.check("email", Email::parse(&self.email))
        };
        let mobile = errors.check("mobile", text::mobile(&self.mobile));
        let designation = errors.check(
            "designation",
            short_text(&self.designation, 64, "err-what-designation"),
        );
        let membership = self.membership_fields(kind, custom, &mut errors);
        match (name, mobile, designation, membership) {
            (Some(name), Some(mobile), Some(designation), Some(m)) if errors.is_empty() => {
                Ok(ValidUserForm {
                    name,
                    email,
                    mobile,
                    designation,
                    employee_id: m.employee_id,
                    role: m.role,
                    group_access: m.group_access,
                })
            }
            _ => Err(errors),
        }
    }

    /// Checks only what the account decides (role, group access, employee ID), for a user
    /// whose personal details are not the account's to change.
    pub fn validate_membership(
        &self,
        kind: AccountKind,
        custom: &[i32],
    ) -> Result<ValidMembership, FieldErrors> {
        let mut errors = FieldErrors::new();
        match self.membership_fields(kind, custom, &mut errors) {
            Some(m) if errors.is_empty() => Ok(m),
            _ => Err(errors),
        }
    }

    fn membership_fields(
        &self,
        kind: AccountKind,
        custom: &[i32],
        errors: &mut FieldErrors,
    ) -> Option<ValidMembership> {
        let employee_id = errors.check(
            "employee_id",
            short_text(&self.employee_id, 32, "err-what-employee-id"),
        );
        let role = AssignedRole::parse(&self.role).filter(|r| match r {
            AssignedRole::BuiltIn(role) => assignable_roles(kind).contains(role),
            AssignedRole::Custom(id) => custom.contains(id),
        });
        if role.is_none() {
            errors.add("role", Msg::new("err-choose-role-list"));
        }
        let group_access = GroupAccess::parse(&self.group_access);
        if group_access.is_none() {
            errors.add(
                "group_access",
                Msg::new("err-choose-all-groups-specific-groups"),
            );
        }
        Some(ValidMembership {
            employee_id: employee_id?,
            role: role?,
            group_access: group_access?,
        })
    }
}

/// Where a user stands in the account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MemberStatus {
    /// Added; has not chosen a password yet.
    PendingActivation,
    Active,
    Deactivated,
}

impl MemberStatus {
    /// The catalogue key of its words in the user's language.
    pub fn key(self) -> &'static str {
        match self {
            Self::PendingActivation => "member-status-pending",
            Self::Active => "member-status-active",
            Self::Deactivated => "member-status-deactivated",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::PendingActivation => "Pending activation",
            Self::Active => "Active",
            Self::Deactivated => "Deactivated",
        }
    }
}

/// One user of the account, as the list and the edit page show them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    /// The membership's id: users are addressed per account.
    pub id: i32,
    pub name: String,
    pub email: String,
    pub mobile: String,
    pub designation: String,
    pub employee_id: String,
    pub role: AssignedRole,
    pub role_label: super::role_name::RoleName,
    pub group_access: GroupAccess,
    pub status: MemberStatus,
    /// Whether this is the signed-in user (who cannot deactivate or demote themselves).
    pub is_you: bool,
    /// Whether the signed-in user may change or deactivate this user: not when this user's
    /// role can do something theirs cannot.
    pub can_manage: bool,
    /// The user also belongs to another account: their name, mobile number and designation
    /// are theirs to change on their profile, not this account's.
    pub shared: bool,
}

impl UserSummary {
    /// The form pre-filled with the user's current values.
    pub fn form(&self) -> UserForm {
        UserForm {
            name: self.name.clone(),
            email: self.email.clone(),
            mobile: self.mobile.clone(),
            designation: self.designation.clone(),
            employee_id: self.employee_id.clone(),
            role: self.role.stored(),
            group_access: self.group_access.as_str().to_owned(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersQuery {
    /// Part of a name or e-mail address.
    #[serde(default)]
    pub search: String,
    #[serde(default)]
    pub page: Option<u64>,
}

/// An invitation of an existing user that they have not answered: the account sees only the
/// address it typed until they accept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationSummary {
    pub email: String,
    pub role_label: super::role_name::RoleName,
    /// `YYYY-MM-DD`.
    pub invited_on: super::Day,
    /// The link lapsed unanswered; adding the address again sends a new one.
    pub expired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsersPage {
    pub users: Vec<UserSummary>,
    /// Unanswered invitations (matching the search, if any).
    #[serde(default)]
    pub invitations: Vec<InvitationSummary>,
    pub page: u64,
    pub total: u64,
    /// The roles this account may assign (for the form): built-in, then custom.
    pub roles: Vec<RoleOption>,
}

impl UsersPage {
    pub fn pages(&self) -> u64 {
        self.total.div_ceil(USERS_PAGE_SIZE).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> UserForm {
        UserForm {
            name: "Meera Iyer".into(),
            email: "meera@example.com".into(),
            mobile: "+91 98450 00001".into(),
            designation: "PKI engineer".into(),
            employee_id: "E-1024".into(),
            role: "standard_user".into(),
            group_access: "all".into(),
        }
    }

    #[test]
    fn a_complete_form_is_valid() {
        let v = form()
            .validate(AccountKind::Enterprise, false, &[])
            .unwrap();
        assert_eq!(v.role, AssignedRole::BuiltIn(Role::StandardUser));
        assert_eq!(v.email.unwrap().as_str(), "meera@example.com");
    }

    #[test]
    fn each_bad_field_is_named() {
        type Spoil = fn(&mut UserForm);
        let cases: [(&str, Spoil); 6] = [
            ("name", |f| f.name = String::new()),
            ("email", |f| f.email = "meera@".into()),
            ("mobile", |f| f.mobile = "call me".into()),
            ("designation", |f| f.designation = "x".repeat(65)),
            ("role", |f| f.role = "root".into()),
            ("group_access", |f| f.group_access = "some".into()),
        ];
        for (field, spoil) in cases {
            let mut f = form();
            spoil(&mut f);
            let errors = f.validate(AccountKind::Enterprise, false, &[]).unwrap_err();
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
    }

    #[test]
    fn only_partners_have_sub_account_users() {
        let mut f = form();
        f.role = "sub_account_user".into();
        assert!(f.validate(AccountKind::Enterprise, false, &[]).is_err());
        assert!(f.validate(AccountKind::Partner, false, &[]).is_ok());
    }

    #[test]
    fn editing_ignores_the_email_address() {
        let mut f = form();
        f.email = String::new();
        assert!(f.validate(AccountKind::Enterprise, true, &[]).is_ok());
    }

    #[test]
    fn a_custom_role_is_accepted_only_when_the_account_has_it() {
        let mut f = form();
        f.role = "custom:4".into();
        assert!(f.validate(AccountKind::Enterprise, false, &[3]).is_err());
        let v = f.validate(AccountKind::Enterprise, false, &[3, 4]).unwrap();
        assert_eq!(v.role, AssignedRole::Custom(4));
    }
}
