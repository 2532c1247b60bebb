//! Account administration: who may do what (the caller's permission in their own account),
//! and the audit log, users, roles and security rules it governs.

mod add_user;
mod audit_export;
mod audit_log;
mod custom_roles;
mod deactivate_user;
mod group_domains;
mod group_logo;
mod group_members;
mod group_organizations;
mod groups;
mod ip_rules;
mod legal_documents;
mod member_rules;
mod operator_accounts;
mod session_address;
mod two_factor_setting;
mod update_user;
mod users;

use app::i18n::Msg;
use std::sync::Arc;

pub use group_logo::GroupLogo;
pub use groups::{create_default_group, ensure_default_group};
pub use ip_rules::ip_allowed;
pub use session_address::SessionAddress;

use app::model::{FieldErrors, Permission};

use crate::{
    ports::Clock,
    services::identity::{Caller, IdentityError, IdentityService},
    store::{Store, StoreError},
};

pub struct AccessService {
    store: Store,
    identity: Arc<IdentityService>,
    clock: Arc<dyn Clock>,
}

#[derive(Debug, thiserror::Error)]
pub enum AccessError {
    #[error("no live session")]
    Unauthenticated,
    #[error("the role lacks {0:?}")]
    Forbidden(Permission),
    #[error("only operator users may do this")]
    OperatorOnly,
    /// Another account's object, or none at all: the same answer for both.
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    #[error("export: {0}")]
    Export(String),
    /// A valid request the rules refuse, with the reason to show.
    #[error("{0}")]
    Refused(Msg),
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<crate::services::identity::Forbidden> for AccessError {
    fn from(f: crate::services::identity::Forbidden) -> Self {
        Self::Forbidden(f.0)
    }
}

impl From<crate::services::identity::OperatorOnly> for AccessError {
    fn from(_: crate::services::identity::OperatorOnly) -> Self {
        Self::OperatorOnly
    }
}

impl AccessService {
    pub fn new(store: Store, identity: Arc<IdentityService>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            identity,
            clock,
        }
    }

    /// The caller behind a live session token, whatever their role.
    pub async fn signed_in(&self, token: Option<&str>) -> Result<Caller, AccessError> {
        let token = token.ok_or(AccessError::Unauthenticated)?;
        self.identity
            .caller(token)
            .await?
            .ok_or(AccessError::Unauthenticated)
    }

    /// The caller behind a session token, if their role in the account has `permission`.
    pub async fn authorize(
        &self,
        token: Option<&str>,
        permission: Permission,
    ) -> Result<Caller, AccessError> {
        let caller = self.signed_in(token).await?;
        if !caller.can(permission) {
            return Err(AccessError::Forbidden(permission));
        }
        Ok(caller)
    }
}

#[cfg(test)]
mod default_group_tests;

#[cfg(test)]
impl AccessService {
    /// The service over a test harness's store and clock.
    pub(crate) fn for_harness(h: &crate::services::identity::test_support::Harness) -> Self {
        Self::new(h.store.clone(), h.identity(), h.clock.clone())
    }
}

/// Adds `email` to the account of `by` with the stored `role`, activates them and returns
/// their membership id and their caller (for tests of who may change whom).
#[cfg(test)]
pub(crate) async fn added_member(
    h: &crate::services::identity::test_support::Harness,
    access: &AccessService,
    by: &Caller,
    email: &str,
    role: &str,
) -> (i32, Caller) {
    let form = app::model::UserForm {
        name: "Added Member".into(),
        email: email.into(),
        mobile: "+91 98450 00002".into(),
        role: role.into(),
        group_access: "all".into(),
        ..Default::default()
    };
    let id = access
        .add_user(by, &form, None)
        .await
        .unwrap()
        .member_id()
        .unwrap();
    let token = h.activation_token().await;
    h.service
        .activate(
            &token,
            crate::services::identity::test_support::PASSWORD,
            crate::services::identity::test_support::PASSWORD,
            None,
        )
        .await
        .unwrap();
    let session = h.sign_in(email).await;
    let caller = access.signed_in(Some(&session)).await.unwrap();
    (id, caller)
}

/// What the group tests start from: two accounts' administrators, each signed in, and the
/// first account's default group.
#[cfg(test)]
pub(crate) struct GroupWorld {
    pub access: AccessService,
    /// The session of `admin` (asha@example.com).
    pub token: String,
    pub admin: Caller,
    /// The session of `other` (ravi@other.example), of another account.
    pub stranger: String,
    pub other: Caller,
    pub group: app::model::groups::GroupView,
}

#[cfg(test)]
impl GroupWorld {
    pub(crate) async fn new(h: &crate::services::identity::test_support::Harness) -> Self {
        let token = h.signed_in("asha@example.com").await;
        let stranger = h.signed_in("ravi@other.example").await;
        let access = AccessService::for_harness(h);
        let admin = access
            .authorize(Some(&token), Permission::ManageGroups)
            .await
            .unwrap();
        let other = access
            .authorize(Some(&stranger), Permission::ManageGroups)
            .await
            .unwrap();
        let group = access.groups_page(&admin).await.unwrap().groups[0].clone();
        Self {
            access,
            token,
            admin,
            stranger,
            other,
            group,
        }
    }
}
