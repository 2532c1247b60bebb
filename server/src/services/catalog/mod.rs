//! Products and prices (ORD-1): the operator's public DV products and their prices, an
//! account's private CAs and the private products made on them, and what an account may order.

mod offers;
mod price_list;
mod private_cas;
mod private_products;
mod public_products;
mod seed;
mod seed_smime;

use app::i18n::Msg;
use std::sync::Arc;

use app::model::{
    FieldErrors, Permission,
    products::Price,
    template::{FieldRule, Template},
};

pub use offers::OrderProduct;
pub use price_list::{PRICE_LIST_XLSX, price_list_workbook};

use crate::{
    ca::{Authority, CaError, PROFILES},
    domain::validity::ValidityRule,
    ports::Clock,
    store::{
        Store, StoreError,
        products::{PriceRow, ProductRow},
    },
};

pub struct CatalogService {
    store: Store,
    authority: Arc<Authority>,
    clock: Arc<dyn Clock>,
}

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("the role lacks {0:?}")]
    Forbidden(Permission),
    #[error("only operator users may do this")]
    OperatorOnly,
    /// Another account's object, or none at all: the same answer for both.
    #[error("not found")]
    NotFound,
    #[error("invalid input: {0:?}")]
    Invalid(FieldErrors),
    /// The product exists but cannot be ordered today in the currency, with the reason.
    #[error("{0}")]
    NotOffered(Msg),
    #[error("stored product {id} is unreadable: {reason}")]
    Corrupt { id: i32, reason: String },
    #[error(transparent)]
    Ca(CaError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<crate::services::identity::Forbidden> for CatalogError {
    fn from(f: crate::services::identity::Forbidden) -> Self {
        Self::Forbidden(f.0)
    }
}

impl From<crate::services::identity::OperatorOnly> for CatalogError {
    fn from(_: crate::services::identity::OperatorOnly) -> Self {
        Self::OperatorOnly
    }
}

impl CatalogService {
    pub fn new(store: Store, authority: Arc<Authority>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            authority,
            clock,
        }
    }
}

fn invalid(field: &str, message: impl Into<Msg>) -> CatalogError {
    CatalogError::Invalid(FieldErrors::single(field, message))
}

/// The cap of a profile's validity rule on a day.
fn profile_rule(profile: &str) -> ValidityRule {
    PROFILES
        .iter()
        .find(|p| p.name == profile)
        .map_or(ValidityRule::TlsBr, |p| p.validity)
}

/// The profile S/MIME mailbox-validated products are issued under.
pub const SMIME_PROFILE: &str = "smime-mailbox-strict";

fn template_of(row: &ProductRow) -> Result<Template, CatalogError> {
    row.template
        .as_deref()
        .and_then(Template::parse)
        .ok_or_else(|| CatalogError::Corrupt {
            id: row.id,
            reason: "a private product without a template".into(),
        })
}

fn rules_of(row: &ProductRow) -> Result<Vec<FieldRule>, CatalogError> {
    serde_json::from_str(&row.field_rules).map_err(|e| CatalogError::Corrupt {
        id: row.id,
        reason: e.to_string(),
    })
}

fn checklist_of(row: &ProductRow) -> Vec<String> {
    serde_json::from_str(&row.checklist).unwrap_or_default()
}

fn price_of(p: &PriceRow) -> Price {
    Price {
        validity_days: p.validity_days,
        base_minor: p.base_minor,
        per_extra_domain_minor: p.per_extra_domain_minor,
    }
}

fn count(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::Arc;

    use super::CatalogService;
    use crate::{
        ca::test_support::{SECRET, authority_at},
        services::identity::{Caller, test_support::Harness},
    };

    impl CatalogService {
        pub(crate) fn for_harness(h: &Harness) -> Self {
            Self::new(
                h.store.clone(),
                Arc::new(authority_at(h.store.clone(), SECRET, h.clock.clone())),
                h.clock.clone(),
            )
        }
    }

    /// An account administrator (a new Enterprise account per address).
    pub async fn administrator(h: &Harness, email: &str) -> Caller {
        let token = h.signed_in(email).await;
        caller(h, &token).await
    }

    pub async fn caller(h: &Harness, token: &str) -> Caller {
        h.service.caller(token).await.unwrap().unwrap()
    }

    /// An operator user of the operator's account.
    pub async fn operator(h: &Harness) -> Caller {
        let session = h.signed_in_operator().await;
        caller(h, &session).await
    }
}
