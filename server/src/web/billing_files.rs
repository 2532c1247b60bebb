//! Billing's files, for roles that see the account's finances: the monthly invoice as a PDF
//! (`GET /billing/invoice?month=YYYY-MM`) and the price list with the page's filters as an
//! Excel workbook (`GET /billing/price-list.xlsx?currency=…&kind=…&product=…`), and the ledger
//! statement with the page's filters as one (`GET /billing/statement.xlsx?from=…&to=…&kind=…`).

use app::{
    model::{price_list::PriceListQuery, statement::StatementQuery},
    ports::RequestMeta,
};
use axum::{
    Extension,
    extract::{Query, State},
    response::Response,
};
use serde::Deserialize;

use super::{
    AppState,
    file_routes::{XLSX, attachment, caller_or_refusal, failed, forbidden, invalid, not_found},
};
use crate::services::{
    billing::{BillingError, STATEMENT_XLSX},
    catalog::{CatalogError, PRICE_LIST_XLSX, price_list_workbook},
};

#[derive(Deserialize)]
pub struct MonthQuery {
    #[serde(default)]
    month: String,
}

pub async fn monthly_invoice(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Query(query): Query<MonthQuery>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state
        .billing
        .monthly_invoice(&caller, &query.month, meta.lang)
        .await
    {
        Ok(invoice) => attachment("application/pdf", &invoice.file_name, invoice.bytes),
        Err(e) => refused(e, meta.lang),
    }
}

/// How a file route answers a billing refusal: the field problems as text (422), a role that
/// may not (403), another account's object (404).
fn refused(e: BillingError, lang: app::i18n::Lang) -> Response {
    match e {
        BillingError::Invalid(errors) => invalid(&errors, lang),
        BillingError::Forbidden(_) => forbidden(),
        BillingError::NotFound => not_found(),
        other => failed(&other),
    }
}

/// The ledger statement the page shows for the same filters, every line of it, through the
/// same checks, as a workbook in the request's language.
pub async fn statement_export(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Query(query): Query<StatementQuery>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    match state
        .billing
        .ledger_statement_export(&caller, &query, meta.lang)
        .await
    {
        Ok(bytes) => attachment(XLSX, STATEMENT_XLSX, bytes),
        Err(e) => refused(e, meta.lang),
    }
}

/// The price list the page shows for the same filters, through the same service entry point
/// (and so the same permission), as a workbook in the request's language.
pub async fn price_list_export(
    State(state): State<AppState>,
    Extension(meta): Extension<RequestMeta>,
    Query(query): Query<PriceListQuery>,
) -> Response {
    let caller = match caller_or_refusal(&state, &meta).await {
        Ok(c) => c,
        Err(refusal) => return refusal,
    };
    let rows = match state.catalog.price_list(&caller, &query).await {
        Ok(rows) => rows,
        Err(CatalogError::Invalid(errors)) => return invalid(&errors, meta.lang),
        Err(CatalogError::Forbidden(_)) => return forbidden(),
        Err(other) => return failed(&other),
    };
    match price_list_workbook(&rows, meta.lang) {
        Ok(bytes) => attachment(XLSX, PRICE_LIST_XLSX, bytes),
        Err(e) => failed(&e),
    }
}

#[cfg(test)]
mod tests {
    use app::model::products::{PriceForm, PublicProductForm};
    use axum::{
        body::Body,
        http::{Request, StatusCode, header},
    };
    use tower::ServiceExt;

    use crate::{
        services::{
            catalog::{CatalogService, test_support::operator},
            identity::test_support::harness,
            orders::test_support::xlsx_rows,
        },
        web::{authorization_matrix::app, cookies::SESSION_COOKIE},
    };

    /// A GET through the router: the status, the content type and disposition, the body.
    async fn get(
        app: &axum::Router,
        path: &str,
        session: Option<&str>,
    ) -> (StatusCode, String, String, Vec<u8>) {
        let mut request = Request::get(path).header(header::HOST, "portal.test");
        if let Some(t) = session {
            request = request.header(header::COOKIE, format!("{SESSION_COOKIE}={t}"));
        }
        let response = app
            .clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let header_text = |name| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let (kind, disposition) = (
            header_text(header::CONTENT_TYPE),
            header_text(header::CONTENT_DISPOSITION),
        );
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 1 << 22)
            .await
            .unwrap();
        (status, kind, disposition, body.to_vec())
    }

    #[tokio::test]
    async fn the_price_list_export_is_the_filtered_list_for_roles_that_see_finances() {
        let h = harness().await;
        let token = h.signed_in("first@example.com").await;
        let app = app(&h).await;
        let catalog = CatalogService::for_harness(&h);
        let ops = operator(&h).await;
        for (kind, name) in [("dv_single", "DV SSL"), ("ov_single", "OV SSL")] {
            let id = catalog
                .add_public_product(
                    &ops,
                    &PublicProductForm {
                        kind: kind.into(),
                        name: name.into(),
                        validity_days: "199".into(),
                        ..Default::default()
                    },
                    None,
                )
                .await
                .unwrap();
            for (currency, base) in [("USD", "49"), ("INR", "3999")] {
                let price = PriceForm {
                    currency: currency.into(),
                    validity_days: "199".into(),
                    base: base.into(),
                    per_extra_domain: String::new(),
                };
                catalog
                    .set_public_price(&ops, id, &price, None)
                    .await
                    .unwrap();
            }
        }

        let path = "/billing/price-list.xlsx?currency=USD&product=dv";
        assert_eq!(get(&app, path, None).await.0, StatusCode::UNAUTHORIZED);
        let (status, kind, disposition, bytes) = get(&app, path, Some(&token)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(kind.contains("spreadsheetml"), "{kind}");
        assert!(
            disposition.contains("rootline-price-list.xlsx"),
            "{disposition}"
        );
        let (sheet, rows) = xlsx_rows(&bytes);
        assert_eq!(sheet, "Price list");
        assert_eq!(
            rows[1..],
            [vec![
                "DV SSL",
                "DV single domain",
                "199",
                "USD",
                "49",
                "",
                "1"
            ]]
        );
        // Without filters: both products in both currencies.
        let (_, _, _, bytes) = get(&app, "/billing/price-list.xlsx", Some(&token)).await;
        assert_eq!(xlsx_rows(&bytes).1.len(), 1 + 4);

        let (status, _, _, body) =
            get(&app, "/billing/price-list.xlsx?currency=EUR", Some(&token)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            String::from_utf8_lossy(&body),
            "currency: Choose USD, INR or all currencies."
        );

        h.store
            .execute_raw("UPDATE memberships SET role = 'basic_user'")
            .await
            .unwrap();
        assert_eq!(get(&app, path, Some(&token)).await.0, StatusCode::FORBIDDEN);
    }
}
