//! The credit note of a refunded order as a PDF to download (seeds: "Download Credit
//! Note ... with all the payment information").

use app::i18n::{Lang, tr, tr_args};
use app::model::Permission;
use app::model::{billing::format_money, order_actions::credit_note_number};

use super::{Download, OrderError, OrderService};
use crate::{
    domain::pdf_document::{Document, account_holder},
    services::identity::Caller,
    store::{accounts, credit_notes},
};

impl OrderService {
    /// A credit note of an order, its fixed words in `lang` (the language of the request that
    /// downloads it).
    pub async fn credit_note(
        &self,
        caller: &Caller,
        order_id: i32,
        note_id: i32,
        lang: Lang,
    ) -> Result<Download, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let order = self.visible(caller, order_id).await?;
        let note = credit_notes::get(&self.store, order.account_id, note_id)
            .await?
            .filter(|n| n.order_id == order.id)
            .ok_or(OrderError::NotFound)?;
        let account = accounts::find(&self.store, order.account_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let number = credit_note_number(note.id);
        let money = |minor: i64| format_money(minor, note.currency.as_str());
        let doc = Document {
            title: tr_args(
                lang,
                "doc-credit-note-title",
                &[("number", number.as_str().into())],
            ),
            facts: vec![
                (
                    tr(lang, "doc-date"),
                    app::model::Day::from(note.created_at).text(lang),
                ),
                (
                    tr(lang, "doc-issued-to"),
                    account_holder(lang, &account.name, account.id),
                ),
                (
                    tr(lang, "doc-order"),
                    format!("#{} {}", order.id, order.product_name),
                ),
                (
                    tr(lang, "doc-order-placed"),
                    app::model::Day::from(order.created_at).text(lang),
                ),
                (
                    tr(lang, "doc-amount-charged"),
                    format_money(order.price_minor, order.currency.as_str()),
                ),
                (tr(lang, "doc-reason"), note.remarks.clone()),
            ],
            closing: vec![
                (
                    tr_args(
                        lang,
                        "doc-amount-credited",
                        &[("amount", money(note.amount_minor).into())],
                    ),
                    true,
                ),
                (tr(lang, "doc-credited-to-balance"), false),
            ],
            created: Some(note.created_at),
            ..Default::default()
        };
        Ok(Download {
            file_name: format!("{number}.pdf"),
            content_type: "application/pdf",
            bytes: doc.render(),
        })
    }
}
