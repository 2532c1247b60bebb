//! The product price list (FIN-4): what the caller's account pays for each product it can
//! order, per validity and currency, for the billing pages and their Excel export.

use app::i18n::{Lang, tr};
use app::model::{
    Currency, Money, Permission,
    price_list::{PriceListQuery, PriceListRow},
    products::CURRENCIES,
};
use rust_xlsxwriter::{Format, Workbook, XlsxError};

use super::{CatalogError, CatalogService};
use crate::services::identity::Caller;

/// The file name the export downloads as.
pub const PRICE_LIST_XLSX: &str = "rootline-price-list.xlsx";

impl CatalogService {
    /// The caller's account's price list, narrowed by `query`: one row per product, validity
    /// and currency. Needs `ViewFinance`. The prices are the order wizard's offers in each
    /// currency (`offers`), never the price table itself, so the list says what an order
    /// costs this account whatever sets its prices; `offers` applies its own rule,
    /// `RequestCertificates`, which every built-in role that sees finances has.
    pub async fn price_list(
        &self,
        caller: &Caller,
        query: &PriceListQuery,
    ) -> Result<Vec<PriceListRow>, CatalogError> {
        caller.require(Permission::ViewFinance)?;
        let filter = query.validate().map_err(CatalogError::Invalid)?;
        let mut rows = Vec::new();
        // Every code parses (`money.rs` tests it); a currency the filter leaves out is not
        // asked for at all.
        let currencies = CURRENCIES
            .iter()
            .filter_map(|code| Currency::parse(code))
            .filter(|c| filter.currency.is_none_or(|wanted| wanted == *c));
        for currency in currencies {
            for offer in self.offers(caller, currency.as_str()).await? {
                if !filter.keeps(offer.kind, &offer.name) {
                    continue;
                }
                rows.extend(offer.prices.iter().map(|price| {
                    PriceListRow {
                        product_id: offer.id,
                        product: offer.name.clone(),
                        kind: offer.kind,
                        validity_days: price.validity_days,
                        base: Money::new(price.base_minor, currency),
                        per_extra_domain: offer
                            .multi_domain
                            .then(|| Money::new(price.per_extra_domain_minor, currency)),
                        included_domains: offer.included_domains,
                    }
                }));
            }
        }
        Ok(rows)
    }
}

/// The price list as an Excel workbook, its sheet name, headings and product kinds in `lang`
/// (the language of the request that downloads it). Amounts are numbers in major units beside
/// their currency, so a spreadsheet can sort and sum them.
pub fn price_list_workbook(rows: &[PriceListRow], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(tr(lang, "xlsx-prices-sheet"))?;
    let bold = Format::new().set_bold();
    let amount = Format::new().set_num_format("#,##0.00");
    let headers = [
        tr(lang, "xlsx-product"),
        tr(lang, "xlsx-prices-kind"),
        tr(lang, "xlsx-prices-validity-days"),
        tr(lang, "xlsx-prices-currency"),
        tr(lang, "xlsx-prices-base"),
        tr(lang, "xlsx-prices-per-extra-domain"),
        tr(lang, "xlsx-prices-included-domains"),
    ];
    for (col, title) in (0u16..).zip(headers) {
        sheet.write_string_with_format(0, col, title, &bold)?;
    }
    for (row, r) in (1u32..).zip(rows) {
        sheet.write_string(row, 0, &r.product)?;
        sheet.write_string(row, 1, tr(lang, r.kind.key()))?;
        // Validity choices are at most a few thousand days: exact as a float.
        sheet.write_number(row, 2, r.validity_days as f64)?;
        sheet.write_string(row, 3, r.base.currency.as_str())?;
        sheet.write_number_with_format(row, 4, r.base.major_units(), &amount)?;
        if let Some(extra) = r.per_extra_domain {
            sheet.write_number_with_format(row, 5, extra.major_units(), &amount)?;
        }
        sheet.write_number(row, 6, f64::from(r.included_domains))?;
    }
    sheet.autofit();
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use app::model::{
        FieldErrors,
        products::{Offer, PriceForm, ProductKind, PublicProductForm},
    };

    use super::*;
    use crate::services::{
        catalog::test_support::{administrator, operator},
        identity::test_support::{Harness, harness},
    };

    fn price(currency: &str, days: i64, base: &str, extra: &str) -> PriceForm {
        PriceForm {
            currency: currency.into(),
            validity_days: days.to_string(),
            base: base.into(),
            per_extra_domain: extra.into(),
        }
    }

    /// Three public products: DV SSL (USD and INR), DV UCC SSL (INR only, 3 names included)
    /// and OV SSL (USD only). Returns the operator user who made them.
    async fn priced_catalog(h: &Harness, catalog: &CatalogService) -> Caller {
        let ops = operator(h).await;
        let products: [(&str, &str, &str, &str, &[PriceForm]); 3] = [
            (
                "dv_single",
                "DV SSL",
                "90, 199",
                "",
                &[
                    price("USD", 90, "30", ""),
                    price("USD", 199, "49", ""),
                    price("INR", 199, "3999", ""),
                ],
            ),
            (
                "dv_ucc",
                "DV UCC SSL",
                "199",
                "3",
                &[price("INR", 199, "7999", "1599")],
            ),
            (
                "ov_single",
                "OV SSL",
                "199",
                "",
                &[price("USD", 199, "99", "")],
            ),
        ];
        for (kind, name, days, included, prices) in products {
            let id = catalog
                .add_public_product(
                    &ops,
                    &PublicProductForm {
                        kind: kind.into(),
                        name: name.into(),
                        validity_days: days.into(),
                        included_domains: included.into(),
                        max_domains: if included.is_empty() { "" } else { "10" }.into(),
                    },
                    None,
                )
                .await
                .unwrap();
            for p in prices {
                catalog.set_public_price(&ops, id, p, None).await.unwrap();
            }
        }
        ops
    }

    /// The rows the list must have for `offers` in `currency`, built independently of it.
    fn rows_of(offers: &[Offer], currency: Currency) -> Vec<PriceListRow> {
        let mut rows = Vec::new();
        for offer in offers {
            for (days, p) in offer.validity_days.iter().zip(&offer.prices) {
                assert_eq!(*days, p.validity_days);
                rows.push(PriceListRow {
                    product_id: offer.id,
                    product: offer.name.clone(),
                    kind: offer.kind,
                    validity_days: *days,
                    base: Money::new(p.base_minor, currency),
                    per_extra_domain: offer
                        .multi_domain
                        .then(|| Money::new(p.per_extra_domain_minor, currency)),
                    included_domains: offer.included_domains,
                });
            }
        }
        rows
    }

    fn query(currency: &str, kind: &str, product: &str) -> PriceListQuery {
        PriceListQuery {
            currency: currency.into(),
            kind: kind.into(),
            product: product.into(),
        }
    }

    fn names(rows: &[PriceListRow]) -> Vec<(&str, i64, String)> {
        rows.iter()
            .map(|r| (r.product.as_str(), r.validity_days, r.base.to_string()))
            .collect()
    }

    #[tokio::test]
    async fn the_price_list_is_every_offer_in_every_currency() {
        let h = harness().await;
        let catalog = CatalogService::for_harness(&h);
        let ops = priced_catalog(&h, &catalog).await;
        let admin = administrator(&h, "asha@example.com").await;

        let list = catalog
            .price_list(&admin, &PriceListQuery::default())
            .await
            .unwrap();
        let mut expected = Vec::new();
        for currency in [Currency::Usd, Currency::Inr] {
            let offers = catalog.offers(&admin, currency.as_str()).await.unwrap();
            expected.extend(rows_of(&offers, currency));
        }
        assert_eq!(list, expected);
        assert_eq!(
            names(&list),
            [
                ("DV SSL", 90, "USD 30.00".to_owned()),
                ("DV SSL", 199, "USD 49.00".to_owned()),
                ("OV SSL", 199, "USD 99.00".to_owned()),
                ("DV SSL", 199, "INR 3,999.00".to_owned()),
                ("DV UCC SSL", 199, "INR 7,999.00".to_owned()),
            ]
        );
        // Only the multi-domain product has a price per extra name, beside its included ones.
        let ucc = &list[4];
        assert_eq!(ucc.kind, ProductKind::DvUcc);
        assert_eq!(ucc.included_domains, 3);
        assert_eq!(
            ucc.per_extra_domain,
            Some(Money::new(159_900, Currency::Inr))
        );
        assert!(list[..4].iter().all(|r| r.per_extra_domain.is_none()));

        // A product taken off sale leaves the list with the offers.
        let dv = list[0].product_id;
        catalog
            .set_public_product_active(&ops, dv, false, None)
            .await
            .unwrap();
        let list = catalog
            .price_list(&admin, &PriceListQuery::default())
            .await
            .unwrap();
        assert!(list.iter().all(|r| r.product_id != dv), "{list:?}");
    }

    #[tokio::test]
    async fn the_price_list_filters_by_currency_kind_and_part_of_the_name() {
        let h = harness().await;
        let catalog = CatalogService::for_harness(&h);
        priced_catalog(&h, &catalog).await;
        let admin = administrator(&h, "asha@example.com").await;
        let list = |q: PriceListQuery| {
            let (catalog, admin) = (&catalog, &admin);
            async move { catalog.price_list(admin, &q).await.unwrap() }
        };

        let inr = list(query("INR", "", "")).await;
        assert_eq!(
            names(&inr),
            [
                ("DV SSL", 199, "INR 3,999.00".to_owned()),
                ("DV UCC SSL", 199, "INR 7,999.00".to_owned()),
            ]
        );
        let usd = list(query("usd", "", "")).await;
        assert!(usd.iter().all(|r| r.base.currency == Currency::Usd));
        assert_eq!(usd.len(), 3);

        let ov = list(query("", "ov_single", "")).await;
        assert_eq!(names(&ov), [("OV SSL", 199, "USD 99.00".to_owned())]);

        // Part of the name, in any case, in every currency.
        let ucc = list(query("", "", "  uCc ")).await;
        assert_eq!(
            names(&ucc),
            [("DV UCC SSL", 199, "INR 7,999.00".to_owned())]
        );
        let dv_in_usd = list(query("USD", "dv_single", "dv")).await;
        assert_eq!(dv_in_usd.len(), 2);
        assert!(list(query("INR", "ov_single", "")).await.is_empty());
        assert!(list(query("", "", "nothing like it")).await.is_empty());
    }

    #[tokio::test]
    async fn a_role_without_view_finance_is_refused_the_price_list() {
        let h = harness().await;
        let catalog = CatalogService::for_harness(&h);
        let admin = administrator(&h, "asha@example.com").await;
        let mut no_finance = admin.clone();
        no_finance
            .permissions
            .retain(|p| *p != Permission::ViewFinance);
        assert!(matches!(
            catalog
                .price_list(&no_finance, &PriceListQuery::default())
                .await,
            Err(CatalogError::Forbidden(Permission::ViewFinance))
        ));
        // The refusal comes before the filters are read.
        assert!(matches!(
            catalog.price_list(&no_finance, &query("EUR", "", "")).await,
            Err(CatalogError::Forbidden(Permission::ViewFinance))
        ));
        // The prices are the offers, which keep their own rule: a custom role that sees
        // finances but may not order is refused by it (no built-in role is such a role).
        let mut no_orders = admin.clone();
        no_orders
            .permissions
            .retain(|p| *p != Permission::RequestCertificates);
        assert!(matches!(
            catalog
                .price_list(&no_orders, &PriceListQuery::default())
                .await,
            Err(CatalogError::Forbidden(Permission::RequestCertificates))
        ));
        assert!(
            app::model::Role::ALL
                .iter()
                .filter(|r| r.can(Permission::ViewFinance))
                .all(|r| r.can(Permission::RequestCertificates))
        );
    }

    #[tokio::test]
    async fn a_bad_price_list_filter_is_refused_on_its_field() {
        let h = harness().await;
        let catalog = CatalogService::for_harness(&h);
        priced_catalog(&h, &catalog).await;
        let admin = administrator(&h, "asha@example.com").await;
        let refused = |q: PriceListQuery| {
            let (catalog, admin) = (&catalog, &admin);
            async move {
                match catalog.price_list(admin, &q).await {
                    Err(CatalogError::Invalid(errors)) => errors,
                    other => panic!("{q:?}: {other:?}"),
                }
            }
        };
        let errors: FieldErrors = refused(query("EUR", "", "")).await;
        assert_eq!(
            errors.text("currency", Lang::En).as_deref(),
            Some("Choose USD, INR or all currencies.")
        );
        let errors = refused(query("", "gold", "")).await;
        assert_eq!(
            errors.text("kind", Lang::En).as_deref(),
            Some("Choose a product type from the list.")
        );
        let errors = refused(query("", "", &"a".repeat(255))).await;
        assert!(errors.get("product").is_some(), "{errors:?}");
        // The list itself is as it was.
        assert_eq!(
            catalog
                .price_list(&admin, &PriceListQuery::default())
                .await
                .unwrap()
                .len(),
            5
        );
    }

    #[tokio::test]
    async fn the_price_list_workbook_has_a_heading_row_and_a_row_per_price() {
        let h = harness().await;
        let catalog = CatalogService::for_harness(&h);
        priced_catalog(&h, &catalog).await;
        let admin = administrator(&h, "asha@example.com").await;
        let rows = catalog
            .price_list(&admin, &query("INR", "", ""))
            .await
            .unwrap();
        let bytes = price_list_workbook(&rows, Lang::En).unwrap();
        let (sheet, cells) = crate::services::orders::test_support::xlsx_rows(&bytes);
        assert_eq!(sheet, "Price list");
        assert_eq!(
            cells,
            [
                vec![
                    "Product",
                    "Product type",
                    "Validity (days)",
                    "Currency",
                    "Base price",
                    "Per extra domain",
                    "Included domains"
                ],
                vec!["DV SSL", "DV single domain", "199", "INR", "3999", "", "1"],
                vec![
                    "DV UCC SSL",
                    "DV UCC (multi-domain)",
                    "199",
                    "INR",
                    "7999",
                    "1599",
                    "3"
                ],
            ]
        );
        let (sheet, cells) = crate::services::orders::test_support::xlsx_rows(
            &price_list_workbook(&rows, Lang::Pl).unwrap(),
        );
        assert_eq!(sheet, "Cennik");
        assert_eq!(cells[1][1], "DV, jedna domena");
    }
}
