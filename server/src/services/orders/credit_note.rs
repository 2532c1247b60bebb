//! The credit note of a refunded order as a document to download (seeds: "Download Credit
//! Note ... with all the payment information").

use app::model::{billing::format_money, order_actions::credit_note_number};

use super::{Download, OrderError, OrderService};
use crate::{
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
        let order = self.visible(caller, order_id).await?;
        let note = credit_notes::get(&self.store, order.account_id, note_id)
            .await?
            .filter(|n| n.order_id == order.id)
            .ok_or(OrderError::NotFound)?;
        let account = accounts::find(&self.store, order.account_id)
            .await?
            .ok_or(OrderError::NotFound)?;
        let number = credit_note_number(note.id);
        let text = format!(
            "CREDIT NOTE {number}\n\
             Date: {}\n\n\
             Issued to: {} (account {})\n\
             Order: #{} {}\n\
             Order placed: {}\n\
             Amount charged: {}\n\
             Amount credited: {}\n\
             Credited to: the balance the order was paid from\n\
             Reason: {}\n\n\
             Rootline\n",
            note.created_at.format("%Y-%m-%d"),
            account.name,
            account.id,
            order.id,
            order.product_name,
            order.created_at.format("%Y-%m-%d"),
            format_money(order.price_minor, &order.currency),
            format_money(note.amount_minor, &note.currency),
            note.remarks,
        );
        Ok(Download {
            file_name: format!("{number}.txt"),
            content_type: "text/plain; charset=utf-8",
            bytes: text.into_bytes(),
        })
    }
}
