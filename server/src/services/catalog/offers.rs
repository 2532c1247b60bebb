//! What an account may order: the order wizard's offers and the order service's product.

use app::i18n::Msg;
use app::model::{
    Permission,
    products::{CURRENCIES, Offer, Price, ProductKind, dynamic_fields},
    template::FieldRule,
};
use chrono::{DateTime, Utc};

use super::{
    CatalogError, CatalogService, SMIME_PROFILE, checklist_of, count, invalid, price_of,
    profile_rule, rules_of, template_of,
};
use crate::{
    services::identity::Caller,
    store::products::{self, PriceRow, ProductRow},
};

/// One product as the order service needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderProduct {
    pub offer: Offer,
    /// `tls-dv`, `tls-ov` or `tls-ev` for public products, `smime-mailbox-strict` for S/MIME
    /// ones, the template's profile for private ones.
    pub profile: &'static str,
    /// The private CA that issues it (private products).
    pub private_ca: Option<String>,
    /// The template's fixed and dynamic field rules (private products).
    pub template_fields: Option<Vec<FieldRule>>,
    pub auto_approve: bool,
    pub checklist: Vec<String>,
}

/// The offer of a row at `now` in `currency`, or `None` when nothing of it can be ordered:
/// public validity choices over today's cap or without a price in the currency are left out.
fn order_product(
    row: &ProductRow,
    prices: &[PriceRow],
    currency: &str,
    now: DateTime<Utc>,
) -> Result<Option<OrderProduct>, CatalogError> {
    let kind = *row.kind;
    let (profile, template_fields) = if kind == ProductKind::Private {
        let template = template_of(row)?;
        (template.profile(), Some(rules_of(row)?))
    } else if kind.is_smime() {
        (SMIME_PROFILE, None)
    } else {
        (kind.public_profile(), None)
    };
    let cap = profile_rule(profile).max_days(now);
    let mut validity_days = Vec::new();
    let mut offered_prices = Vec::new();
    for days in products::validity_days(row)
        .into_iter()
        .filter(|d| *d <= cap)
    {
        let price = if kind == ProductKind::Private {
            Some(Price {
                validity_days: days,
                base_minor: 0,
                per_extra_domain_minor: 0,
            })
        } else {
            prices
                .iter()
                .find(|p| {
                    p.product_id == row.id && p.currency == currency && p.validity_days == days
                })
                .map(price_of)
        };
        if let Some(price) = price {
            validity_days.push(days);
            offered_prices.push(price);
        }
    }
    if validity_days.is_empty() {
        return Ok(None);
    }
    Ok(Some(OrderProduct {
        offer: Offer {
            id: row.id,
            name: row.name.clone(),
            kind,
            validity_days,
            currency: currency.to_owned(),
            prices: offered_prices,
            included_domains: count(row.included_domains),
            max_domains: count(row.max_domains),
            wildcard: kind.is_wildcard(),
            multi_domain: kind.is_multi_domain(),
            dynamic_fields: template_fields
                .as_deref()
                .map(dynamic_fields)
                .unwrap_or_default(),
            auto_approve: row.auto_approve,
        },
        profile,
        private_ca: row.private_ca.clone(),
        template_fields,
        auto_approve: row.auto_approve,
        checklist: checklist_of(row),
    }))
}

impl CatalogService {
    /// The operator's prices as this account pays them: a sub-account on its partner's price
    /// list pays the list's price wherever the list sets one (the operator's price elsewhere).
    async fn with_list_prices(
        &self,
        account_id: i32,
        mut prices: Vec<PriceRow>,
    ) -> Result<Vec<PriceRow>, CatalogError> {
        let Some(list) = crate::store::accounts::find(&self.store, account_id)
            .await?
            .and_then(|a| a.price_list_id)
        else {
            return Ok(prices);
        };
        let set = crate::store::price_lists::prices(&self.store, list).await?;
        for p in &mut prices {
            if let Some(mine) = set.iter().find(|m| {
                m.product_id == p.product_id
                    && *m.currency == *p.currency
                    && m.validity_days == p.validity_days
            }) {
                p.base_minor = mine.base_minor;
                p.per_extra_domain_minor = mine.per_extra_domain_minor;
            }
        }
        Ok(prices)
    }

    /// What the caller's account may order, priced in `currency` (public products without a
    /// price in it are left out). Needs `RequestCertificates`.
    pub async fn offers(
        &self,
        caller: &Caller,
        currency: &str,
    ) -> Result<Vec<Offer>, CatalogError> {
        caller.require(Permission::RequestCertificates)?;
        if !CURRENCIES.contains(&currency) {
            return Err(invalid("currency", Msg::new("err-choose-usd-inr")));
        }
        let rows = products::orderable_for_account(&self.store, caller.account.id).await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let prices = self
            .with_list_prices(
                caller.account.id,
                products::prices_of(&self.store, &ids).await?,
            )
            .await?;
        let now = self.clock.now();
        let mut offers = Vec::new();
        for row in &rows {
            if let Some(p) = order_product(row, &prices, currency, now)? {
                offers.push(p.offer);
            }
        }
        Ok(offers)
    }

    /// One product as the order service needs it (account-scoped: another account's private
    /// product, or an inactive one → NotFound; one with nothing orderable in `currency` today →
    /// `NotOffered`).
    pub async fn product_for_order(
        &self,
        account_id: i32,
        product_id: i32,
        currency: &str,
    ) -> Result<OrderProduct, CatalogError> {
        let row = products::find_orderable_for_account(&self.store, account_id, product_id)
            .await?
            .ok_or(CatalogError::NotFound)?;
        let prices = self
            .with_list_prices(
                account_id,
                products::prices_of(&self.store, &[row.id]).await?,
            )
            .await?;
        order_product(&row, &prices, currency, self.clock.now())?.ok_or_else(|| {
            CatalogError::NotOffered(
                Msg::new("err-row-has-no-validity-within")
                    .arg("row", row.name)
                    .arg("currency", currency),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use app::model::products::{PriceForm, PublicProductForm, QuoteError, check_names, quote};
    use chrono::TimeZone;

    use super::*;
    use crate::services::{
        catalog::test_support::{administrator, operator},
        identity::test_support::harness,
    };

    fn price(currency: &str, days: i64, base: &str, extra: &str) -> PriceForm {
        PriceForm {
            currency: currency.into(),
            validity_days: days.to_string(),
            base: base.into(),
            per_extra_domain: extra.into(),
        }
    }

    #[tokio::test]
    async fn offers_are_priced_in_the_currency_and_within_todays_cap() {
        let h = harness().await;
        let ops = operator(&h).await;
        let admin = administrator(&h, "asha@example.com").await;
        let catalog = CatalogService::for_harness(&h);
        let single = catalog
            .add_public_product(
                &ops,
                &PublicProductForm {
                    kind: "dv_single".into(),
                    name: "DV SSL".into(),
                    validity_days: "90, 199".into(),
                    ..Default::default()
                },
                None,
            )
            .await
            .unwrap();
        for p in [
            price("USD", 90, "30", ""),
            price("USD", 199, "49", ""),
            price("INR", 199, "3999", ""),
        ] {
            catalog
                .set_public_price(&ops, single, &p, None)
                .await
                .unwrap();
        }
        let ucc = catalog
            .add_public_product(
                &ops,
                &PublicProductForm {
                    kind: "dv_ucc".into(),
                    name: "DV UCC SSL".into(),
                    validity_days: "199".into(),
                    included_domains: "3".into(),
                    max_domains: "10".into(),
                },
                None,
            )
            .await
            .unwrap();
        catalog
            .set_public_price(&ops, ucc, &price("INR", 199, "7999", "1599"), None)
            .await
            .unwrap();

        let usd = catalog.offers(&admin, "USD").await.unwrap();
        assert_eq!(usd.len(), 1, "the UCC product has no USD price: {usd:?}");
        assert_eq!(usd[0].validity_days, [90, 199]);
        assert_eq!(quote(&usd[0], 199, 1).unwrap().total_minor, 4_900);
        let inr = catalog.offers(&admin, "INR").await.unwrap();
        assert_eq!(
            inr.iter()
                .map(|o| (o.id, o.validity_days.clone()))
                .collect::<Vec<_>>(),
            [(single, vec![199]), (ucc, vec![199])]
        );
        let ucc_offer = &inr[1];
        assert!(ucc_offer.multi_domain && !ucc_offer.wildcard);
        assert_eq!(
            quote(ucc_offer, 199, 5).unwrap().total_minor,
            799_900 + 2 * 159_900
        );
        assert_eq!(
            quote(ucc_offer, 199, 11),
            Err(QuoteError::TooManyDomains { max: 10 })
        );
        assert!(check_names(ucc_offer, &["a.example.com", "b.example.com"]).is_ok());

        // After 2027-03-15 only choices within the 100-day cap are offered.
        h.clock
            .set(chrono::Utc.with_ymd_and_hms(2027, 3, 16, 0, 0, 0).unwrap());
        let usd = catalog.offers(&admin, "USD").await.unwrap();
        assert_eq!(usd.len(), 1);
        assert_eq!(usd[0].validity_days, [90]);
        assert!(catalog.offers(&admin, "INR").await.unwrap().is_empty());
        assert!(matches!(
            catalog
                .product_for_order(admin.account.id, single, "INR")
                .await,
            Err(CatalogError::NotOffered(_))
        ));
        let order = catalog
            .product_for_order(admin.account.id, single, "USD")
            .await
            .unwrap();
        assert_eq!(order.profile, "tls-dv");
        assert_eq!(order.private_ca, None);

        // A deactivated product is neither offered nor orderable.
        catalog
            .set_public_product_active(&ops, single, false, None)
            .await
            .unwrap();
        assert!(catalog.offers(&admin, "USD").await.unwrap().is_empty());
        assert!(matches!(
            catalog
                .product_for_order(admin.account.id, single, "USD")
                .await,
            Err(CatalogError::NotFound)
        ));

        // Ordering needs `RequestCertificates`.
        let mut no_orders = admin.clone();
        no_orders
            .permissions
            .retain(|p| *p != Permission::RequestCertificates);
        assert!(matches!(
            catalog.offers(&no_orders, "USD").await,
            Err(CatalogError::Forbidden(Permission::RequestCertificates))
        ));
    }
}
