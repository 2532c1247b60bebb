//! The tracking links of orders: one per recipient and scope, kept as the SHA-256 of the token
//! (never the token). Every query is scoped to an account except the lookup by a presented
//! token's hash, whose 256-bit token is the proof of access.

use app::model::orders::TrackingScope;
use chrono::{DateTime, Utc};
use sea_orm::{ActiveValue::Set, QueryOrder, entity::prelude::*, sea_query::OnConflict};

use super::{Db, StoreError, entities::tracking_links};

pub type TrackingLinkRow = tracking_links::Model;

pub struct NewLink<'a> {
    pub order_id: i32,
    pub account_id: i32,
    pub recipient: &'a str,
    pub scope: TrackingScope,
    pub token_hash: &'a str,
}

/// Stores a link unless it is stored already: the same token is derived every time it is
/// mailed or shown.
pub async fn add(db: &impl Db, link: NewLink<'_>, at: DateTime<Utc>) -> Result<(), StoreError> {
    tracking_links::Entity::insert(tracking_links::ActiveModel {
        order_id: Set(link.order_id),
        account_id: Set(link.account_id),
        recipient: Set(link.recipient.to_owned()),
        scope: Set(link.scope.into()),
        token_hash: Set(link.token_hash.to_owned()),
        created_at: Set(at),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(tracking_links::Column::TokenHash)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db.conn())
    .await?;
    Ok(())
}

/// The link a presented token belongs to, in any account: the token is the proof. The order
/// is then read in the link's account.
pub async fn by_token_hash(
    db: &impl Db,
    token_hash: &str,
) -> Result<Option<TrackingLinkRow>, StoreError> {
    Ok(tracking_links::Entity::find()
        .filter(tracking_links::Column::TokenHash.eq(token_hash))
        .one(db.conn())
        .await?)
}

/// An order's links, oldest first.
pub async fn for_order(
    db: &impl Db,
    account_id: i32,
    order_id: i32,
) -> Result<Vec<TrackingLinkRow>, StoreError> {
    Ok(tracking_links::Entity::find()
        .filter(tracking_links::Column::AccountId.eq(account_id))
        .filter(tracking_links::Column::OrderId.eq(order_id))
        .order_by_asc(tracking_links::Column::Id)
        .all(db.conn())
        .await?)
}

#[cfg(test)]
mod tests {
    use migrations::{Migrator, MigratorTrait};
    use sea_orm::ConnectionTrait;

    use super::*;
    use crate::{
        domain::secret_token::{SecretToken, hash_token},
        store::{orders, test_db},
    };

    /// The migrations before this change's.
    const BEFORE_TRACKING_LINKS: u32 = 28;

    #[tokio::test]
    async fn links_already_mailed_keep_working_as_the_requesters_and_only_their_hash_stays() {
        let store = test_db::unmigrated_store().await;
        Migrator::up(&store.db, Some(BEFORE_TRACKING_LINKS))
            .await
            .unwrap();
        let old = SecretToken::from_random([7; 32]).plain;
        let at = "'2026-11-21T10:00:00+00:00'";
        for sql in [
            format!(
                "INSERT INTO accounts (kind, name, country, status, created_at) \
                 VALUES ('enterprise', 'Acme', 'IN', 'active', {at})"
            ),
            format!(
                "INSERT INTO users (email, name, mobile, status, created_at) \
                 VALUES ('asha@acme.example', 'Asha', '', 'active', {at})"
            ),
            format!(
                "INSERT INTO groups (account_id, name, description, is_default, finance_mode, \
                 renewal_emails, created_at) VALUES (1, 'Default', '', true, 'account', '', {at})"
            ),
            format!(
                "INSERT INTO orders (account_id, group_id, placed_by, product_id, product_name, \
                 product_kind, profile, validity_days, price_minor, currency, status, key_source, \
                 requester_name, requester_email, requester_phone, tags, remarks, tech_name, \
                 tech_email, extra_emails, auto_renew, template_values, tracking_token, \
                 created_at, updated_at) VALUES (1, 1, 1, 1, 'DV', 'dv_single', 'tls-dv', 90, 0, \
                 'USD', 'accepted', 'later', 'Asha', 'Asha@Acme.example', '', '', '', '', '', \
                 'ops@acme.example', false, '[]', '{old}', {at}, {at})"
            ),
        ] {
            store.execute_raw(&sql).await.unwrap();
        }

        store.migrate().await.unwrap();

        let link = by_token_hash(&store, &hash_token(&old))
            .await
            .unwrap()
            .expect("the mailed link still opens the order");
        assert_eq!(
            (link.order_id, link.account_id, *link.scope),
            (1, 1, TrackingScope::Requester)
        );
        assert_eq!(link.recipient, "asha@acme.example");
        assert_eq!(
            for_order(&store, 1, 1).await.unwrap(),
            std::slice::from_ref(&link)
        );
        assert!(
            for_order(&store, 2, 1).await.unwrap().is_empty(),
            "another account has no such links"
        );
        let order = orders::get(&store, 1, 1).await.unwrap().unwrap();
        assert!(
            !format!("{order:?} {link:?}").contains(&old),
            "no token in clear"
        );
        let kept = store
            .db
            .query_all_raw(sea_orm::Statement::from_string(
                store.db.get_database_backend(),
                "SELECT * FROM tracking_links",
            ))
            .await
            .unwrap();
        assert!(!format!("{kept:?}").contains(&old), "{kept:?}");
    }
}
