//! The ledger's invariants and refusals, through the service and the order contract, on
//! SQLite and (with `ROOTLINE_TEST_DATABASE=postgres`) PostgreSQL.

use std::collections::BTreeMap;

use app::i18n::Lang;
use app::model::{
    Permission,
    billing::{Allocation, CreditForm},
    groups::GroupForm,
    statement::{StatementQuery, StatementView},
};

use super::*;
use crate::{
    services::{
        access::AccessService,
        identity::{
            Caller,
            test_support::{Harness, harness},
        },
    },
    store::{accounts, ledger as store_ledger},
};

struct World {
    h: Harness,
    billing: BillingService,
    admin: Caller,
    operator: Caller,
    /// The account's default group: pays from the account balance.
    default_group: i32,
    /// A group that pays from its own balance, with a spend limit of 100.00.
    team: i32,
}

fn credit(amount: &str, remarks: &str) -> CreditForm {
    CreditForm {
        amount: amount.into(),
        remarks: remarks.into(),
    }
}

async fn caller(h: &Harness, token: &str) -> Caller {
    h.service.caller(token).await.unwrap().unwrap()
}

async fn operator(h: &Harness) -> Caller {
    let session = h.signed_in_operator().await;
    caller(h, &session).await
}

async fn world() -> World {
    let h = harness().await;
    let token = h.signed_in("asha@example.com").await;
    let access = AccessService::for_harness(&h);
    let admin = access
        .authorize(Some(&token), Permission::ManageGroups)
        .await
        .unwrap();
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
                spend_limit: "100".into(),
                ..Default::default()
            },
            None,
        )
        .await
        .unwrap();
    let operator = operator(&h).await;
    let billing = BillingService::new(
        h.store.clone(),
        h.clock.clone(),
        "http://portal.test".into(),
    );
    World {
        h,
        billing,
        admin,
        operator,
        default_group,
        team,
    }
}

/// After every step: each transaction's entries sum to zero, each holder's entries sum to its
/// cached balance, and no balance but the operator's side is negative.
async fn assert_invariants(store: &Store, account_id: i32) {
    let entries = store_ledger::entries_of_account(store, account_id)
        .await
        .unwrap();
    let mut per_holder: BTreeMap<Holder, i64> = BTreeMap::new();
    let mut per_transaction: BTreeMap<i32, i64> = BTreeMap::new();
    for e in &entries {
        *per_holder.entry(*e.holder).or_default() += e.amount_minor;
        *per_transaction.entry(e.transaction_id).or_default() += e.amount_minor;
    }
    for (id, sum) in &per_transaction {
        assert_eq!(*sum, 0, "transaction {id} does not balance");
    }
    let (_, total) = store_ledger::page(store, account_id, Default::default(), 0, 1)
        .await
        .unwrap();
    assert_eq!(
        per_transaction.len() as u64,
        total,
        "a transaction without entries"
    );
    let cached: BTreeMap<Holder, i64> = store_ledger::balances(store, account_id)
        .await
        .unwrap()
        .into_iter()
        .map(|b| (*b.holder, b.balance_minor))
        .collect();
    assert_eq!(per_holder, cached, "entries and cached balances differ");
    for (holder, balance) in &cached {
        assert!(
            *balance >= 0 || *holder == Holder::Operator,
            "{holder:?} is negative: {balance}"
        );
    }
}

async fn balance_of(w: &World, holder: Holder) -> i64 {
    store_ledger::balance(&w.h.store, w.admin.account.id, holder)
        .await
        .unwrap()
}

#[derive(Debug, Clone, Copy)]
enum Step {
    Grant(i64),
    Allocate(i64),
    Deallocate(i64),
    /// (order, pay through the team group?, amount)
    Charge(i32, bool, i64),
    Refund(i32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Ok,
    Insufficient,
    SpendLimit,
    Invalid,
    AlreadyCharged,
    /// A refund that returned this much.
    Refunded(i64),
}

async fn run(w: &World, step: Step) -> Outcome {
    let at = w.h.clock.now();
    let to_minor = |m: i64| format!("{}.{:02}", m / 100, m % 100);
    let outcome = match step {
        Step::Grant(m) => w
            .billing
            .grant_credits(
                &w.operator,
                w.admin.account.id,
                &credit(&to_minor(m), "Offline payment"),
                None,
            )
            .await
            .map(|()| Outcome::Ok),
        Step::Allocate(m) | Step::Deallocate(m) => {
            let direction = if matches!(step, Step::Allocate(_)) {
                Allocation::Allocate
            } else {
                Allocation::Deallocate
            };
            w.billing
                .allocate(
                    &w.admin,
                    w.team,
                    direction,
                    &credit(&to_minor(m), "Quarterly budget"),
                    None,
                )
                .await
                .map(|()| Outcome::Ok)
        }
        Step::Charge(order, team, m) => {
            let tx = w.h.store.begin().await.unwrap();
            let r = charge_order(
                &tx,
                OrderCharge {
                    account_id: w.admin.account.id,
                    group_id: if team { w.team } else { w.default_group },
                    order_id: order,
                    amount_minor: m,
                    currency: "USD",
                    memo: "DV SSL, 1 year",
                    portal: "http://portal.test",
                },
                Some(w.admin.user.id),
                at,
            )
            .await;
            if r.is_ok() {
                tx.commit().await.unwrap();
            }
            r.map(|()| Outcome::Ok)
        }
        Step::Refund(order) => {
            let tx = w.h.store.begin().await.unwrap();
            let r = refund_order(
                &tx,
                w.admin.account.id,
                order,
                None,
                at,
                "http://portal.test",
            )
            .await;
            tx.commit().await.unwrap();
            r.map(Outcome::Refunded)
        }
    };
    match outcome {
        Ok(o) => o,
        Err(BillingError::InsufficientBalance { .. }) => Outcome::Insufficient,
        Err(BillingError::SpendLimitExceeded { .. }) => Outcome::SpendLimit,
        Err(BillingError::Invalid(_)) => Outcome::Invalid,
        Err(BillingError::AlreadyCharged { .. }) => Outcome::AlreadyCharged,
        Err(e) => panic!("{step:?}: {e:?}"),
    }
}

#[tokio::test]
async fn ledger_invariants_hold_after_every_grant_allocation_charge_and_refund() {
    use Outcome::*;
    use Step::*;
    let w = world().await;
    // (step, outcome, account balance after, team balance after)
    let table = [
        (Charge(1, false, 2_500), Insufficient, 0, 0),
        (Grant(10_000), Ok, 10_000, 0),
        (Charge(1, false, 2_500), Ok, 7_500, 0),
        (Charge(1, false, 2_500), AlreadyCharged, 7_500, 0),
        (Allocate(8_000), Invalid, 7_500, 0),
        (Allocate(5_000), Ok, 2_500, 5_000),
        (Charge(2, true, 6_000), Insufficient, 2_500, 5_000),
        (Charge(2, true, 4_000), Ok, 2_500, 1_000),
        (Grant(20_000), Ok, 22_500, 1_000),
        (Allocate(10_000), Ok, 12_500, 11_000),
        // Spent 40.00 of the 100.00 limit: 60.01 more is refused, 60.00 is not.
        (Charge(3, true, 6_001), SpendLimit, 12_500, 11_000),
        (Charge(3, true, 6_000), Ok, 12_500, 5_000),
        (Charge(4, true, 1), SpendLimit, 12_500, 5_000),
        // A refund gives back the spending and the money, to where it came from.
        (Refund(2), Refunded(4_000), 12_500, 9_000),
        (Refund(2), Refunded(0), 12_500, 9_000),
        (Refund(1), Refunded(2_500), 15_000, 9_000),
        (Refund(99), Refunded(0), 15_000, 9_000),
        (Charge(4, true, 4_000), Ok, 15_000, 5_000),
        (Deallocate(5_001), Invalid, 15_000, 5_000),
        (Deallocate(5_000), Ok, 20_000, 0),
        (Deallocate(1), Invalid, 20_000, 0),
        (Refund(4), Refunded(4_000), 20_000, 4_000),
    ];
    for (i, (step, expected, account, team)) in table.into_iter().enumerate() {
        assert_eq!(run(&w, step).await, expected, "step {i}: {step:?}");
        assert_invariants(&w.h.store, w.admin.account.id).await;
        assert_eq!(balance_of(&w, Holder::Account).await, account, "step {i}");
        assert_eq!(
            balance_of(&w, Holder::Group(w.team)).await,
            team,
            "step {i}"
        );
    }
    // The operator's side is minus everything outstanding.
    assert_eq!(balance_of(&w, Holder::Operator).await, -24_000);
    let page = w.billing.billing_page(&w.admin, None).await.unwrap();
    assert_eq!(page.account_balance_minor, 20_000);
    let team = page.groups.iter().find(|g| g.group_id == w.team).unwrap();
    assert_eq!((team.balance_minor, team.spent_minor), (4_000, 6_000));
    assert_eq!(page.statement.lines[0].kind, Kind::OrderRefund);
    assert!(page.statement.lines.windows(2).all(|p| p[0].id > p[1].id));
}

#[tokio::test]
async fn the_payer_balance_says_where_the_money_comes_from() {
    let w = world().await;
    run(&w, Step::Grant(10_000)).await;
    run(&w, Step::Allocate(3_000)).await;
    run(&w, Step::Charge(1, true, 1_000)).await;
    let account = payer_balance(&w.h.store, w.admin.account.id, w.default_group)
        .await
        .unwrap();
    assert_eq!(
        account,
        PayerBalance {
            from_group: false,
            balance_minor: 7_000,
            currency: "USD".into(),
            spend_limit_left_minor: None
        }
    );
    let team = payer_balance(&w.h.store, w.admin.account.id, w.team)
        .await
        .unwrap();
    assert_eq!(
        team,
        PayerBalance {
            from_group: true,
            balance_minor: 2_000,
            currency: "USD".into(),
            spend_limit_left_minor: Some(9_000)
        }
    );
}

#[tokio::test]
async fn refusals_say_why_and_change_nothing() {
    let w = world().await;
    run(&w, Step::Grant(1_000)).await;
    let tx = w.h.store.begin().await.unwrap();
    let e = charge_order(
        &tx,
        OrderCharge {
            account_id: w.admin.account.id,
            group_id: w.default_group,
            order_id: 7,
            amount_minor: 2_500,
            currency: "USD",
            memo: "OV SSL",
            portal: "http://portal.test",
        },
        None,
        w.h.clock.now(),
    )
    .await
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Insufficient balance: USD 10.00 available, USD 25.00 needed. Payments in the portal are not available yet: the Rootline operator adds credit to your account (Operator, Accounts, your account, Credits). An administrator of your account then allocates credits to groups that pay from their own balance."
    );
    // Even if the caller commits after a refusal, nothing was written.
    tx.commit().await.unwrap();
    assert_invariants(&w.h.store, w.admin.account.id).await;
    assert_eq!(balance_of(&w, Holder::Account).await, 1_000);

    for (amount, remarks, field) in [
        ("0", "x", "amount"),
        ("-5", "x", "amount"),
        ("12.345", "x", "amount"),
        ("ten", "x", "amount"),
        ("5", " ", "remarks"),
    ] {
        let form = credit(amount, remarks);
        for r in [
            w.billing
                .grant_credits(&w.operator, w.admin.account.id, &form, None)
                .await,
            w.billing
                .allocate(&w.admin, w.team, Allocation::Allocate, &form, None)
                .await,
            w.billing
                .allocate(&w.admin, w.team, Allocation::Deallocate, &form, None)
                .await,
        ] {
            assert!(
                matches!(&r, Err(BillingError::Invalid(e)) if e.get(field).is_some()),
                "{amount:?} {remarks:?}: {r:?}"
            );
        }
    }
    // A group that pays from the account balance takes no allocation.
    assert!(matches!(
        w.billing
            .allocate(
                &w.admin,
                w.default_group,
                Allocation::Allocate,
                &credit("5", "x"),
                None
            )
            .await,
        Err(BillingError::Refused(_))
    ));
    // A charge in another currency is the caller's bug.
    let tx = w.h.store.begin().await.unwrap();
    assert!(matches!(
        charge_order(
            &tx,
            OrderCharge {
                account_id: w.admin.account.id,
                group_id: w.default_group,
                order_id: 8,
                amount_minor: 100,
                currency: "INR",
                memo: "",
                portal: "http://portal.test",
            },
            None,
            w.h.clock.now(),
        )
        .await,
        Err(BillingError::CurrencyMismatch { .. })
    ));
    drop(tx);
    assert_invariants(&w.h.store, w.admin.account.id).await;
    assert_eq!(balance_of(&w, Holder::Account).await, 1_000);
    assert_eq!(balance_of(&w, Holder::Group(w.team)).await, 0);
}

#[tokio::test]
async fn another_accounts_groups_are_not_found_and_roles_without_permission_are_forbidden() {
    let w = world().await;
    let stranger_token = w.h.signed_in("ravi@other.example").await;
    let stranger = caller(&w.h, &stranger_token).await;
    let form = credit("5", "x");
    assert!(matches!(
        w.billing
            .allocate(&stranger, w.team, Allocation::Allocate, &form, None)
            .await,
        Err(BillingError::NotFound)
    ));
    assert!(matches!(
        w.billing.group_finance(&stranger, w.team, None).await,
        Err(BillingError::NotFound)
    ));
    let tx = w.h.store.begin().await.unwrap();
    assert!(matches!(
        charge_order(
            &tx,
            OrderCharge {
                account_id: stranger.account.id,
                group_id: w.team,
                order_id: 1,
                amount_minor: 100,
                currency: "USD",
                memo: "",
                portal: "http://portal.test",
            },
            None,
            w.h.clock.now(),
        )
        .await,
        Err(BillingError::NotFound)
    ));
    drop(tx);
    assert!(matches!(
        payer_balance(&w.h.store, stranger.account.id, w.team).await,
        Err(BillingError::NotFound)
    ));
    // Customers cannot grant credits, not even to themselves.
    assert!(matches!(
        w.billing
            .grant_credits(&w.admin, w.admin.account.id, &form, None)
            .await,
        Err(BillingError::OperatorOnly)
    ));
    assert!(matches!(
        w.billing
            .account_credits(&w.admin, w.admin.account.id, None)
            .await,
        Err(BillingError::OperatorOnly)
    ));

    w.h.store
        .execute_raw("UPDATE memberships SET role = 'standard_user'")
        .await
        .unwrap();
    let token = w.h.sign_in("asha@example.com").await;
    let standard = caller(&w.h, &token).await;
    assert!(matches!(
        w.billing
            .allocate(&standard, w.team, Allocation::Allocate, &form, None)
            .await,
        Err(BillingError::Forbidden(Permission::AllocateCredits))
    ));
    assert!(matches!(
        w.billing.billing_page(&standard, None).await,
        Err(BillingError::Forbidden(Permission::ViewFinance))
    ));
    assert!(matches!(
        w.billing.group_finance(&standard, w.team, None).await,
        Err(BillingError::Forbidden(Permission::ViewFinance))
    ));
}

#[tokio::test]
async fn the_operator_sees_and_grants_credits_and_the_group_keeps_its_history() {
    let w = world().await;
    run(&w, Step::Grant(5_000)).await;
    run(&w, Step::Allocate(2_000)).await;
    run(&w, Step::Deallocate(500)).await;
    let credits = w
        .billing
        .account_credits(&w.operator, w.admin.account.id, None)
        .await
        .unwrap();
    assert_eq!(
        (credits.balance_minor, credits.currency.as_str()),
        (3_500, "USD")
    );
    assert_eq!(credits.statement.total, 3);
    let grant = credits.statement.lines.last().unwrap();
    assert_eq!(grant.kind, Kind::Grant);
    assert_eq!(grant.memo, "Offline payment");
    assert_eq!(grant.account_change_minor, 5_000);
    assert!(matches!(
        w.billing
            .account_credits(&w.operator, w.operator.account.id, None)
            .await,
        Err(BillingError::NotFound)
    ));

    let finance = w
        .billing
        .group_finance(&w.admin, w.team, None)
        .await
        .unwrap();
    assert_eq!(finance.group.balance_minor, 1_500);
    assert_eq!(finance.account_balance_minor, 3_500);
    let kinds: Vec<_> = finance
        .history
        .lines
        .iter()
        .map(|l| (l.kind, l.group_change_minor, l.memo.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Deallocate, -500, "Quarterly budget"),
            (Kind::Allocate, 2_000, "Quarterly budget"),
        ]
    );
    assert_eq!(finance.history.lines[0].actor, "Asha Rao");
    let audit = crate::store::audit::for_account(&w.h.store, w.admin.account.id)
        .await
        .unwrap();
    for action in [
        "credits_granted",
        "credits_allocated",
        "credits_deallocated",
    ] {
        assert!(audit.iter().any(|a| a.action == action), "{action}");
    }
}

#[tokio::test]
async fn concurrent_charges_cannot_overdraw_the_balance() {
    let w = world().await;
    run(&w, Step::Grant(10_000)).await;
    let charge = |order_id| {
        let w = &w;
        async move {
            let tx = w.h.store.begin().await.unwrap();
            let r = charge_order(
                &tx,
                OrderCharge {
                    account_id: w.admin.account.id,
                    group_id: w.default_group,
                    order_id,
                    amount_minor: 6_000,
                    currency: "USD",
                    memo: "",
                    portal: "http://portal.test",
                },
                None,
                w.h.clock.now(),
            )
            .await;
            // Hold the transaction open a moment so the other one runs into it.
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            if r.is_ok() {
                tx.commit().await.unwrap();
            }
            r
        }
    };
    let (a, b) = tokio::join!(charge(1), charge(2));
    assert_eq!(
        [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(),
        1,
        "{a:?} {b:?}"
    );
    assert_invariants(&w.h.store, w.admin.account.id).await;
    assert_eq!(balance_of(&w, Holder::Account).await, 4_000);
}

#[tokio::test]
async fn a_monthly_invoice_lists_the_months_charges_less_its_refunds() {
    use chrono::TimeZone;
    let w = world().await;
    let at = |y, mo, d, h, mi| chrono::Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap();
    w.h.clock.set(at(2026, 10, 31, 23, 30));
    assert_eq!(run(&w, Step::Grant(50_000)).await, Outcome::Ok);
    assert_eq!(run(&w, Step::Charge(1, false, 5_000)).await, Outcome::Ok);
    w.h.clock.set(at(2026, 11, 1, 0, 10));
    assert_eq!(run(&w, Step::Charge(2, false, 2_000)).await, Outcome::Ok);
    assert_eq!(run(&w, Step::Refund(2)).await, Outcome::Refunded(2_000));
    assert_eq!(run(&w, Step::Charge(3, false, 3_000)).await, Outcome::Ok);

    let text = |bytes: &[u8]| crate::domain::pdf_document::tests::pdf_text(bytes);
    let october = w
        .billing
        .monthly_invoice(&w.admin, "2026-10", Lang::En)
        .await
        .unwrap();
    assert!(
        october.file_name.ends_with("-2026-10.pdf"),
        "{}",
        october.file_name
    );
    let t = text(&october.bytes);
    for expected in [
        "October 2026 (UTC)",
        "2026-10-31",
        "DV SSL, 1 year",
        "Total for October 2026: USD 50.00",
    ] {
        assert!(t.contains(expected), "{expected} missing:\n{t}");
    }
    let t = text(
        &w.billing
            .monthly_invoice(&w.admin, "2026-11", Lang::En)
            .await
            .unwrap()
            .bytes,
    );
    for expected in [
        "Charged: USD 50.00",
        "Refunded: USD 20.00",
        "USD -20.00",
        "Total for November 2026: USD 30.00",
    ] {
        assert!(t.contains(expected), "{expected} missing:\n{t}");
    }
    // The same month downloaded in Polish: Polish words and the month's Polish name.
    let t = text(
        &w.billing
            .monthly_invoice(&w.admin, "2026-11", Lang::Pl)
            .await
            .unwrap()
            .bytes,
    );
    for expected in [
        "Faktura miesięczna MI-",
        "Okres",
        "listopad 2026 (UTC)",
        "Nabywca",
        "Waluta",
        "Data wystawienia",
        "Data",
        "Opis",
        "Kwota",
        "Obciążenia: USD 50.00",
        "Zwroty: USD 20.00",
        "Razem za listopad 2026: USD 30.00",
        "Opłacono z przedpłaconych środków; brak należności do zapłaty.",
    ] {
        assert!(t.contains(expected), "{expected} missing:\n{t}");
    }
    let t = text(
        &w.billing
            .monthly_invoice(&w.admin, "2026-09", Lang::Pl)
            .await
            .unwrap()
            .bytes,
    );
    assert!(
        t.contains("Za wrzesień 2026 nie ma żadnych obciążeń ani zwrotów za zamówienia."),
        "{t}"
    );
    let t = text(
        &w.billing
            .monthly_invoice(&w.admin, "2026-09", Lang::En)
            .await
            .unwrap()
            .bytes,
    );
    assert!(
        t.contains("No orders were charged or refunded in September 2026."),
        "{t}"
    );
    for (bad, says) in [
        ("2026-12", "not begun"),
        ("2026-13", "YYYY-MM"),
        ("", "YYYY-MM"),
    ] {
        match w.billing.monthly_invoice(&w.admin, bad, Lang::En).await {
            Err(BillingError::Invalid(e)) => {
                assert!(
                    e.get("month").is_some_and(|m| m.to_string().contains(says)),
                    "{bad}: {e:?}"
                )
            }
            other => panic!("{bad}: {:?}", other.map(|i| i.file_name)),
        }
    }
}

#[tokio::test]
async fn the_statement_shows_the_running_balances_after_each_transaction() {
    let w = world().await;
    run(&w, Step::Grant(10_000)).await;
    run(&w, Step::Allocate(3_000)).await;
    run(&w, Step::Charge(1, true, 1_000)).await;
    run(&w, Step::Charge(2, false, 2_500)).await;
    let page = w.billing.billing_page(&w.admin, None).await.unwrap();
    // Newest first: (account balance after, group balance after, account change).
    let running: Vec<_> = page
        .statement
        .lines
        .iter()
        .map(|l| {
            (
                l.account_balance_minor,
                l.group_balance_minor,
                l.account_change_minor,
            )
        })
        .collect();
    assert_eq!(
        running,
        [
            (4_500, None, -2_500),
            (7_000, Some(2_000), 0),
            (7_000, Some(3_000), -3_000),
            (10_000, None, 10_000),
        ]
    );
    assert_eq!(
        page.statement.lines[0].account_balance_minor, page.account_balance_minor,
        "the newest line ends at the balance shown above the statement"
    );
}

#[tokio::test]
async fn monthly_invoices_are_listed_only_since_the_account_was_created() {
    let w = world().await;
    // The account was created at the clock's time; a new account has this month's only.
    let page = w.billing.billing_page(&w.admin, None).await.unwrap();
    let now = w.h.clock.now();
    assert_eq!(page.invoice_months, [now.format("%Y-%m").to_string()]);
    // Three months on, four months; two years on, the last twelve.
    w.h.clock.set(now + chrono::Duration::days(95));
    let page = w.billing.billing_page(&w.admin, None).await.unwrap();
    assert_eq!(page.invoice_months.len(), 4, "{:?}", page.invoice_months);
    assert_eq!(
        page.invoice_months.last(),
        Some(&now.format("%Y-%m").to_string())
    );
    w.h.clock.set(now + chrono::Duration::days(730));
    let page = w.billing.billing_page(&w.admin, None).await.unwrap();
    assert_eq!(page.invoice_months.len(), 12);
}

/// The statement page's filters as typed.
fn statement_query(from: &str, to: &str, kind: &str, group: &str) -> StatementQuery {
    StatementQuery {
        from: from.into(),
        to: to.into(),
        kind: kind.into(),
        group: group.into(),
        ..Default::default()
    }
}

/// Five transactions over four days: 100.00 granted on 30 November, 30.00 allocated to the team
/// on 1 December, two orders charged on 2 December (10.00 from the team, 25.00 from the
/// account), 50.00 granted on 3 December.
async fn four_days_of_transactions(w: &World) {
    use chrono::TimeZone;
    let at = |d, h| {
        chrono::Utc.with_ymd_and_hms(2026, 11, 30, h, 0, 0).unwrap() + chrono::Duration::days(d)
    };
    w.h.clock.set(at(0, 10));
    assert_eq!(run(w, Step::Grant(10_000)).await, Outcome::Ok);
    w.h.clock.set(at(1, 9));
    assert_eq!(run(w, Step::Allocate(3_000)).await, Outcome::Ok);
    w.h.clock.set(at(2, 23));
    assert_eq!(run(w, Step::Charge(1, true, 1_000)).await, Outcome::Ok);
    assert_eq!(run(w, Step::Charge(2, false, 2_500)).await, Outcome::Ok);
    w.h.clock.set(at(3, 0));
    assert_eq!(run(w, Step::Grant(5_000)).await, Outcome::Ok);
}

#[tokio::test]
async fn the_statement_selects_a_period_type_and_group_with_its_opening_and_closing_balances() {
    let w = world().await;
    four_days_of_transactions(&w).await;

    // 1 and 2 December, whole days (the charges at 23:00 are in, the grant at midnight after
    // is not).
    let view = w
        .billing
        .ledger_statement(
            &w.admin,
            &statement_query("2026-12-01", "2026-12-02", "", ""),
        )
        .await
        .unwrap();
    let kinds: Vec<_> = view.statement.lines.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [Kind::OrderCharge, Kind::OrderCharge, Kind::Allocate]
    );
    assert_eq!(view.opening_minor, 10_000, "the balance before 1 December");
    assert_eq!(
        view.closing_minor, 4_500,
        "the balance at the end of 2 December"
    );
    assert_eq!((view.credits_minor, view.debits_minor), (0, 5_500));
    assert_eq!(view.balance_minor, 9_500);
    assert_eq!(
        view.opening_minor + view.credits_minor - view.debits_minor,
        view.closing_minor,
        "what came in and went out in the period explains its balances"
    );
    // The running balance of each line is the balance right after it, whatever the filter.
    let running: Vec<_> = view
        .statement
        .lines
        .iter()
        .map(|l| l.account_balance_minor)
        .collect();
    assert_eq!(running, [4_500, 7_000, 7_000]);
    assert!(view.sub_accounts.is_empty(), "not a partner");

    // One type, over all time.
    let charges = w
        .billing
        .ledger_statement(&w.admin, &statement_query("", "", "order_charge", ""))
        .await
        .unwrap();
    assert_eq!(charges.statement.total, 2);
    assert_eq!(charges.opening_minor, 0);
    assert_eq!(charges.closing_minor, 9_500);
    // One group: its allocation and the order it paid.
    let team = w
        .billing
        .ledger_statement(&w.admin, &statement_query("", "", "", &w.team.to_string()))
        .await
        .unwrap();
    let team_lines: Vec<_> = team
        .statement
        .lines
        .iter()
        .map(|l| (l.kind, l.group_balance_minor))
        .collect();
    assert_eq!(
        team_lines,
        [
            (Kind::OrderCharge, Some(2_000)),
            (Kind::Allocate, Some(3_000))
        ]
    );
    assert!(
        team.groups
            .iter()
            .any(|g| g.id == w.team && g.name == "Engineering")
    );
}

#[tokio::test]
async fn statement_filters_that_do_not_fit_are_refused_on_their_fields() {
    let w = world().await;
    four_days_of_transactions(&w).await;
    let field_of = |r: Result<StatementView, BillingError>| match r {
        Err(BillingError::Invalid(e)) => e.0.iter().map(|e| e.field.clone()).collect::<Vec<_>>(),
        other => panic!("{other:?}"),
    };
    let refused = w
        .billing
        .ledger_statement(
            &w.admin,
            &statement_query("2026-12-03", "2026-12-01", "", ""),
        )
        .await;
    assert_eq!(field_of(refused), ["to"]);
    let refused = w
        .billing
        .ledger_statement(&w.admin, &statement_query("", "", "bonus", ""))
        .await;
    assert_eq!(field_of(refused), ["kind"]);
    // Another account's group is no group of this account's.
    let other = caller(&w.h, &w.h.signed_in("ravi@example.org").await).await;
    let refused = w
        .billing
        .ledger_statement(&other, &statement_query("", "", "", &w.team.to_string()))
        .await;
    assert_eq!(field_of(refused), ["group"]);
    // Another account by its id: not found, for the page and the export alike.
    let theirs = StatementQuery {
        account: w.admin.account.id.to_string(),
        ..Default::default()
    };
    assert!(matches!(
        w.billing.ledger_statement(&other, &theirs).await,
        Err(BillingError::NotFound)
    ));
    assert!(matches!(
        w.billing
            .ledger_statement_export(&other, &theirs, Lang::En)
            .await,
        Err(BillingError::NotFound)
    ));
}

#[tokio::test]
async fn the_statement_export_holds_every_selected_line_with_its_running_balance() {
    let w = world().await;
    four_days_of_transactions(&w).await;
    let bytes = w
        .billing
        .ledger_statement_export(
            &w.admin,
            &statement_query("2026-12-01", "", "", ""),
            Lang::En,
        )
        .await
        .unwrap();
    let (sheet, rows) = crate::services::orders::test_support::xlsx_rows(&bytes);
    assert_eq!(sheet, "Statement");
    assert_eq!(
        rows[0][..9],
        [
            "Time (UTC)",
            "Type",
            "Remarks",
            "Group",
            "Order",
            "Currency",
            "Credit",
            "Debit",
            "Account balance after"
        ]
    );
    // Newest first: (type, credit, debit, account balance after, group balance after).
    let lines: Vec<_> = rows[1..]
        .iter()
        .map(|r| {
            let cell = |i: usize| r.get(i).cloned().unwrap_or_default();
            (cell(1), cell(6), cell(7), cell(8), cell(9))
        })
        .collect();
    let s = |v: &str| v.to_owned();
    assert_eq!(
        lines,
        [
            (s("Credits granted"), s("50"), s(""), s("95"), s("")),
            (s("Order charged"), s(""), s("25"), s("45"), s("")),
            (s("Order charged"), s(""), s("10"), s("70"), s("20")),
            (s("Allocated to group"), s(""), s("30"), s("70"), s("30")),
        ]
    );
    // In Polish, the same lines with Polish headings and names.
    let polish = w
        .billing
        .ledger_statement_export(&w.admin, &statement_query("", "", "grant", ""), Lang::Pl)
        .await
        .unwrap();
    let (sheet, rows) = crate::services::orders::test_support::xlsx_rows(&polish);
    assert_eq!(sheet, "Wyciąg");
    assert_eq!(rows.len(), 1 + 2);
    assert_eq!(rows[1][1], "Przyznane środki");
}
