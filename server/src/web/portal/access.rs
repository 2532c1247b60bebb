//! `AccessApi` for the portal: the account's users, roles, groups, security settings, API
//! keys and audit log. The services check the permission each needs.

use app::{
    error::AppError,
    model::groups::{GroupForm, GroupsPage},
    model::ip_rules::{IpRuleForm, IpRulesPage},
    model::roles::{CustomRoleForm, RoleOption, RolesPage},
    model::{AuditPage, AuditQuery, UserForm, UserSummary, UsersPage, UsersQuery},
    ports::{AccessApi, RequestMeta},
};
use async_trait::async_trait;

use super::Portal;

#[async_trait]
impl AccessApi for Portal {
    async fn audit_log(
        &self,
        meta: &RequestMeta,
        query: AuditQuery,
    ) -> Result<AuditPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.access.audit_page(&caller, &query).await?)
    }

    async fn users(&self, meta: &RequestMeta, query: UsersQuery) -> Result<UsersPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.access.users_page(&caller, &query).await?)
    }

    async fn user(&self, meta: &RequestMeta, id: i32) -> Result<UserSummary, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.access.user(&caller, id).await?)
    }

    async fn add_user(
        &self,
        meta: &RequestMeta,
        form: UserForm,
    ) -> Result<app::model::users::AddUserOutcome, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .add_user(&caller, &form, Some(meta.ip.to_string()))
            .await?)
    }

    async fn update_user(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: UserForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .update_user(&caller, id, &form, Some(meta.ip.to_string()))
            .await?)
    }

    async fn ip_rules(&self, meta: &RequestMeta) -> Result<IpRulesPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.access.ip_rules_page(&caller, meta.ip).await?)
    }

    async fn groups(&self, meta: &RequestMeta) -> Result<GroupsPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.access.groups_page(&caller).await?)
    }

    async fn group_detail(
        &self,
        meta: &RequestMeta,
        id: i32,
    ) -> Result<app::model::group_members::GroupDetail, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.access.group_detail(&caller, id).await?)
    }

    async fn add_group_member(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        membership_id: i32,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .add_group_member(&caller, group_id, membership_id, Some(meta.ip.to_string()))
            .await?)
    }

    async fn remove_group_member(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        membership_id: i32,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .remove_group_member(&caller, group_id, membership_id, Some(meta.ip.to_string()))
            .await?)
    }

    async fn add_group_domain(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        domain: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .add_group_domain(&caller, group_id, &domain, Some(meta.ip.to_string()))
            .await?)
    }

    async fn remove_group_domain(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        domain: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .remove_group_domain(&caller, group_id, &domain, Some(meta.ip.to_string()))
            .await?)
    }

    async fn add_group_organization(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        organization_id: i32,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .add_group_organization(
                &caller,
                group_id,
                app::model::OrganizationId(organization_id),
                Some(meta.ip.to_string()),
            )
            .await?)
    }

    async fn remove_group_organization(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        organization_id: i32,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .remove_group_organization(
                &caller,
                group_id,
                app::model::OrganizationId(organization_id),
                Some(meta.ip.to_string()),
            )
            .await?)
    }

    async fn set_group_logo(
        &self,
        meta: &RequestMeta,
        group_id: i32,
        logo: String,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .set_group_logo(&caller, group_id, &logo, Some(meta.ip.to_string()))
            .await?)
    }

    async fn remove_group_logo(&self, meta: &RequestMeta, group_id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .remove_group_logo(&caller, group_id, Some(meta.ip.to_string()))
            .await?)
    }

    async fn roles(&self, meta: &RequestMeta) -> Result<RolesPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.access.roles_page(&caller).await?)
    }

    async fn role_options(&self, meta: &RequestMeta) -> Result<Vec<RoleOption>, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.access.role_options(&caller).await?)
    }

    async fn add_role(&self, meta: &RequestMeta, form: CustomRoleForm) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.access
            .add_custom_role(&caller, &form, Some(meta.ip.to_string()))
            .await?;
        Ok(())
    }

    async fn update_role(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: CustomRoleForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .update_custom_role(&caller, id, &form, Some(meta.ip.to_string()))
            .await?)
    }

    async fn delete_role(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .delete_custom_role(&caller, id, Some(meta.ip.to_string()))
            .await?)
    }

    async fn add_group(&self, meta: &RequestMeta, form: GroupForm) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.access
            .add_group(&caller, &form, Some(meta.ip.to_string()))
            .await?;
        Ok(())
    }

    async fn update_group(
        &self,
        meta: &RequestMeta,
        id: i32,
        form: GroupForm,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .update_group(&caller, id, &form, Some(meta.ip.to_string()))
            .await?)
    }

    async fn two_factor_enforced(&self, meta: &RequestMeta) -> Result<bool, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.access.two_factor_enforced(&caller).await?)
    }

    async fn set_two_factor_enforced(
        &self,
        meta: &RequestMeta,
        enforce: bool,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .set_two_factor_enforced(&caller, enforce, Some(meta.ip.to_string()))
            .await?)
    }

    async fn add_ip_rule(&self, meta: &RequestMeta, form: IpRuleForm) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        self.access.add_ip_rule(&caller, &form, meta.ip).await?;
        Ok(())
    }

    async fn change_ip_rule(
        &self,
        meta: &RequestMeta,
        id: i32,
        enabled: Option<bool>,
        confirm_lockout: bool,
    ) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .change_ip_rule(&caller, id, enabled, meta.ip, confirm_lockout)
            .await?)
    }

    async fn api_keys(
        &self,
        meta: &RequestMeta,
    ) -> Result<app::model::api_keys::ApiKeysPage, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.api_keys.page(&caller).await?)
    }

    async fn create_api_key(
        &self,
        meta: &RequestMeta,
        form: app::model::api_keys::ApiKeyForm,
    ) -> Result<app::model::api_keys::ApiKeyCreated, AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.api_keys.create(&caller, &form, Some(meta.ip)).await?)
    }

    async fn revoke_api_key(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self.api_keys.revoke(&caller, id, Some(meta.ip)).await?)
    }

    async fn deactivate_user(&self, meta: &RequestMeta, id: i32) -> Result<(), AppError> {
        let caller = self.caller(meta).await?;
        Ok(self
            .access
            .deactivate_user(&caller, id, Some(meta.ip.to_string()))
            .await?)
    }
}
