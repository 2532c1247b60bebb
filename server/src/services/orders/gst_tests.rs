//! GST on INR orders: CGST + SGST within the operator's state, IGST across states, none on
//! USD, the balance debited price plus tax, and invoice numbers consecutive in the financial
//! year with no gap left by a refused charge.

use app::i18n::Lang;
use app::model::gst_states::TaxDetailsForm;

use super::test_support::{World, world_with_gst};
use crate::{
    domain::{
        gst::{DEFAULT_RATE, GstSettings, financial_year, invoice_number},
        ledger::Holder,
    },
    services::{catalog::test_support::administrator, identity::Caller},
    store::{ledger, tax_invoices},
};

fn operator_gst() -> GstSettings {
    GstSettings {
        gstin: "27AAPFU0939F1ZV".into(),
        state: 27,
        rate: DEFAULT_RATE,
        sac: "998315".into(),
    }
}

/// An INR account in `state`, with credits.
async fn inr_account(w: &World, email: &str, state: &str) -> Caller {
    let who = administrator(&w.h, email).await;
    w.h.store
        .execute_raw(&format!(
            "UPDATE accounts SET currency = 'INR' WHERE id = {}",
            who.account.id
        ))
        .await
        .unwrap();
    let token = w.h.sign_in(email).await;
    let who = crate::services::catalog::test_support::caller(&w.h, &token).await;
    w.billing
        .set_tax_details(
            &who,
            &TaxDetailsForm {
                gstin: String::new(),
                state: state.into(),
            },
            None,
        )
        .await
        .unwrap();
    who
}

async fn inr_order(w: &World, who: &Caller, name: &str) -> i32 {
    let offers = w.catalog.offers(who, "INR").await.unwrap();
    let dv = offers
        .iter()
        .find(|o| o.kind == app::model::products::ProductKind::DvSingle)
        .unwrap();
    let mut form = w.form(who, name, None).await;
    form.product_id = dv.id;
    form.validity_days = dv.validity_days.iter().copied().max().unwrap();
    w.orders.place(who, &form.to_command()).await.unwrap().id
}

#[tokio::test]
async fn inr_orders_carry_cgst_and_sgst_within_the_state_and_igst_across_states_numbered_in_turn() {
    let w = world_with_gst(operator_gst()).await;
    let mumbai = inr_account(&w, "meera@mumbai.example", "27").await;
    let bengaluru = inr_account(&w, "arjun@bengaluru.example", "29").await;
    w.credit(mumbai.account.id, "10000").await;
    // Not enough for the price with its tax: refused, and no invoice number is used up.
    w.credit(bengaluru.account.id, "4000").await;
    let offers = w.catalog.offers(&bengaluru, "INR").await.unwrap();
    let form = w.form(&bengaluru, "shop.bengaluru.in", None).await;
    let mut form = form;
    let dv = offers
        .iter()
        .find(|o| o.kind == app::model::products::ProductKind::DvSingle)
        .unwrap();
    form.product_id = dv.id;
    form.validity_days = dv.validity_days.iter().copied().max().unwrap();
    let price = dv.prices.iter().map(|p| p.base_minor).max().unwrap();
    assert!(
        w.orders
            .place(&bengaluru, &form.to_command())
            .await
            .is_err()
    );

    let within = inr_order(&w, &mumbai, "shop.mumbai.in").await;
    let tax = (price * 1800 + 5_000) / 10_000;
    let row = tax_invoices::for_order(&w.h.store, mumbai.account.id, within)
        .await
        .unwrap()
        .unwrap();
    let now = crate::ports::Clock::now(w.h.clock.as_ref());
    let year = financial_year((now + chrono::Duration::minutes(330)).date_naive());
    assert_eq!(
        row.number,
        invoice_number(year, 1),
        "the refused charge used no number"
    );
    assert_eq!(row.cgst_minor + row.sgst_minor, tax);
    assert_eq!(row.igst_minor, 0);
    assert_eq!(row.taxable_minor, price);
    assert_eq!(
        ledger::balance(&w.h.store, mumbai.account.id, Holder::Account)
            .await
            .unwrap(),
        1_000_000 - price - tax,
        "the balance pays the price and its tax"
    );

    w.credit(bengaluru.account.id, "6000").await;
    let across = inr_order(&w, &bengaluru, "shop.bengaluru.in").await;
    let row = tax_invoices::for_order(&w.h.store, bengaluru.account.id, across)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.number, invoice_number(year, 2));
    assert_eq!(
        (row.cgst_minor, row.sgst_minor, row.igst_minor),
        (0, 0, tax)
    );

    // The PDF says so.
    let pdf = w.orders.invoice(&mumbai, within, Lang::En).await.unwrap();
    assert!(pdf.file_name.starts_with("RL-"), "{}", pdf.file_name);
    let text = crate::domain::pdf_document::tests::pdf_text(&pdf.bytes);
    assert!(text.contains("Tax invoice RL/"), "{text}");
    assert!(text.contains("CGST at 9%"), "{text}");
    assert!(text.contains("SGST at 9%"), "{text}");
    assert!(
        text.contains("27AAPFU0939F1ZV"),
        "the supplier's GSTIN: {text}"
    );
    let pdf = w
        .orders
        .invoice(&bengaluru, across, Lang::En)
        .await
        .unwrap();
    let text = crate::domain::pdf_document::tests::pdf_text(&pdf.bytes);
    assert!(text.contains("IGST at 18%"), "{text}");
    assert!(
        text.contains("Karnataka (29)"),
        "the place of supply: {text}"
    );

    // A USD order carries no tax but takes the next number.
    let usd = &w.admin;
    w.credit(usd.account.id, "100").await;
    let form = w.form(usd, "shop.acme.com", None).await;
    let placed = w.orders.place(usd, &form.to_command()).await.unwrap();
    let row = tax_invoices::for_order(&w.h.store, usd.account.id, placed.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.number, invoice_number(year, 3));
    assert_eq!(row.rate_bp, 0);
    assert_eq!(row.cgst_minor + row.sgst_minor + row.igst_minor, 0);
}

#[tokio::test]
async fn a_gstin_must_be_valid_and_of_the_chosen_state() {
    let w = world_with_gst(operator_gst()).await;
    let who = inr_account(&w, "meera@mumbai.example", "27").await;
    for (gstin, state, field) in [
        ("27AAPFU0939F1ZW", "27", "gstin"),
        ("27AAPFU0939F1ZV", "29", "gstin"),
        ("", "25", "state"),
        ("", "", "state"),
    ] {
        let e = w
            .billing
            .set_tax_details(
                &who,
                &TaxDetailsForm {
                    gstin: gstin.into(),
                    state: state.into(),
                },
                None,
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&e, crate::services::billing::BillingError::Invalid(f) if f.get(field).is_some()),
            "{gstin} {state}: {e:?}"
        );
    }
    w.billing
        .set_tax_details(
            &who,
            &TaxDetailsForm {
                gstin: "27aapfu0939f1zv".into(),
                state: "27".into(),
            },
            None,
        )
        .await
        .unwrap();
    let details = w.billing.tax_details(&who).await.unwrap();
    assert_eq!(details.gstin.as_deref(), Some("27AAPFU0939F1ZV"));
    assert_eq!(details.state, Some(27));
}
