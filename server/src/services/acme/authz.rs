//! Authorizations (RFC 8555 sections 7.1.4 and 7.5.2): reading one, and deactivating it.

use app::model::acme::AcmeAuthzStatus;
use serde::Deserialize;

use super::{AcmeError, AcmeService, AuthzView, authz_view};
use crate::store::acme::{self, AcmeAccountRow};

#[derive(Debug, Default, Deserialize)]
pub struct AuthzUpdate {
    #[serde(default)]
    pub status: Option<String>,
}

impl AcmeService {
    pub async fn authz(&self, account: &AcmeAccountRow, id: i32) -> Result<AuthzView, AcmeError> {
        let (a, _) = acme::authz(&self.store, account.id, id)
            .await?
            .ok_or(AcmeError::NotFound)?;
        let challenges = acme::challenges_of_authz(&self.store, a.id).await?;
        Ok(authz_view(&a, &challenges))
    }

    /// A client gives up an authorization (status "deactivated"); nothing else may change.
    pub async fn update_authz(
        &self,
        account: &AcmeAccountRow,
        id: i32,
        update: &AuthzUpdate,
    ) -> Result<AuthzView, AcmeError> {
        let (a, _) = acme::authz(&self.store, account.id, id)
            .await?
            .ok_or(AcmeError::NotFound)?;
        match update.status.as_deref() {
            None => {}
            Some("deactivated")
                if matches!(*a.status, AcmeAuthzStatus::Pending | AcmeAuthzStatus::Valid) =>
            {
                acme::set_authz_status(&self.store, a.id, AcmeAuthzStatus::Deactivated).await?;
            }
            Some("deactivated") => {
                return Err(AcmeError::Malformed(format!(
                    "an authorization that is {} cannot be deactivated",
                    a.status.as_str()
                )));
            }
            Some(other) => {
                return Err(AcmeError::Malformed(format!(
                    "a client may only set the status to \"deactivated\", not \"{other}\""
                )));
            }
        }
        self.authz(account, id).await
    }
}
