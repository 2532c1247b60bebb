//! A partner's price lists: named lists of what the sub-accounts on them pay, per product,
//! currency and validity (and per extra domain for multi-domain products), set beside the
//! operator's price the partner pays.

use app::i18n::Msg;
use app::model::{
    FieldErrors, Permission,
    sub_accounts::{ListPriceForm, ListPriceRow, PriceListView, fields, list_name},
};

use super::{PartnerError, PartnerService, require_partner};
use crate::{
    services::{
        audit::{self, AuditEntry},
        identity::Caller,
    },
    store::{StoreError, price_lists, products, sub_accounts},
};

/// Prices are the partner's finances: `ManageSubAccounts` and `ViewFinance` (a Sub Account
/// User sees sub-accounts but sets no prices).
fn require_pricing(caller: &Caller) -> Result<(), PartnerError> {
    caller.require(Permission::ManageSubAccounts)?;
    caller.require(Permission::ViewFinance)?;
    require_partner(caller)
}

impl PartnerService {
    /// A new price list (or the partner's list of that name, when the form is posted again).
    pub async fn create_price_list(
        &self,
        caller: &Caller,
        name: &str,
        ip: Option<String>,
    ) -> Result<i32, PartnerError> {
        require_pricing(caller)?;
        let name = list_name(name)
            .map_err(|m| PartnerError::Invalid(FieldErrors::single(fields::LIST_NAME, m)))?;
        let existing = price_lists::of_partner(&self.store, caller.account.id).await?;
        if let Some(list) = existing.iter().find(|l| l.name == name) {
            return Ok(list.id);
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        let list = match price_lists::insert(&tx, caller.account.id, &name, now).await {
            Ok(list) => list,
            Err(StoreError::Duplicate) => {
                drop(tx);
                return price_lists::of_partner(&self.store, caller.account.id)
                    .await?
                    .into_iter()
                    .find(|l| l.name == name)
                    .map(|l| l.id)
                    .ok_or(PartnerError::NotFound);
            }
            Err(e) => return Err(e.into()),
        };
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "sub_accounts",
                action: "price_list_created",
                summary: format!("Price list {name} created"),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(list.id)
    }

    /// A list with every price that may be set in it: each public product the partner may
    /// order, per currency and validity the operator prices it in.
    pub async fn price_list(
        &self,
        caller: &Caller,
        list_id: i32,
    ) -> Result<PriceListView, PartnerError> {
        require_pricing(caller)?;
        let list = price_lists::find(&self.store, caller.account.id, list_id)
            .await?
            .ok_or(PartnerError::NotFound)?;
        let set = price_lists::prices(&self.store, list.id).await?;
        let rows = products::orderable_for_account(&self.store, caller.account.id).await?;
        let ids: Vec<i32> = rows.iter().map(|r| r.id).collect();
        let operator_prices = products::prices_of(&self.store, &ids).await?;
        let mut out = Vec::new();
        for product in rows.iter().filter(|r| r.account_id.is_none()) {
            for p in operator_prices
                .iter()
                .filter(|p| p.product_id == product.id)
            {
                let mine = set.iter().find(|s| {
                    s.product_id == p.product_id
                        && *s.currency == *p.currency
                        && s.validity_days == p.validity_days
                });
                out.push(ListPriceRow {
                    product_id: product.id,
                    product: product.name.clone(),
                    multi_domain: product.kind.is_multi_domain(),
                    currency: *p.currency,
                    validity_days: p.validity_days,
                    partner_base_minor: p.base_minor,
                    partner_extra_minor: p.per_extra_domain_minor,
                    list_base_minor: mine.map(|m| m.base_minor),
                    list_extra_minor: mine.map(|m| m.per_extra_domain_minor),
                });
            }
        }
        out.sort_by(|a, b| {
            (a.product.as_str(), a.currency.as_str(), a.validity_days).cmp(&(
                b.product.as_str(),
                b.currency.as_str(),
                b.validity_days,
            ))
        });
        let sub_accounts = sub_accounts::of_partner(&self.store, caller.account.id)
            .await?
            .into_iter()
            .filter(|a| a.price_list_id == Some(list.id))
            .map(|a| a.name)
            .collect();
        Ok(PriceListView {
            id: list.id,
            name: list.name,
            can_price: true,
            rows: out,
            sub_accounts,
        })
    }

    /// Sets one price of a list. The product, currency and validity must be one the operator
    /// prices for the partner; a price below zero is refused on its field.
    pub async fn set_list_price(
        &self,
        caller: &Caller,
        list_id: i32,
        form: &ListPriceForm,
        ip: Option<String>,
    ) -> Result<(), PartnerError> {
        require_pricing(caller)?;
        let list = price_lists::find(&self.store, caller.account.id, list_id)
            .await?
            .ok_or(PartnerError::NotFound)?;
        let valid = form.validate().map_err(PartnerError::Invalid)?;
        let product =
            products::find_orderable_for_account(&self.store, caller.account.id, valid.product_id)
                .await?
                .filter(|p| p.account_id.is_none())
                .ok_or_else(|| {
                    PartnerError::Invalid(FieldErrors::single(
                        fields::PRODUCT,
                        Msg::new("err-choose-product"),
                    ))
                })?;
        let offered = products::prices_of(&self.store, &[product.id])
            .await?
            .iter()
            .any(|p| *p.currency == valid.currency && p.validity_days == valid.validity_days);
        if !offered {
            return Err(PartnerError::Invalid(FieldErrors::single(
                fields::VALIDITY,
                Msg::new("err-list-price-not-offered")
                    .arg("product", product.name.clone())
                    .arg("currency", valid.currency.as_str())
                    .arg("days", valid.validity_days),
            )));
        }
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        price_lists::set_price(&tx, list.id, &valid, now).await?;
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "sub_accounts",
                action: "list_price_set",
                summary: format!(
                    "Price list {}: {} for {} days costs {} (extra domain {})",
                    list.name,
                    product.name,
                    valid.validity_days,
                    app::model::Money::new(valid.base_minor, valid.currency),
                    app::model::Money::new(valid.per_extra_domain_minor, valid.currency),
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Puts a sub-account on one of the partner's lists, or on none (the operator's prices).
    pub async fn assign_price_list(
        &self,
        caller: &Caller,
        sub_account_id: i32,
        list_id: Option<i32>,
        ip: Option<String>,
    ) -> Result<(), PartnerError> {
        require_pricing(caller)?;
        let sub = self.reachable_one(caller, sub_account_id).await?;
        let list = match list_id {
            Some(id) => Some(
                price_lists::find(&self.store, caller.account.id, id)
                    .await?
                    .ok_or_else(|| {
                        PartnerError::Invalid(FieldErrors::single(
                            fields::PRICE_LIST,
                            Msg::new("err-choose-price-list"),
                        ))
                    })?,
            ),
            None => None,
        };
        let now = self.clock.now();
        let tx = self.store.begin().await?;
        if !sub_accounts::set_price_list(
            &tx,
            caller.account.id,
            sub.id,
            list.as_ref().map(|l| l.id),
        )
        .await?
        {
            return Err(PartnerError::NotFound);
        }
        audit::record(
            &tx,
            now,
            AuditEntry {
                account_id: Some(caller.account.id),
                user_id: Some(caller.user.id),
                ip,
                module: "sub_accounts",
                action: "price_list_assigned",
                summary: format!(
                    "Sub-account {} now pays {}",
                    sub.name,
                    list.as_ref()
                        .map_or("the operator's prices".to_owned(), |l| format!(
                            "price list {}",
                            l.name
                        ))
                ),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
