//! Every account has its default group from the moment it is active, whatever its
//! administrator does first.

use app::model::{Permission, groups::GroupForm};

use super::{AccessService, groups::DEFAULT_GROUP as DEFAULT_GROUP_NAME};
use crate::{
    services::identity::test_support::harness,
    store::{accounts, groups},
};

#[tokio::test]
async fn an_activated_account_has_its_default_group_before_any_page_is_opened() {
    let h = harness().await;
    let token = h.signed_in("asha@example.com").await;
    let admin = h.service.caller(&token).await.unwrap().unwrap();
    let rows = groups::for_account(&h.store, admin.account.id)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].is_default);
    assert_eq!(rows[0].name, DEFAULT_GROUP_NAME);
}

#[tokio::test]
async fn an_account_whose_administrator_adds_a_group_first_still_has_its_default_group() {
    let h = harness().await;
    let token = h.signed_in("asha@example.com").await;
    let admin = h.service.caller(&token).await.unwrap().unwrap();
    accounts::set_multiple_groups(&h.store, admin.account.id, true)
        .await
        .unwrap();
    let access = AccessService::for_harness(&h);
    let admin = access
        .authorize(Some(&token), Permission::ManageGroups)
        .await
        .unwrap();
    // The first thing the administrator does: add a group (no Groups page opened before).
    access
        .add_group(
            &admin,
            &GroupForm {
                name: "Engineering".into(),
                finance_mode: "account".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    let page = access.groups_page(&admin).await.unwrap();
    let names: Vec<_> = page
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.is_default))
        .collect();
    assert_eq!(
        names,
        [(DEFAULT_GROUP_NAME, true), ("Engineering", false)],
        "the default group first, once"
    );
}

#[tokio::test]
async fn the_operators_account_has_its_default_group_from_the_start() {
    let h = harness().await;
    let token = h.signed_in_operator().await;
    let ops = h.service.caller(&token).await.unwrap().unwrap();
    let rows = groups::for_account(&h.store, ops.account.id).await.unwrap();
    assert!(rows.iter().any(|g| g.is_default), "{rows:?}");
}

#[tokio::test]
async fn the_default_group_is_named_in_the_language_of_whoever_activated_the_account() {
    let h = harness().await;
    let token = h.signed_in("asha@example.com").await;
    let admin = h.service.caller(&token).await.unwrap().unwrap();
    // Another account, made active by someone who reads Polish.
    let other = accounts::insert(
        &h.store,
        accounts::NewAccount {
            kind: app::model::AccountKind::Enterprise,
            name: "Sklep Sp. z o.o.",
            country: "PL",
            status: app::model::AccountStatus::Active,
            created_at: chrono::Utc::now(),
        },
    )
    .await
    .unwrap()
    .id;
    super::create_default_group(&h.store, other, app::i18n::Lang::Pl, chrono::Utc::now())
        .await
        .unwrap();
    let polish = groups::for_account(&h.store, other).await.unwrap();
    assert_eq!(
        polish.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
        ["Grupa domyślna"]
    );
    let english = groups::for_account(&h.store, admin.account.id)
        .await
        .unwrap();
    assert_eq!(english[0].name, DEFAULT_GROUP_NAME);
}
