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
        let (charge, entries) =
            ledger::order_transaction(&self.store, order.account_id, order.id, Kind::OrderCharge)
                .await?
                .ok_or_else(|| OrderError::Refused(Msg::new("err-order-has-not-been-paid")))?;
        let account = accounts::find(&self.store, order.account_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let names = orders::names(&self.store, order.id).await?;
        let number = invoice_number(charge.id);
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
        let doc = Document {
            title: tr_args(
                lang,
                "doc-invoice-title",
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
            ],
            columns: vec![
                Column {
                    heading: tr(lang, "doc-description"),
                    x: 0.0,
                },
                Column {
                    heading: tr(lang, "doc-validity"),
                    x: 280.0,
                },
                Column {
                    heading: tr(lang, "doc-amount"),
                    x: 380.0,
                },
            ],
            rows: vec![vec![
                order.product_name.clone(),
                tr_args(
                    lang,
                    "doc-validity-days",
                    &[("days", order.validity_days.into())],
                ),
                money(charge.amount_minor),
            ]],
            closing: vec![
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
