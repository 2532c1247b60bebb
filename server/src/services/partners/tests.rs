//! A partner against its sub-accounts, its siblings and another partner, on a real store,
//! ledger and CA: who may open and suspend sub-accounts, what a sub-account pays, who pays the
//! operator, and that nothing leaks sideways.

use app::i18n::Lang;
use app::model::{
    AccountStatus, Currency, Permission,
    order_status::OrderStatus,
    sub_accounts::{ListPriceForm, SubAccountForm},
};

use super::{PartnerError, PartnerService};
use crate::{
    domain::ledger::Holder,
    services::{
        catalog::test_support::caller,
        identity::{Caller, test_support::PASSWORD},
        orders::{
            OrderError,
            test_support::{World, world},
        },
    },
    store::{accounts, ledger},
};

struct Partners {
    w: World,
    service: PartnerService,
}

async fn partners() -> Partners {
    let w = world().await;
    let service = PartnerService::new(
        w.h.store.clone(),
        w.h.clock.clone(),
        w.h.identity(),
        crate::services::notifications::MailWaker::default(),
    );
    Partners { w, service }
}

impl Partners {
    /// An activated administrator of a partner account.
    async fn partner(&self, email: &str) -> Caller {
        let token = self.w.h.signed_in(email).await;
        let first = caller(&self.w.h, &token).await;
        self.w
            .h
            .store
            .execute_raw(&format!(
                "UPDATE accounts SET kind = 'partner' WHERE id = {}",
                first.account.id
            ))
            .await
            .unwrap();
        caller(&self.w.h, &token).await
    }

    /// Opens a sub-account, activates its administrator and returns them signed in.
    async fn sub_account(
        &self,
        partner: &Caller,
        name: &str,
        email: &str,
        list: Option<i32>,
    ) -> Caller {
        let id = self
            .service
            .create_sub_account(partner, &sub_form(name, email, list), Lang::En, None)
            .await
            .unwrap();
        let token = self.w.h.activation_token().await;
        self.w
            .h
            .service
            .activate(&token, PASSWORD, PASSWORD, None)
            .await
            .unwrap();
        let session = self.w.h.sign_in(email).await;
        let sub = caller(&self.w.h, &session).await;
        assert_eq!(sub.account.id, id);
        sub
    }
}

fn sub_form(name: &str, email: &str, list: Option<i32>) -> SubAccountForm {
    SubAccountForm {
        organization: name.into(),
        country: "IN".into(),
        currency: "USD".into(),
        admin_name: "Kiran Rao".into(),
        admin_email: email.into(),
        price_list_id: list.map(|l| l.to_string()).unwrap_or_default(),
        group_id: String::new(),
        parent_approval: true,
    }
}

fn list_price(product_id: i32, days: i64, base: &str) -> ListPriceForm {
    ListPriceForm {
        product_id: product_id.to_string(),
        currency: "USD".into(),
        validity_days: days.to_string(),
        base: base.into(),
        per_extra_domain: String::new(),
    }
}

#[tokio::test]
async fn a_partner_opens_a_sub_account_whose_administrator_is_mailed_and_a_retry_finds_it() {
    let p = partners().await;
    let partner = p.partner("priya@resell.example").await;
    let form = sub_form("Kiran Traders", "kiran@kirantraders.example", None);
    let id = p
        .service
        .create_sub_account(&partner, &form, Lang::En, None)
        .await
        .unwrap();
    let again = p
        .service
        .create_sub_account(&partner, &form, Lang::En, None)
        .await
        .unwrap();
    assert_eq!(again, id, "a second post finds the first sub-account");
    let mail = p.w.h.sent().await.pop().unwrap();
    assert_eq!(mail.to, "kiran@kirantraders.example");
    assert!(mail.text.contains("/activate/"), "{}", mail.text);
    let row = accounts::find(&p.w.h.store, id).await.unwrap().unwrap();
    assert_eq!(row.parent_account_id, Some(partner.account.id));
    assert!(row.parent_approval);
    assert_eq!(*row.status, AccountStatus::PendingActivation);
    let page = p.service.sub_accounts_page(&partner).await.unwrap();
    assert_eq!(page.sub_accounts.len(), 1);
    assert_eq!(
        page.sub_accounts[0].administrator,
        "kiran@kirantraders.example"
    );
    // The address of someone who already uses Rootline is refused on its field.
    let taken = p
        .service
        .create_sub_account(
            &partner,
            &sub_form("Other Traders", "priya@resell.example", None),
            Lang::En,
            None,
        )
        .await;
    assert!(
        matches!(&taken, Err(PartnerError::Identity(crate::services::identity::IdentityError::Invalid(e))) if e.get("admin_email").is_some()),
        "{taken:?}"
    );
}

#[tokio::test]
async fn only_a_partners_administrator_or_manager_opens_sub_accounts() {
    let p = partners().await;
    let partner = p.partner("priya@resell.example").await;
    let form = sub_form("Kiran Traders", "kiran@kirantraders.example", None);
    // An Enterprise is told only partners have sub-accounts.
    assert!(matches!(
        p.service
            .create_sub_account(&p.w.admin, &form, Lang::En, None)
            .await,
        Err(PartnerError::Refused(_))
    ));
    // A Finance Manager of the partner sets prices but may not open sub-accounts.
    let mut finance = partner.clone();
    finance.permissions = app::model::Role::FinanceManager.permissions().to_vec();
    assert!(matches!(
        p.service
            .create_sub_account(&finance, &form, Lang::En, None)
            .await,
        Err(PartnerError::Forbidden(Permission::CreateSubAccounts))
    ));
    assert!(
        p.service
            .create_price_list(&finance, "Gold", None)
            .await
            .is_ok()
    );
    // A bad form changes nothing.
    let mut bad = form.clone();
    bad.currency = "EUR".into();
    assert!(matches!(
        p.service.create_sub_account(&partner, &bad, Lang::En, None).await,
        Err(PartnerError::Invalid(e)) if e.get("currency").is_some()
    ));
    assert!(
        p.service
            .sub_accounts_page(&partner)
            .await
            .unwrap()
            .sub_accounts
            .is_empty()
    );
}

#[tokio::test]
async fn a_sub_account_pays_its_list_price_and_the_partner_pays_the_operator_after_approving() {
    let p = partners().await;
    let partner = p.partner("priya@resell.example").await;
    let (product, days) = p.w.dv(&partner).await;
    let partner_price =
        p.w.catalog
            .offers(&partner, "USD")
            .await
            .unwrap()
            .into_iter()
            .find(|o| o.id == product)
            .unwrap()
            .prices
            .into_iter()
            .find(|x| x.validity_days == days)
            .unwrap()
            .base_minor;
    let list = p
        .service
        .create_price_list(&partner, "Gold", None)
        .await
        .unwrap();
    // A price below zero is refused and changes nothing.
    assert!(matches!(
        p.service
            .set_list_price(&partner, list, &list_price(product, days, "-5"), None)
            .await,
        Err(PartnerError::Invalid(e)) if e.get("base").is_some()
    ));
    p.service
        .set_list_price(&partner, list, &list_price(product, days, "75"), None)
        .await
        .unwrap();
    let sub = p
        .sub_account(
            &partner,
            "Kiran Traders",
            "kiran@kirantraders.example",
            Some(list),
        )
        .await;
    p.w.credit(partner.account.id, "500").await;
    let before = ledger::balance(&p.w.h.store, partner.account.id, Holder::Account)
        .await
        .unwrap();

    let form = p.w.form(&sub, "shop.kirantraders.in", None).await;
    let placed = p.w.orders.place(&sub, &form.to_command()).await.unwrap();
    assert_eq!(placed.status, OrderStatus::PendingParentApproval);
    let order = crate::store::orders::get(&p.w.h.store, sub.account.id, placed.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        order.price_minor, 7_500,
        "the sub-account pays the list price"
    );
    assert_eq!(order.partner_price_minor, Some(partner_price));
    // The partner's approvers are mailed, and the page lists the order with both prices.
    let mails = p.w.h.sent().await;
    assert!(
        mails
            .iter()
            .any(|m| m.to == "priya@resell.example" && m.text.contains("/sub-accounts"))
    );
    let page = p.service.sub_accounts_page(&partner).await.unwrap();
    assert_eq!(page.waiting.len(), 1);
    assert_eq!(page.waiting[0].sub_account_price.minor, 7_500);
    assert_eq!(page.waiting[0].partner_price.minor, partner_price);
    assert_eq!(page.waiting[0].partner_price.currency, Currency::Usd);

    // The sub-account cannot approve its own order as its parent.
    assert!(matches!(
        p.w.orders.approve_for_sub_account(&sub, placed.id).await,
        Err(OrderError::NotFound)
    ));
    let status =
        p.w.orders
            .approve_for_sub_account(&partner, placed.id)
            .await
            .unwrap();
    assert_ne!(status, OrderStatus::PendingParentApproval);
    let after = ledger::balance(&p.w.h.store, partner.account.id, Holder::Account)
        .await
        .unwrap();
    assert_eq!(
        before - after,
        partner_price,
        "the partner pays the operator's price"
    );
    assert_eq!(
        ledger::balance(&p.w.h.store, sub.account.id, Holder::Account)
            .await
            .unwrap(),
        0
    );
    // A second approval is refused and charges nothing more.
    assert!(
        p.w.orders
            .approve_for_sub_account(&partner, placed.id)
            .await
            .is_err()
    );
    assert_eq!(
        ledger::balance(&p.w.h.store, partner.account.id, Holder::Account)
            .await
            .unwrap(),
        after
    );
    // The margin shows on the partner's page; the sub-account's document is the partner's
    // statement at the sub-account's price, not an operator invoice.
    let page = p.service.sub_accounts_page(&partner).await.unwrap();
    assert_eq!(
        page.orders[0].margin.map(|m| m.minor),
        Some(7_500 - partner_price)
    );
    let statement = p.w.orders.invoice(&sub, placed.id, Lang::En).await.unwrap();
    assert!(
        statement.file_name.starts_with("PS-"),
        "{}",
        statement.file_name
    );
    // The orders report has the order with both prices and the margin; filtered by another
    // order number it is empty, and a sub-account that is not the partner's is not found.
    let report = |account: String, order: String| {
        let query = app::model::sub_accounts::SubAccountOrdersQuery { account, order };
        let service = &p.service;
        let partner = &partner;
        async move {
            service
                .sub_account_orders_report(partner, &query, Lang::En)
                .await
        }
    };
    let (sheet, rows) = crate::services::orders::test_support::xlsx_rows(
        &report(sub.account.id.to_string(), String::new())
            .await
            .unwrap(),
    );
    assert_eq!(sheet, "Sub-account orders");
    assert_eq!(rows.len(), 1 + 1);
    let margin = format!("{}", (7_500 - partner_price) as f64 / 100.0);
    assert_eq!(rows[1][0], placed.id.to_string());
    assert_eq!(rows[1][1], "Kiran Traders");
    assert_eq!(rows[1][5], "75");
    assert_eq!(
        rows[1][9].trim_end_matches(".0"),
        margin.trim_end_matches(".0")
    );
    let (_, none) = crate::services::orders::test_support::xlsx_rows(
        &report(String::new(), (placed.id + 1000).to_string())
            .await
            .unwrap(),
    );
    assert_eq!(none.len(), 1, "only the heading");
    assert!(matches!(
        report(partner.account.id.to_string(), String::new()).await,
        Err(PartnerError::NotFound)
    ));
    assert!(matches!(
        report("x".into(), String::new()).await,
        Err(PartnerError::Invalid(_))
    ));
    assert!(matches!(
        p.service
            .sub_account_orders_report(&sub, &Default::default(), Lang::En)
            .await,
        Err(PartnerError::Refused(_)) | Err(PartnerError::Forbidden(_))
    ));
}

#[tokio::test]
async fn a_rejected_sub_account_order_needs_a_reason_charges_nothing_and_tells_the_requester() {
    let p = partners().await;
    let partner = p.partner("priya@resell.example").await;
    let sub = p
        .sub_account(
            &partner,
            "Kiran Traders",
            "kiran@kirantraders.example",
            None,
        )
        .await;
    p.w.credit(partner.account.id, "500").await;
    let form = p.w.form(&sub, "shop.kirantraders.in", None).await;
    let placed = p.w.orders.place(&sub, &form.to_command()).await.unwrap();
    assert!(matches!(
        p.w.orders
            .reject_for_sub_account(&partner, placed.id, "  ")
            .await,
        Err(OrderError::Invalid(_))
    ));
    let to =
        p.w.orders
            .reject_for_sub_account(&partner, placed.id, "Renew the contract first.")
            .await
            .unwrap();
    assert_eq!(to, OrderStatus::Rejected);
    let mail = p.w.h.sent().await.pop().unwrap();
    assert_eq!(mail.to, "asha@acme.example", "the order's requester");
    assert!(mail.text.contains("Renew the contract first."));
    assert_eq!(
        ledger::balance(&p.w.h.store, partner.account.id, Holder::Account)
            .await
            .unwrap(),
        50_000
    );
}

#[tokio::test]
async fn nothing_leaks_to_another_partner_a_sibling_or_the_sub_account() {
    let p = partners().await;
    let partner = p.partner("priya@resell.example").await;
    let rival = p.partner("raj@rival.example").await;
    let sub = p
        .sub_account(
            &partner,
            "Kiran Traders",
            "kiran@kirantraders.example",
            None,
        )
        .await;
    let sibling = p
        .sub_account(&partner, "Meera Stores", "meera@meerastores.example", None)
        .await;
    let form = p.w.form(&sub, "shop.kirantraders.in", None).await;
    let placed = p.w.orders.place(&sub, &form.to_command()).await.unwrap();
    let list = p
        .service
        .create_price_list(&partner, "Gold", None)
        .await
        .unwrap();

    // Another partner finds none of it.
    assert!(
        p.service
            .sub_accounts_page(&rival)
            .await
            .unwrap()
            .sub_accounts
            .is_empty()
    );
    assert!(matches!(
        p.service
            .set_sub_account_suspended(&rival, sub.account.id, true, None)
            .await,
        Err(PartnerError::NotFound)
    ));
    assert!(matches!(
        p.service.price_list(&rival, list).await,
        Err(PartnerError::NotFound)
    ));
    assert!(matches!(
        p.service
            .assign_price_list(&rival, sub.account.id, None, None)
            .await,
        Err(PartnerError::NotFound)
    ));
    assert!(matches!(
        p.w.orders.approve_for_sub_account(&rival, placed.id).await,
        Err(OrderError::NotFound)
    ));
    // A sub-account acting on its parent is told only partners have sub-accounts; its
    // sibling's order is not found.
    assert!(matches!(
        p.service.sub_accounts_page(&sub).await,
        Err(PartnerError::Refused(_)) | Err(PartnerError::Forbidden(_))
    ));
    assert!(matches!(
        p.service
            .set_sub_account_suspended(&sub, partner.account.id, true, None)
            .await,
        Err(PartnerError::Refused(_)) | Err(PartnerError::Forbidden(_))
    ));
    assert!(matches!(
        p.w.orders.order_view(&sibling, placed.id).await,
        Err(OrderError::NotFound)
    ));
}

#[tokio::test]
async fn suspending_a_sub_account_stops_its_sessions_at_once_and_reactivating_restores_them() {
    let p = partners().await;
    let partner = p.partner("priya@resell.example").await;
    p.sub_account(
        &partner,
        "Kiran Traders",
        "kiran@kirantraders.example",
        None,
    )
    .await;
    let session = p.w.h.sign_in("kiran@kirantraders.example").await;
    let sub = caller(&p.w.h, &session).await;
    assert_eq!(
        p.service
            .set_sub_account_suspended(&partner, sub.account.id, true, None)
            .await
            .unwrap(),
        AccountStatus::Suspended
    );
    assert!(p.w.h.service.caller(&session).await.unwrap().is_none());
    assert!(
        p.w.h
            .service
            .acting_for(sub.user.id, sub.account.id)
            .await
            .unwrap()
            .is_none(),
        "REST keys and ACME accounts act through the same check"
    );
    // Suspending twice is refused; reactivating brings the same session back.
    assert!(matches!(
        p.service
            .set_sub_account_suspended(&partner, sub.account.id, true, None)
            .await,
        Err(PartnerError::Refused(_))
    ));
    p.service
        .set_sub_account_suspended(&partner, sub.account.id, false, None)
        .await
        .unwrap();
    assert!(p.w.h.service.caller(&session).await.unwrap().is_some());
}

#[tokio::test]
async fn a_partner_user_orders_for_a_sub_account_and_the_partner_pays_at_once() {
    let p = partners().await;
    let partner = p.partner("priya@resell.example").await;
    let sub = p
        .sub_account(
            &partner,
            "Kiran Traders",
            "kiran@kirantraders.example",
            None,
        )
        .await;
    p.w.credit(partner.account.id, "500").await;
    // Not yet a member: nothing to switch to; acting for it makes the partner's user one.
    p.service
        .act_for(&partner, sub.account.id, None)
        .await
        .unwrap();
    p.service
        .act_for(&partner, sub.account.id, None)
        .await
        .unwrap();
    let session = p.w.h.sign_in("priya@resell.example").await;
    let at_partner = caller(&p.w.h, &session).await;
    p.w.h
        .service
        .switch_account(&at_partner, sub.account.id, None)
        .await
        .unwrap();
    let staff = caller(&p.w.h, &session).await;
    assert_eq!(staff.account.id, sub.account.id);
    assert_eq!(staff.role, app::model::Role::SubAccountUser);
    let form = p.w.form(&staff, "www.kirantraders.in", None).await;
    let placed = p.w.orders.place(&staff, &form.to_command()).await.unwrap();
    assert_ne!(placed.status, OrderStatus::PendingParentApproval);
    assert_ne!(placed.status, OrderStatus::PendingApproval);
    assert!(
        ledger::balance(&p.w.h.store, partner.account.id, Holder::Account)
            .await
            .unwrap()
            < 50_000,
        "charged to the partner"
    );
    // The sub-account's administrators see the partner's user and may remove them; then the
    // partner's user cannot come back by themselves.
    p.w.h
        .store
        .execute_raw(&format!(
            "UPDATE memberships SET status = 'deactivated' WHERE user_id = {} AND account_id = {}",
            partner.user.id, sub.account.id
        ))
        .await
        .unwrap();
    assert!(matches!(
        p.service.act_for(&partner, sub.account.id, None).await,
        Err(PartnerError::Refused(_))
    ));
}

#[tokio::test]
async fn a_partner_reads_each_sub_accounts_statement_and_nobody_else_does() {
    use app::model::{billing::CreditForm, statement::StatementQuery};

    use crate::services::billing::BillingError;

    let p = partners().await;
    let partner = p.partner("priya@resell.example").await;
    let rival = p.partner("raj@rival.example").await;
    let sub = p
        .sub_account(
            &partner,
            "Kiran Traders",
            "kiran@kirantraders.example",
            None,
        )
        .await;
    let sibling = p
        .sub_account(&partner, "Meera Stores", "meera@meerastores.example", None)
        .await;
    p.w.billing
        .grant_credits(
            &p.w.ops,
            sub.account.id,
            &CreditForm {
                amount: "40".into(),
                remarks: "Opening credit".into(),
            },
            None,
        )
        .await
        .unwrap();
    let of_sub = StatementQuery {
        account: sub.account.id.to_string(),
        ..Default::default()
    };

    // The partner reads the sub-account's ledger, and is offered each of its sub-accounts.
    let view =
        p.w.billing
            .ledger_statement(&partner, &of_sub)
            .await
            .unwrap();
    assert_eq!(view.sub_account_id, Some(sub.account.id));
    assert_eq!(view.account_name, "Kiran Traders");
    assert_eq!(view.balance_minor, 4_000);
    assert_eq!(view.statement.lines.len(), 1);
    assert_eq!(view.statement.lines[0].memo, "Opening credit");
    let offered: Vec<_> = view.sub_accounts.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(offered, ["Kiran Traders", "Meera Stores"]);
    let (_, rows) = crate::services::orders::test_support::xlsx_rows(
        &p.w.billing
            .ledger_statement_export(&partner, &of_sub, Lang::En)
            .await
            .unwrap(),
    );
    assert_eq!(rows.len(), 1 + 1);
    // Its own statement is still its own.
    let own =
        p.w.billing
            .ledger_statement(&partner, &StatementQuery::default())
            .await
            .unwrap();
    assert_eq!((own.sub_account_id, own.balance_minor), (None, 0));

    // Another partner, a sibling, and the sub-account itself asking for its parent: not found.
    for (who, query) in [
        (&rival, of_sub.clone()),
        (&sibling, of_sub.clone()),
        (
            &sub,
            StatementQuery {
                account: partner.account.id.to_string(),
                ..Default::default()
            },
        ),
    ] {
        assert!(
            matches!(
                p.w.billing.ledger_statement(who, &query).await,
                Err(BillingError::NotFound)
            ),
            "{}",
            who.user.email
        );
        assert!(matches!(
            p.w.billing
                .ledger_statement_export(who, &query, Lang::En)
                .await,
            Err(BillingError::NotFound)
        ));
    }
    // The sub-account reads its own, and is offered no sub-accounts.
    let mine =
        p.w.billing
            .ledger_statement(&sub, &StatementQuery::default())
            .await
            .unwrap();
    assert_eq!(mine.balance_minor, 4_000);
    assert!(mine.sub_accounts.is_empty());
}

#[tokio::test]
async fn the_wizard_offers_a_partner_user_the_partner_and_its_active_sub_accounts_only() {
    let p = partners().await;
    let partner = p.partner("priya@resell.example").await;
    let rival = p.partner("raj@rival.example").await;
    let meera = p
        .sub_account(&partner, "Meera Stores", "meera@meerastores.example", None)
        .await;
    let kiran = p
        .sub_account(
            &partner,
            "Kiran Traders",
            "kiran@kirantraders.example",
            None,
        )
        .await;
    let closed = p
        .sub_account(&partner, "Closed Ltd", "admin@closedltd.example", None)
        .await;
    let theirs = p
        .sub_account(&rival, "Rival Client", "admin@rivalclient.example", None)
        .await;
    p.service
        .set_sub_account_suspended(&partner, closed.account.id, true, None)
        .await
        .unwrap();

    let choices = p
        .service
        .order_for_choices(&partner)
        .await
        .unwrap()
        .expect("a partner administrator chooses");
    assert_eq!(choices.current, partner.account.id);
    let offered: Vec<(i32, bool)> = choices.options.iter().map(|o| (o.id, o.partner)).collect();
    assert_eq!(
        offered,
        vec![
            (partner.account.id, true),
            (kiran.account.id, false),
            (meera.account.id, false),
        ],
        "the partner first, then its active sub-accounts by name; not the suspended one"
    );

    // Another partner's, a suspended or an unknown sub-account is refused and nothing joins.
    for (id, suspended) in [
        (theirs.account.id, false),
        (closed.account.id, true),
        (999_999, false),
    ] {
        let refused = p.service.order_for(&partner, id, None).await;
        if suspended {
            assert!(
                matches!(refused, Err(PartnerError::Refused(_))),
                "{refused:?}"
            );
        } else {
            assert!(
                matches!(refused, Err(PartnerError::NotFound)),
                "{refused:?}"
            );
        }
    }
    // A sub-account's own administrator has nothing to choose and may not move anywhere.
    assert!(p.service.order_for_choices(&kiran).await.unwrap().is_none());
    assert!(matches!(
        p.service.order_for(&kiran, partner.account.id, None).await,
        Err(PartnerError::NotFound)
    ));
    assert!(matches!(
        p.service.order_for(&kiran, meera.account.id, None).await,
        Err(PartnerError::NotFound)
    ));

    // Choosing Kiran Traders makes the partner's user a member there; in it, the wizard still
    // offers the partner and the sibling, and choosing the sibling works from there too.
    p.service
        .order_for(&partner, kiran.account.id, None)
        .await
        .unwrap();
    let session = p.w.h.sign_in("priya@resell.example").await;
    let at_partner = caller(&p.w.h, &session).await;
    p.w.h
        .service
        .switch_account(&at_partner, kiran.account.id, None)
        .await
        .unwrap();
    let in_kiran = caller(&p.w.h, &session).await;
    let there = p
        .service
        .order_for_choices(&in_kiran)
        .await
        .unwrap()
        .expect("still a partner's user");
    assert_eq!(there.current, kiran.account.id);
    assert_eq!(there.options.len(), 3);
    p.service
        .order_for(&in_kiran, meera.account.id, None)
        .await
        .unwrap();
    p.w.h
        .service
        .switch_account(&in_kiran, meera.account.id, None)
        .await
        .unwrap();
    assert_eq!(caller(&p.w.h, &session).await.account.id, meera.account.id);
    // Back to the partner needs no membership change.
    p.service
        .order_for(&in_kiran, partner.account.id, None)
        .await
        .unwrap();

    // A partner user without the right to order for sub-accounts gets no choice.
    p.w.h
        .store
        .execute_raw(&format!(
            "UPDATE memberships SET role = 'basic_user' WHERE user_id = {} AND account_id = {}",
            partner.user.id, partner.account.id
        ))
        .await
        .unwrap();
    let finance = caller(&p.w.h, &session).await;
    assert!(
        p.service
            .order_for_choices(&finance)
            .await
            .unwrap()
            .is_none()
    );
}
