//! Custom roles of the caller's account: named sets of permissions from the one permission
//! list. A role that users hold cannot be deleted; nobody can build a role with more than
//! they may do themselves.

use app::i18n::Msg;
use std::collections::HashMap;

use app::model::{
    FieldErrors, Permission, Role,
    roles::{
        AssignedRole, CustomRoleForm, CustomRoleView, RoleOption, RolesPage, load_permissions,
        store_permissions,
    },
    users::assignable_roles,
};

use super::{AccessError, AccessService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{StoreError, custom_roles},
};

fn name_taken() -> AccessError {
    AccessError::Invalid(FieldErrors::single(
        "name",
        Msg::new("err-account-already-has-role-name"),
    ))
}

/// Refuses permissions the caller lacks: a role is never a way to give more than one has.
fn within_callers(caller: &Caller, permissions: &[Permission]) -> Result<(), AccessError> {
    if permissions.iter().all(|p| caller.can(*p)) {
        return Ok(());
    }
    Err(AccessError::Invalid(FieldErrors::single(
        "permissions",
        Msg::new("err-you-can-only-give-permissions"),
    )))
}

impl AccessService {
    pub async fn roles_page(&self, caller: &Caller) -> Result<RolesPage, AccessError> {
        caller.require(Permission::ManageRoles)?;
        let mut custom = Vec::new();
        for row in custom_roles::of_account(&self.store, caller.account.id).await? {
            custom.push(CustomRoleView {
                holders: custom_roles::holders(&self.store, caller.account.id, row.id).await?,
                id: row.id,
                name: row.name,
                description: row.description,
                permissions: load_permissions(&row.permissions),
            });
        }
        let built_in: Vec<Role> = assignable_roles(caller.kind);
        Ok(RolesPage { built_in, custom })
    }

    pub async fn add_custom_role(
        &self,
        caller: &Caller,
        form: &CustomRoleForm,
        ip: Option<String>,
    ) -> Result<i32, AccessError> {
        caller.require(Permission::ManageRoles)?;
        let valid = form.validate().map_err(AccessError::Invalid)?;
        within_callers(caller, &valid.permissions)?;
        let permissions = store_permissions(&valid.permissions);
        let fields = custom_roles::RoleFields {
            name: &valid.name,
            description: &valid.description,
            permissions: &permissions,
        };
        let tx = self.store.begin().await?;
        let id = match custom_roles::insert(&tx, caller.account.id, fields, self.clock.now()).await
        {
            Ok(id) => id,
            Err(StoreError::Duplicate) => return Err(name_taken()),
            Err(e) => return Err(e.into()),
        };
        self.audit_role(
            &tx,
            caller,
            ip,
            "custom_role_added",
            format!(
                "Added the role {}: {}",
                valid.name,
                labels(&valid.permissions)
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn update_custom_role(
        &self,
        caller: &Caller,
        id: i32,
        form: &CustomRoleForm,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageRoles)?;
        let valid = form.validate().map_err(AccessError::Invalid)?;
        within_callers(caller, &valid.permissions)?;
        let permissions = store_permissions(&valid.permissions);
        let fields = custom_roles::RoleFields {
            name: &valid.name,
            description: &valid.description,
            permissions: &permissions,
        };
        let tx = self.store.begin().await?;
        match custom_roles::update(&tx, caller.account.id, id, fields).await {
            Ok(true) => {}
            Ok(false) => return Err(AccessError::NotFound),
            Err(StoreError::Duplicate) => return Err(name_taken()),
            Err(e) => return Err(e.into()),
        }
        self.audit_role(
            &tx,
            caller,
            ip,
            "custom_role_changed",
            format!(
                "Changed the role {}: {}",
                valid.name,
                labels(&valid.permissions)
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn delete_custom_role(
        &self,
        caller: &Caller,
        id: i32,
        ip: Option<String>,
    ) -> Result<(), AccessError> {
        caller.require(Permission::ManageRoles)?;
        let tx = self.store.begin().await?;
        let Some(role) = custom_roles::find(&tx, caller.account.id, id).await? else {
            return Err(AccessError::NotFound);
        };
        let holders = custom_roles::holders(&tx, caller.account.id, id).await?;
        if holders > 0 {
            return Err(AccessError::Refused(
                Msg::new("err-holders-user-s-have-role")
                    .arg("holders", holders)
                    .arg("role", role.name),
            ));
        }
        custom_roles::delete(&tx, caller.account.id, id).await?;
        self.audit_role(
            &tx,
            caller,
            ip,
            "custom_role_deleted",
            format!("Deleted the role {}", role.name),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit_role(
        &self,
        tx: &crate::store::Tx,
        caller: &Caller,
        ip: Option<String>,
        action: &'static str,
        summary: String,
    ) -> Result<(), AccessError> {
        audit::record(
            tx,
            self.clock.now(),
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "roles",
                action,
                summary,
            },
        )
        .await?;
        Ok(())
    }
}

fn labels(permissions: &[Permission]) -> String {
    permissions
        .iter()
        .map(|p| p.label())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A role the caller might give, with what it grants.
struct Giveable {
    role: AssignedRole,
    label: app::model::role_name::RoleName,
    permissions: Vec<Permission>,
}

impl AccessService {
    async fn giveable_roles(&self, caller: &Caller) -> Result<Vec<Giveable>, AccessError> {
        let mut roles: Vec<Giveable> = assignable_roles(caller.kind)
            .into_iter()
            .map(|r| Giveable {
                role: AssignedRole::BuiltIn(r),
                label: app::model::role_name::RoleName::BuiltIn(r),
                permissions: r.permissions().to_vec(),
            })
            .collect();
        for row in custom_roles::of_account(&self.store, caller.account.id).await? {
            roles.push(Giveable {
                role: AssignedRole::Custom(row.id),
                label: app::model::role_name::RoleName::Custom(row.name),
                permissions: load_permissions(&row.permissions),
            });
        }
        Ok(roles)
    }

    pub(super) async fn custom_role_ids(&self, caller: &Caller) -> Result<Vec<i32>, AccessError> {
        Ok(custom_roles::of_account(&self.store, caller.account.id)
            .await?
            .iter()
            .map(|r| r.id)
            .collect())
    }

    /// The roles the user form offers the caller: those whose permissions they have.
    pub async fn role_options(&self, caller: &Caller) -> Result<Vec<RoleOption>, AccessError> {
        caller.require(Permission::ManageUsers)?;
        Ok(self
            .giveable_roles(caller)
            .await?
            .into_iter()
            .filter(|g| g.permissions.iter().all(|p| caller.can(*p)))
            .map(|g| RoleOption {
                value: g.role.stored(),
                label: g.label,
            })
            .collect())
    }

    /// The name of a role the caller gives, or the refusal when it grants more than they
    /// may do themselves (a Manager cannot make an Administrator).
    pub(super) async fn giveable(
        &self,
        caller: &Caller,
        role: AssignedRole,
    ) -> Result<app::model::role_name::RoleName, AccessError> {
        let found = self
            .giveable_roles(caller)
            .await?
            .into_iter()
            .find(|g| g.role == role)
            .ok_or_else(|| {
                AccessError::Invalid(FieldErrors::single(
                    "role",
                    Msg::new("err-choose-role-list"),
                ))
            })?;
        if !found.permissions.iter().all(|p| caller.can(*p)) {
            return Err(AccessError::Invalid(FieldErrors::single(
                "role",
                Msg::new("err-you-can-only-give-role"),
            )));
        }
        Ok(found.label)
    }

    /// Role names by role, for lists.
    pub(super) async fn role_labels(
        &self,
        account_id: i32,
    ) -> Result<HashMap<AssignedRole, app::model::role_name::RoleName>, AccessError> {
        let mut labels: HashMap<AssignedRole, app::model::role_name::RoleName> = Role::ALL
            .into_iter()
            .map(|r| {
                (
                    AssignedRole::BuiltIn(r),
                    app::model::role_name::RoleName::BuiltIn(r),
                )
            })
            .collect();
        for row in custom_roles::of_account(&self.store, account_id).await? {
            labels.insert(
                AssignedRole::Custom(row.id),
                app::model::role_name::RoleName::Custom(row.name),
            );
        }
        Ok(labels)
    }

    pub(super) async fn role_label(
        &self,
        account_id: i32,
        role: AssignedRole,
    ) -> Result<app::model::role_name::RoleName, AccessError> {
        Ok(self
            .role_labels(account_id)
            .await?
            .remove(&role)
            .unwrap_or(app::model::role_name::RoleName::Removed))
    }
}

#[cfg(test)]
mod tests {
    use app::model::{Permission, UserForm};

    use super::*;
    use crate::services::identity::test_support::{Harness, PASSWORD, harness};

    fn role(name: &str, permissions: &[Permission]) -> CustomRoleForm {
        CustomRoleForm {
            name: name.into(),
            description: "Reads what happened".into(),
            permissions: permissions.iter().map(|p| p.as_str().to_owned()).collect(),
        }
    }

    fn user(email: &str, role: &str) -> UserForm {
        UserForm {
            name: "Meera Iyer".into(),
            email: email.into(),
            mobile: "+91 98450 00001".into(),
            role: role.into(),
            group_access: "all".into(),
            ..Default::default()
        }
    }

    async fn admin(h: &Harness, access: &AccessService, email: &str) -> Caller {
        let token = h.signed_in(email).await;
        access
            .authorize(Some(&token), Permission::ManageRoles)
            .await
            .unwrap()
    }

    /// Adds a user with `role` and returns their session once activated.
    async fn member(
        h: &Harness,
        access: &AccessService,
        by: &Caller,
        email: &str,
        role: &str,
    ) -> (i32, String) {
        let id = access
            .add_user(by, &user(email, role), None)
            .await
            .unwrap()
            .member_id()
            .unwrap();
        let token = h.activation_token().await;
        h.service
            .activate(&token, PASSWORD, PASSWORD, None)
            .await
            .unwrap();
        (id, h.sign_in(email).await)
    }

    #[tokio::test]
    async fn a_custom_role_grants_exactly_its_permissions() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let asha = admin(&h, &access, "asha@example.com").await;
        let id = access
            .add_custom_role(
                &asha,
                &role(
                    "Auditor",
                    &[Permission::ViewAuditLog, Permission::ViewReports],
                ),
                None,
            )
            .await
            .unwrap();
        let (_, meera) = member(
            &h,
            &access,
            &asha,
            "meera@example.com",
            &custom_roles::stored_role(id),
        )
        .await;
        let view = h.service.current_session(&meera).await.unwrap().unwrap();
        assert_eq!(view.role_label.to_string(), "Auditor");
        let holder = h.service.caller(&meera).await.unwrap().unwrap();
        let accounts = h.service.accounts_of(&holder).await.unwrap();
        assert_eq!(
            accounts[0].role_label.to_string(),
            "Auditor",
            "named on Choose an account too"
        );
        assert_eq!(
            view.permissions,
            vec![Permission::ViewAuditLog, Permission::ViewReports]
        );
        assert!(
            access
                .authorize(Some(&meera), Permission::ViewAuditLog)
                .await
                .is_ok()
        );
        assert!(matches!(
            access
                .authorize(Some(&meera), Permission::ManageUsers)
                .await,
            Err(AccessError::Forbidden(Permission::ManageUsers))
        ));
        let page = access.roles_page(&asha).await.unwrap();
        assert_eq!(page.custom[0].holders, 1);

        // Changing the role changes what its holders may do, at their next request.
        access
            .update_custom_role(
                &asha,
                id,
                &role("Auditor", &[Permission::ViewReports]),
                None,
            )
            .await
            .unwrap();
        assert!(
            access
                .authorize(Some(&meera), Permission::ViewAuditLog)
                .await
                .is_err()
        );
    }

    #[tokio::test]
    async fn a_role_someone_holds_cannot_be_deleted() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let asha = admin(&h, &access, "asha@example.com").await;
        let id = access
            .add_custom_role(&asha, &role("Auditor", &[Permission::ViewAuditLog]), None)
            .await
            .unwrap();
        let (meera, _) = member(
            &h,
            &access,
            &asha,
            "meera@example.com",
            &custom_roles::stored_role(id),
        )
        .await;
        let refused = access.delete_custom_role(&asha, id, None).await;
        assert!(
            matches!(&refused, Err(AccessError::Refused(m)) if m.to_string().contains("1 user(s)")),
            "{refused:?}"
        );
        access
            .update_user(&asha, meera, &user("", "basic_user"), None)
            .await
            .unwrap();
        access.delete_custom_role(&asha, id, None).await.unwrap();
        assert!(access.roles_page(&asha).await.unwrap().custom.is_empty());
    }

    #[tokio::test]
    async fn nobody_gives_more_than_they_may_do_themselves() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let asha = admin(&h, &access, "asha@example.com").await;
        let (_, manager) = member(&h, &access, &asha, "mona@example.com", "manager").await;
        let manager = access
            .authorize(Some(&manager), Permission::ManageUsers)
            .await
            .unwrap();
        // A Manager has no ManageSettings: neither Administrator nor a role with it is offered or accepted.
        let settings = access
            .add_custom_role(
                &asha,
                &role("Security", &[Permission::ManageSettings]),
                None,
            )
            .await
            .unwrap();
        let offered: Vec<String> = access
            .role_options(&manager)
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.value)
            .collect();
        assert!(!offered.contains(&"administrator".to_owned()));
        assert!(!offered.contains(&custom_roles::stored_role(settings)));
        assert!(offered.contains(&"standard_user".to_owned()));
        for given in [
            "administrator".to_owned(),
            custom_roles::stored_role(settings),
        ] {
            let err = access
                .add_user(&manager, &user("eve@example.com", &given), None)
                .await
                .unwrap_err();
            let AccessError::Invalid(errors) = err else {
                panic!("expected a field error")
            };
            assert!(
                errors
                    .get("role")
                    .unwrap()
                    .to_string()
                    .contains("you have yourself"),
                "{given}"
            );
        }
        // Building roles needs ManageRoles, which a Manager lacks: a builder with the
        // Manager's permissions and that one.
        let mut builds = app::model::Role::Manager.permissions().to_vec();
        builds.push(Permission::ManageRoles);
        let builder = access
            .add_custom_role(&asha, &role("Builder", &builds), None)
            .await
            .unwrap();
        let (_, builder) = member(
            &h,
            &access,
            &asha,
            "bea@example.com",
            &custom_roles::stored_role(builder),
        )
        .await;
        let manager = access.signed_in(Some(&builder)).await.unwrap();
        // Nor can a custom role be built with more than the builder has.
        let err = access
            .add_custom_role(
                &manager,
                &role("Sneaky", &[Permission::ManageSettings]),
                None,
            )
            .await
            .unwrap_err();
        assert!(matches!(err, AccessError::Invalid(e) if e.get("permissions").is_some()));
    }

    #[tokio::test]
    async fn another_accounts_role_is_not_found_and_cannot_be_given() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let asha = admin(&h, &access, "asha@example.com").await;
        let ravi = admin(&h, &access, "ravi@other.example").await;
        let id = access
            .add_custom_role(&asha, &role("Auditor", &[Permission::ViewAuditLog]), None)
            .await
            .unwrap();
        assert!(matches!(
            access
                .update_custom_role(&ravi, id, &role("Mine", &[Permission::ViewReports]), None)
                .await,
            Err(AccessError::NotFound)
        ));
        assert!(matches!(
            access.delete_custom_role(&ravi, id, None).await,
            Err(AccessError::NotFound)
        ));
        let err = access
            .add_user(
                &ravi,
                &user("meera@example.com", &custom_roles::stored_role(id)),
                None,
            )
            .await
            .unwrap_err();
        assert!(matches!(err, AccessError::Invalid(e) if e.get("role").is_some()));
        assert_eq!(
            access.roles_page(&asha).await.unwrap().custom[0].name,
            "Auditor"
        );
    }

    #[tokio::test]
    async fn a_role_name_is_unique_in_the_account() {
        let h = harness().await;
        let access = AccessService::for_harness(&h);
        let asha = admin(&h, &access, "asha@example.com").await;
        access
            .add_custom_role(&asha, &role("Auditor", &[Permission::ViewAuditLog]), None)
            .await
            .unwrap();
        let err = access
            .add_custom_role(&asha, &role("Auditor", &[Permission::ViewReports]), None)
            .await
            .unwrap_err();
        assert!(matches!(err, AccessError::Invalid(e) if e.get("name").is_some()));
        assert_eq!(access.roles_page(&asha).await.unwrap().custom.len(), 1);
    }
}
