//! The partner's orders report (the seeds' "Orders Report", FIN-4): every order of the
//! sub-accounts the caller looks after, with the sub-account's price, the partner's price and
//! the margin, as an Excel workbook; filtered by sub-account and order number.

use std::collections::HashMap;

use app::i18n::{Lang, tr};
use app::model::{Permission, sub_accounts::SubAccountOrdersQuery};
use rust_xlsxwriter::{Format, Workbook};

use super::{PartnerError, PartnerService, page::order_row, require_partner};
use crate::{services::identity::Caller, store::orders};

/// The most orders one report holds; filter by sub-account for more.
pub const ORDERS_REPORT_LIMIT: u64 = 100_000;

/// The file name the report downloads as.
pub const ORDERS_REPORT_XLSX: &str = "rootline-sub-account-orders.xlsx";

impl PartnerService {
    /// Needs `ManageSubAccounts` in a partner account. A sub-account the caller does not look
    /// after (another partner's, a sibling's for a Sub Account User) is "not found".
    pub async fn sub_account_orders_report(
        &self,
        caller: &Caller,
        query: &SubAccountOrdersQuery,
        lang: Lang,
    ) -> Result<Vec<u8>, PartnerError> {
        caller.require(Permission::ManageSubAccounts)?;
        require_partner(caller)?;
        let (account, order) = query.validate().map_err(PartnerError::Invalid)?;
        let reads = self.store.reads();
        let subs: HashMap<i32, String> = self
            .reachable(caller)
            .await?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        if account.is_some_and(|a| !subs.contains_key(&a)) {
            return Err(PartnerError::NotFound);
        }
        let partner_currency = *caller.account.currency;
        let rows: Vec<_> = orders::partner::report(
            &reads,
            caller.account.id,
            account,
            order,
            ORDERS_REPORT_LIMIT,
        )
        .await?
        .iter()
        .filter_map(|o| {
            subs.get(&o.account_id)
                .map(|name| order_row(o, name, partner_currency))
        })
        .collect();
        let fail = |e: rust_xlsxwriter::XlsxError| {
            PartnerError::Refused(
                app::i18n::Msg::new("err-billing-refused").arg("detail", e.to_string()),
            )
        };
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet
            .set_name(tr(lang, "xlsx-report-sheet"))
            .map_err(fail)?;
        let bold = Format::new().set_bold();
        let amount = Format::new().set_num_format("#,##0.00");
        let headers = [
            tr(lang, "xlsx-order"),
            tr(lang, "xlsx-report-sub-account"),
            tr(lang, "xlsx-placed"),
            tr(lang, "xlsx-product"),
            tr(lang, "xlsx-status"),
            tr(lang, "xlsx-report-sub-account-price"),
            tr(lang, "xlsx-report-sub-account-currency"),
            tr(lang, "xlsx-report-partner-price"),
            tr(lang, "xlsx-report-partner-currency"),
            tr(lang, "xlsx-report-margin"),
        ];
        for (col, title) in (0u16..).zip(headers) {
            sheet
                .write_string_with_format(0, col, title, &bold)
                .map_err(fail)?;
        }
        for (row, r) in (1u32..).zip(rows) {
            sheet
                .write_number(row, 0, f64::from(r.order_id))
                .map_err(fail)?;
            sheet.write_string(row, 1, &r.sub_account).map_err(fail)?;
            sheet
                .write_string(row, 2, r.placed_at.text(Lang::En))
                .map_err(fail)?;
            sheet.write_string(row, 3, &r.product).map_err(fail)?;
            sheet
                .write_string(row, 4, tr(lang, r.status.key()))
                .map_err(fail)?;
            sheet
                .write_number_with_format(row, 5, r.sub_account_price.major_units(), &amount)
                .map_err(fail)?;
            sheet
                .write_string(row, 6, r.sub_account_price.currency.as_str())
                .map_err(fail)?;
            sheet
                .write_number_with_format(row, 7, r.partner_price.major_units(), &amount)
                .map_err(fail)?;
            sheet
                .write_string(row, 8, r.partner_price.currency.as_str())
                .map_err(fail)?;
            if let Some(margin) = r.margin {
                sheet
                    .write_number_with_format(row, 9, margin.major_units(), &amount)
                    .map_err(fail)?;
            }
        }
        sheet.autofit();
        book.save_to_buffer().map_err(fail)
    }
}
