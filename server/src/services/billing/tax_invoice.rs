//! An operator charge with its tax invoice (FIN-4): GST on INR charges when the operator has a
//! GSTIN (CGST + SGST within the operator's state, IGST across states, the buyer's state being
//! its place of supply), debited with the price, and the invoice numbered consecutively in its
//! financial year, in the same transaction as the charge.

use app::model::Currency;
use chrono::{DateTime, Utc};

use super::{BillingError, OrderCharge, charge::charge_order_transaction};
use crate::{
    domain::gst::{self, GstSettings, GstSplit},
    store::{
        Tx, accounts,
        tax_invoices::{self, NewTaxInvoice, TaxInvoiceRow},
    },
};

/// The Indian calendar day decides the financial year (India Standard Time, UTC+05:30).
fn indian_day(at: DateTime<Utc>) -> chrono::NaiveDate {
    (at + chrono::Duration::minutes(5 * 60 + 30)).date_naive()
}

/// The GST on a charge of `taxable_minor` to an account, or `None` (USD, or no GSTIN).
pub fn gst_on(
    gst: Option<&GstSettings>,
    currency: Currency,
    buyer_state: Option<i32>,
    taxable_minor: i64,
) -> Option<GstSplit> {
    let settings = gst?;
    if currency != Currency::Inr {
        return None;
    }
    let same_state = buyer_state == Some(i32::from(settings.state));
    Some(gst::split(taxable_minor, settings.rate, same_state))
}

/// Charges the order's price plus any GST to the payer and records the invoice with its
/// number. Fails, changing nothing, as `charge_order` does.
pub async fn charge_with_invoice(
    tx: &Tx,
    charge: OrderCharge<'_>,
    gst: Option<&GstSettings>,
    actor_user_id: Option<i32>,
    at: DateTime<Utc>,
) -> Result<TaxInvoiceRow, BillingError> {
    let buyer = accounts::find(tx, charge.account_id)
        .await?
        .ok_or(BillingError::NotFound)?;
    let currency = *buyer.currency;
    let split = gst_on(gst, currency, buyer.gst_state, charge.amount_minor);
    let total = split.map_or(charge.amount_minor, |s| s.total_minor());
    let (account_id, order_id) = (charge.account_id, charge.order_id);
    let transaction_id = charge_order_transaction(
        tx,
        OrderCharge {
            amount_minor: total,
            ..charge
        },
        actor_user_id,
        at,
    )
    .await?;
    let year = gst::financial_year(indian_day(at));
    let sequence = tax_invoices::next_sequence(tx, year).await?;
    let number = gst::invoice_number(year, u32::try_from(sequence).unwrap_or(u32::MAX));
    let taxed = split.is_some();
    Ok(tax_invoices::insert(
        tx,
        NewTaxInvoice {
            account_id,
            order_id,
            transaction_id,
            financial_year: year,
            sequence,
            number: &number,
            currency,
            taxable_minor: split.map_or(total, |s| s.taxable_minor),
            cgst_minor: split.map_or(0, |s| s.cgst_minor),
            sgst_minor: split.map_or(0, |s| s.sgst_minor),
            igst_minor: split.map_or(0, |s| s.igst_minor),
            rate_bp: if taxed {
                gst.map_or(0, |g| i32::try_from(g.rate.0).unwrap_or(0))
            } else {
                0
            },
            sac: gst.map_or(gst::DEFAULT_SAC, |g| g.sac.as_str()),
            seller_gstin: gst.filter(|_| taxed).map(|g| g.gstin.as_str()),
            seller_state: gst.filter(|_| taxed).map(|g| i32::from(g.state)),
            buyer_gstin: buyer.gstin.as_deref().filter(|_| taxed),
            buyer_state: buyer.gst_state.filter(|_| taxed),
            at,
        },
    )
    .await?)
}
