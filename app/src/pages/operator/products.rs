//! The operator's public products and their prices per currency (ORD-1).

use leptos::prelude::*;

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
    view! { <Portal title="Public products" operator=true refusal="Only operator users can manage public products." page=|_| view! { <Products /> } /> }
}

#[component]
fn Products() -> impl IntoView {
    view! {
        <NoticePage flag="saved" notice="The product was saved." load=public_products let:p>
            {
                let cap = p.tls_cap_days;
                view! {
                    <p class="field-hint">{format!("The TLS validity cap in force today is {cap} days; choices over it cannot be saved and are not offered.")}</p>
                    <ul class="account-list" aria-label="Public products">
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
    label: &'static str,
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
        <Field label="Product name" name="name" id=format!("{prefix}-name") value=initial.name.clone()
            server_error=field("name") />
        <Field label="Validity choices (days)" name="validity_days" id=format!("{prefix}-validity")
            value=initial.validity_days.clone() hint="Separated by commas, e.g. 90, 199."
            server_error=field("validity_days") />
        <Field label="Included domains" name="included_domains" id=format!("{prefix}-included") required=false
            value=initial.included_domains.clone() hint="UCC products: names the base price covers."
            server_error=field("included_domains") />
        <Field label="Maximum domains" name="max_domains" id=format!("{prefix}-max") required=false
            value=initial.max_domains.clone() hint="UCC products: the most names a certificate may have."
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
                <dt>"Type"</dt><dd>{product.kind.label()}</dd>
                <dt>"Status"</dt><dd>{if product.active { "Active" } else { "Inactive" }}</dd>
                <dt>"Validity"</dt><dd>{validity}</dd>
                <dt>"Domains"</dt><dd>{domains}</dd>
            </dl>
            {if has_prices {
                view! {
                    <div class="table-wrap" tabindex="0">
                        <table class="table" aria-label=format!("Prices of {}", product.name)>
                            <thead><tr><th>"Currency"</th><th>"Validity"</th><th>"Price"</th><th>"Per extra domain"</th></tr></thead>
                            <tbody>
                                {prices.into_iter().map(|(currency, p)| view! {
                                    <tr>
                                        <td>{currency}</td>
                                        <td>{format!("{} days", p.validity_days)}</td>
                                        <td>{amount_text(p.base_minor)}</td>
                                        <td>{amount_text(p.per_extra_domain_minor)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            } else {
                view! { <p class="field-hint">"No prices yet: the product is not offered until it has one."</p> }.into_any()
            }}
            <details>
                <summary>"Set a price"</summary>
                <SubmitForm action=set_price alert=price_error submit="Set price">
                    <input type="hidden" name="product_id" value=id_1 />
                    <Select label="Currency" name="currency" id=currency_id
                        options=currency_options selected="USD".to_owned() error=price_field("currency") />
                    <Select label="Validity" name="validity_days" id=validity_id
                        options=validity_options selected=String::new() error=price_field("validity_days") />
                    <Field label="Price" name="base" id=base_id hint="e.g. 49.00"
                        server_error=price_field("base") />
                    {multi.then(|| view! {
                        <Field label="Price per extra domain" name="per_extra_domain" id=extra_id.clone()
                            required=false hint="Each name beyond the included ones."
                            server_error=price_field("per_extra_domain") />
                    })}
                </SubmitForm>
            </details>
            <details>
                <summary>"Edit"</summary>
                <SubmitForm action=update alert=update_error submit="Save product">
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
        <FormCard heading_id="add-product-heading" heading="Add a product">
            <SubmitForm action=action alert=error submit="Add product">
                <Select label="Product type" name="kind" id="add-kind".to_owned() options=kinds
                    selected="dv_single".to_owned()
                    error=Signal::derive(move || error.get().and_then(|e| e.field("kind"))) />
                <ProductFields prefix="add".to_owned() initial=PublicProductForm::default() error=error />
            </SubmitForm>
        </FormCard>
    }
}
