//! The order list's name search through the text-search indexes (SQLite's FTS5 trigram table,
//! PostgreSQL's pg_trgm): the same answers as a `LIKE '%term%'` scan, inside one account,
//! and in step with every change to an order's names. Both backends run these
//! (`ROOTLINE_TEST_DATABASE=postgres`).

use app::model::{
    AccountKind, AccountStatus, Currency,
    orders::{KeySource, OrderSource},
    products::ProductKind,
};
use chrono::{DateTime, Duration, TimeZone, Utc};
use migrations::{Migrator, MigratorTrait};

use super::*;
use crate::store::{Db, Store, entities::users, groups, smime, test_db};

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap()
}

/// An account with a user and a group; (account id, group id, user id).
async fn account(store: &Store, name: &str) -> (i32, i32, i32) {
    // Written as this older schema has the table: the store's account row has columns added
    // by later migrations.
    let conn = store.conn();
    let insert = sea_orm::sea_query::Query::insert()
        .into_table(crate::store::entities::accounts::Entity)
        .columns([
            crate::store::entities::accounts::Column::Kind,
            crate::store::entities::accounts::Column::Name,
            crate::store::entities::accounts::Column::Country,
            crate::store::entities::accounts::Column::Status,
            crate::store::entities::accounts::Column::CreatedAt,
        ])
        .values_panic([
            AccountKind::Enterprise.as_str().into(),
            name.into(),
            "IN".into(),
            AccountStatus::Active.as_str().into(),
            at().into(),
        ])
        .to_owned();
    sea_orm::ConnectionTrait::execute(conn, &insert)
        .await
        .unwrap();
    let select = sea_orm::sea_query::Query::select()
        .column(crate::store::entities::accounts::Column::Id)
        .from(crate::store::entities::accounts::Entity)
        .and_where(
            sea_orm::sea_query::Expr::col(crate::store::entities::accounts::Column::Name).eq(name),
        )
        .to_owned();
    let account_id: i32 = sea_orm::ConnectionTrait::query_one(conn, &select)
        .await
        .unwrap()
        .unwrap()
        .try_get("", "id")
        .unwrap();

    // The users table of this older schema has no `lang` yet, so the row is written as that
    // schema has it rather than through the store, which speaks the current one.
    let email = format!("{name}@example.com");
    let insert = sea_orm::sea_query::Query::insert()
        .into_table(users::Entity)
        .columns([
            users::Column::Email,
            users::Column::Name,
            users::Column::Mobile,
            users::Column::Status,
            users::Column::IsOperator,
            users::Column::CreatedAt,
            users::Column::Designation,
            users::Column::EmployeeId,
        ])
        .values_panic([
            email.clone().into(),
            name.into(),
            "".into(),
            "active".into(),
            false.into(),
            at().into(),
            "".into(),
            "".into(),
        ])
        .to_owned();
    sea_orm::ConnectionTrait::execute(conn, &insert)
        .await
        .unwrap();
    let select = sea_orm::sea_query::Query::select()
        .column(users::Column::Id)
        .from(users::Entity)
        .and_where(sea_orm::sea_query::Expr::col(users::Column::Email).eq(email))
        .to_owned();
    let user_id: i32 = sea_orm::ConnectionTrait::query_one(conn, &select)
        .await
        .unwrap()
        .unwrap()
        .try_get("", "id")
        .unwrap();
    let group = groups::insert(
        store,
        account_id,
        true,
        groups::GroupFields {
            name: "Default",
            description: "",
            finance_mode: app::model::groups::FinanceMode::Account,
            spend_limit_minor: None,
            renewal_emails: "",
            restricted: false,
        },
        at(),
    )
    .await
    .unwrap();
    (account_id, group.id, user_id)
}

/// An order of `owner` for `names`, placed `minutes` after `at()`.
async fn order(store: &Store, owner: (i32, i32, i32), names: &[&str], minutes: i64) -> i32 {
    let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    insert(
        store,
        new_order(owner, &names),
        at() + Duration::minutes(minutes),
    )
    .await
    .unwrap()
    .id
}

/// An order stored on a schema from before later migrations added columns to `orders`: only
/// the columns it sets are written, and nothing is read back but its id.
async fn early_order(store: &Store, owner: (i32, i32, i32), names: &[&str]) -> i32 {
    use sea_orm::EntityTrait;
    let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
    let new = new_order(owner, &names);
    let mut row = super::new_row(&new, at() + Duration::minutes(1));
    row.organization_id = sea_orm::ActiveValue::NotSet;
    let id = crate::store::entities::orders::Entity::insert(row)
        .exec(store.conn())
        .await
        .unwrap()
        .last_insert_id;
    super::add_names(store, id, &names).await.unwrap();
    id
}

fn new_order<'a>(owner: (i32, i32, i32), names: &'a [String]) -> NewOrder<'a> {
    NewOrder {
        account_id: owner.0,
        group_id: owner.1,
        placed_by: owner.2,
        product_id: 1,
        product_name: "DV SSL",
        product_kind: ProductKind::DvSingle,
        profile: "tls-dv",
        private_ca: None,
        validity_days: 199,
        price_minor: 4900,
        currency: Currency::Usd,
        status: OrderStatus::Accepted,
        csr_pem: None,
        key_source: KeySource::Later,
        requester_name: "Asha",
        requester_email: "asha@example.com",
        requester_phone: "",
        tags: "web",
        remarks: "",
        tech_name: "",
        tech_email: "",
        extra_emails: "",
        auto_renew: false,
        template_values: "[]",
        names,
        source: OrderSource::Portal,
        organization_id: None,
    }
}

/// The ids `account` finds for `term`, newest first, checked against the count; each search
/// also runs both ways of finding the names (see `NameSearch`), which must agree.
async fn found(store: &Store, account_id: i32, term: &str) -> Vec<i32> {
    let s = Search {
        account_id,
        domain: Some(term),
        ..Default::default()
    };
    let (rows, total) = search(store, &s, 1, 100).await.unwrap();
    let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
    assert_eq!(total, ids.len() as u64, "count and page agree for {term:?}");
    assert!(
        rows.iter().all(|o| o.account_id == account_id),
        "{term:?} found another account's order"
    );
    let mut ways = vec![NameSearch::Scan];
    // The trigram index is SQLite's, for terms with a trigram.
    if !store.is_postgres() && term.chars().count() >= TRIGRAM {
        ways.push(NameSearch::Index);
    }
    for how in ways {
        let (rows, total) = search_by(store, &s, how, 1, 100).await.unwrap();
        let other: Vec<i32> = rows.iter().map(|o| o.id).collect();
        assert_eq!(other, ids, "{term:?} found by {how:?}");
        assert_eq!(total, ids.len() as u64, "{term:?} counted by {how:?}");
    }
    ids
}

/// SQLite only: FTS5's own check that the index holds exactly the names of `order_names`.
async fn index_is_whole(store: &Store) {
    if !store.is_postgres() {
        store
            .execute_raw(
                "INSERT INTO order_names_search (order_names_search, rank) \
                 VALUES ('integrity-check', 1)",
            )
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn orders_are_found_by_any_part_of_any_name_in_any_case() {
    let store = test_db::fresh_store().await;
    let me = account(&store, "mine").await;
    let shop = order(&store, me, &["shop.example.com", "www.shop.example.com"], 1).await;
    let blog = order(&store, me, &["blog.example.org"], 2).await;
    let mail = order(&store, me, &["asha@mail.example.net"], 3).await;

    assert_eq!(found(&store, me.0, "shop.example.com").await, vec![shop]);
    assert_eq!(found(&store, me.0, "hop.exa").await, vec![shop]);
    assert_eq!(found(&store, me.0, "www.").await, vec![shop]);
    assert_eq!(found(&store, me.0, "SHOP.Example").await, vec![shop]);
    assert_eq!(found(&store, me.0, "example").await, vec![mail, blog, shop]);
    assert_eq!(found(&store, me.0, "asha@").await, vec![mail]);
    // Terms of one or two characters have no trigram: the scan answers them.
    assert_eq!(found(&store, me.0, "og").await, vec![blog]);
    assert_eq!(found(&store, me.0, "o").await, vec![blog, shop]);
    assert_eq!(found(&store, me.0, "rg").await, vec![blog]);
    assert!(found(&store, me.0, "shopping").await.is_empty());
}

#[tokio::test]
async fn the_index_answers_rare_terms_and_the_scan_common_ones() {
    let store = test_db::fresh_store().await;
    let me = account(&store, "mine").await;
    let them = account(&store, "theirs").await;
    let shop = order(&store, me, &["shop.example.com"], 1).await;
    order(&store, me, &["blog.example.org"], 2).await;
    order(&store, them, &["www.shop.example.com"], 3).await;
    let how = |term: &'static str, few: u64| {
        let store = store.clone();
        async move {
            let s = Search {
                account_id: me.0,
                domain: Some(term),
                ..Default::default()
            };
            name_search(&store, &s, few).await.unwrap()
        }
    };
    let index = if store.is_postgres() {
        // PostgreSQL's planner picks its pg_trgm index for the LIKE itself.
        NameSearch::Scan
    } else {
        NameSearch::Index
    };
    assert_eq!(how("blog", 1).await, index);
    // Names of every account count: the choice is about cost, not about what is found.
    assert_eq!(how("shop", 1).await, NameSearch::Scan);
    assert_eq!(how("shop", 2).await, index);
    assert_eq!(how("example", 2).await, NameSearch::Scan);
    assert_eq!(how("example", FEW_MATCHES).await, index);
    assert_eq!(how("sh", FEW_MATCHES).await, NameSearch::Scan);
    assert_eq!(found(&store, me.0, "shop").await, vec![shop]);
}

#[tokio::test]
async fn search_terms_are_text_not_syntax() {
    let store = test_db::fresh_store().await;
    let me = account(&store, "mine").await;
    let shop = order(&store, me, &["shop.example.com"], 1).await;

    // FTS5 query syntax and LIKE wildcards match only themselves.
    for term in [
        "shop\"",
        "\"shop\"",
        "sh*",
        "shop OR blog",
        "NEAR(shop)",
        "s%p",
        "sh_p",
        "_",
        "%",
        "\\",
    ] {
        assert!(found(&store, me.0, term).await.is_empty(), "{term:?}");
    }
    assert_eq!(found(&store, me.0, "p.e").await, vec![shop]);

    // PostgreSQL gets the pattern in the statement's text: quotes stay text there too.
    let quoted = order(&store, me, &["o'hara\\x@example.com"], 2).await;
    for term in ["o'hara", "'h", "a\\x", "o'hara\\x@"] {
        assert_eq!(found(&store, me.0, term).await, vec![quoted], "{term:?}");
    }
    for term in ["'; DROP TABLE orders; --", "o''hara", "a\\\\x"] {
        assert!(found(&store, me.0, term).await.is_empty(), "{term:?}");
    }
    let s = Search {
        account_id: me.0,
        tag: Some("it's"),
        product: Some("dv ssl'"),
        ..Default::default()
    };
    assert_eq!(count(&store, &s).await.unwrap(), 0);
    assert_eq!(found(&store, me.0, "example").await, vec![quoted, shop]);
}

#[tokio::test]
async fn another_accounts_orders_never_appear_in_a_name_search() {
    let store = test_db::fresh_store().await;
    let me = account(&store, "mine").await;
    let them = account(&store, "theirs").await;
    let mine = order(&store, me, &["shared.example.com"], 1).await;
    let theirs = order(&store, them, &["shared.example.com"], 2).await;
    let only_theirs = order(&store, them, &["secret.example.com"], 3).await;

    for term in ["shared", "shared.example.com", "ex", "e"] {
        assert_eq!(found(&store, me.0, term).await, vec![mine], "{term:?}");
    }
    assert_eq!(
        found(&store, them.0, "example").await,
        vec![only_theirs, theirs]
    );
    assert!(found(&store, me.0, "secret").await.is_empty());
    assert!(found(&store, me.0, "se").await.is_empty());
    let s = Search {
        account_id: me.0,
        domain: Some("secret"),
        ..Default::default()
    };
    assert_eq!(count(&store, &s).await.unwrap(), 0);
}

#[tokio::test]
async fn a_reissued_orders_new_names_are_found_and_replaced_names_are_not() {
    let store = test_db::fresh_store().await;
    let me = account(&store, "mine").await;
    let first = order(&store, me, &["old.example.com"], 1).await;
    // A names change or reissue places a linked order with the new names.
    let reissue = order(&store, me, &["old.example.com", "new.example.com"], 2).await;
    assert_eq!(found(&store, me.0, "new.exa").await, vec![reissue]);
    assert_eq!(found(&store, me.0, "old.exa").await, vec![reissue, first]);

    // Changing an S/MIME order's address deletes its name and writes the new one.
    smime::set_email(&store, me.0, first, "asha@renamed.example", at())
        .await
        .unwrap();
    assert_eq!(
        names(&store, first).await.unwrap(),
        ["asha@renamed.example"]
    );
    assert_eq!(found(&store, me.0, "renamed").await, vec![first]);
    assert_eq!(found(&store, me.0, "old.exa").await, vec![reissue]);

    // A name edited in place (by a script, say) moves in the index too.
    store
        .execute_raw(&format!(
            "UPDATE order_names SET name = 'edited.example.org' \
             WHERE order_id = {reissue} AND position = 1"
        ))
        .await
        .unwrap();
    assert!(found(&store, me.0, "new.exa").await.is_empty());
    assert_eq!(found(&store, me.0, "edited").await, vec![reissue]);
    assert_eq!(found(&store, me.0, "old.exa").await, vec![reissue]);

    // Deleted names leave the index.
    store
        .execute_raw(&format!(
            "DELETE FROM order_names WHERE order_id = {reissue}"
        ))
        .await
        .unwrap();
    assert!(found(&store, me.0, "edited").await.is_empty());
    assert!(found(&store, me.0, "old.exa").await.is_empty());
    index_is_whole(&store).await;
}

#[tokio::test]
async fn a_name_search_with_other_filters_and_pages_keeps_them() {
    let store = test_db::fresh_store().await;
    let me = account(&store, "mine").await;
    let mut ids = Vec::new();
    for i in 0..25 {
        ids.push(order(&store, me, &[&format!("host{i}.example.com")], i).await);
    }
    ids.reverse(); // newest first
    let s = Search {
        account_id: me.0,
        domain: Some("host"),
        ..Default::default()
    };
    let (page2, total) = search(&store, &s, 2, 10).await.unwrap();
    assert_eq!(total, 25);
    assert_eq!(
        page2.iter().map(|o| o.id).collect::<Vec<_>>(),
        ids.get(10..20).unwrap()
    );
    let (past_the_end, total) = search(&store, &s, 4, 10).await.unwrap();
    assert!(past_the_end.is_empty());
    assert_eq!(total, 25);

    let s = Search {
        account_id: me.0,
        domain: Some("host1"),
        until: Some(at() + Duration::minutes(12)),
        tag: Some("we"),
        status: Some(OrderStatus::Accepted.code()),
        reach: Reach::Own(me.2),
        ..Default::default()
    };
    let (rows, total) = search(&store, &s, 1, 10).await.unwrap();
    // host1, host10, host11 were placed before minute 12.
    assert_eq!(total, 3);
    assert_eq!(
        rows.iter().map(|o| o.id).collect::<Vec<_>>(),
        [ids[13], ids[14], ids[23]]
    );
    let s = Search {
        reach: Reach::Own(me.2 + 1000),
        ..s
    };
    assert_eq!(count(&store, &s).await.unwrap(), 0);
}

/// The names stored before the migration are in the index it builds.
#[tokio::test]
async fn the_search_migration_indexes_the_names_already_stored() {
    let store = test_db::unmigrated_store().await;
    let before = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261205_000070_order_search")
        .unwrap();
    Migrator::up(store.conn(), Some(u32::try_from(before).unwrap()))
        .await
        .unwrap();
    let me = account(&store, "mine").await;
    let early = early_order(&store, me, &["early.example.com"]).await;

    store.migrate().await.unwrap();
    assert_eq!(found(&store, me.0, "early.ex").await, vec![early]);
    let late = order(&store, me, &["late.example.com"], 2).await;
    assert_eq!(found(&store, me.0, ".example.").await, vec![late, early]);
    index_is_whole(&store).await;
}
