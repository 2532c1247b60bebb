//! Making a key: the administrator chooses the user it acts as and says what it is for.

use app::i18n::Msg;
use std::net::IpAddr;

use app::model::{
    FieldErrors, Permission,
    api_keys::{ApiKeyCreated, ApiKeyForm, KEY_PREFIX},
};
use base64::Engine;

use super::{ApiKeyError, ApiKeyService, secret_hash};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{api_keys, memberships, users},
};

impl ApiKeyService {
    pub async fn create(
        &self,
        caller: &Caller,
        form: &ApiKeyForm,
        ip: Option<IpAddr>,
    ) -> Result<ApiKeyCreated, ApiKeyError> {
        caller.require(Permission::ManageSettings)?;
        let description = form.validate().map_err(ApiKeyError::Invalid)?;
        let account_id = caller.account.id;
        let member = memberships::find(&self.store, form.user_id, account_id).await?;
        let user = match member.filter(|m| m.status == memberships::ACTIVE) {
            Some(m) => users::find(&self.store, m.user_id).await?,
            None => None,
        };
        let Some(user) = user else {
            return Err(ApiKeyError::Invalid(FieldErrors::single(
                "user_id",
                Msg::new("err-choose-active-user-account"),
            )));
        };
        let acting = self.identity.acting_for(user.id, account_id).await?;
        if !acting.is_some_and(|c| c.can(Permission::UseApi)) {
            return Err(ApiKeyError::Invalid(FieldErrors::single(
                "user_id",
                Msg::new("err-role-does-not-allow-api")
                    .arg("user", &user.email)
                    .arg("permission", Permission::UseApi.label()),
            )));
        }
        let mut id_bytes = [0u8; 8];
        self.random.fill(&mut id_bytes);
        let mut secret_bytes = [0u8; 32];
        self.random.fill(&mut secret_bytes);
        let key_id = hex::encode(id_bytes);
        let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(secret_bytes);
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let row = api_keys::insert(
            &tx,
            &api_keys::NewApiKey {
                key_id: &key_id,
                secret_hash: &secret_hash(&secret),
                account_id,
                user_id: user.id,
                description: &description,
                created_by: caller.user.id,
            },
            now,
        )
        .await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(account_id),
                user_id: Some(caller.user.id),
                ip: ip.map(|i| i.to_string()),
                module: "security",
                action: "api_key_created",
                summary: format!(
                    "REST API key {key_id} acting as {} created: {description}",
                    user.email
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(ApiKeyCreated {
            id: row.id,
            key: format!("{KEY_PREFIX}{key_id}_{secret}"),
        })
    }
}
