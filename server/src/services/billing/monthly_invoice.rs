//! The monthly invoice (FIN-3): every order charged to the account in a calendar month (UTC),
//! less what was refunded in it, as a PDF for the finance team.

use app::model::{
    FieldErrors, Permission,
    billing::{format_money, month_label, parse_month},
};
use chrono::{TimeZone, Utc};

use super::{BillingError, BillingService};
use crate::{
    domain::{
        ledger::Kind,
        pdf_document::{Column, Document},
    },
    services::identity::Caller,
    store::ledger,
};

/// A monthly invoice, ready to send.
pub struct MonthlyInvoice {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

fn bad_month(message: &str) -> BillingError {
    BillingError::Invalid(FieldErrors::single("month", message))
}

impl BillingService {
    pub async fn monthly_invoice(
        &self,
        caller: &Caller,
        month: &str,
    ) -> Result<MonthlyInvoice, BillingError> {
        caller.require(Permission::ViewFinance)?;
        let (year, number) = parse_month(month)
            .ok_or_else(|| bad_month("Choose a month as YYYY-MM, e.g. 2026-11."))?;
        let start = |y: i32, m: u32| Utc.with_ymd_and_hms(y, m, 1, 0, 0, 0).single();
        let from = start(year, number).ok_or_else(|| bad_month("No such month."))?;
        let to = if number == 12 {
            start(year + 1, 1)
        } else {
            start(year, number + 1)
        }
        .ok_or_else(|| bad_month("No such month."))?;
        let now = self.clock.now();
        if from > now {
            return Err(bad_month("That month has not begun yet."));
        }
        let account = &caller.account;
        let rows = ledger::of_kinds_between(
            &self.store,
            account.id,
            &[Kind::OrderCharge, Kind::OrderRefund],
            from,
            to,
        )
        .await?;
        let money = |minor: i64| format_money(minor, account.currency.as_str());
        let mut charged = 0i64;
        let mut refunded = 0i64;
        let lines: Vec<Vec<String>> = rows
            .iter()
            .map(|t| {
                let refund = *t.kind == Kind::OrderRefund;
                if refund {
                    refunded += t.amount_minor;
                } else {
                    charged += t.amount_minor;
                }
                vec![
                    t.created_at.format("%Y-%m-%d").to_string(),
                    t.memo.clone(),
                    money(if refund {
                        -t.amount_minor
                    } else {
                        t.amount_minor
                    }),
                ]
            })
            .collect();
        let label = month_label(month);
        let number_text = format!("MI-{:06}-{month}", account.id);
        let mut closing = vec![
            (format!("Charged: {}", money(charged)), false),
            (format!("Refunded: {}", money(refunded)), false),
            (
                format!("Total for {label}: {}", money(charged - refunded)),
                true,
            ),
        ];
        if lines.is_empty() {
            closing.insert(
                0,
                (
                    format!("No orders were charged or refunded in {label}."),
                    false,
                ),
            );
        }
        closing.push(("Paid from prepaid credits; nothing is due.".into(), false));
        let doc = Document {
            title: format!("Monthly invoice {number_text}"),
            facts: vec![
                ("Period".into(), format!("{label} (UTC)")),
                (
                    "Billed to".into(),
                    format!("{} (account {})", account.name, account.id),
                ),
                ("Currency".into(), account.currency.text()),
                ("Issued".into(), now.format("%Y-%m-%d").to_string()),
            ],
            columns: vec![
                Column {
                    heading: "Date",
                    x: 0.0,
                },
                Column {
                    heading: "Description",
                    x: 80.0,
                },
                Column {
                    heading: "Amount",
                    x: 380.0,
                },
            ],
            rows: lines,
            closing,
            created: Some(now),
        };
        Ok(MonthlyInvoice {
            file_name: format!("{number_text}.pdf"),
            bytes: doc.render(),
        })
    }
}
