//! The operator's public products and their prices per currency (ORD-1).

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::catalog::{
        PublicPriceSet, PublicProductActive, PublicProductAdd, PublicProductUpdate, public_products,
    },
    components::{
        field::Field,
        form_card::{ActiveToggle, FormCard, SubmitForm},
        loaded::NoticePage,
        portal::Portal,
    },
    error::AppError,
    model::products::{CURRENCIES, ProductKind, PublicProductForm, PublicProductView, amount_text},
};

#[component]
pub fn OperatorProductsPage() -> impl IntoView {
    view! { <Portal title="page-public-products" operator=true refusal="refusal-operator-products" page=|_| view! { <Products /> } /> }
}

#[component]
fn Products() -> impl IntoView {
    view! {
        <NoticePage flag="saved" notice=t("products-admin-saved") load=public_products let:p>
            {
                let cap = p.tls_cap_days;
                view! {
                    <p class="field-hint">{t_args("products-admin-cap", &[("days", cap.into())])}</p>
                    <ul class="account-list" aria-label=t("page-public-products")>
                        {p.products.into_iter().map(|product| view! { <ProductItem product=product /> }).collect_view()}
                    </ul>
                    <AddProduct />
                }
                .into_any()
            }
        </NoticePage>
    }
    .into_any()
}

/// A select with its label and the server's message for it.
#[component]
fn Select(
    #[prop(into)] label: String,
    name: &'static str,
    id: String,
    options: Vec<(String, String)>,
    selected: String,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id.clone()>{label}</label>
            <select id=id name=name aria-describedby=error_id.clone()>
                {options.into_iter().map(|(value, text)| {
                    let is_selected = value == selected;
                    view! { <option value=value selected=is_selected>{text}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" id=error_id role="alert">{move || error.get()}</p>
        </div>
    }
}

/// Name, validity choices and (UCC) domain limits, shared by the add and edit forms.
#[component]
fn ProductFields(
    prefix: String,
    initial: PublicProductForm,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    view! {
        <Field label=t("products-admin-name") name="name" id=format!("{prefix}-name") value=initial.name.clone()
            server_error=field("name") />
        <Field label=t("products-admin-validity") name="validity_days" id=format!("{prefix}-validity")
            value=initial.validity_days.clone() hint=t("products-admin-validity-hint")
            server_error=field("validity_days") />
        <Field label=t("products-admin-included") name="included_domains" id=format!("{prefix}-included") required=false
            value=initial.included_domains.clone() hint=t("products-admin-included-hint")
            server_error=field("included_domains") />
        <Field label=t("products-admin-max") name="max_domains" id=format!("{prefix}-max") required=false
            value=initial.max_domains.clone() hint=t("products-admin-max-hint")
            server_error=field("max_domains") />
    }
}

#[component]
fn ProductItem(product: PublicProductView) -> impl IntoView {
    let update = ServerAction::<PublicProductUpdate>::new();
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
    let set_price = ServerAction::<PublicPriceSet>::new();
    let price_error = Signal::derive(move || set_price.value().get().and_then(Result::err));
    let price_field = move |name: &'static str| {
        Signal::derive(move || price_error.get().and_then(|e| e.field(name)))
    };
    let active = ServerAction::<PublicProductActive>::new();
    let heading = format!("product-{}", product.id);
    let labelled = heading.clone();
    let id = product.id.to_string();
    let id_1 = id.clone();
    let id_2 = id.clone();
    let id_3 = id.clone();
    let currency_id = format!("price-{id}-currency");
    let validity_id = format!("price-{id}-validity");
    let base_id = format!("price-{id}-base");
    let extra_id = format!("price-{id}-extra");
    let edit_prefix = format!("edit-{id}");
    let multi = product.kind.is_multi_domain();
    let domains = if multi {
        format!(
            "{} included, up to {}",
            product.included_domains, product.max_domains
        )
    } else {
        "1".to_owned()
    };
    let validity = product
        .validity_days
        .iter()
        .map(|d| format!("{d} days"))
        .collect::<Vec<_>>()
        .join(", ");
    let validity_options: Vec<(String, String)> = product
        .validity_days
        .iter()
        .map(|d| (d.to_string(), format!("{d} days")))
        .collect();
    let currency_options: Vec<(String, String)> = CURRENCIES
        .iter()
        .map(|c| ((*c).to_owned(), (*c).to_owned()))
        .collect();
    let prices = product.prices.clone();
    let has_prices = !prices.is_empty();
    let is_active = product.active;
    view! {
        <li class="card account-item" aria-labelledby=labelled>
            <h2 id=heading>{product.name.clone()}</h2>
            <dl class="facts">
                <dt>{t("statement-type")}</dt><dd>{product.kind.label()}</dd>
                <dt>{t("orders-col-status")}</dt><dd>{if product.active { t("products-admin-active") } else { t("products-admin-inactive") }}</dd>
                <dt>{t("order-validity")}</dt><dd>{validity}</dd>
                <dt>{t("page-domains")}</dt><dd>{domains}</dd>
            </dl>
            {if has_prices {
                view! {
                    <div class="table-wrap" tabindex="0">
                        <table class="table" aria-label=t_args("products-admin-prices-of", &[("product", product.name.clone().into())])>
                            <thead><tr><th>{t("billing-currency")}</th><th>{t("order-validity")}</th><th>{t("order-price")}</th><th>{t("products-admin-per-extra")}</th></tr></thead>
                            <tbody>
                                {prices.into_iter().map(|(currency, p)| view! {
                                    <tr>
                                        <td>{currency}</td>
                                        <td>{t_args("wizard-days", &[("days", p.validity_days.into())])}</td>
                                        <td>{amount_text(p.base_minor)}</td>
                                        <td>{amount_text(p.per_extra_domain_minor)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            } else {
                view! { <p class="field-hint">{t("products-admin-no-prices")}</p> }.into_any()
            }}
            <details>
                <summary>{t("products-admin-set-price-summary")}</summary>
                <SubmitForm action=set_price alert=price_error submit=t("products-admin-set-price")>
                    <input type="hidden" name="product_id" value=id_1 />
                    <Select label=t("billing-currency") name="currency" id=currency_id
                        options=currency_options selected="USD".to_owned() error=price_field("currency") />
                    <Select label=t("order-validity") name="validity_days" id=validity_id
                        options=validity_options selected=String::new() error=price_field("validity_days") />
                    <Field label=t("order-price") name="base" id=base_id hint=t("products-admin-price-hint")
                        server_error=price_field("base") />
                    {multi.then(|| view! {
                        <Field label=t("products-admin-extra-price") name="per_extra_domain" id=extra_id.clone()
                            required=false hint=t("products-admin-extra-hint")
                            server_error=price_field("per_extra_domain") />
                    })}
                </SubmitForm>
            </details>
            <details>
                <summary>{t("products-admin-edit")}</summary>
                <SubmitForm action=update alert=update_error submit=t("products-admin-save")>
                    <input type="hidden" name="id" value=id_2 />
                    <ProductFields prefix=edit_prefix initial=product.form() error=update_error />
                </SubmitForm>
            </details>
            <ActiveToggle action=active id=id_3 active=is_active />
        </li>
    }
}

#[component]
fn AddProduct() -> impl IntoView {
    let action = ServerAction::<PublicProductAdd>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let kinds: Vec<(String, String)> = ProductKind::PUBLIC
        .iter()
        .map(|k| (k.as_str().to_owned(), k.label().to_owned()))
        .collect();
    view! {
        <FormCard heading_id="add-product-heading" heading=t("products-admin-add-heading")>
            <SubmitForm action=action alert=error submit=t("products-admin-add")>
                <Select label=t("products-admin-type") name="kind" id="add-kind".to_owned() options=kinds
                    selected="dv_single".to_owned()
                    error=Signal::derive(move || error.get().and_then(|e| e.field("kind"))) />
                <ProductFields prefix="add".to_owned() initial=PublicProductForm::default() error=error />
            </SubmitForm>
        </FormCard>
    }
}
