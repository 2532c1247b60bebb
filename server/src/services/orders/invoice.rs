//! The invoice of a paid order as a PDF (FIN-3): what was charged, when, to which balance,
//! for which certificate. An order is charged once, so its charge is its invoice.

use app::model::Permission;
use app::model::billing::format_money;

use super::{Download, OrderError, OrderService};
use crate::{
    domain::{
        ledger::{Holder, Kind},
        pdf_document::{Column, Document},
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
    pub async fn invoice(&self, caller: &Caller, order_id: i32) -> Result<Download, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let order = self.visible(caller, order_id).await?;
        let (charge, entries) =
            ledger::order_transaction(&self.store, order.account_id, order.id, Kind::OrderCharge)
                .await?
                .ok_or_else(|| {
                    OrderError::Refused(
                        "This order has not been paid, so it has no invoice yet.".into(),
                    )
                })?;
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
                    Some(g) => format!("The balance of the group {}", g.name),
                    None => "A group's balance".to_owned(),
                }
            }
            _ => "The account balance".to_owned(),
        };
        let doc = Document {
            title: format!("Invoice {number}"),
            facts: vec![
                (
                    "Invoice date".into(),
                    charge.created_at.format("%Y-%m-%d").to_string(),
                ),
                (
                    "Billed to".into(),
                    format!("{} (account {})", account.name, account.id),
                ),
                ("Country".into(), account.country.clone()),
                ("Order".into(), format!("#{}", order.id)),
                (
                    "Order placed".into(),
                    order.created_at.format("%Y-%m-%d").to_string(),
                ),
                ("Paid from".into(), paid_from),
            ],
            columns: vec![
                Column {
                    heading: "Description",
                    x: 0.0,
                },
                Column {
                    heading: "Validity",
                    x: 280.0,
                },
                Column {
                    heading: "Amount",
                    x: 380.0,
                },
            ],
            rows: vec![vec![
                order.product_name.clone(),
                format!("{} days", order.validity_days),
                money(charge.amount_minor),
            ]],
            closing: vec![
                (
                    format!("Total charged: {}", money(charge.amount_minor)),
                    true,
                ),
                (format!("Names: {}", names.join(", ")), false),
                (
                    "Paid from prepaid credits; nothing is due.".to_owned(),
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
