//! The organizations list's current search as an Excel workbook.

use app::i18n::{Lang, tr};
use app::model::{Permission, organizations::OrganizationsQuery};
use rust_xlsxwriter::{Format, Workbook};

use super::{OrganizationError, OrganizationService, account, list::validate, summary};
use crate::{services::identity::Caller, store::organizations};

/// The most rows one export holds; narrow the search for more.
const EXPORT_LIMIT: u64 = 100_000;

/// The file name the export downloads as.
pub const ORGANIZATIONS_XLSX: &str = "organizations.xlsx";

impl OrganizationService {
    pub async fn organizations_export(
        &self,
        caller: &Caller,
        query: &OrganizationsQuery,
        lang: Lang,
    ) -> Result<Vec<u8>, OrganizationError> {
        caller.require(Permission::RequestCertificates)?;
        let q = validate(query)?;
        let now = self.clock.now();
        let (rows, _) = organizations::search(
            &self.store.reads(),
            &organizations::Search {
                account: account(caller),
                text: Some(&q.text),
                status: q.status,
                now,
            },
            1,
            EXPORT_LIMIT,
        )
        .await?;
        let fail = |e: rust_xlsxwriter::XlsxError| OrganizationError::Export(e.to_string());
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet
            .set_name(tr(lang, "xlsx-organizations-sheet"))
            .map_err(fail)?;
        let bold = Format::new().set_bold();
        let headers = [
            tr(lang, "xlsx-organization-id"),
            tr(lang, "organizations-col-legal-name"),
            tr(lang, "organizations-field-trade-name"),
            tr(lang, "organizations-field-type"),
            tr(lang, "organizations-col-jurisdiction"),
            tr(lang, "orders-col-status"),
            tr(lang, "organizations-col-verified-until"),
            tr(lang, "organizations-col-updated"),
        ];
        for (col, title) in (0u16..).zip(headers) {
            sheet
                .write_string_with_format(0, col, title, &bold)
                .map_err(fail)?;
        }
        for (row, o) in (1u32..).zip(rows.into_iter().map(|r| summary(r, now))) {
            sheet
                .write_number(row, 0, f64::from(o.id.get()))
                .map_err(fail)?;
            sheet.write_string(row, 1, &o.legal_name).map_err(fail)?;
            sheet
                .write_string(row, 2, o.trade_name.as_deref().unwrap_or_default())
                .map_err(fail)?;
            sheet
                .write_string(row, 3, tr(lang, o.org_type.label_key()))
                .map_err(fail)?;
            sheet
                .write_string(row, 4, &o.jurisdiction_country)
                .map_err(fail)?;
            sheet
                .write_string(row, 5, tr(lang, o.status_key()))
                .map_err(fail)?;
            sheet
                .write_string(
                    row,
                    6,
                    o.verified_until.map(|d| d.text(lang)).unwrap_or_default(),
                )
                .map_err(fail)?;
            sheet
                .write_string(row, 7, o.updated.text(lang))
                .map_err(fail)?;
        }
        sheet.autofit();
        book.save_to_buffer().map_err(fail)
    }
}
