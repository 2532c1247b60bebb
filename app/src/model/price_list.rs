//! The product price list (FIN-4): every product the account can order, with what the account
//! pays for each validity in each currency, as the billing pages list it and the Excel export
//! writes it. The prices are the order wizard's offers, so the list never disagrees with what
//! an order costs.

use serde::{Deserialize, Serialize};

use super::{
    FieldErrors,
    money::{Currency, Money},
    products::ProductKind,
};
use crate::i18n::Msg;

/// The longest product-name filter: a product name is at most 64 characters, and this is the
/// limit the other search fields share.
pub const PRODUCT_FILTER_MAX_CHARS: usize = 254;

/// The filters as typed (query-string values of the page's GET form and the export's link).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceListQuery {
    /// `USD` or `INR`; empty for every currency.
    #[serde(default)]
    pub currency: String,
    /// A product kind's stored name (`dv_single`, …); empty for every kind.
    #[serde(default)]
    pub kind: String,
    /// Part of a product's name, in any case; empty for every product.
    #[serde(default)]
    pub product: String,
}

/// The filters once checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PriceListFilter {
    /// `None`: every currency.
    pub currency: Option<Currency>,
    /// `None`: every kind.
    pub kind: Option<ProductKind>,
    /// Lower-cased, trimmed; `None`: every product.
    pub product: Option<String>,
}

impl PriceListQuery {
    /// The filters, or every problem with them against its field.
    pub fn validate(&self) -> Result<PriceListFilter, FieldErrors> {
        let mut errors = FieldErrors::new();
        let currency = match self.currency.trim() {
            "" => None,
            code => {
                let currency = Currency::parse(&code.to_ascii_uppercase());
                if currency.is_none() {
                    errors.add("currency", Msg::new("err-product-prices-currency"));
                }
                currency
            }
        };
        let kind = match self.kind.trim() {
            "" => None,
            name => {
                let kind = ProductKind::parse(name);
                if kind.is_none() {
                    errors.add("kind", Msg::new("err-product-prices-kind"));
                }
                kind
            }
        };
        let product = self.product.trim();
        if product.chars().count() > PRODUCT_FILTER_MAX_CHARS {
            errors.add("product", Msg::new("err-enter-most-254-characters"));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PriceListFilter {
            currency,
            kind,
            product: (!product.is_empty()).then(|| product.to_lowercase()),
        })
    }
}

impl PriceListFilter {
    /// Whether a product of `kind` named `name` passes the kind and name filters.
    pub fn keeps(&self, kind: ProductKind, name: &str) -> bool {
        self.kind.is_none_or(|k| k == kind)
            && self
                .product
                .as_deref()
                .is_none_or(|part| name.to_lowercase().contains(part))
    }
}

/// One product at one validity in one currency: what the account pays for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceListRow {
    pub product_id: i32,
    pub product: String,
    pub kind: ProductKind,
    pub validity_days: i64,
    /// The price of the certificate with its included names.
    pub base: Money,
    /// Multi-domain products: each name beyond `included_domains`; `None` for other kinds.
    pub per_extra_domain: Option<Money>,
    /// The names the base price covers (1 for single-name kinds).
    pub included_domains: u32,
}

/// The kinds the kind filter offers, in the order the list shows them.
pub const KINDS: [ProductKind; 12] = [
    ProductKind::DvSingle,
    ProductKind::DvWildcard,
    ProductKind::DvUcc,
    ProductKind::DvWildcardUcc,
    ProductKind::OvSingle,
    ProductKind::OvWildcard,
    ProductKind::OvUcc,
    ProductKind::OvWildcardUcc,
    ProductKind::EvSingle,
    ProductKind::EvUcc,
    ProductKind::SmimeMailbox,
    ProductKind::Private,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn query(currency: &str, kind: &str, product: &str) -> PriceListQuery {
        PriceListQuery {
            currency: currency.into(),
            kind: kind.into(),
            product: product.into(),
        }
    }

    #[test]
    fn empty_filters_keep_everything() {
        let filter = PriceListQuery::default().validate().unwrap();
        assert_eq!(filter, PriceListFilter::default());
        assert!(filter.keeps(ProductKind::EvUcc, "EV Multi-Domain SSL"));
    }

    #[test]
    fn filters_read_a_currency_a_kind_and_part_of_a_name_in_any_case() {
        let filter = query(" usd ", "dv_ucc", "  Ucc ").validate().unwrap();
        assert_eq!(filter.currency, Some(Currency::Usd));
        assert_eq!(filter.kind, Some(ProductKind::DvUcc));
        assert_eq!(filter.product.as_deref(), Some("ucc"));
        assert!(filter.keeps(ProductKind::DvUcc, "DV UCC SSL"));
        assert!(!filter.keeps(ProductKind::DvUcc, "DV SSL"));
        assert!(!filter.keeps(ProductKind::OvUcc, "OV UCC SSL"));
    }

    #[test]
    fn unknown_currency_kind_and_overlong_name_are_refused_on_their_fields() {
        let errors = query("EUR", "gold", &"x".repeat(255))
            .validate()
            .unwrap_err();
        for field in ["currency", "kind", "product"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert!(query("", "", &"x".repeat(254)).validate().is_ok());
    }

    #[test]
    fn every_kind_is_offered_by_the_kind_filter() {
        for kind in ProductKind::PUBLIC
            .into_iter()
            .chain([ProductKind::Private, ProductKind::SmimeMailbox])
        {
            assert!(KINDS.contains(&kind), "{kind:?}");
        }
    }
}
