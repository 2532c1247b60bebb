//! Account administration: audit log, users, roles, groups and security rules.

use async_trait::async_trait;

use crate::{
    error::AppError,
    model::{AuditPage, AuditQuery, UserForm, UserSummary, UsersPage, UsersQuery},
    ports::request::RequestMeta,
};

/// What account administrators control: the audit log, users, roles, security rules. Every
/// call checks the caller's permission in their account.
#[async_trait]
pub trait AccessApi: Send + Sync {
    async fn audit_log(&self, meta: &RequestMeta, query: AuditQuery)
    -> Result<AuditPage, AppError>;
    async fn users(&self, meta: &RequestMeta, query: UsersQuery) -> Result<UsersPage, AppError>;
    async fn user(&self, meta: &RequestMeta, id: i32) -> Result<UserSummary, AppError>;
    /// A new address becomes a user of the account; an existing user is invited.
    async fn add_user(
        &self,
        meta: &RequestMeta,
        form: UserForm,
    ) -> Result<crate::model::users::AddUserOutcome, AppError>;
    async fn update_user(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: UserForm,
    ) -> Result<(), AppError>;
    async fn deactivate_user(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    async fn ip_rules(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::ip_rules::IpRulesPage, AppError>;
    async fn groups(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::groups::GroupsPage, AppError>;
    async fn add_group(
        &self,
        meta: &RequestMeta,
        form: crate::model::groups::GroupForm,
    ) -> Result<(), AppError>;
    async fn update_group(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::groups::GroupForm,
    ) -> Result<(), AppError>;
    async fn group_detail(
        &self,
        meta: &RequestMeta,
        id: i32,
    ) -> Result<crate::model::group_members::GroupDetail, AppError>;
    async fn add_group_member(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        membership_id: i32,
    ) -> Result<(), AppError>;
    async fn remove_group_member(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        membership_id: i32,
    ) -> Result<(), AppError>;
    /// Limits a group's orders to one more of the account's domains (and its sub-domains).
    async fn add_group_domain(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        domain: String,
    ) -> Result<(), AppError>;
    async fn remove_group_domain(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        domain: String,
    ) -> Result<(), AppError>;
    /// Limits a group's OV orders to one more of the account's organizations.
    async fn add_group_organization(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        organization_id: i32,
    ) -> Result<(), AppError>;
    async fn remove_group_organization(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        organization_id: i32,
    ) -> Result<(), AppError>;
    /// Sets a group's logo from the `data:` URL of a PNG or JPEG file.
    async fn set_group_logo(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        logo: String,
    ) -> Result<(), AppError>;
    async fn remove_group_logo(&self, meta: &RequestMeta, group_id: i32) -> Result<(), AppError>;
    async fn roles(&self, meta: &RequestMeta) -> Result<crate::model::roles::RolesPage, AppError>;
    async fn role_options(
        &self,
        meta: &RequestMeta,
    ) -> Result<Vec<crate::model::roles::RoleOption>, AppError>;
    async fn add_role(
        &self,
        meta: &RequestMeta,
        form: crate::model::roles::CustomRoleForm,
    ) -> Result<(), AppError>;
    async fn update_role(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: crate::model::roles::CustomRoleForm,
    ) -> Result<(), AppError>;
    async fn delete_role(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
    async fn two_factor_enforced(&self, meta: &RequestMeta) -> Result<bool, AppError>;
    async fn set_two_factor_enforced(
        &self,
        meta: &RequestMeta,
        enforce: bool,
    ) -> Result<(), AppError>;
    async fn add_ip_rule(
        &self,
        meta: &RequestMeta,
        form: crate::model::ip_rules::IpRuleForm,
    ) -> Result<(), AppError>;
    /// Enables (`Some(true)`), disables (`Some(false)`) or deletes (`None`) a rule.
    async fn change_ip_rule(
        &self,
        meta: &RequestMeta,
        id: i32,
        enabled: Option<bool>,
        confirm_lockout: bool,
    ) -> Result<(), AppError>;
    /// The "REST APIs" page: the account's access keys. Needs `ManageSettings`.
    async fn api_keys(
        &self,
        meta: &RequestMeta,
    ) -> Result<crate::model::api_keys::ApiKeysPage, AppError>;
    async fn create_api_key(
        &self,
        meta: &RequestMeta,
        form: crate::model::api_keys::ApiKeyForm,
    ) -> Result<crate::model::api_keys::ApiKeyCreated, AppError>;
    async fn revoke_api_key(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError>;
}
