//! `/billing/statement` (FIN-2, the seeds' "Ledger statement"): the account's credits and
//! debits with the balance after each, filtered by period, type and group, on the page and as
//! an Excel workbook. A partner reads each of its sub-accounts' statements the same way; any
//! other account's id answers "not found".

use std::collections::HashMap;

use app::i18n::{Lang, Msg, tr};
use app::model::{
    FieldErrors, Money, Permission,
    statement::{StatementChoice, StatementFilter, StatementQuery, StatementView},
};
use chrono::{DateTime, Days, Utc};
use rust_xlsxwriter::{Format, Workbook};

use super::{BillingError, BillingService, group_names, held_group, line, statement_page};
use crate::{
    domain::ledger::Holder,
    services::{identity::Caller, partners::reach},
    store::{AccountRow, Db, ledger, ledger::LedgerFilter},
};

/// The most transactions one export holds; narrow the period for more.
pub const STATEMENT_EXPORT_LIMIT: u64 = 50_000;

/// The file name the export downloads as.
pub const STATEMENT_XLSX: &str = "rootline-statement.xlsx";

/// Whose statement, and which of its transactions.
struct Subject {
    account: AccountRow,
    filter: LedgerFilter,
    /// Set when a partner reads a sub-account's statement.
    sub_account: bool,
}

/// The first instant of `day` (UTC).
fn start_of(day: app::model::Day) -> Option<DateTime<Utc>> {
    day.date()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
}

impl BillingService {
    /// The statement the filters select. Needs `ViewFinance`; a sub-account's needs the
    /// caller's account to be its partner (and a Sub Account User to look after it).
    pub async fn ledger_statement(
        &self,
        caller: &Caller,
        query: &StatementQuery,
    ) -> Result<StatementView, BillingError> {
        caller.require(Permission::ViewFinance)?;
        let checked = query.validate().map_err(BillingError::Invalid)?;
        let db = self.store.reads();
        let reachable = reach::reachable(&db, caller).await?;
        let subject = subject(&db, caller, &reachable, &checked).await?;
        let account_id = subject.account.id;
        let currency = *subject.account.currency;
        let statement = statement_page(
            &db,
            account_id,
            currency.as_str(),
            subject.filter,
            checked.page,
        )
        .await?;
        let balance = ledger::balance(&db, account_id, Holder::Account).await?;
        let opening = match subject.filter.from {
            Some(from) => ledger::balance_before(&db, account_id, Holder::Account, from).await?,
            None => 0,
        };
        let closing = match subject.filter.until {
            Some(until) => ledger::balance_before(&db, account_id, Holder::Account, until).await?,
            None => balance,
        };
        let (credits, debits) =
            ledger::credits_and_debits(&db, account_id, Holder::Account, subject.filter).await?;
        let groups = crate::store::groups::for_account(&db, account_id)
            .await?
            .into_iter()
            .map(|g| StatementChoice {
                id: g.id,
                name: g.name,
            })
            .collect();
        Ok(StatementView {
            account_name: subject.account.name.clone(),
            sub_account_id: subject.sub_account.then_some(account_id),
            currency: currency.as_str().to_owned(),
            balance_minor: balance,
            opening_minor: opening,
            closing_minor: closing,
            credits_minor: credits,
            debits_minor: debits,
            groups,
            sub_accounts: reachable
                .into_iter()
                .map(|a| StatementChoice {
                    id: a.id,
                    name: a.name,
                })
                .collect(),
            statement,
        })
    }

    /// Every transaction the filters select (up to [`STATEMENT_EXPORT_LIMIT`], newest first)
    /// as a workbook in `lang`, with the same checks as the page.
    pub async fn ledger_statement_export(
        &self,
        caller: &Caller,
        query: &StatementQuery,
        lang: Lang,
    ) -> Result<Vec<u8>, BillingError> {
        caller.require(Permission::ViewFinance)?;
        let checked = query.validate().map_err(BillingError::Invalid)?;
        let db = self.store.reads();
        let reachable = reach::reachable(&db, caller).await?;
        let subject = subject(&db, caller, &reachable, &checked).await?;
        let account_id = subject.account.id;
        let (rows, _) =
            ledger::page(&db, account_id, subject.filter, 0, STATEMENT_EXPORT_LIMIT).await?;
        // The balances after each transaction (as `ledger::balance_after` counts them: every
        // entry of a transaction with the same or a lower id), from one pass over the
        // account's entries rather than a query per row.
        let mut entries = ledger::entries_of_account(&db, account_id).await?;
        entries.sort_by_key(|e| (e.transaction_id, e.id));
        let mut running: HashMap<Holder, i64> = HashMap::new();
        let mut account_after: HashMap<i32, i64> = HashMap::new();
        let mut group_after: HashMap<(i32, i32), i64> = HashMap::new();
        for e in entries {
            let sum = running.entry(*e.holder).or_insert(0);
            *sum = sum.saturating_add(e.amount_minor);
            if let Holder::Group(g) = *e.holder {
                group_after.insert((e.transaction_id, g), *sum);
            }
            account_after.insert(
                e.transaction_id,
                running.get(&Holder::Account).copied().unwrap_or(0),
            );
        }
        let names = group_names(&db, account_id).await?;
        let lines: Vec<_> = rows
            .into_iter()
            .map(|r| {
                let id = r.transaction.id;
                let account = account_after.get(&id).copied().unwrap_or(0);
                let group = held_group(&r).and_then(|g| group_after.get(&(id, g)).copied());
                line(r, &names, account, group)
            })
            .collect();
        let currency = *subject.account.currency;
        let fail = |e: rust_xlsxwriter::XlsxError| {
            BillingError::Refused(Msg::new("err-billing-refused").arg("detail", e.to_string()))
        };
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet
            .set_name(tr(lang, "xlsx-statement-sheet"))
            .map_err(fail)?;
        let bold = Format::new().set_bold();
        let amount = Format::new().set_num_format("#,##0.00");
        let headers = [
            tr(lang, "xlsx-time"),
            tr(lang, "xlsx-statement-type"),
            tr(lang, "xlsx-statement-remarks"),
            tr(lang, "xlsx-statement-group"),
            tr(lang, "xlsx-order"),
            tr(lang, "xlsx-prices-currency"),
            tr(lang, "xlsx-statement-credit"),
            tr(lang, "xlsx-statement-debit"),
            tr(lang, "xlsx-statement-balance"),
            tr(lang, "xlsx-statement-group-balance"),
            tr(lang, "xlsx-user"),
        ];
        for (col, title) in (0u16..).zip(headers) {
            sheet
                .write_string_with_format(0, col, title, &bold)
                .map_err(fail)?;
        }
        let major = |minor: i64| Money::new(minor, currency).major_units();
        for (row, l) in (1u32..).zip(lines) {
            let at = l.at.text(Lang::En);
            sheet.write_string(row, 0, at).map_err(fail)?;
            sheet
                .write_string(row, 1, tr(lang, l.kind.key()))
                .map_err(fail)?;
            sheet.write_string(row, 2, &l.memo).map_err(fail)?;
            sheet
                .write_string(row, 3, l.group_name.as_deref().unwrap_or(""))
                .map_err(fail)?;
            if let Some(order) = l.order_id {
                sheet.write_number(row, 4, f64::from(order)).map_err(fail)?;
            }
            sheet
                .write_string(row, 5, currency.as_str())
                .map_err(fail)?;
            let change = if l.account_change_minor != 0 {
                l.account_change_minor
            } else {
                l.group_change_minor
            };
            if change > 0 {
                sheet
                    .write_number_with_format(row, 6, major(change), &amount)
                    .map_err(fail)?;
            } else if change < 0 {
                sheet
                    .write_number_with_format(row, 7, major(change.saturating_neg()), &amount)
                    .map_err(fail)?;
            }
            sheet
                .write_number_with_format(row, 8, major(l.account_balance_minor), &amount)
                .map_err(fail)?;
            if let Some(g) = l.group_balance_minor {
                sheet
                    .write_number_with_format(row, 9, major(g), &amount)
                    .map_err(fail)?;
            }
            sheet.write_string(row, 10, &l.actor).map_err(fail)?;
        }
        book.save_to_buffer().map_err(fail)
    }
}

/// The account whose statement the filters ask for, and the ledger filter. Another account's
/// id, or a sub-account a partner's user does not look after, is "not found"; a group that
/// is not the subject's is refused on its field.
async fn subject(
    db: &impl Db,
    caller: &Caller,
    reachable: &[AccountRow],
    checked: &StatementFilter,
) -> Result<Subject, BillingError> {
    let (account, sub_account) = match checked.account {
        None => (caller.account.clone(), false),
        Some(id) if id == caller.account.id => (caller.account.clone(), false),
        Some(id) => (
            reachable
                .iter()
                .find(|a| a.id == id)
                .cloned()
                .ok_or(BillingError::NotFound)?,
            true,
        ),
    };
    if let Some(g) = checked.group
        && !crate::store::groups::for_account(db, account.id)
            .await?
            .iter()
            .any(|row| row.id == g)
    {
        return Err(BillingError::Invalid(FieldErrors::single(
            "group",
            Msg::new("err-statement-group"),
        )));
    }
    let from = checked.from.and_then(start_of);
    // The end of the last day: the start of the next.
    let until = checked
        .to
        .and_then(|d| d.date())
        .and_then(|d| d.checked_add_days(Days::new(1)))
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc());
    Ok(Subject {
        filter: LedgerFilter {
            group_id: checked.group,
            kind: checked.kind,
            from,
            until,
        },
        account,
        sub_account,
    })
}
