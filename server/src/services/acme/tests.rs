//! ACME over the real store, CA, order and validation services, with DNS and HTTP faked;
//! `World` is shared with the HTTP tests in `web::acme`.

use std::sync::Arc;

use super::{AcmeDeps, AcmeError, AcmeService, NewCredential};
use crate::{
    ca::test_support::{SECRET, authority},
    ports::{dns::FakeDns, http_fetch::FakeHttp, keys::KeySpec, random::CountingRandom},
    services::{
        billing::BillingService,
        catalog::{
            CatalogService,
            test_support::{administrator, operator},
        },
        identity::{
            Caller,
            test_support::{Harness, harness, test_sealer},
        },
        orders::{OrderDeps, OrderService},
        validation::ValidationService,
    },
    store::acme as store,
};

pub(crate) struct World {
    pub h: Harness,
    pub dns: Arc<FakeDns>,
    pub http: Arc<FakeHttp>,
    pub acme: Arc<AcmeService>,
    /// The same order service the ACME service places through (the portal's view of orders).
    pub orders: Arc<OrderService>,
    pub admin: Caller,
    pub product_id: i32,
}

pub(crate) async fn world(eab_required: bool) -> World {
    world_with(eab_required, None).await
}

/// A world whose HTTP-01 checks go through `fetcher` (a real one, for real clients).
pub(crate) async fn world_with(
    eab_required: bool,
    fetcher: Option<Arc<dyn crate::ports::HttpFetcher>>,
) -> World {
    world_over(eab_required, fetcher, None).await
}

/// A world whose challenge checks go through `fetcher` and `resolver` when given (real ones,
/// for real clients); CAA at issuance still asks the fake DNS.
pub(crate) async fn world_over(
    eab_required: bool,
    fetcher: Option<Arc<dyn crate::ports::HttpFetcher>>,
    resolver: Option<Arc<dyn crate::ports::DnsResolver>>,
) -> World {
    world_full(eab_required, fetcher, resolver, Default::default()).await
}

/// A world whose challenges and CAA checks are corroborated by `corroborator`'s perspectives.
pub(crate) async fn world_corroborated(
    corroborator: crate::perspective::corroborator::Corroborator,
) -> World {
    world_full(true, None, None, corroborator).await
}

async fn world_full(
    eab_required: bool,
    fetcher: Option<Arc<dyn crate::ports::HttpFetcher>>,
    resolver: Option<Arc<dyn crate::ports::DnsResolver>>,
    corroborator: crate::perspective::corroborator::Corroborator,
) -> World {
    let h = harness().await;
    let ca = Arc::new(authority(h.store.clone(), SECRET));
    ca.init(KeySpec::EcP256).await.unwrap();
    let catalog = Arc::new(CatalogService::for_harness(&h));
    catalog.seed_public_products().await.unwrap();
    let dns = Arc::new(FakeDns::default());
    let http = Arc::new(FakeHttp::default());
    let validation = Arc::new(
        ValidationService::new(
            h.store.clone(),
            h.clock.clone(),
            Arc::new(CountingRandom::default()),
            dns.clone(),
            http.clone(),
            "http://portal.test".into(),
        )
        .with_corroborator(Arc::new(corroborator)),
    );
    let orders = Arc::new(OrderService::new(OrderDeps {
        store: h.store.clone(),
        clock: h.clock.clone(),
        random: Arc::new(crate::adapters::random::OsRandom),
        catalog: catalog.clone(),
        validation: validation.clone(),
        authority: ca.clone(),
        dns: dns.clone(),
        caa_identities: vec!["rootline.test".into()],
        public_url: "http://portal.test".into(),
        tracking_key: crate::domain::tracking_link::test_key(),
        mail: Default::default(),
    }));
    let admin = administrator(&h, "asha@acme.example").await;
    let ops = operator(&h).await;
    BillingService::new(
        h.store.clone(),
        h.clock.clone(),
        "http://portal.test".into(),
    )
    .grant_credits(
        &ops,
        admin.account.id,
        &app::model::billing::CreditForm {
            amount: "1000".into(),
            remarks: "Test credits".into(),
        },
        None,
    )
    .await
    .unwrap();
    let product_id = catalog
        .offers(&admin, "USD")
        .await
        .unwrap()
        .iter()
        .find(|o| o.kind == app::model::products::ProductKind::DvSingle)
        .unwrap()
        .id;
    let acme = Arc::new(AcmeService::new(AcmeDeps {
        store: h.store.clone(),
        clock: h.clock.clone(),
        random: Arc::new(crate::adapters::random::OsRandom),
        identity: h.identity(),
        catalog,
        orders: orders.clone(),
        validation,
        dns: resolver.unwrap_or_else(|| dns.clone()),
        http: fetcher.unwrap_or_else(|| http.clone()),
        sealer: test_sealer(),
        authority: ca,
        eab_required,
    }));
    World {
        h,
        dns,
        http,
        acme,
        orders,
        admin,
        product_id,
    }
}

impl World {
    pub async fn credential(&self, product_id: i32) -> super::EabCreated {
        self.acme
            .create_eab(
                &self.admin,
                &NewCredential {
                    user_email: "asha@acme.example",
                    group_id: None,
                    product_id,
                    tags: "web, acme",
                    organization_id: None,
                },
            )
            .await
            .unwrap()
    }
}

#[tokio::test]
async fn a_credential_is_listed_without_its_key_and_revoked_once() {
    let w = world(true).await;
    let made = w.credential(w.product_id).await;
    assert_eq!(made.hmac_key.len(), 43, "32 bytes, base64url");
    let listed = w.acme.list_eab(&w.admin).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].key_id, made.key_id);
    assert_eq!(listed[0].tags, "web,acme");
    let stored = store::eab_by_key_id(&w.h.store, &made.key_id)
        .await
        .unwrap()
        .unwrap();
    assert!(
        !stored
            .hmac_sealed
            .windows(made.hmac_key.len())
            .any(|w| w == made.hmac_key.as_bytes()),
        "the key is stored sealed"
    );
    w.acme.revoke_eab(&w.admin, made.id).await.unwrap();
    assert!(matches!(
        w.acme.revoke_eab(&w.admin, made.id).await,
        Err(AcmeError::NotFound)
    ));
    assert!(
        w.acme.list_eab(&w.admin).await.unwrap()[0]
            .revoked_at
            .is_some()
    );
}

#[tokio::test]
async fn credentials_need_manage_settings_and_a_member_and_a_product() {
    let w = world(true).await;
    let mut manager = w.admin.clone();
    manager
        .permissions
        .retain(|p| *p != app::model::Permission::ManageSettings);
    let refused = w
        .acme
        .create_eab(
            &manager,
            &NewCredential {
                user_email: "asha@acme.example",
                group_id: None,
                product_id: w.product_id,
                tags: "",
                organization_id: None,
            },
        )
        .await;
    assert!(matches!(refused, Err(AcmeError::Unauthorized(_))));
    for (email, product) in [
        ("nobody@else.example", w.product_id),
        ("asha@acme.example", 99_999),
    ] {
        let e = w
            .acme
            .create_eab(
                &w.admin,
                &NewCredential {
                    user_email: email,
                    group_id: None,
                    product_id: product,
                    tags: "",
                    organization_id: None,
                },
            )
            .await;
        let field = if product == w.product_id {
            "user"
        } else {
            "product"
        };
        assert!(
            matches!(&e, Err(AcmeError::InvalidField { field: f, .. }) if *f == field),
            "{email} {product}: {e:?}"
        );
    }
    assert!(w.acme.list_eab(&w.admin).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_credentials_page_names_user_group_and_product_and_offers_only_tls_products() {
    let w = world(true).await;
    let catalog = CatalogService::for_harness(&w.h);
    assert!(catalog.seed_smime_product().await.unwrap());
    let made = w.credential(w.product_id).await;
    let page = w
        .acme
        .credentials_page(&w.admin, "http://portal.test/acme/directory")
        .await
        .unwrap();
    assert_eq!(page.directory_url, "http://portal.test/acme/directory");
    assert_eq!(page.users, vec!["asha@acme.example".to_owned()]);
    assert_eq!(page.groups.len(), 1, "the default group: {:?}", page.groups);
    assert!(
        page.products
            .iter()
            .any(|p| p.value == w.product_id.to_string())
    );
    let smime = catalog
        .offers(&w.admin, "USD")
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.kind == app::model::products::ProductKind::SmimeMailbox)
        .unwrap();
    assert!(
        !page
            .products
            .iter()
            .any(|p| p.value == smime.id.to_string()),
        "S/MIME is offered: {:?}",
        page.products
    );
    let [c] = page.credentials.as_slice() else {
        panic!("one credential: {:?}", page.credentials);
    };
    assert_eq!(c.key_id, made.key_id);
    assert_eq!(c.user, "asha@acme.example");
    assert_eq!(c.group, page.groups[0].label);
    assert_eq!(
        c.product,
        page.products
            .iter()
            .find(|p| p.value == w.product_id.to_string())
            .unwrap()
            .label
    );
    assert_eq!(c.tags, "web, acme");
    assert!(c.bound.is_none() && c.revoked.is_none());
    assert!(
        !format!("{page:?}").contains(&made.hmac_key),
        "the key is never listed"
    );
}

#[tokio::test]
async fn an_smime_product_or_a_foreign_group_cannot_back_a_credential() {
    let w = world(true).await;
    let catalog = CatalogService::for_harness(&w.h);
    catalog.seed_smime_product().await.unwrap();
    let smime = catalog
        .offers(&w.admin, "USD")
        .await
        .unwrap()
        .into_iter()
        .find(|o| o.kind == app::model::products::ProductKind::SmimeMailbox)
        .unwrap();
    let other = administrator(&w.h, "omar@other.example").await;
    let other_group = crate::services::access::ensure_default_group(
        &w.h.store,
        other.account.id,
        crate::ports::clock::Clock::now(w.h.clock.as_ref()),
    )
    .await
    .unwrap()
    .into_iter()
    .find(|g| g.is_default)
    .unwrap()
    .id;
    for (group_id, product_id, field) in [
        (None, smime.id, "product"),
        (Some(other_group), w.product_id, "group"),
    ] {
        let e = w
            .acme
            .create_eab(
                &w.admin,
                &NewCredential {
                    user_email: "asha@acme.example",
                    group_id,
                    product_id,
                    tags: "",
                    organization_id: None,
                },
            )
            .await;
        assert!(
            matches!(&e, Err(AcmeError::InvalidField { field: f, .. }) if *f == field),
            "{field}: {e:?}"
        );
    }
    assert!(w.acme.list_eab(&w.admin).await.unwrap().is_empty());
}

#[tokio::test]
async fn another_accounts_credential_cannot_be_revoked() {
    let w = world(true).await;
    let made = w.credential(w.product_id).await;
    let other = administrator(&w.h, "omar@other.example").await;
    assert!(matches!(
        w.acme.revoke_eab(&other, made.id).await,
        Err(AcmeError::NotFound)
    ));
    assert!(w.acme.list_eab(&other).await.unwrap().is_empty());
    assert!(
        w.acme.list_eab(&w.admin).await.unwrap()[0]
            .revoked_at
            .is_none()
    );
}

#[tokio::test]
async fn a_nonce_answers_once() {
    let w = world(true).await;
    let n = w.acme.new_nonce().await.unwrap();
    w.acme.use_nonce(&n).await.unwrap();
    assert!(matches!(
        w.acme.use_nonce(&n).await,
        Err(AcmeError::BadNonce)
    ));
    assert!(matches!(
        w.acme.use_nonce("made-up").await,
        Err(AcmeError::BadNonce)
    ));
    let old = w.acme.new_nonce().await.unwrap();
    w.h.clock.advance(chrono::Duration::minutes(61));
    assert!(matches!(
        w.acme.use_nonce(&old).await,
        Err(AcmeError::BadNonce)
    ));
}

#[tokio::test]
async fn an_unbound_account_orders_free_for_the_operator_until_bindings_are_required() {
    let w = world(false).await;
    let key = super::jws::test_keys::TestKey::new();
    let jwk = super::Jwk::parse(&key.jwk()).unwrap();
    let (account, created) = w
        .acme
        .new_account(
            &jwk,
            &super::NewAccountRequest::default(),
            "http://acme.test/acme/new-account",
            std::net::Ipv4Addr::LOCALHOST.into(),
        )
        .await
        .unwrap();
    assert!(created && account.eab_id.is_none());
    let request = || super::NewOrderRequest {
        identifiers: vec![super::new_order::Identifier {
            kind: "dns".into(),
            value: "free.example.com".into(),
        }],
        not_before: None,
        not_after: None,
        replaces: None,
        profile: None,
    };
    let order = w.acme.new_order(&account, &request()).await.unwrap();
    let acme_order = store::order(&w.h.store, account.id, order.id)
        .await
        .unwrap()
        .unwrap();
    let row = crate::store::orders::get(&w.h.store, account.account_id, acme_order.order_id)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(
        account.account_id, w.admin.account.id,
        "the operator's account"
    );
    assert_eq!(
        (row.price_minor, row.product_kind.as_str()),
        (0, "dv_single")
    );

    // The same server with bindings required again: the unbound account orders no more.
    let strict = AcmeService::new(AcmeDeps {
        store: w.acme.store.clone(),
        clock: w.acme.clock.clone(),
        random: w.acme.random.clone(),
        identity: w.acme.identity.clone(),
        catalog: w.acme.catalog.clone(),
        orders: w.acme.orders.clone(),
        validation: w.acme.validation.clone(),
        dns: w.acme.dns.clone(),
        http: w.acme.http.clone(),
        sealer: w.acme.sealer.clone(),
        authority: w.acme.authority.clone(),
        eab_required: true,
    });
    assert!(matches!(
        strict.new_order(&account, &request()).await,
        Err(AcmeError::ExternalAccountRequired)
    ));
    assert_eq!(
        store::orders_of_account(&w.h.store, account.id)
            .await
            .unwrap()
            .len(),
        1,
        "nothing was ordered"
    );
}
