//! The default public products, DV, OV and EV, so a fresh install can take orders; an install
//! that had DV products before OV and EV existed gets those once.

use app::model::{Currency, products::ProductKind};

use super::{CatalogError, CatalogService};
use crate::{
    domain::validity::ValidityRule,
    services::audit::{self, AuditEntry},
    store::products::{self, NewPrice, ProductFields},
};

struct DefaultProduct {
    kind: ProductKind,
    name: &'static str,
    included: i32,
    max: i32,
    /// (currency, base, per extra domain) in minor units.
    prices: [(Currency, i64, i64); 2],
}

const DEFAULTS: [DefaultProduct; 10] = [
    DefaultProduct {
        kind: ProductKind::DvSingle,
        name: "DV SSL",
        included: 1,
        max: 1,
        prices: [(Currency::Usd, 4_900, 0), (Currency::Inr, 399_900, 0)],
    },
    DefaultProduct {
        kind: ProductKind::DvWildcard,
        name: "DV Wildcard SSL",
        included: 1,
        max: 1,
        prices: [(Currency::Usd, 19_900, 0), (Currency::Inr, 1_599_900, 0)],
    },
    DefaultProduct {
        kind: ProductKind::DvUcc,
        name: "DV UCC SSL",
        included: 3,
        max: 100,
        prices: [
            (Currency::Usd, 9_900, 2_000),
            (Currency::Inr, 799_900, 159_900),
        ],
    },
    DefaultProduct {
        kind: ProductKind::DvWildcardUcc,
        name: "DV Wildcard UCC SSL",
        included: 3,
        max: 100,
        prices: [
            (Currency::Usd, 29_900, 9_900),
            (Currency::Inr, 2_399_900, 799_900),
        ],
    },
    DefaultProduct {
        kind: ProductKind::OvSingle,
        name: "OV SSL",
        included: 1,
        max: 1,
        prices: [(Currency::Usd, 14_900, 0), (Currency::Inr, 1_199_900, 0)],
    },
    DefaultProduct {
        kind: ProductKind::OvWildcard,
        name: "OV Wildcard SSL",
        included: 1,
        max: 1,
        prices: [(Currency::Usd, 39_900, 0), (Currency::Inr, 3_199_900, 0)],
    },
    DefaultProduct {
        kind: ProductKind::OvUcc,
        name: "OV Multi-Domain SSL",
        included: 3,
        max: 100,
        prices: [
            (Currency::Usd, 24_900, 4_900),
            (Currency::Inr, 1_999_900, 399_900),
        ],
    },
    DefaultProduct {
        kind: ProductKind::OvWildcardUcc,
        name: "OV Multi-Domain Wildcard SSL",
        included: 3,
        max: 100,
        prices: [
            (Currency::Usd, 59_900, 14_900),
            (Currency::Inr, 4_799_900, 1_199_900),
        ],
    },
    DefaultProduct {
        kind: ProductKind::EvSingle,
        name: "EV SSL",
        included: 1,
        max: 1,
        prices: [(Currency::Usd, 29_900, 0), (Currency::Inr, 2_399_900, 0)],
    },
    DefaultProduct {
        kind: ProductKind::EvUcc,
        name: "EV Multi-Domain SSL",
        included: 3,
        max: 100,
        prices: [
            (Currency::Usd, 49_900, 9_900),
            (Currency::Inr, 3_999_900, 799_900),
        ],
    },
];

/// Whether two kinds belong to one family of the default catalogue (DV, OV, EV).
fn same_family(a: ProductKind, b: ProductKind) -> bool {
    ProductKind::PUBLIC.contains(&a)
        && ProductKind::PUBLIC.contains(&b)
        && a.vetting_level() == b.vetting_level()
}

impl CatalogService {
    /// Adds the default products of each family (DV, OV, EV) that has no operator product at all,
    /// priced in USD and INR for one validity a day under today's TLS cap and under each coming
    /// cap (at the same price per day), so they stay orderable when the cap drops. An
    /// operator's own products of a family, active or withdrawn, keep the defaults of that
    /// family out. Returns whether it added any.
    pub async fn seed_public_products(&self) -> Result<bool, CatalogError> {
        let now = self.clock.now();
        let all_days = ValidityRule::TlsBr.default_days_from(now);
        let longest = all_days.first().copied().unwrap_or(1).max(1);
        let tx = self.store.begin().await?;
        let present = products::operator_kinds(&tx).await?;
        let missing: Vec<&DefaultProduct> = DEFAULTS
            .iter()
            .filter(|d| !present.iter().any(|k| same_family(*k, d.kind)))
            .collect();
        if missing.is_empty() {
            return Ok(false);
        }
        for d in &missing {
            let row = products::insert(
                &tx,
                None,
                d.kind,
                ProductFields {
                    name: d.name,
                    validity_days: &all_days,
                    included_domains: d.included,
                    max_domains: d.max,
                    private_ca: None,
                    template: None,
                    field_rules: "",
                    auto_approve: false,
                    checklist: "[]",
                },
                now,
            )
            .await?;
            for (currency, base_minor, per_extra_domain_minor) in d.prices {
                for days in &all_days {
                    // Whole cents or paise, rounded up: the same price per day.
                    let scaled = |minor: i64| (minor * days + longest - 1) / longest;
                    products::set_price_for_operator(
                        &tx,
                        app::model::ProductId(row.id),
                        NewPrice {
                            currency,
                            validity_days: *days,
                            base_minor: scaled(base_minor),
                            per_extra_domain_minor: scaled(per_extra_domain_minor),
                        },
                    )
                    .await?;
                }
            }
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: None,
                user_id: None,
                ip: None,
                module: "products",
                action: "default_products_added",
                summary: format!(
                    "Default products added: {} ({} days, USD and INR)",
                    missing
                        .iter()
                        .map(|d| d.name)
                        .collect::<Vec<_>>()
                        .join(", "),
                    all_days
                        .iter()
                        .map(i64::to_string)
                        .collect::<Vec<_>>()
                        .join("/")
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use app::model::products::{ProductKind, PublicProductForm, quote};

    use super::*;
    use crate::services::{
        catalog::test_support::{administrator, operator},
        identity::test_support::harness,
    };

    #[tokio::test]
    async fn a_fresh_install_gets_the_default_products_once() {
        let h = harness().await;
        let admin = administrator(&h, "asha@example.com").await;
        let ops = operator(&h).await;
        let catalog = CatalogService::for_harness(&h);
        assert!(catalog.seed_public_products().await.unwrap());
        assert!(!catalog.seed_public_products().await.unwrap());
        let page = catalog.public_products(&ops).await.unwrap();
        assert_eq!(
            page.products.iter().map(|p| p.kind).collect::<Vec<_>>(),
            ProductKind::PUBLIC
        );
        for currency in ["USD", "INR"] {
            let offers = catalog.offers(&admin, currency).await.unwrap();
            assert_eq!(offers.len(), ProductKind::PUBLIC.len(), "{currency}");
            for offer in &offers {
                // A day under the 200-day cap of 2026-11-21, and under the coming caps.
                assert_eq!(offer.validity_days, [46, 99, 199]);
                assert!(quote(offer, 199, 1).unwrap().total_minor > 0);
            }
        }
        // After the cap drops to 100 days the same products are still orderable.
        h.clock.set(crate::domain::validity::date(2027, 4, 1));
        let offers = catalog.offers(&admin, "USD").await.unwrap();
        assert_eq!(offers.len(), ProductKind::PUBLIC.len());
        assert!(
            offers.iter().all(|o| o.validity_days == [46, 99]),
            "{offers:?}"
        );
    }

    #[tokio::test]
    async fn seeding_leaves_an_operators_own_family_alone_and_adds_the_missing_one() {
        let h = harness().await;
        let ops = operator(&h).await;
        let catalog = CatalogService::for_harness(&h);
        let id = catalog
            .add_public_product(
                &ops,
                &PublicProductForm {
                    kind: "dv_single".into(),
                    name: "Only this".into(),
                    validity_days: "90".into(),
                    ..Default::default()
                },
                None,
            )
            .await
            .unwrap();
        catalog
            .set_public_product_active(&ops, id, false, None)
            .await
            .unwrap();
        // An install from before OV products existed: its DV products stay as they are, and
        // the OV defaults come once.
        assert!(catalog.seed_public_products().await.unwrap());
        assert!(!catalog.seed_public_products().await.unwrap());
        let kinds: Vec<ProductKind> = catalog
            .public_products(&ops)
            .await
            .unwrap()
            .products
            .iter()
            .map(|p| p.kind)
            .collect();
        assert_eq!(
            kinds,
            [
                ProductKind::DvSingle,
                ProductKind::OvSingle,
                ProductKind::OvWildcard,
                ProductKind::OvUcc,
                ProductKind::OvWildcardUcc,
                ProductKind::EvSingle,
                ProductKind::EvUcc,
            ]
        );
    }
}
