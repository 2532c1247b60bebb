//! Low-balance alerts through the service and the ledger's `post`, on SQLite and (with
//! `ROOTLINE_TEST_DATABASE=postgres`) PostgreSQL: one mail per drop below the threshold, the
//! banner while below, re-armed by credits; refusals change nothing.

use app::model::{
    AccountId, GroupId, MembershipId, Money, Permission,
    billing::{Allocation, CreditForm},
    groups::GroupForm,
    low_balance::{AlertedBalance, LowBalanceBanner, LowBalanceForm},
};

use crate::{
    domain::ledger::Holder,
    ports::Clock,
    services::{
        access::{AccessService, added_member},
        billing::{BillingError, BillingService, OrderCharge, charge_order},
        catalog::test_support::{administrator, caller, operator},
        identity::{Caller, test_support::Harness},
    },
    store::{accounts, group_members, ledger, mail_outbox},
};

const PORTAL: &str = "http://portal.test";

struct World {
    h: Harness,
    billing: BillingService,
    access: AccessService,
    token: String,
    admin: Caller,
    operator: Caller,
    /// The default group: pays from the account balance.
    default_group: i32,
    /// "Engineering": pays from its own balance.
    team: i32,
    next_order: std::sync::atomic::AtomicI32,
}

async fn world() -> World {
    let h = crate::services::identity::test_support::harness().await;
    let token = h.signed_in("asha@example.com").await;
    let access = AccessService::for_harness(&h);
    let admin = caller(&h, &token).await;
    let default_group = access.groups_page(&admin).await.unwrap().groups[0].id;
    accounts::set_multiple_groups(&h.store, admin.account.id, true)
        .await
        .unwrap();
    let admin = caller(&h, &token).await;
    let team = access
        .add_group(
            &admin,
            &GroupForm {
                name: "Engineering".into(),
                finance_mode: "group".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    let operator = operator(&h).await;
    let billing = BillingService::new(h.store.clone(), h.clock.clone(), format!("{PORTAL}/"));
    World {
        h,
        billing,
        access,
        token,
        admin,
        operator,
        default_group,
        team,
        next_order: std::sync::atomic::AtomicI32::new(1),
    }
}

fn form(group: &str, threshold: &str, addresses: &str) -> LowBalanceForm {
    LowBalanceForm {
        group: group.into(),
        enabled: true,
        threshold: threshold.into(),
        addresses: addresses.into(),
    }
}

impl World {
    async fn grant(&self, amount: &str) {
        self.billing
            .grant_credits(
                &self.operator,
                self.admin.account.id,
                &CreditForm {
                    amount: amount.into(),
                    remarks: "Top-up".into(),
                },
                None,
            )
            .await
            .unwrap();
    }

    /// Charges an order of `minor` to the group, as the order service does.
    async fn order(&self, group: i32, minor: i64) -> Result<(), BillingError> {
        let order_id = self
            .next_order
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let tx = self.h.store.begin().await.unwrap();
        charge_order(
            &tx,
            OrderCharge {
                account_id: self.admin.account.id,
                group_id: group,
                order_id,
                amount_minor: minor,
                currency: "USD",
                memo: "DV SSL",
                portal: PORTAL,
            },
            None,
            self.h.clock.now(),
        )
        .await?;
        tx.commit().await.unwrap();
        Ok(())
    }

    async fn mails_to(&self, to: &str) -> Vec<(String, String)> {
        mail_outbox::due_for_all_accounts(&self.h.store, self.h.clock.now(), 1000)
            .await
            .unwrap()
            .into_iter()
            .filter(|m| m.to_address == to)
            .map(|m| (m.subject, m.body))
            .collect()
    }

    async fn banner(&self) -> Vec<LowBalanceBanner> {
        self.h
            .service
            .current_session(&self.token)
            .await
            .unwrap()
            .unwrap()
            .low_balance
    }

    async fn balance(&self, holder: Holder) -> i64 {
        ledger::balance(&self.h.store, self.admin.account.id, holder)
            .await
            .unwrap()
    }
}

fn usd(minor: i64) -> Money {
    Money::new(minor, app::model::Currency::Usd)
}

#[tokio::test]
async fn a_drop_below_the_threshold_mails_once_until_credits_rearm_the_alert() {
    let w = world().await;
    w.grant("100").await;
    w.billing
        .set_low_balance_alert(
            &w.admin,
            &form("", "50", "Ops@Acme.example,\ncfo@acme.example"),
            None,
        )
        .await
        .unwrap();
    w.order(w.default_group, 3_000).await.unwrap();
    assert!(
        w.mails_to("ops@acme.example").await.is_empty(),
        "70 is not below 50"
    );
    assert!(w.banner().await.is_empty());

    // 40 < 50: one mail to each address, and the banner.
    w.order(w.default_group, 3_000).await.unwrap();
    let mails = w.mails_to("ops@acme.example").await;
    assert_eq!(mails.len(), 1);
    assert_eq!(w.mails_to("cfo@acme.example").await.len(), 1);
    let (subject, body) = &mails[0];
    assert!(subject.contains("USD 40.00"), "{subject}");
    for needle in [
        "USD 40.00",
        "USD 50.00",
        "http://portal.test/billing/add-credits",
    ] {
        assert!(body.contains(needle), "{needle}: {body}");
    }
    assert_eq!(
        w.banner().await,
        [LowBalanceBanner {
            group_name: None,
            balance: usd(4_000),
            threshold: usd(5_000),
        }]
    );

    // Still below: the next order sends nothing more.
    w.order(w.default_group, 1_000).await.unwrap();
    assert_eq!(w.mails_to("ops@acme.example").await.len(), 1);
    assert_eq!(w.banner().await[0].balance, usd(3_000));

    // A credit that leaves it below does not re-arm; one that reaches the threshold does.
    w.grant("10").await;
    assert_eq!(w.banner().await.len(), 1);
    w.grant("10").await;
    assert_eq!(w.balance(Holder::Account).await, 5_000);
    assert!(w.banner().await.is_empty(), "back at the threshold");

    // The next drop mails again.
    w.order(w.default_group, 1).await.unwrap();
    assert_eq!(w.mails_to("ops@acme.example").await.len(), 2);
    assert_eq!(w.mails_to("cfo@acme.example").await.len(), 2);
    assert_eq!(w.banner().await.len(), 1);
}

#[tokio::test]
async fn a_movement_that_rolls_back_or_is_refused_sends_no_mail() {
    let w = world().await;
    w.grant("60").await;
    w.billing
        .set_low_balance_alert(&w.admin, &form("", "50", "ops@acme.example"), None)
        .await
        .unwrap();
    // More than the balance: refused, nothing moves, nothing is mailed.
    assert!(matches!(
        w.order(w.default_group, 7_000).await,
        Err(BillingError::InsufficientBalance { .. })
    ));
    // A charge whose transaction is dropped: its mail goes with it.
    {
        let tx = w.h.store.begin().await.unwrap();
        charge_order(
            &tx,
            OrderCharge {
                account_id: w.admin.account.id,
                group_id: w.default_group,
                order_id: 999,
                amount_minor: 2_000,
                currency: "USD",
                memo: "",
                portal: PORTAL,
            },
            None,
            w.h.clock.now(),
        )
        .await
        .unwrap();
    }
    assert!(w.mails_to("ops@acme.example").await.is_empty());
    assert!(w.banner().await.is_empty());
    // The alert is still armed: the first real drop mails.
    w.order(w.default_group, 2_000).await.unwrap();
    assert_eq!(w.mails_to("ops@acme.example").await.len(), 1);
}

#[tokio::test]
async fn a_group_paying_from_its_own_balance_has_its_own_threshold() {
    let w = world().await;
    w.grant("200").await;
    w.billing
        .allocate(
            &w.admin,
            w.team,
            Allocation::Allocate,
            &CreditForm {
                amount: "100".into(),
                remarks: "Budget".into(),
            },
            None,
        )
        .await
        .unwrap();
    w.billing
        .set_low_balance_alert(
            &w.admin,
            &form(&w.team.to_string(), "60", "eng-lead@acme.example"),
            None,
        )
        .await
        .unwrap();
    // The account's balance alert watches the account's balance only (100 left there).
    w.billing
        .set_low_balance_alert(&w.admin, &form("", "20", "ops@acme.example"), None)
        .await
        .unwrap();
    w.order(w.team, 5_000).await.unwrap();
    assert_eq!(w.balance(Holder::Group(w.team)).await, 5_000);
    assert_eq!(w.balance(Holder::Account).await, 10_000);
    let mails = w.mails_to("eng-lead@acme.example").await;
    assert_eq!(mails.len(), 1);
    assert!(mails[0].0.contains("Engineering"), "{}", mails[0].0);
    assert!(mails[0].1.contains("USD 50.00") && mails[0].1.contains("USD 60.00"));
    assert!(w.mails_to("ops@acme.example").await.is_empty());
    w.order(w.team, 1_000).await.unwrap();
    assert_eq!(w.mails_to("eng-lead@acme.example").await.len(), 1);

    // The banner of a group's balance shows to the group's members.
    assert!(w.banner().await.is_empty(), "not a member of Engineering");
    group_members::add(
        &w.h.store,
        AccountId(w.admin.account.id),
        GroupId(w.team),
        MembershipId(w.admin.membership.id),
    )
    .await
    .unwrap();
    assert_eq!(
        w.banner().await,
        [LowBalanceBanner {
            group_name: Some("Engineering".into()),
            balance: usd(4_000),
            threshold: usd(6_000),
        }]
    );
    let page = w.billing.low_balance_alerts(&w.admin).await.unwrap();
    let team = page
        .balances
        .iter()
        .find(|s| s.balance == AlertedBalance::Group(GroupId(w.team)))
        .unwrap();
    assert!(team.alert.as_ref().unwrap().below);
    assert_eq!(team.balance_minor, 4_000);

    // Allocating it back up re-arms the group's alert.
    w.billing
        .allocate(
            &w.admin,
            w.team,
            Allocation::Allocate,
            &CreditForm {
                amount: "20".into(),
                remarks: "Top-up".into(),
            },
            None,
        )
        .await
        .unwrap();
    assert!(w.banner().await.is_empty());

    // A group paying from the account's balance has no balance of its own to watch.
    let e = w
        .billing
        .set_low_balance_alert(
            &w.admin,
            &form(&w.default_group.to_string(), "10", "ops@acme.example"),
            None,
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&e, BillingError::Invalid(f) if f.get("group").is_some()),
        "{e:?}"
    );
}

#[tokio::test]
async fn a_bad_threshold_or_address_is_refused_on_its_field_and_changes_nothing() {
    let w = world().await;
    w.grant("100").await;
    w.billing
        .set_low_balance_alert(&w.admin, &form("", "50", "ops@acme.example"), None)
        .await
        .unwrap();
    let before = w.billing.low_balance_alerts(&w.admin).await.unwrap();
    let eleven = (0..11)
        .map(|i| format!("a{i}@acme.example"))
        .collect::<Vec<_>>()
        .join(",");
    for (threshold, addresses, field) in [
        ("0", "ops@acme.example", "threshold"),
        ("-5", "ops@acme.example", "threshold"),
        ("", "ops@acme.example", "threshold"),
        ("lots", "ops@acme.example", "threshold"),
        ("500", "", "addresses"),
        ("500", "ops@acme.example, not an address", "addresses"),
        ("500", eleven.as_str(), "addresses"),
    ] {
        let e = w
            .billing
            .set_low_balance_alert(&w.admin, &form("", threshold, addresses), None)
            .await
            .unwrap_err();
        assert!(
            matches!(&e, BillingError::Invalid(f) if f.get(field).is_some()),
            "{threshold:?} {addresses:?}: {e:?}"
        );
    }
    assert_eq!(
        w.billing.low_balance_alerts(&w.admin).await.unwrap(),
        before
    );
    // The refused 500 did not take effect: an order to 60 is still above 50.
    w.order(w.default_group, 4_000).await.unwrap();
    assert!(w.mails_to("ops@acme.example").await.is_empty());
}

#[tokio::test]
async fn saving_twice_or_removing_twice_is_harmless_and_removal_stops_the_alert() {
    let w = world().await;
    w.grant("100").await;
    for _ in 0..2 {
        w.billing
            .set_low_balance_alert(&w.admin, &form("", "50", "ops@acme.example"), None)
            .await
            .unwrap();
    }
    let page = w.billing.low_balance_alerts(&w.admin).await.unwrap();
    let alert = page.balances[0].alert.clone().unwrap();
    assert_eq!(
        (
            alert.threshold_minor,
            alert.addresses.as_slice(),
            alert.below
        ),
        (5_000, ["ops@acme.example".to_owned()].as_slice(), false)
    );
    for _ in 0..2 {
        w.billing
            .remove_low_balance_alert(&w.admin, AlertedBalance::Account, None)
            .await
            .unwrap();
    }
    assert_eq!(
        w.billing
            .low_balance_alerts(&w.admin)
            .await
            .unwrap()
            .balances[0]
            .alert,
        None
    );
    w.order(w.default_group, 9_000).await.unwrap();
    assert!(w.mails_to("ops@acme.example").await.is_empty());
    assert!(w.banner().await.is_empty());
}

#[tokio::test]
async fn a_threshold_saved_above_the_balance_shows_the_banner_and_mails_after_the_next_rise() {
    let w = world().await;
    w.grant("30").await;
    w.billing
        .set_low_balance_alert(&w.admin, &form("", "50", "ops@acme.example"), None)
        .await
        .unwrap();
    assert_eq!(w.banner().await.len(), 1);
    w.order(w.default_group, 500).await.unwrap();
    assert!(w.mails_to("ops@acme.example").await.is_empty());
    // A disabled alert neither mails nor shows.
    let mut off = form("", "50", "ops@acme.example");
    off.enabled = false;
    w.billing
        .set_low_balance_alert(&w.admin, &off, None)
        .await
        .unwrap();
    assert!(w.banner().await.is_empty());
    w.grant("100").await;
    w.billing
        .set_low_balance_alert(&w.admin, &form("", "50", "ops@acme.example"), None)
        .await
        .unwrap();
    w.order(w.default_group, 9_000).await.unwrap();
    assert_eq!(w.mails_to("ops@acme.example").await.len(), 1);
}

#[tokio::test]
async fn another_accounts_group_is_not_found() {
    let w = world().await;
    let stranger = administrator(&w.h, "ravi@other.example").await;
    let e = w
        .billing
        .set_low_balance_alert(
            &stranger,
            &form(&w.team.to_string(), "10", "ravi@other.example"),
            None,
        )
        .await
        .unwrap_err();
    assert!(matches!(e, BillingError::NotFound), "{e:?}");
    let e = w
        .billing
        .remove_low_balance_alert(&stranger, AlertedBalance::Group(GroupId(w.team)), None)
        .await
        .unwrap_err();
    assert!(matches!(e, BillingError::NotFound), "{e:?}");
    let theirs = w.billing.low_balance_alerts(&stranger).await.unwrap();
    assert!(
        theirs
            .balances
            .iter()
            .all(|s| s.balance != AlertedBalance::Group(GroupId(w.team)))
    );
    // Their own account's alert does not touch the first account's.
    w.billing
        .set_low_balance_alert(&stranger, &form("", "10", "ravi@other.example"), None)
        .await
        .unwrap();
    assert_eq!(
        w.billing
            .low_balance_alerts(&w.admin)
            .await
            .unwrap()
            .balances[0]
            .alert,
        None
    );
}

#[tokio::test]
async fn a_role_without_manage_settings_is_refused() {
    let w = world().await;
    w.billing
        .set_low_balance_alert(&w.admin, &form("", "50", "ops@acme.example"), None)
        .await
        .unwrap();
    let (_, finance) = added_member(
        &w.h,
        &w.access,
        &w.admin,
        "fin@acme.example",
        "finance_manager",
    )
    .await;
    assert!(finance.can(Permission::ViewFinance));
    let refused =
        |e: BillingError| matches!(e, BillingError::Forbidden(Permission::ManageSettings));
    assert!(refused(
        w.billing.low_balance_alerts(&finance).await.unwrap_err()
    ));
    assert!(refused(
        w.billing
            .set_low_balance_alert(&finance, &form("", "1", "fin@acme.example"), None)
            .await
            .unwrap_err()
    ));
    assert!(refused(
        w.billing
            .remove_low_balance_alert(&finance, AlertedBalance::Account, None)
            .await
            .unwrap_err()
    ));
    let alert = w
        .billing
        .low_balance_alerts(&w.admin)
        .await
        .unwrap()
        .balances[0]
        .alert
        .clone()
        .unwrap();
    assert_eq!(alert.threshold_minor, 5_000);
}
