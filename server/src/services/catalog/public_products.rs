//! The operator's public DV products and their prices. Operator users only.

use app::i18n::Msg;
use app::model::ProductId;
use app::model::products::{
    PriceForm, PublicProductForm, PublicProductView, PublicProductsPage, ValidPublicProduct,
};
use chrono::{DateTime, Utc};

use super::{CatalogError, CatalogService, count, invalid, price_of};
use crate::{
    domain::validity::ValidityRule,
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{
        StoreError,
        products::{self, NewPrice, ProductFields, ProductRow},
    },
};

/// Refuses validity choices over the TLS Baseline Requirements cap in force at `now`.
pub(super) fn check_tls_cap(days: &[i64], now: DateTime<Utc>) -> Result<(), CatalogError> {
    let cap = ValidityRule::TlsBr.max_days(now);
    match days.iter().find(|d| **d > cap) {
        Some(d) => Err(invalid(
            "validity_days",
            Msg::new("err-validity-over-tls-cap")
                .arg("days", *d)
                .arg("cap", cap)
                .arg("date", app::model::Day::from(now)),
        )),
        None => Ok(()),
    }
}

fn fields(valid: &ValidPublicProduct) -> ProductFields<'_> {
    ProductFields {
        name: &valid.name,
        validity_days: &valid.validity_days,
        included_domains: i32::try_from(valid.included_domains).unwrap_or(1),
        max_domains: i32::try_from(valid.max_domains).unwrap_or(1),
        private_ca: None,
        template: None,
        field_rules: "",
        auto_approve: false,
        checklist: "[]",
    }
}

fn name_taken() -> CatalogError {
    invalid("name", Msg::new("err-public-product-name-exists"))
}

impl CatalogService {
    async fn public_row(&self, id: i32) -> Result<ProductRow, CatalogError> {
        products::find_public_for_operator(&self.store, id)
            .await?
            .ok_or(CatalogError::NotFound)
    }

    async fn public_name_taken(
        &self,
        name: &str,
        except: Option<i32>,
    ) -> Result<bool, CatalogError> {
        Ok(products::public_for_operator(&self.store)
            .await?
            .iter()
            .any(|p| Some(p.id) != except && p.name.eq_ignore_ascii_case(name)))
    }

    /// Every public product with its prices, and today's TLS cap.
    pub async fn public_products(
        &self,
        caller: &Caller,
    ) -> Result<PublicProductsPage, CatalogError> {
        caller.require_operator()?;
        let rows = products::public_for_operator(&self.store).await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let prices = products::prices_of(&self.store, &ids).await?;
        let mut views = Vec::with_capacity(rows.len());
        for row in rows {
            views.push(PublicProductView {
                id: row.id,
                kind: *row.kind,
                validity_days: products::validity_days(&row),
                included_domains: count(row.included_domains),
                max_domains: count(row.max_domains),
                prices: prices
                    .iter()
                    .filter(|p| p.product_id == row.id)
                    .map(|p| (p.currency.as_str().to_owned(), price_of(p)))
                    .collect(),
                name: row.name,
                active: row.active,
            });
        }
        Ok(PublicProductsPage {
            products: views,
            tls_cap_days: ValidityRule::TlsBr.max_days(self.clock.now()),
        })
    }

    pub async fn add_public_product(
        &self,
        caller: &Caller,
        form: &PublicProductForm,
        ip: Option<String>,
    ) -> Result<i32, CatalogError> {
        caller.require_operator()?;
        let valid = form.validate().map_err(CatalogError::Invalid)?;
        let now = self.clock.now();
        check_tls_cap(&valid.validity_days, now)?;
        if self.public_name_taken(&valid.name, None).await? {
            return Err(name_taken());
        }
        let tx = self.store.begin().await?;
        let row = products::insert(&tx, None, valid.kind, fields(&valid), now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "products",
                action: "public_product_added",
                summary: format!(
                    "Public product {} ({}) added",
                    valid.name,
                    valid.kind.label()
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(row.id)
    }

    /// Changes a public product; its kind stays what it was made as.
    pub async fn update_public_product(
        &self,
        caller: &Caller,
        id: i32,
        form: &PublicProductForm,
        ip: Option<String>,
    ) -> Result<(), CatalogError> {
        caller.require_operator()?;
        let existing = self.public_row(id).await?;
        let form = PublicProductForm {
            kind: existing.kind.text(),
            ..form.clone()
        };
        let valid = form.validate().map_err(CatalogError::Invalid)?;
        let now = self.clock.now();
        check_tls_cap(&valid.validity_days, now)?;
        if self.public_name_taken(&valid.name, Some(id)).await? {
            return Err(name_taken());
        }
        let tx = self.store.begin().await?;
        products::update_public_for_operator(&tx, ProductId(id), fields(&valid)).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "products",
                action: "public_product_updated",
                summary: format!(
                    "Public product {} updated (was {})",
                    valid.name, existing.name
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Takes a public product off (or back on) the order form; orders made stay as they are.
    pub async fn set_public_product_active(
        &self,
        caller: &Caller,
        id: i32,
        active: bool,
        ip: Option<String>,
    ) -> Result<(), CatalogError> {
        caller.require_operator()?;
        let existing = self.public_row(id).await?;
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        products::set_public_active_for_operator(&tx, ProductId(id), active).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "products",
                action: if active {
                    "public_product_activated"
                } else {
                    "public_product_deactivated"
                },
                summary: format!(
                    "Public product {} {}",
                    existing.name,
                    if active { "activated" } else { "deactivated" }
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a public product's price for one currency and one of its validity choices.
    pub async fn set_public_price(
        &self,
        caller: &Caller,
        product_id: i32,
        form: &PriceForm,
        ip: Option<String>,
    ) -> Result<(), CatalogError> {
        caller.require_operator()?;
        let existing = self.public_row(product_id).await?;
        let valid = form.validate().map_err(CatalogError::Invalid)?;
        let offered = products::validity_days(&existing);
        if !offered.contains(&valid.validity_days) {
            return Err(invalid(
                "validity_days",
                Msg::new("err-product-offers-offered-set-price").arg(
                    "offered",
                    offered
                        .iter()
                        .map(|d| Msg::new("err-days").arg("days", *d))
                        .collect::<Vec<_>>(),
                ),
            ));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        products::set_price_for_operator(
            &tx,
            ProductId(product_id),
            NewPrice {
                currency: valid.currency,
                validity_days: valid.validity_days,
                base_minor: valid.base_minor,
                per_extra_domain_minor: valid.per_extra_domain_minor,
            },
        )
        .await
        .map_err(|e| match e {
            StoreError::Duplicate => invalid(
                "validity_days",
                Msg::new("err-try-again-price-changed-meanwhile"),
            ),
            other => other.into(),
        })?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "products",
                action: "price_set",
                summary: format!(
                    "Price of {} for {} days set to {} {} (+{} per extra domain)",
                    existing.name,
                    valid.validity_days,
                    valid.currency,
                    app::model::products::amount_text(valid.base_minor),
                    app::model::products::amount_text(valid.per_extra_domain_minor)
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use app::model::products::ProductKind;
    use chrono::TimeZone;

    use super::*;
    use crate::services::{
        catalog::test_support::{administrator, operator},
        identity::test_support::harness,
    };

    fn dv(name: &str, days: &str) -> PublicProductForm {
        PublicProductForm {
            kind: "dv_single".into(),
            name: name.into(),
            validity_days: days.into(),
            ..Default::default()
        }
    }

    fn price(currency: &str, days: &str, base: &str) -> PriceForm {
        PriceForm {
            currency: currency.into(),
            validity_days: days.into(),
            base: base.into(),
            per_extra_domain: String::new(),
        }
    }

    fn field_error(result: Result<impl std::fmt::Debug, CatalogError>, field: &str) -> String {
        match result {
            Err(CatalogError::Invalid(e)) => e
                .get(field)
                .unwrap_or_else(|| panic!("no error on {field}: {e:?}"))
                .to_string(),
            other => panic!("expected an error on {field}, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn only_operator_users_manage_public_products_and_prices() {
        let h = harness().await;
        let ops = operator(&h).await;
        let admin = administrator(&h, "asha@example.com").await;
        let catalog = CatalogService::for_harness(&h);
        let id = catalog
            .add_public_product(&ops, &dv("DV SSL", "199"), None)
            .await
            .unwrap();
        let refused = |r: Result<(), CatalogError>| {
            assert!(matches!(r, Err(CatalogError::OperatorOnly)), "{r:?}")
        };
        assert!(matches!(
            catalog.public_products(&admin).await,
            Err(CatalogError::OperatorOnly)
        ));
        assert!(matches!(
            catalog
                .add_public_product(&admin, &dv("Mine", "90"), None)
                .await,
            Err(CatalogError::OperatorOnly)
        ));
        refused(
            catalog
                .update_public_product(&admin, id, &dv("Cheap", "90"), None)
                .await,
        );
        refused(
            catalog
                .set_public_product_active(&admin, id, false, None)
                .await,
        );
        refused(
            catalog
                .set_public_price(&admin, id, &price("USD", "199", "0.01"), None)
                .await,
        );
        let page = catalog.public_products(&ops).await.unwrap();
        assert_eq!(page.products.len(), 1);
        assert_eq!(page.products[0].name, "DV SSL");
        assert!(page.products[0].active);
        assert!(page.products[0].prices.is_empty());
    }

    #[tokio::test]
    async fn validity_over_the_tls_cap_is_refused_with_the_cap_in_force() {
        let h = harness().await;
        let ops = operator(&h).await;
        let catalog = CatalogService::for_harness(&h);
        let message = field_error(
            catalog
                .add_public_product(&ops, &dv("DV SSL", "90, 365"), None)
                .await,
            "validity_days",
        );
        assert!(message.contains("cap of 200 days"), "{message}");
        let id = catalog
            .add_public_product(&ops, &dv("DV SSL", "90, 200"), None)
            .await
            .unwrap();
        assert_eq!(
            catalog.public_products(&ops).await.unwrap().tls_cap_days,
            200
        );
        // The cap shrinks on 2027-03-15: what was allowed can no longer be saved.
        h.clock
            .set(chrono::Utc.with_ymd_and_hms(2027, 3, 15, 0, 0, 0).unwrap());
        let message = field_error(
            catalog
                .update_public_product(&ops, id, &dv("DV SSL", "90, 200"), None)
                .await,
            "validity_days",
        );
        assert!(message.contains("cap of 100 days"), "{message}");
        catalog
            .update_public_product(&ops, id, &dv("DV SSL (100 days)", "90, 100"), None)
            .await
            .unwrap();
        let page = catalog.public_products(&ops).await.unwrap();
        assert_eq!(page.tls_cap_days, 100);
        assert_eq!(page.products[0].validity_days, [90, 100]);
        assert_eq!(page.products[0].name, "DV SSL (100 days)");
    }

    #[tokio::test]
    async fn prices_are_set_per_currency_and_offered_validity_and_names_stay_unique() {
        let h = harness().await;
        let ops = operator(&h).await;
        let catalog = CatalogService::for_harness(&h);
        let ucc = PublicProductForm {
            kind: "dv_ucc".into(),
            name: "DV UCC".into(),
            validity_days: "90, 199".into(),
            included_domains: "5".into(),
            max_domains: "4".into(),
        };
        field_error(
            catalog.add_public_product(&ops, &ucc, None).await,
            "max_domains",
        );
        let id = catalog
            .add_public_product(
                &ops,
                &PublicProductForm {
                    max_domains: "50".into(),
                    ..ucc.clone()
                },
                None,
            )
            .await
            .unwrap();
        field_error(
            catalog
                .add_public_product(&ops, &dv("dv ucc", "90"), None)
                .await,
            "name",
        );
        field_error(
            catalog
                .set_public_price(&ops, id, &price("USD", "365", "10"), None)
                .await,
            "validity_days",
        );
        field_error(
            catalog
                .set_public_price(&ops, id, &price("EUR", "90", "10"), None)
                .await,
            "currency",
        );
        let mut extra = price("USD", "90", "99.00");
        extra.per_extra_domain = "20".into();
        catalog
            .set_public_price(&ops, id, &extra, None)
            .await
            .unwrap();
        extra.base = "89.00".into();
        catalog
            .set_public_price(&ops, id, &extra, None)
            .await
            .unwrap();
        catalog
            .set_public_price(&ops, id, &price("INR", "90", "7,999"), None)
            .await
            .unwrap();
        let page = catalog.public_products(&ops).await.unwrap();
        let product = &page.products[0];
        assert_eq!(product.kind, ProductKind::DvUcc);
        assert_eq!((product.included_domains, product.max_domains), (5, 50));
        let prices: Vec<(&str, i64, i64)> = product
            .prices
            .iter()
            .map(|(c, p)| (c.as_str(), p.base_minor, p.per_extra_domain_minor))
            .collect();
        assert_eq!(prices, [("INR", 799_900, 0), ("USD", 8_900, 2_000)]);
        // An edit keeps the kind: a UCC product still needs its domain limits.
        catalog
            .update_public_product(&ops, id, &dv("DV UCC", "90"), None)
            .await
            .unwrap_err();
        assert!(matches!(
            catalog
                .set_public_product_active(&ops, id + 100, false, None)
                .await,
            Err(CatalogError::NotFound)
        ));
    }
}
