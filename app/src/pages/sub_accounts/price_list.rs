//! One price list: every product, currency and validity the operator prices for the partner,
//! with the partner's price beside what the list charges its sub-accounts, each settable.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::{t, t_args};
use crate::{
    api::partners::{PriceListSet, SUB_ACCOUNTS_PATH, price_list},
    components::{form_alert::Notice, loaded::Loaded, portal::Portal, table::Table},
    model::{
        Permission,
        billing::minor_text,
        sub_accounts::{ListPriceRow, PriceListView},
    },
};

#[component]
pub fn PriceListEditPage() -> impl IntoView {
    view! { <Portal title="page-price-list-edit" needs=Permission::ManageSubAccounts refusal="refusal-sub-accounts" page=|_| view! { <PriceListEdit /> } /> }
}

#[component]
fn PriceListEdit() -> impl IntoView {
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()));
    let saved = use_query_map().with_untracked(|q| q.get("saved").is_some());
    let data = Resource::new_blocking(
        move || id,
        |id| async move {
            match id {
                Some(id) => price_list(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    view! {
        <p><a href=SUB_ACCOUNTS_PATH>{t("sub-accounts-back")}</a></p>
        {saved.then(|| view! { <Notice>{t("sub-accounts-price-saved")}</Notice> })}
        <Loaded resource=data let:list>
            <ListView list=list />
        </Loaded>
    }
}

#[component]
fn ListView(list: PriceListView) -> impl IntoView {
    let list_id = list.id;
    let on_it = if list.sub_accounts.is_empty() {
        t("sub-accounts-list-unused")
    } else {
        t_args(
            "sub-accounts-list-used-by",
            &[("names", list.sub_accounts.join(", ").into())],
        )
    };
    // One action for every row: a refused price comes back to the page once, so its message
    // shows once, above the table, not in every row.
    let action = ServerAction::<PriceListSet>::new();
    let lang = crate::i18n::use_lang();
    let refusal = move || {
        action.value().get().and_then(Result::err).map(|e| {
            e.field("base")
                .or_else(|| e.field("per_extra_domain"))
                .or_else(|| e.field("validity_days"))
                .or_else(|| e.field("product_id"))
                .unwrap_or_else(|| e.text(lang))
        })
    };
    view! {
        <section class="card" aria-labelledby="price-list-heading">
            <h2 id="price-list-heading" data-testid="price-list-name">{list.name.clone()}</h2>
            <p class="muted">{on_it}</p>
            <p class="muted">{t("sub-accounts-list-explain")}</p>
            {move || refusal().map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
            <Table label=list.name.clone() cards=true columns=vec![t("ev-approvals-product"), t("sub-accounts-col-currency"), t("sub-accounts-validity"), t("sub-accounts-partner-price"), t("sub-accounts-list-price")]>
                {list.rows.into_iter().map(|r| view! { <PriceRow list_id=list_id row=r action=action /> }).collect_view()}
            </Table>
        </section>
    }
}

#[component]
fn PriceRow(list_id: i32, row: ListPriceRow, action: ServerAction<PriceListSet>) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let key = format!(
        "{}-{}-{}",
        row.product_id,
        row.currency.as_str(),
        row.validity_days
    );
    let base_id = format!("base-{key}");
    let extra_id = format!("extra-{key}");
    let currency = row.currency.as_str();
    let partner = if row.multi_domain {
        t_args(
            "sub-accounts-price-with-extra",
            &[
                (
                    "base",
                    crate::i18n::money(lang, row.partner_base_minor, currency).into(),
                ),
                (
                    "extra",
                    crate::i18n::money(lang, row.partner_extra_minor, currency).into(),
                ),
            ],
        )
    } else {
        crate::i18n::money(lang, row.partner_base_minor, currency)
    };
    let label = format!(
        "{} · {} · {}",
        row.product,
        currency,
        t_args("sub-accounts-days", &[("days", row.validity_days.into())])
    );
    view! {
        <tr data-testid="list-price-row">
            <td data-label=t("ev-approvals-product")>{row.product.clone()}</td>
            <td data-label=t("sub-accounts-col-currency")>{currency}</td>
            <td data-label=t("sub-accounts-validity")>{t_args("sub-accounts-days", &[("days", row.validity_days.into())])}</td>
            <td data-label=t("sub-accounts-partner-price")>{partner}</td>
            <td data-label=t("sub-accounts-list-price")>
                <ActionForm action=action attr:class="inline-form">
                    <input type="hidden" name="list_id" value=list_id.to_string() />
                    <input type="hidden" name="product_id" value=row.product_id.to_string() />
                    <input type="hidden" name="currency" value=currency />
                    <input type="hidden" name="validity_days" value=row.validity_days.to_string() />
                    <label for=base_id.clone()>{t_args("sub-accounts-base-for", &[("what", label.clone().into())])}</label>
                    <input id=base_id type="text" inputmode="decimal" name="base" required=true value=row.list_base_minor.map(minor_text).unwrap_or_default() />
                    {row.multi_domain.then(|| view! {
                        <label for=extra_id.clone()>{t_args("sub-accounts-extra-for", &[("what", label.clone().into())])}</label>
                        <input id=extra_id.clone() type="text" inputmode="decimal" name="per_extra_domain" value=row.list_extra_minor.map(minor_text).unwrap_or_default() />
                    })}
                    <button type="submit" class="button">{t("sub-accounts-set-price")}</button>
                </ActionForm>
            </td>
        </tr>
    }
}
