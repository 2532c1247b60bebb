//! What the "ACME APIs" settings page shows: the account's credentials with the names of
//! their user, group and product, and the choices for a new one.

use app::model::{
    acme::{AcmeCredentialView, AcmeCredentialsPage, Choice},
    products::ProductKind,
};
use chrono::{DateTime, Utc};

use super::{AcmeError, AcmeService};
use crate::{
    services::identity::Caller,
    store::{groups, memberships, products, users},
};

fn when(t: DateTime<Utc>) -> app::model::Moment {
    app::model::Moment::from(t)
}

impl AcmeService {
    pub async fn credentials_page(
        &self,
        caller: &Caller,
        directory_url: &str,
    ) -> Result<AcmeCredentialsPage, AcmeError> {
        // The credentials' list checks ManageSettings first, before anything else is read.
        let credentials = self.list_eab(caller).await?;
        let account_id = caller.account.id;
        crate::services::access::ensure_default_group(&self.store, account_id, self.clock.now())
            .await
            .map_err(|e| AcmeError::Internal(e.to_string()))?;
        let (members, _) =
            memberships::page_for_account(&self.store, account_id, None, 0, 1000).await?;
        let mut ids: Vec<i32> = members.iter().map(|m| m.user_id).collect();
        // A credential's user may have left the account since; the list still names them.
        ids.extend(credentials.iter().map(|c| c.user_id));
        let people = users::find_many(&self.store, &ids).await?;
        let mut groups = groups::for_account(&self.store, account_id).await?;
        groups.sort_by_key(|g| (!g.is_default, g.name.to_lowercase()));
        let product_rows = products::orderable_for_account(&self.store, account_id).await?;
        let organization_rows =
            crate::store::organizations::names(&self.store, account_id.into()).await?;
        let usable =
            crate::store::organizations::usable(&self.store, account_id.into(), self.clock.now())
                .await?;
        let organization_name = |id: Option<i32>| {
            id.map(|id| {
                organization_rows
                    .iter()
                    .find(|(o, _)| o.get() == id)
                    .map_or_else(|| format!("organization #{id}"), |(_, name)| name.clone())
            })
            .unwrap_or_default()
        };
        let email = |id: i32| {
            people
                .iter()
                .find(|u| u.id == id)
                .map_or_else(|| format!("user #{id}"), |u| u.email.clone())
        };
        let group_name = |id: i32| {
            groups
                .iter()
                .find(|g| g.id == id)
                .map_or_else(|| format!("group #{id}"), |g| g.name.clone())
        };
        let product_name = |id: i32| {
            product_rows
                .iter()
                .find(|p| p.id == id)
                // A product withdrawn since the credential was made is no longer listed.
                .map_or_else(|| format!("product #{id} (withdrawn)"), |p| p.name.clone())
        };
        Ok(AcmeCredentialsPage {
            credentials: credentials
                .iter()
                .map(|c| AcmeCredentialView {
                    id: c.id,
                    key_id: c.key_id.clone(),
                    user: email(c.user_id),
                    group: group_name(c.group_id),
                    product: product_name(c.product_id),
                    organization: organization_name(c.organization_id),
                    tags: c.tags.replace(',', ", "),
                    created: when(c.created_at),
                    bound: c.bound_at.map(when),
                    revoked: c.revoked_at.map(when),
                })
                .collect(),
            users: members
                .iter()
                .filter(|m| m.status == memberships::ACTIVE)
                .filter_map(|m| people.iter().find(|u| u.id == m.user_id))
                .map(|u| u.email.clone())
                .collect(),
            groups: groups
                .iter()
                .map(|g| Choice {
                    value: g.id.to_string(),
                    label: g.name.clone(),
                })
                .collect(),
            products: product_rows
                .iter()
                .filter(|p| *p.kind != ProductKind::SmimeMailbox)
                .map(|p| Choice {
                    value: p.id.to_string(),
                    label: p.name.clone(),
                })
                .collect(),
            organizations: usable
                .iter()
                .map(|o| Choice {
                    value: o.id.to_string(),
                    label: o.legal_name.clone(),
                })
                .collect(),
            directory_url: directory_url.to_owned(),
        })
    }
}
