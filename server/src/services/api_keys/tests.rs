//! Access keys on a real store: made once, shown once, acting as their user only.

use std::net::IpAddr;

use app::model::{Permission, api_keys::ApiKeyForm, ip_rules::IpRuleForm};

use super::{ApiKeyError, ApiKeyService, test_support::member};
use crate::{
    services::{
        access::AccessService, catalog::test_support::administrator,
        identity::test_support::harness,
    },
    store::api_keys,
};

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn form(user_id: i32, description: &str) -> ApiKeyForm {
    ApiKeyForm {
        user_id,
        description: description.into(),
    }
}

#[tokio::test]
async fn a_key_acts_as_the_user_it_was_made_for_and_its_secret_is_never_listed() {
    let h = harness().await;
    let keys = ApiKeyService::for_harness(&h);
    let admin = administrator(&h, "asha@acme.example").await;
    let meera = member(&h, &admin, "meera@acme.example", "basic_user").await;

    let made = keys
        .create(&admin, &form(meera.user.id, "CI pipeline"), None)
        .await
        .unwrap();
    assert!(made.key.starts_with("rlk_"), "{}", made.key);
    let principal = keys.authenticate(&made.key, ip("192.0.2.7")).await.unwrap();
    assert_eq!(principal.caller.user.id, meera.user.id);
    assert_eq!(principal.caller.account.id, admin.account.id);
    assert!(
        !principal.caller.can(Permission::ManageSettings),
        "her role, not the maker's"
    );

    let page = keys.page(&admin).await.unwrap();
    assert_eq!(page.keys.len(), 1);
    let listed = &page.keys[0];
    assert_eq!(listed.user_email, "meera@acme.example");
    assert_eq!(listed.description, "CI pipeline");
    assert!(listed.last_used_at.is_some(), "the request above used it");
    // `rlk_<id>_<secret>`: the id is hex, the secret base64url (which may hold `_` itself).
    let secret = made.key.splitn(3, '_').nth(2).unwrap();
    assert_eq!(secret.len(), 43, "{}", made.key);
    assert!(!format!("{page:?}").contains(secret));
    let row = api_keys::get(&h.store, admin.account.id, made.id)
        .await
        .unwrap()
        .unwrap();
    assert!(!row.secret_hash.contains(secret), "only a digest is stored");
    assert!(page.users.iter().any(|u| u.id == meera.user.id));
}

#[tokio::test]
async fn malformed_unknown_wrong_and_revoked_keys_get_the_same_refusal() {
    let h = harness().await;
    let keys = ApiKeyService::for_harness(&h);
    let admin = administrator(&h, "asha@acme.example").await;
    let made = keys
        .create(&admin, &form(admin.user.id, "Deploy bot"), None)
        .await
        .unwrap();
    let (head, _) = made.key.rsplit_once('_').unwrap();
    let wrong_secret = format!("{head}_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    for bad in [
        "",
        "Bearer",
        "rlk_",
        "rlk_nounderscore",
        "rlk_0000000000000000_x",
        wrong_secret.as_str(),
    ] {
        let r = keys.authenticate(bad, ip("192.0.2.7")).await;
        assert!(
            matches!(r, Err(ApiKeyError::Unauthenticated)),
            "{bad}: {r:?}"
        );
    }
    keys.revoke(&admin, made.id, None).await.unwrap();
    let r = keys.authenticate(&made.key, ip("192.0.2.7")).await;
    assert!(matches!(r, Err(ApiKeyError::Unauthenticated)), "{r:?}");
    let again = keys.revoke(&admin, made.id, None).await;
    assert!(matches!(again, Err(ApiKeyError::Refused(_))), "{again:?}");
    let page = keys.page(&admin).await.unwrap();
    assert!(page.keys[0].revoked_at.is_some());
}

#[tokio::test]
async fn keys_of_another_account_cannot_be_made_listed_or_revoked() {
    let h = harness().await;
    let keys = ApiKeyService::for_harness(&h);
    let admin = administrator(&h, "asha@acme.example").await;
    let other = administrator(&h, "ravi@globex.example").await;
    let made = keys
        .create(&admin, &form(admin.user.id, "Deploy bot"), None)
        .await
        .unwrap();

    let r = keys.revoke(&other, made.id, None).await;
    assert!(matches!(r, Err(ApiKeyError::NotFound)), "{r:?}");
    assert!(keys.page(&other).await.unwrap().keys.is_empty());
    // A key acting as a user of another account is refused and nothing is written.
    let r = keys
        .create(&other, &form(admin.user.id, "Borrowed identity"), None)
        .await;
    let Err(ApiKeyError::Invalid(errors)) = r else {
        panic!("{r:?}")
    };
    assert!(errors.get("user_id").is_some());
    assert!(
        api_keys::for_account(&h.store, other.account.id)
            .await
            .unwrap()
            .is_empty()
    );
    let still = keys.authenticate(&made.key, ip("192.0.2.7")).await;
    assert!(still.is_ok(), "{still:?}");
}

#[tokio::test]
async fn only_administrators_with_manage_settings_make_keys_and_only_for_api_users() {
    let h = harness().await;
    let keys = ApiKeyService::for_harness(&h);
    let admin = administrator(&h, "asha@acme.example").await;
    let meera = member(&h, &admin, "meera@acme.example", "basic_user").await;
    let scout = member(&h, &admin, "scout@acme.example", "discovery_user").await;

    let r = keys
        .create(&meera, &form(meera.user.id, "Mine"), None)
        .await;
    assert!(
        matches!(r, Err(ApiKeyError::Forbidden(Permission::ManageSettings))),
        "{r:?}"
    );
    assert!(matches!(
        keys.page(&meera).await,
        Err(ApiKeyError::Forbidden(_))
    ));

    let r = keys
        .create(&admin, &form(scout.user.id, "Scanner"), None)
        .await;
    let Err(ApiKeyError::Invalid(errors)) = r else {
        panic!("{r:?}")
    };
    assert!(
        errors
            .get("user_id")
            .unwrap()
            .to_string()
            .contains("does not allow")
    );
    let r = keys.create(&admin, &form(admin.user.id, " "), None).await;
    assert!(matches!(r, Err(ApiKeyError::Invalid(_))), "{r:?}");
    assert!(
        api_keys::for_account(&h.store, admin.account.id)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_key_whose_user_loses_the_api_permission_or_is_outside_the_ip_rules_is_refused() {
    let h = harness().await;
    let keys = ApiKeyService::for_harness(&h);
    let admin = administrator(&h, "asha@acme.example").await;
    let scout = member(&h, &admin, "scout@acme.example", "discovery_user").await;
    // As if the role changed after the key was made.
    api_keys::insert(
        &h.store,
        &api_keys::NewApiKey {
            key_id: "00112233aabbccdd",
            secret_hash: &super::secret_hash("s3cret"),
            account_id: admin.account.id,
            user_id: scout.user.id,
            description: "Scanner",
            created_by: admin.user.id,
        },
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let r = keys
        .authenticate("rlk_00112233aabbccdd_s3cret", ip("192.0.2.7"))
        .await;
    assert!(
        matches!(r, Err(ApiKeyError::Forbidden(Permission::UseApi))),
        "{r:?}"
    );

    let made = keys
        .create(&admin, &form(admin.user.id, "Deploy bot"), None)
        .await
        .unwrap();
    AccessService::for_harness(&h)
        .add_ip_rule(
            &admin,
            &IpRuleForm {
                start: "10.0.0.0".into(),
                end: "10.255.255.255".into(),
                description: "Office".into(),
                confirm_lockout: true,
                ..Default::default()
            },
            ip("10.0.0.1"),
        )
        .await
        .unwrap();
    let r = keys.authenticate(&made.key, ip("192.0.2.7")).await;
    assert!(matches!(r, Err(ApiKeyError::AddressRefused(_))), "{r:?}");
    assert!(keys.authenticate(&made.key, ip("10.1.2.3")).await.is_ok());
}
