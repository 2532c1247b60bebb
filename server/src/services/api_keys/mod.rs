//! REST API access keys (INT-1): an administrator makes a key that acts as one user of the
//! account; a request with it gets exactly that user's permissions, account and IP rules.
//! Only a SHA-256 of the secret half is stored; the whole key is shown once.

mod authenticate;
mod create;
mod list;
mod revoke;

use app::i18n::Msg;
use std::sync::Arc;

use app::model::{FieldErrors, Permission};

pub use authenticate::ApiPrincipal;

use crate::{
    ports::{Clock, Random},
    services::identity::{IdentityError, IdentityService},
    store::{Store, StoreError},
};

pub struct ApiKeyService {
    store: Store,
    identity: Arc<IdentityService>,
    clock: Arc<dyn Clock>,
    random: Arc<dyn Random>,
}

#[derive(Debug, thiserror::Error)]
pub enum ApiKeyError {
    /// A key that is malformed, unknown, revoked or whose user is gone: one answer for all,
    /// so the answer says nothing about which keys exist.
    #[error("the access key is not valid")]
    Unauthenticated,
    #[error("requests from {0} are not allowed for this user by the account's IP restrictions")]
    AddressRefused(String),
    #[error("the role lacks {0:?}")]
    Forbidden(Permission),
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    #[error("{0}")]
    Refused(Msg),
    #[error(transparent)]
    Identity(#[from] IdentityError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<crate::services::identity::Forbidden> for ApiKeyError {
    fn from(f: crate::services::identity::Forbidden) -> Self {
        Self::Forbidden(f.0)
    }
}

impl ApiKeyService {
    pub fn new(
        store: Store,
        identity: Arc<IdentityService>,
        clock: Arc<dyn Clock>,
        random: Arc<dyn Random>,
    ) -> Self {
        Self {
            store,
            identity,
            clock,
            random,
        }
    }
}

/// Hex SHA-256 of the secret half of a key.
pub(crate) fn secret_hash(secret: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::Arc;

    use app::model::{Permission, UserForm};

    use super::ApiKeyService;
    use crate::services::{
        access::AccessService,
        identity::{
            Caller,
            test_support::{Harness, PASSWORD},
        },
    };

    impl ApiKeyService {
        pub(crate) fn for_harness(h: &Harness) -> Self {
            Self::new(
                h.store.clone(),
                h.identity(),
                h.clock.clone(),
                Arc::new(crate::adapters::random::OsRandom),
            )
        }
    }

    /// A new, activated user of the administrator's account with a built-in `role`, as the
    /// user acting in that account.
    pub async fn member(h: &Harness, admin: &Caller, email: &str, role: &str) -> Caller {
        let access = AccessService::for_harness(h);
        let form = UserForm {
            name: "Meera Iyer".into(),
            email: email.into(),
            mobile: "+91 98450 00001".into(),
            designation: "PKI engineer".into(),
            employee_id: "E-1024".into(),
            role: role.into(),
            group_access: "all".into(),
        };
        let id = access
            .add_user(admin, &form, None)
            .await
            .unwrap()
            .member_id()
            .unwrap();
        let token = h.activation_token().await;
        h.service
            .activate(&token, PASSWORD, PASSWORD, None)
            .await
            .unwrap();
        let caller = h
            .service
            .acting_for(id, admin.account.id)
            .await
            .unwrap()
            .unwrap();
        assert!(caller.can(Permission::RequestCertificates) || role == "discovery_user");
        caller
    }
}
