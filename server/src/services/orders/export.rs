//! The order list's current search as an Excel workbook (ORD-6).

use app::i18n::{Lang, tr};
use app::model::Permission;
use app::model::orders::OrdersQuery;
use rust_xlsxwriter::{Format, Workbook};

use super::{OrderError, OrderService, list::search};
use crate::{services::identity::Caller, store::orders};

/// The most rows one export holds; narrow the search for more.
pub const EXPORT_LIMIT: u64 = 100_000;

/// The file name the export downloads as.
pub const ORDERS_XLSX: &str = "orders.xlsx";

impl OrderService {
    /// The orders the search finds as a workbook, its sheet name and header row in `lang` (the
    /// language of the request that downloads it).
    pub async fn orders_export(
        &self,
        caller: &Caller,
        query: &OrdersQuery,
        lang: Lang,
    ) -> Result<Vec<u8>, OrderError> {
        caller.require(Permission::RequestCertificates)?;
        let q = query.validate().map_err(OrderError::Invalid)?;
        let reach = self.reach(caller).await?;
        // Up to EXPORT_LIMIT orders: on the read-only connections, beside the writer.
        let (rows, _) = orders::search(
            &self.store.reads(),
            &search(caller, reach, &q, self.clock.now()),
            1,
            EXPORT_LIMIT,
        )
        .await?;
        let summaries = self.summaries(&rows).await?;
        let fail = |e: rust_xlsxwriter::XlsxError| OrderError::Export(e.to_string());
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet
            .set_name(tr(lang, "xlsx-orders-sheet"))
            .map_err(fail)?;
        let bold = Format::new().set_bold();
        let headers = [
            tr(lang, "xlsx-order"),
            tr(lang, "xlsx-placed"),
            tr(lang, "xlsx-product"),
            tr(lang, "xlsx-domain"),
            tr(lang, "xlsx-names"),
            tr(lang, "xlsx-status"),
            tr(lang, "xlsx-price"),
            tr(lang, "xlsx-placed-by"),
            tr(lang, "xlsx-tags"),
        ];
        for (col, title) in (0u16..).zip(headers) {
            sheet
                .write_string_with_format(0, col, title, &bold)
                .map_err(fail)?;
        }
        for (row, o) in (1u32..).zip(summaries) {
            sheet.write_number(row, 0, f64::from(o.id)).map_err(fail)?;
            sheet
                .write_string(row, 1, o.created_at.text(lang))
                .map_err(fail)?;
            sheet.write_string(row, 2, &o.product).map_err(fail)?;
            sheet.write_string(row, 3, &o.main_name).map_err(fail)?;
            sheet
                .write_number(row, 4, f64::from(o.names))
                .map_err(fail)?;
            sheet.write_string(row, 5, o.status.label()).map_err(fail)?;
            sheet
                .write_string(row, 6, o.price.to_string())
                .map_err(fail)?;
            sheet.write_string(row, 7, &o.placed_by).map_err(fail)?;
            sheet
                .write_string(row, 8, o.tags.join(", "))
                .map_err(fail)?;
        }
        sheet.autofit();
        book.save_to_buffer().map_err(fail)
    }
}
