use app::i18n::{Lang, tr};
use app::model::AuditQuery;
use app::model::Permission;
use rust_xlsxwriter::{Format, Workbook};

use super::{AccessError, AccessService};
use crate::services::identity::Caller;

/// The most rows one export holds; narrow the filters for more.
pub const EXPORT_LIMIT: u64 = 100_000;

impl AccessService {
    /// The caller's account's audit entries matching the filters (all pages), as an Excel
    /// workbook, newest first; its sheet name and header row in `lang` (the language of the
    /// request that downloads it).
    pub async fn audit_export(
        &self,
        caller: &Caller,
        query: &AuditQuery,
        lang: Lang,
    ) -> Result<Vec<u8>, AccessError> {
        caller.require(Permission::ViewAuditLog)?;
        let q = query.validate().map_err(AccessError::Invalid)?;
        let (entries, _) = self.audit_entries(caller, &q, 0, EXPORT_LIMIT).await?;
        let fail = |e: rust_xlsxwriter::XlsxError| AccessError::Export(e.to_string());
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(tr(lang, "xlsx-audit-sheet")).map_err(fail)?;
        let bold = Format::new().set_bold();
        let headers = [
            tr(lang, "xlsx-time"),
            tr(lang, "xlsx-module"),
            tr(lang, "xlsx-action"),
            tr(lang, "xlsx-user"),
            tr(lang, "xlsx-ip-address"),
            tr(lang, "xlsx-summary"),
            tr(lang, "xlsx-entry"),
        ];
        for (col, title) in (0u16..).zip(headers) {
            sheet
                .write_string_with_format(0, col, title, &bold)
                .map_err(fail)?;
        }
        for (row, e) in (1u32..).zip(entries) {
            sheet.write_string(row, 0, &e.at).map_err(fail)?;
            sheet.write_string(row, 1, &e.module).map_err(fail)?;
            sheet.write_string(row, 2, &e.action).map_err(fail)?;
            sheet
                .write_string(row, 3, e.user.as_deref().unwrap_or(""))
                .map_err(fail)?;
            sheet
                .write_string(row, 4, e.ip.as_deref().unwrap_or(""))
                .map_err(fail)?;
            sheet.write_string(row, 5, &e.summary).map_err(fail)?;
            #[allow(clippy::cast_precision_loss)]
            sheet.write_number(row, 6, e.id as f64).map_err(fail)?;
        }
        sheet.autofit();
        book.save_to_buffer().map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use app::model::Permission;

    use super::*;
    use crate::services::identity::test_support::harness;

    #[tokio::test]
    async fn the_export_is_a_workbook_of_the_accounts_entries_only_headed_in_the_requests_language()
    {
        let h = harness().await;
        let token = h.signed_in("asha@example.com").await;
        h.signed_in("ravi@other.example").await;
        let access = AccessService::for_harness(&h);
        let caller = access
            .authorize(Some(&token), Permission::ViewAuditLog)
            .await
            .unwrap();
        let bytes = access
            .audit_export(&caller, &AuditQuery::default(), Lang::En)
            .await
            .unwrap();
        assert!(bytes.starts_with(b"PK"), "an .xlsx is a zip file");
        let dir = std::env::temp_dir().join(format!("rootline-xlsx-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("audit.xlsx"), &bytes).unwrap();
        let out = std::process::Command::new("python3")
            .args(["-c", "import zipfile,sys; print(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml').decode())"])
            .arg(dir.join("audit.xlsx"))
            .output()
            .unwrap();
        let strings = String::from_utf8_lossy(&out.stdout);
        assert!(strings.contains("asha@example.com"), "{strings}");
        assert!(
            !strings.contains("ravi@other.example"),
            "another account's entries leaked"
        );
        std::fs::remove_dir_all(dir).unwrap();
        let polish = access
            .audit_export(&caller, &AuditQuery::default(), Lang::Pl)
            .await
            .unwrap();
        assert_eq!(
            crate::services::orders::test_support::xlsx_header(&polish),
            (
                "Dziennik audytu".to_owned(),
                [
                    "Czas (UTC)",
                    "Moduł",
                    "Czynność",
                    "Użytkownik",
                    "Adres IP",
                    "Opis",
                    "Nr wpisu"
                ]
                .map(str::to_owned)
                .to_vec()
            ),
            "the header row follows the request's language"
        );
        let bad = AuditQuery {
            from: "yesterday".into(),
            ..Default::default()
        };
        assert!(matches!(
            access.audit_export(&caller, &bad, Lang::En).await,
            Err(AccessError::Invalid(_))
        ));
    }
}
