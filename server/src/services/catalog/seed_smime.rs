//! The default S/MIME product (VAL-5), so an install can sell mailbox-validated certificates.
//! Added on its own (not with the DV defaults) so installs that already have products get it
//! too; an operator who has any S/MIME product, active or not, keeps theirs alone.

use app::model::products::ProductKind;

use super::{CatalogError, CatalogService};
use crate::{
    services::audit::{self, AuditEntry},
    store::products::{self, NewPrice, ProductFields},
};

/// Certum's "S/MIME Mailbox 365 days": a year, well under the S/MIME BRs' 825 days.
pub const SMIME_DAYS: i64 = 365;
const NAME: &str = "S/MIME Mailbox Validated - Strict";
/// (currency, price) in minor units.
const PRICES: [(app::model::Currency, i64); 2] = [
    (app::model::Currency::Usd, 2_900),
    (app::model::Currency::Inr, 199_900),
];

impl CatalogService {
    /// Adds the S/MIME product priced in USD and INR when the operator has none. Whether it did.
    pub async fn seed_smime_product(&self) -> Result<bool, CatalogError> {
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let existing = products::public_for_operator(&tx).await?;
        if existing
            .iter()
            .any(|p| *p.kind == ProductKind::SmimeMailbox)
        {
            return Ok(false);
        }
        let row = products::insert(
            &tx,
            None,
            ProductKind::SmimeMailbox,
            ProductFields {
                name: NAME,
                validity_days: &[SMIME_DAYS],
                included_domains: 1,
                max_domains: 1,
                private_ca: None,
                template: None,
                field_rules: "",
                auto_approve: false,
                checklist: "[]",
            },
            now,
        )
        .await?;
        for (currency, base_minor) in PRICES {
            products::set_price_for_operator(
                &tx,
                app::model::ProductId(row.id),
                NewPrice {
                    currency,
                    validity_days: SMIME_DAYS,
                    base_minor,
                    per_extra_domain_minor: 0,
                },
            )
            .await?;
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
                summary: format!("Default S/MIME product added ({SMIME_DAYS} days, USD and INR)"),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use app::model::products::quote;

    use super::*;
    use crate::services::{
        catalog::test_support::{administrator, operator},
        identity::test_support::harness,
    };

    #[tokio::test]
    async fn the_smime_product_is_added_once_beside_the_dv_products_and_priced() {
        let h = harness().await;
        let admin = administrator(&h, "asha@example.com").await;
        let ops = operator(&h).await;
        let catalog = CatalogService::for_harness(&h);
        assert!(catalog.seed_public_products().await.unwrap());
        assert!(catalog.seed_smime_product().await.unwrap());
        assert!(!catalog.seed_smime_product().await.unwrap());
        let kinds: Vec<ProductKind> = catalog
            .public_products(&ops)
            .await
            .unwrap()
            .products
            .iter()
            .map(|p| p.kind)
            .collect();
        assert_eq!(
            kinds
                .iter()
                .filter(|k| **k == ProductKind::SmimeMailbox)
                .count(),
            1
        );
        let offers = catalog.offers(&admin, "INR").await.unwrap();
        let smime = offers
            .iter()
            .find(|o| o.kind == ProductKind::SmimeMailbox)
            .unwrap();
        assert_eq!(smime.validity_days, [SMIME_DAYS]);
        assert_eq!(quote(smime, SMIME_DAYS, 1).unwrap().total_minor, 199_900);
        let product = catalog
            .product_for_order(admin.account.id, smime.id, "INR")
            .await
            .unwrap();
        assert_eq!(product.profile, "smime-mailbox-strict");
    }

    #[tokio::test]
    async fn an_operators_own_smime_product_is_left_alone_even_when_inactive() {
        let h = harness().await;
        let ops = operator(&h).await;
        let catalog = CatalogService::for_harness(&h);
        assert!(catalog.seed_smime_product().await.unwrap());
        let id = catalog.public_products(&ops).await.unwrap().products[0].id;
        catalog
            .set_public_product_active(&ops, id, false, None)
            .await
            .unwrap();
        assert!(!catalog.seed_smime_product().await.unwrap());
        assert_eq!(
            catalog.public_products(&ops).await.unwrap().products.len(),
            1
        );
    }
}
