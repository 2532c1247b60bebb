//! A partner's sub-accounts (ID-11) and the price lists it sets for them (FIN-4): the forms
//! as posted, their rules, and what the sub-accounts pages show.

use serde::{Deserialize, Serialize};

use super::{
    AccountStatus, Currency, Email, FieldErrors, billing::parse_minor_units, form_values, text,
};
use crate::i18n::Msg;

/// Field names as they appear in the forms, so messages land beside the right input.
pub mod fields {
    pub const ORGANIZATION: &str = "organization";
    pub const COUNTRY: &str = "country";
    pub const CURRENCY: &str = "currency";
    pub const ADMIN_NAME: &str = "admin_name";
    pub const ADMIN_EMAIL: &str = "admin_email";
    pub const PRICE_LIST: &str = "price_list_id";
    pub const GROUP: &str = "group_id";
    pub const LIST_NAME: &str = "name";
    pub const PRODUCT: &str = "product_id";
    pub const VALIDITY: &str = "validity_days";
    pub const BASE: &str = "base";
    pub const EXTRA: &str = "per_extra_domain";
    pub const REASON: &str = "reason";
}

/// The new sub-account form exactly as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubAccountForm {
    pub organization: String,
    pub country: String,
    pub currency: String,
    pub admin_name: String,
    pub admin_email: String,
    /// A price list of the partner's; empty: the sub-account pays the operator's list prices.
    #[serde(default)]
    pub price_list_id: String,
    /// The partner's group whose Sub Account Users look after it; empty: the default group.
    #[serde(default)]
    pub group_id: String,
    /// Ticked: the sub-account's orders wait for the partner's approval.
    #[serde(default, deserialize_with = "form_values::checkbox")]
    pub parent_approval: bool,
}

/// A new sub-account that passed every field rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSubAccount {
    pub organization: String,
    pub country: String,
    pub currency: Currency,
    pub admin_name: String,
    pub admin_email: Email,
    pub price_list_id: Option<i32>,
    pub group_id: Option<i32>,
    pub parent_approval: bool,
}

/// An optional id field: empty is none; anything but a positive number is the given error.
fn optional_id(raw: &str, error: &'static str) -> Result<Option<i32>, Msg> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    raw.parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .map(Some)
        .ok_or_else(|| Msg::new(error))
}

fn currency(raw: &str) -> Result<Currency, Msg> {
    Currency::parse(raw.trim()).ok_or_else(|| Msg::new("err-choose-usd-inr"))
}

impl SubAccountForm {
    pub fn validate(&self) -> Result<ValidSubAccount, FieldErrors> {
        let mut errors = FieldErrors::new();
        let organization = errors.check(
            fields::ORGANIZATION,
            text::organization_name(&self.organization),
        );
        let country = errors.check(fields::COUNTRY, text::country(&self.country));
        let currency = errors.check(fields::CURRENCY, currency(&self.currency));
        let admin_name = errors.check(fields::ADMIN_NAME, text::person_name(&self.admin_name));
        let admin_email = errors.check(fields::ADMIN_EMAIL, Email::parse(&self.admin_email));
        let price_list_id = errors.check(
            fields::PRICE_LIST,
            optional_id(&self.price_list_id, "err-choose-price-list"),
        );
        let group_id = errors.check(
            fields::GROUP,
            optional_id(&self.group_id, "err-choose-group"),
        );
        match (
            organization,
            country,
            currency,
            admin_name,
            admin_email,
            price_list_id,
            group_id,
        ) {
            (
                Some(organization),
                Some(country),
                Some(currency),
                Some(admin_name),
                Some(admin_email),
                Some(price_list_id),
                Some(group_id),
            ) if errors.is_empty() => Ok(ValidSubAccount {
                organization,
                country,
                currency,
                admin_name,
                admin_email,
                price_list_id,
                group_id,
                parent_approval: self.parent_approval,
            }),
            _ => Err(errors),
        }
    }
}

/// A price list's name: 1–80 characters of text.
pub fn list_name(raw: &str) -> Result<String, Msg> {
    let name = raw.trim();
    if name.is_empty() || name.chars().count() > 80 || name.chars().any(char::is_control) {
        return Err(Msg::new("err-price-list-name"));
    }
    Ok(name.to_owned())
}

/// One price a partner sets in a list, exactly as posted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPriceForm {
    pub product_id: String,
    pub currency: String,
    pub validity_days: String,
    pub base: String,
    /// Only for multi-domain products; empty is zero.
    #[serde(default)]
    pub per_extra_domain: String,
}

/// A list price that passed every field rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ValidListPrice {
    pub product_id: i32,
    pub currency: Currency,
    pub validity_days: i64,
    pub base_minor: i64,
    pub per_extra_domain_minor: i64,
}

/// A price the partner types: a plain amount, never below zero.
fn list_amount(raw: &str, required: bool) -> Result<i64, Msg> {
    if raw.trim().starts_with('-') {
        return Err(Msg::new("err-price-below-zero"));
    }
    match parse_minor_units(raw) {
        Ok(Some(minor)) => Ok(minor),
        Ok(None) if !required => Ok(0),
        _ => Err(Msg::new("err-enter-price")),
    }
}

impl ListPriceForm {
    pub fn validate(&self) -> Result<ValidListPrice, FieldErrors> {
        let mut errors = FieldErrors::new();
        let product_id = errors.check(
            fields::PRODUCT,
            optional_id(&self.product_id, "err-choose-product")
                .and_then(|id| id.ok_or_else(|| Msg::new("err-choose-product"))),
        );
        let currency = errors.check(fields::CURRENCY, currency(&self.currency));
        let validity_days = errors.check(
            fields::VALIDITY,
            self.validity_days
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|d| (1..=3650).contains(d))
                .ok_or_else(|| Msg::new("err-choose-validity")),
        );
        let base = errors.check(fields::BASE, list_amount(&self.base, true));
        let extra = errors.check(fields::EXTRA, list_amount(&self.per_extra_domain, false));
        match (product_id, currency, validity_days, base, extra) {
            (Some(product_id), Some(currency), Some(validity_days), Some(base), Some(extra))
                if errors.is_empty() =>
            {
                Ok(ValidListPrice {
                    product_id,
                    currency,
                    validity_days,
                    base_minor: base,
                    per_extra_domain_minor: extra,
                })
            }
            _ => Err(errors),
        }
    }
}

/// One sub-account as its partner's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubAccountSummary {
    pub id: i32,
    pub name: String,
    pub country: String,
    pub currency: Currency,
    pub status: AccountStatus,
    pub price_list: Option<String>,
    pub price_list_id: Option<i32>,
    pub group: Option<String>,
    pub parent_approval: bool,
    pub administrator: String,
    pub orders: u64,
}

/// A price list with the number of sub-accounts on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceListSummary {
    pub id: i32,
    pub name: String,
    pub prices: u64,
    pub sub_accounts: u64,
}

/// A sub-account's order waiting for its partner: what the partner checks before paying.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParentApprovalRow {
    pub order_id: i32,
    pub sub_account: String,
    pub product: String,
    pub names: Vec<String>,
    pub validity_days: i32,
    pub requester: String,
    pub placed_at: super::Moment,
    /// What the sub-account pays the partner.
    pub sub_account_price: super::Money,
    /// What the partner pays the operator.
    pub partner_price: super::Money,
}

/// A paid sub-account order as the partner's list shows it, with the margin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubAccountOrderRow {
    pub order_id: i32,
    pub sub_account: String,
    pub product: String,
    pub status: super::order_status::OrderStatus,
    pub placed_at: super::Moment,
    pub sub_account_price: super::Money,
    pub partner_price: super::Money,
    /// The sub-account price less the partner price, when both are in one currency.
    pub margin: Option<super::Money>,
}

/// A group of the partner, to choose who looks after a new sub-account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChoice {
    pub id: i32,
    pub name: String,
}

/// The sub-accounts page: what the caller's role lets them see there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubAccountsPage {
    /// The caller may create, suspend and reactivate sub-accounts.
    pub can_create: bool,
    /// The caller may set price lists.
    pub can_price: bool,
    /// The caller may approve the sub-accounts' orders.
    pub can_approve: bool,
    pub sub_accounts: Vec<SubAccountSummary>,
    pub price_lists: Vec<PriceListSummary>,
    pub groups: Vec<GroupChoice>,
    pub waiting: Vec<ParentApprovalRow>,
    pub orders: Vec<SubAccountOrderRow>,
}

/// One product's prices in a list beside the operator's, per currency and validity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPriceRow {
    pub product_id: i32,
    pub product: String,
    pub multi_domain: bool,
    pub currency: Currency,
    pub validity_days: i64,
    /// The operator's price: what the partner pays.
    pub partner_base_minor: i64,
    pub partner_extra_minor: i64,
    /// The list's price, when set: what a sub-account on the list pays.
    pub list_base_minor: Option<i64>,
    pub list_extra_minor: Option<i64>,
}

/// A price list and every price that may be set in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceListView {
    pub id: i32,
    pub name: String,
    pub can_price: bool,
    pub rows: Vec<ListPriceRow>,
    pub sub_accounts: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> SubAccountForm {
        SubAccountForm {
            organization: "Kiran Traders".into(),
            country: "IN".into(),
            currency: "INR".into(),
            admin_name: "Kiran Rao".into(),
            admin_email: "kiran@kirantraders.co.in".into(),
            price_list_id: "3".into(),
            group_id: String::new(),
            parent_approval: true,
        }
    }

    #[test]
    fn a_complete_sub_account_form_is_valid() {
        let v = good().validate().unwrap();
        assert_eq!(v.currency, Currency::Inr);
        assert_eq!(v.price_list_id, Some(3));
        assert_eq!(v.group_id, None);
        assert!(v.parent_approval);
    }

    /// A change that spoils one field, and the field it spoils.
    type Spoil = (fn(&mut SubAccountForm), &'static str);

    #[test]
    fn each_bad_field_is_named() {
        let cases: [Spoil; 6] = [
            (|f| f.organization = String::new(), fields::ORGANIZATION),
            (|f| f.currency = "EUR".into(), fields::CURRENCY),
            (
                |f| f.admin_email = "not an address".into(),
                fields::ADMIN_EMAIL,
            ),
            (|f| f.admin_name = String::new(), fields::ADMIN_NAME),
            (|f| f.price_list_id = "x".into(), fields::PRICE_LIST),
            (|f| f.group_id = "-2".into(), fields::GROUP),
        ];
        for (spoil, field) in cases {
            let mut f = good();
            spoil(&mut f);
            let errors = f.validate().unwrap_err();
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
    }

    #[test]
    fn a_list_price_below_zero_or_missing_is_refused() {
        let form = |base: &str, extra: &str| ListPriceForm {
            product_id: "1".into(),
            currency: "USD".into(),
            validity_days: "199".into(),
            base: base.into(),
            per_extra_domain: extra.into(),
        };
        let ok = form("39.50", "").validate().unwrap();
        assert_eq!((ok.base_minor, ok.per_extra_domain_minor), (3_950, 0));
        assert_eq!(form("0", "0").validate().unwrap().base_minor, 0);
        for (base, extra, field) in [
            ("-1", "", fields::BASE),
            ("", "", fields::BASE),
            ("10", "-0.01", fields::EXTRA),
            ("ten", "", fields::BASE),
        ] {
            let errors = form(base, extra).validate().unwrap_err();
            assert!(errors.get(field).is_some(), "{base} {extra}");
        }
        assert!(list_name("Gold resellers").is_ok());
        assert!(list_name("  ").is_err());
        assert!(list_name(&"x".repeat(81)).is_err());
    }
}

/// The filters of the partner's orders report (the seeds' "Orders Report"), as the GET form on
/// the sub-accounts page sends them to `/sub-accounts/orders.xlsx`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubAccountOrdersQuery {
    /// A sub-account's id; empty for every sub-account the caller looks after.
    #[serde(default)]
    pub account: String,
    /// An order number; empty for every order.
    #[serde(default)]
    pub order: String,
}

/// The report's filters once checked: `(sub-account, order)`.
pub type SubAccountOrdersFilter = (Option<i32>, Option<i32>);

impl SubAccountOrdersQuery {
    pub fn validate(&self) -> Result<SubAccountOrdersFilter, FieldErrors> {
        let mut errors = FieldErrors::new();
        let mut id = |field: &str, raw: &str, message: &'static str| match raw.trim() {
            "" => None,
            text => {
                let id = text.parse::<i32>().ok().filter(|id| *id > 0);
                if id.is_none() {
                    errors.add(field, Msg::new(message));
                }
                id
            }
        };
        let account = id("account", &self.account, "err-statement-account");
        let order = id("order", &self.order, "err-report-order");
        if errors.is_empty() {
            Ok((account, order))
        } else {
            Err(errors)
        }
    }
}

/// Whom a partner's user places the next order for, chosen in the order wizard ("Order for
/// Sub-accounts"): the partner itself or one of the active sub-accounts they look after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderForChoices {
    /// The account the session is in now: the order goes there.
    pub current: i32,
    /// The partner first, then its sub-accounts by name.
    pub options: Vec<OrderForOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderForOption {
    pub id: i32,
    pub name: String,
    /// The partner's own account (paid from its own balance at its own price).
    pub partner: bool,
}
