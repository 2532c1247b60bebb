//! The credit note of a refunded order as a PDF to download (seeds: "Download Credit
//! Note ... with all the payment information").

use app::model::Permission;
use app::model::{billing::format_money, order_actions::credit_note_number};

use super::{Download, OrderError, OrderService};
use crate::{
    domain::pdf_document::Document,
    services::identity::Caller,
    store::{accounts, credit_notes},
};

impl OrderService {
    pub async fn credit_note(
        &self,
        caller: &Caller,
        order_id: i32,
        note_id: i32,
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
            title: format!("Credit note {number}"),
            facts: vec![
                (
                    "Date".into(),
                    note.created_at.format("%Y-%m-%d").to_string(),
                ),
                (
                    "Issued to".into(),
                    format!("{} (account {})", account.name, account.id),
                ),
                (
                    "Order".into(),
                    format!("#{} {}", order.id, order.product_name),
                ),
                (
                    "Order placed".into(),
                    order.created_at.format("%Y-%m-%d").to_string(),
                ),
                (
                    "Amount charged".into(),
                    format_money(order.price_minor, order.currency.as_str()),
                ),
                ("Reason".into(), note.remarks.clone()),
            ],
            closing: vec![
                (
                    format!("Amount credited: {}", money(note.amount_minor)),
                    true,
                ),
                (
                    "Credited to the balance the order was paid from.".into(),
                    false,
                ),
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
