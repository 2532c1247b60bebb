//! The "REST APIs" page: the account's keys (never their secrets) and the users a new key may
//! act as.

use app::model::{
    Permission,
    api_keys::{ApiKeyView, ApiKeysPage, ApiUserChoice},
};
use chrono::{DateTime, Utc};

use super::{ApiKeyError, ApiKeyService};
use crate::{
    services::identity::Caller,
    store::{api_keys, memberships, users},
};

fn when(t: DateTime<Utc>) -> app::model::Moment {
    app::model::Moment::from(t)
}

impl ApiKeyService {
    pub async fn page(&self, caller: &Caller) -> Result<ApiKeysPage, ApiKeyError> {
        caller.require(Permission::ManageSettings)?;
        let account_id = caller.account.id;
        let keys = api_keys::for_account(&self.store, account_id).await?;
        let members = memberships::active_for_account(&self.store, account_id).await?;
        let mut ids: Vec<i32> = keys.iter().map(|k| k.user_id).collect();
        ids.extend(members.iter().map(|m| m.user_id));
        ids.sort_unstable();
        ids.dedup();
        let found = users::find_many(&self.store, &ids).await?;
        let email = |id: i32| {
            found
                .iter()
                .find(|u| u.id == id)
                .map(|u| u.email.clone())
                .unwrap_or_default()
        };
        Ok(ApiKeysPage {
            keys: keys
                .iter()
                .map(|k| ApiKeyView {
                    id: k.id,
                    key_id: k.key_id.clone(),
                    user_email: email(k.user_id),
                    description: k.description.clone(),
                    created_at: when(k.created_at),
                    last_used_at: k.last_used_at.map(when),
                    revoked_at: k.revoked_at.map(when),
                })
                .collect(),
            users: members
                .iter()
                .filter_map(|m| {
                    found
                        .iter()
                        .find(|u| u.id == m.user_id)
                        .map(|u| ApiUserChoice {
                            id: u.id,
                            label: format!("{} <{}> ({})", u.name, u.email, m.role),
                        })
                })
                .collect(),
        })
    }
}
