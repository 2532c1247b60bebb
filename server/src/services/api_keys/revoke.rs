//! Revoking a key: every later request with it is refused. Revoking twice is refused, so the
//! audit log records each revocation once.

use app::i18n::Msg;
use app::model::Permission;
use std::net::IpAddr;

use super::{ApiKeyError, ApiKeyService};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::api_keys,
};

impl ApiKeyService {
    pub async fn revoke(
        &self,
        caller: &Caller,
        id: i32,
        ip: Option<IpAddr>,
    ) -> Result<(), ApiKeyError> {
        caller.require(Permission::ManageSettings)?;
        let key = api_keys::get(&self.store, caller.account.id, id)
            .await?
            .ok_or(ApiKeyError::NotFound)?;
        if key.revoked_at.is_some() {
            return Err(ApiKeyError::Refused(
                Msg::new("err-key-key-already-revoked").arg("key", key.key_id),
            ));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        api_keys::set_revoked(
            &tx,
            app::model::AccountId(caller.account.id),
            app::model::ApiKeyId(key.id),
            now,
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip: ip.map(|i| i.to_string()),
                module: "security",
                action: "api_key_revoked",
                summary: format!("REST API key {} revoked", key.key_id),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
