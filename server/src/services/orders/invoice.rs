//! The invoice of a paid order as a PDF (FIN-3): what was charged, when, to which balance,
//! for which certificate. An order is charged once, so its charge is its invoice.

use app::i18n::Msg;
use app::i18n::{Lang, tr, tr_args};
use app::model::Permission;
use app::model::billing::format_money;

use super::{Download, OrderError, OrderService};
use crate::{
    domain::{
        ledger::{Holder, Kind},
        pdf_document::{Column, Document, account_holder},
    },
    services::identity::Caller,
    store::{accounts, group_members, ledger, orders},
};

/// An invoice's number: the charge's ledger transaction, so numbers follow the order in which
/// the account was charged.
pub fn invoice_number(transaction_id: i32) -> String {
    format!("INV-{transaction_id:06}")
}

impl OrderService {
    /// The invoice of a paid order, its fixed words in `lang` (the language of the request
    /// that downloads it).
    pub async fn invoice(
        &self,
        caller: &Caller,
        order_id: i32,
        lang: Lang,
    ) -> Result<Download, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let order = self.visible(caller, order_id).await?;
        if let Some(partner) = order.partner_account_id {
            return self.partner_statement(&order, partner, lang).await;
        }
        let (charge, entries) =
            ledger::order_transaction(&self.store, order.account_id, order.id, Kind::OrderCharge)
                .await?
                .ok_or_else(|| OrderError::Refused(Msg::new("err-order-has-not-been-paid")))?;
        let account = accounts::find(&self.store, order.account_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let names = orders::names(&self.store, order.id).await?;
        // Charges since invoices were numbered per financial year carry their tax invoice.
        let tax =
            crate::store::tax_invoices::for_order(&self.store, order.account_id, order.id).await?;
        let number = tax
            .as_ref()
            .map_or_else(|| invoice_number(charge.id), |t| t.number.clone());
        let money = |minor: i64| format_money(minor, charge.currency.as_str());
        // The payer is the side the charge debited: the account, or a group's own balance.
        let payer = entries
            .iter()
            .find(|e| e.amount_minor < 0)
            .map(|e| *e.holder);
        let paid_from = match payer {
            Some(Holder::Group(id)) => {
                match group_members::group_of_account(&self.store, order.account_id, id).await? {
                    Some(g) => tr_args(lang, "doc-paid-from-group", &[("group", g.name.into())]),
                    None => tr(lang, "doc-paid-from-a-group"),
                }
            }
            _ => tr(lang, "doc-paid-from-account"),
        };
        let taxed = tax.as_ref().filter(|t| t.rate_bp > 0);
        let mut facts_tax = Vec::new();
        let mut closing_tax = Vec::new();
        if let Some(t) = taxed {
            facts_tax.push((
                tr(lang, "doc-seller-gstin"),
                t.seller_gstin.clone().unwrap_or_default(),
            ));
            facts_tax.push((
                tr(lang, "doc-buyer-gstin"),
                t.buyer_gstin
                    .clone()
                    .unwrap_or_else(|| tr(lang, "doc-buyer-unregistered")),
            ));
            facts_tax.push((
                tr(lang, "doc-place-of-supply"),
                t.buyer_state
                    .and_then(|s| u8::try_from(s).ok())
                    .and_then(app::model::gst_states::name)
                    .map_or_else(
                        || tr(lang, "doc-place-unknown"),
                        |(code, name)| format!("{name} ({code:02})"),
                    ),
            ));
            facts_tax.push((tr(lang, "doc-sac"), t.sac.clone()));
            let rate = crate::domain::gst::RateBp(u32::try_from(t.rate_bp).unwrap_or(0));
            closing_tax.push((
                tr_args(
                    lang,
                    "doc-taxable-value",
                    &[("amount", money(t.taxable_minor).into())],
                ),
                false,
            ));
            if t.igst_minor > 0 || (t.cgst_minor == 0 && t.sgst_minor == 0) {
                closing_tax.push((
                    tr_args(
                        lang,
                        "doc-igst",
                        &[
                            ("rate", rate.percent_text().into()),
                            ("amount", money(t.igst_minor).into()),
                        ],
                    ),
                    false,
                ));
            } else {
                for (key, amount) in [("doc-cgst", t.cgst_minor), ("doc-sgst", t.sgst_minor)] {
                    closing_tax.push((
                        tr_args(
                            lang,
                            key,
                            &[
                                ("rate", rate.half().percent_text().into()),
                                ("amount", money(amount).into()),
                            ],
                        ),
                        false,
                    ));
                }
            }
        } else if charge.currency.as_str() == "INR" {
            closing_tax.push((tr(lang, "doc-no-gst"), false));
        }
        let doc = Document {
            title: tr_args(
                lang,
                if taxed.is_some() {
                    "doc-tax-invoice-title"
                } else {
                    "doc-invoice-title"
                },
                &[("number", number.as_str().into())],
            ),
            facts: vec![
                (
                    tr(lang, "doc-invoice-date"),
                    app::model::Day::from(charge.created_at).text(lang),
                ),
                (
                    tr(lang, "doc-billed-to"),
                    account_holder(lang, &account.name, account.id),
                ),
                (tr(lang, "doc-country"), account.country.clone()),
                (tr(lang, "doc-order"), format!("#{}", order.id)),
                (
                    tr(lang, "doc-order-placed"),
                    app::model::Day::from(order.created_at).text(lang),
                ),
                (tr(lang, "doc-paid-from"), paid_from),
            ]
            .into_iter()
            .chain(facts_tax)
            .collect(),
            columns: order_columns(lang),
            rows: vec![order_row(
                lang,
                &order,
                money(taxed.map_or(charge.amount_minor, |t| t.taxable_minor)),
            )],
            closing: closing_tax
                .into_iter()
                .chain([
                    (
                        tr_args(
                            lang,
                            "doc-total-charged",
                            &[("amount", money(charge.amount_minor).into())],
                        ),
                        true,
                    ),
                    (
                        tr_args(lang, "doc-names", &[("names", names.join(", ").into())]),
                        false,
                    ),
                    (tr(lang, "doc-prepaid-nothing-due"), false),
                ])
                .collect(),
            created: Some(self.clock.now()),
        };
        Ok(Download {
            // A tax invoice's number has slashes (RL/2026-27/00001); a file name cannot.
            file_name: format!("{}.pdf", number.replace('/', "-")),
            content_type: "application/pdf",
            bytes: doc.render(),
        })
    }
}

impl OrderService {
    /// A sub-account's paid order: the partner paid the operator (the operator's invoice is
    /// the partner's), so the sub-account gets the partner's statement of what it owes the
    /// partner for the order, at the sub-account's price, not an operator tax invoice.
    async fn partner_statement(
        &self,
        order: &crate::store::OrderRow,
        partner_id: i32,
        lang: Lang,
    ) -> Result<Download, OrderError> {
        let (charge, _) =
            ledger::order_transaction(&self.store, partner_id, order.id, Kind::OrderCharge)
                .await?
                .ok_or_else(|| OrderError::Refused(Msg::new("err-order-has-not-been-paid")))?;
        let partner = accounts::find(&self.store, partner_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let account = accounts::find(&self.store, order.account_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let names = orders::names(&self.store, order.id).await?;
        let number = partner_statement_number(order.id);
        let money = |minor: i64| format_money(minor, order.currency.as_str());
        let doc = Document {
            title: tr_args(
                lang,
                "doc-partner-statement-title",
                &[("number", number.as_str().into())],
            ),
            facts: vec![
                (tr(lang, "doc-issued-by"), partner.name.clone()),
                (
                    tr(lang, "doc-invoice-date"),
                    app::model::Day::from(charge.created_at).text(lang),
                ),
                (
                    tr(lang, "doc-billed-to"),
                    account_holder(lang, &account.name, account.id),
                ),
                (tr(lang, "doc-country"), account.country.clone()),
                (tr(lang, "doc-order"), format!("#{}", order.id)),
                (
                    tr(lang, "doc-order-placed"),
                    app::model::Day::from(order.created_at).text(lang),
                ),
            ],
            columns: order_columns(lang),
            rows: vec![order_row(lang, order, money(order.price_minor))],
            closing: vec![
                (
                    tr_args(
                        lang,
                        "doc-total-owed-partner",
                        &[
                            ("amount", money(order.price_minor).into()),
                            ("partner", partner.name.as_str().into()),
                        ],
                    ),
                    true,
                ),
                (
                    tr_args(lang, "doc-names", &[("names", names.join(", ").into())]),
                    false,
                ),
                (
                    tr_args(
                        lang,
                        "doc-partner-statement-note",
                        &[("partner", partner.name.as_str().into())],
                    ),
                    false,
                ),
            ],
            created: Some(self.clock.now()),
        };
        Ok(Download {
            file_name: format!("{number}.pdf"),
            content_type: "application/pdf",
            bytes: doc.render(),
        })
    }
}

/// A partner's statement to its sub-account for one order.
pub fn partner_statement_number(order_id: i32) -> String {
    format!("PS-{order_id:06}")
}

/// The columns of an order's invoice or statement: what, for how long, how much.
fn order_columns(lang: Lang) -> Vec<Column> {
    [
        ("doc-description", 0.0),
        ("doc-validity", 280.0),
        ("doc-amount", 380.0),
    ]
    .into_iter()
    .map(|(key, x)| Column {
        heading: tr(lang, key),
        x,
    })
    .collect()
}

/// The order's one line under [`order_columns`], at `amount`.
fn order_row(lang: Lang, order: &crate::store::OrderRow, amount: String) -> Vec<String> {
    vec![
        order.product_name.clone(),
        tr_args(
            lang,
            "doc-validity-days",
            &[("days", order.validity_days.into())],
        ),
        amount,
    ]
}
