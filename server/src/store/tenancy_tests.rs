//! Tenancy at the store boundary: a write scoped to one account leaves another account's row
//! as it was, and a read scoped to one account does not find another's, even when the caller
//! passes the other account's id.

use app::model::{
    AccountId, AccountKind, AccountStatus, ApiKeyId, GroupId, IpRuleId, MembershipId, ProductId,
};
use chrono::{DateTime, TimeZone, Utc};

use super::{
    GroupRow, MembershipRow, Store, StoreError, accounts, api_keys, group_domains, group_logos,
    group_members, groups, ip_rules, memberships, products, test_db, users,
};

fn at() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap()
}

/// Two customer accounts with a member and a group each.
struct World {
    store: Store,
    mine: AccountId,
    theirs: AccountId,
    my_group: GroupRow,
    their_group: GroupRow,
    my_member: MembershipRow,
    their_member: MembershipRow,
}

async fn world() -> World {
    let store = test_db::fresh_store().await;
    let mut ids = Vec::new();
    for name in ["Mine", "Theirs"] {
        let account = accounts::insert(
            &store,
            accounts::NewAccount {
                kind: AccountKind::Enterprise,
                name,
                country: "IN",
                status: AccountStatus::Active,
                created_at: at(),
            },
        )
        .await
        .unwrap();
        let user = users::insert(
            &store,
            users::NewUser {
                email: &format!("{name}@example.com"),
                name,
                mobile: "",
                status: app::model::user_status::UserStatus::Active,
                is_operator: false,
                created_at: at(),
                designation: "",
                employee_id: "",
                lang: None,
            },
        )
        .await
        .unwrap();
        let member = memberships::insert(
            &store,
            user.id,
            account.id,
            memberships::ADMINISTRATOR,
            app::model::users::GroupAccess::All,
            at(),
        )
        .await
        .unwrap();
        let group = groups::insert(&store, account.id, true, fields("Default"), at())
            .await
            .unwrap();
        ids.push((AccountId(account.id), group, member));
    }
    let (theirs, their_group, their_member) = ids.pop().unwrap();
    let (mine, my_group, my_member) = ids.pop().unwrap();
    World {
        store,
        mine,
        theirs,
        my_group,
        their_group,
        my_member,
        their_member,
    }
}

fn fields(name: &str) -> groups::GroupFields<'_> {
    groups::GroupFields {
        name,
        description: "",
        finance_mode: app::model::groups::FinanceMode::Account,
        spend_limit_minor: None,
        renewal_emails: "",
        restricted: false,
    }
}

async fn their_groups(w: &World) -> Vec<GroupRow> {
    groups::for_account(&w.store, w.theirs.get()).await.unwrap()
}

#[tokio::test]
async fn an_ip_rule_of_another_account_is_neither_disabled_nor_deleted() {
    let w = world().await;
    let theirs = ip_rules::insert(
        &w.store,
        ip_rules::NewRule {
            account_id: w.theirs.get(),
            user_id: None,
            start_ip: "10.0.0.1",
            end_ip: "10.0.0.9",
            description: "office",
            created_at: at(),
        },
    )
    .await
    .unwrap();
    ip_rules::set_enabled(&w.store, w.mine, IpRuleId(theirs.id), false)
        .await
        .unwrap();
    ip_rules::delete(&w.store, w.mine, IpRuleId(theirs.id))
        .await
        .unwrap();
    assert_eq!(
        ip_rules::for_account(&w.store, w.theirs.get())
            .await
            .unwrap(),
        vec![theirs.clone()]
    );

    ip_rules::delete(&w.store, w.theirs, IpRuleId(theirs.id))
        .await
        .unwrap();
    assert!(
        ip_rules::for_account(&w.store, w.theirs.get())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_group_of_another_account_is_not_renamed() {
    let w = world().await;
    groups::update(&w.store, w.mine, GroupId(w.their_group.id), fields("Taken"))
        .await
        .unwrap();
    assert_eq!(their_groups(&w).await, vec![w.their_group.clone()]);

    groups::update(
        &w.store,
        w.theirs,
        GroupId(w.their_group.id),
        fields("Renamed"),
    )
    .await
    .unwrap();
    assert_eq!(their_groups(&w).await[0].name, "Renamed");
}

#[tokio::test]
async fn a_private_product_of_another_account_and_a_public_one_stay_as_they_are() {
    let w = world().await;
    let product_fields = |name| products::ProductFields {
        name,
        validity_days: &[365],
        included_domains: 1,
        max_domains: 1,
        private_ca: None,
        template: None,
        field_rules: "",
        auto_approve: false,
        checklist: "[]",
    };
    let theirs = products::insert(
        &w.store,
        Some(w.theirs.get()),
        app::model::products::ProductKind::Private,
        product_fields("Theirs"),
        at(),
    )
    .await
    .unwrap();
    let public = products::insert(
        &w.store,
        None,
        app::model::products::ProductKind::DvSingle,
        product_fields("DV"),
        at(),
    )
    .await
    .unwrap();
    for id in [theirs.id, public.id] {
        products::update_private(&w.store, w.mine, ProductId(id), product_fields("Mine"))
            .await
            .unwrap();
        products::set_private_active(&w.store, w.mine, ProductId(id), false)
            .await
            .unwrap();
    }
    products::update_public_for_operator(&w.store, ProductId(theirs.id), product_fields("Op"))
        .await
        .unwrap();
    products::set_public_active_for_operator(&w.store, ProductId(theirs.id), false)
        .await
        .unwrap();
    let find = |id| products::find_private_for_account(&w.store, w.theirs.get(), id);
    assert_eq!(find(theirs.id).await.unwrap(), Some(theirs.clone()));
    assert_eq!(
        products::find_public_for_operator(&w.store, public.id)
            .await
            .unwrap(),
        Some(public)
    );

    products::update_private(
        &w.store,
        w.theirs,
        ProductId(theirs.id),
        product_fields("New"),
    )
    .await
    .unwrap();
    assert_eq!(find(theirs.id).await.unwrap().unwrap().name, "New");
}

#[tokio::test]
async fn a_membership_of_another_account_is_not_found_nor_changed() {
    let w = world().await;
    let theirs = MembershipId(w.their_member.id);
    assert_eq!(
        memberships::find_in_account(&w.store, w.mine, theirs)
            .await
            .unwrap(),
        None
    );
    memberships::update_access(
        &w.store,
        w.mine,
        theirs,
        app::model::roles::AssignedRole::BuiltIn(app::model::Role::BasicUser),
        app::model::users::GroupAccess::Specific,
    )
    .await
    .unwrap();
    memberships::set_employee_id(&w.store, w.mine, theirs, "E-1")
        .await
        .unwrap();
    memberships::set_status(&w.store, w.mine, theirs, memberships::DEACTIVATED)
        .await
        .unwrap();
    assert_eq!(
        memberships::find_in_account(&w.store, w.theirs, theirs)
            .await
            .unwrap(),
        Some(w.their_member.clone())
    );

    memberships::set_status(&w.store, w.theirs, theirs, memberships::DEACTIVATED)
        .await
        .unwrap();
    let after = memberships::find_in_account(&w.store, w.theirs, theirs)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.status, memberships::DEACTIVATED);
}

#[tokio::test]
async fn another_accounts_group_takes_no_members_domains_or_logo_from_this_account() {
    let w = world().await;
    let their_group = GroupId(w.their_group.id);
    let their_member = MembershipId(w.their_member.id);
    group_members::add(&w.store, w.theirs, their_group, their_member)
        .await
        .unwrap();
    group_domains::add(&w.store, w.theirs, their_group, "example.com")
        .await
        .unwrap();
    group_logos::put(
        &w.store,
        w.theirs,
        their_group,
        "image/png",
        vec![1, 2],
        at(),
    )
    .await
    .unwrap();

    // Named with this account, their group is not found and refuses writes.
    assert!(matches!(
        group_members::add(&w.store, w.mine, their_group, MembershipId(w.my_member.id)).await,
        Err(StoreError::NotInAccount)
    ));
    assert!(matches!(
        group_domains::add(&w.store, w.mine, their_group, "other.example").await,
        Err(StoreError::NotInAccount)
    ));
    assert!(matches!(
        group_logos::put(&w.store, w.mine, their_group, "image/png", vec![3], at()).await,
        Err(StoreError::NotInAccount)
    ));
    assert!(
        group_members::of_group(&w.store, w.mine, their_group)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        group_domains::of_group(&w.store, w.mine, their_group)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        group_logos::get(&w.store, w.mine, their_group)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        group_logos::versions(&w.store, w.mine, &[their_group.get()])
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        !group_members::remove(&w.store, w.mine, their_group, their_member)
            .await
            .unwrap()
    );
    assert!(
        !group_domains::remove(&w.store, w.mine, their_group, "example.com")
            .await
            .unwrap()
    );
    assert!(
        !group_logos::remove(&w.store, w.mine, their_group)
            .await
            .unwrap()
    );

    // Nor does their member join this account's group.
    assert!(matches!(
        group_members::add(&w.store, w.mine, GroupId(w.my_group.id), their_member).await,
        Err(StoreError::NotInAccount)
    ));

    // Their own account still sees all of it.
    assert_eq!(
        group_members::of_group(&w.store, w.theirs, their_group)
            .await
            .unwrap(),
        vec![their_member.get()]
    );
    assert_eq!(
        group_domains::of_group(&w.store, w.theirs, their_group)
            .await
            .unwrap(),
        vec!["example.com".to_owned()]
    );
    assert!(
        group_logos::get(&w.store, w.theirs, their_group)
            .await
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn an_api_key_of_another_account_is_not_revoked() {
    let w = world().await;
    let key = api_keys::insert(
        &w.store,
        &api_keys::NewApiKey {
            key_id: "rl_theirs",
            secret_hash: "hash",
            account_id: w.theirs.get(),
            user_id: w.their_member.user_id,
            description: "ci",
            created_by: w.their_member.user_id,
        },
        at(),
    )
    .await
    .unwrap();
    api_keys::set_revoked(&w.store, w.mine, ApiKeyId(key.id), at())
        .await
        .unwrap();
    api_keys::touch(&w.store, w.mine, ApiKeyId(key.id), at())
        .await
        .unwrap();
    assert_eq!(
        api_keys::get(&w.store, w.theirs.get(), key.id)
            .await
            .unwrap(),
        Some(key.clone())
    );

    api_keys::set_revoked(&w.store, w.theirs, ApiKeyId(key.id), at())
        .await
        .unwrap();
    let after = api_keys::get(&w.store, w.theirs.get(), key.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.revoked_at, Some(at()));
}

#[tokio::test]
async fn another_accounts_organization_takes_no_change_contact_or_document_and_is_not_read() {
    use app::model::{
        ContactId, OrganizationDocumentId, OrganizationId, UserId,
        organization_form::OrganizationForm,
        organizations::{ContactRole, DocumentType, OrganizationStatus},
    };

    use super::organizations;

    let w = world().await;
    let form = OrganizationForm {
        legal_name: "Their Widgets Ltd".into(),
        org_type: "private_organization".into(),
        registration_number: "12345".into(),
        registration_agency: "Registrar".into(),
        jurisdiction_country: "IN".into(),
        street: "1 Road".into(),
        city: "Pune".into(),
        country: "IN".into(),
        phone: "+91 20 4000 1234".into(),
        rep_name: "Their Rep".into(),
        rep_email: "rep@their-widgets.example".into(),
        rep_phone: "+91 98450 12345".into(),
        rep_designation: "Director".into(),
        ..Default::default()
    };
    let valid = form.validate().unwrap();
    let by = UserId(w.their_member.user_id);
    let theirs = organizations::insert(&w.store, w.theirs, &valid, by, at())
        .await
        .unwrap();
    let id = OrganizationId(theirs.id);
    let doc = organizations::add_document(
        &w.store,
        w.theirs,
        id,
        organizations::NewDocument {
            file_name: "reg.pdf",
            content_type: DocumentType::Pdf,
            sha256: "00",
            bytes: b"%PDF-1.7".to_vec(),
            by,
        },
        at(),
    )
    .await
    .unwrap();
    let contacts = organizations::contacts(&w.store, w.theirs, id)
        .await
        .unwrap();

    // Reads as "mine" find nothing.
    assert!(
        organizations::get(&w.store, w.mine, id)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        organizations::contacts(&w.store, w.mine, id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        organizations::documents(&w.store, w.mine, id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        organizations::document(&w.store, w.mine, id, OrganizationDocumentId(doc.id))
            .await
            .unwrap()
            .is_none()
    );
    // Writes as "mine" change nothing.
    let mut other = valid.clone();
    other.legal_name = "Taken Over Ltd".into();
    assert!(matches!(
        organizations::update(
            &w.store,
            w.mine,
            id,
            &other,
            OrganizationStatus::Draft,
            None,
            at()
        )
        .await,
        Err(StoreError::NotInAccount)
    ));
    assert!(matches!(
        organizations::set_status(
            &w.store,
            w.mine,
            id,
            OrganizationStatus::Suspended,
            None,
            at()
        )
        .await,
        Err(StoreError::NotInAccount)
    ));
    assert!(matches!(
        organizations::add_contact(
            &w.store,
            w.mine,
            id,
            ContactRole::Alternate,
            &valid.representative,
            at()
        )
        .await,
        Err(StoreError::NotInAccount)
    ));
    assert!(
        !organizations::remove_alternate(&w.store, w.mine, id, ContactId(contacts[0].id))
            .await
            .unwrap()
    );
    assert!(
        !organizations::remove_document(&w.store, w.mine, id, OrganizationDocumentId(doc.id))
            .await
            .unwrap()
    );
    let after = organizations::get(&w.store, w.theirs, id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after.legal_name, "Their Widgets Ltd");
    assert_eq!(*after.status, OrganizationStatus::Draft);
    assert_eq!(
        organizations::documents(&w.store, w.theirs, id)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        organizations::contacts(&w.store, w.theirs, id)
            .await
            .unwrap()
            .len(),
        1
    );
}
