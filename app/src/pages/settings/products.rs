//! The account's private products on its private CAs: template, fixed or dynamic subject and
//! SAN fields, auto-approval and the validation checklist (ORD-1).

use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::catalog::{
        PrivateProductActive, PrivateProductAdd, PrivateProductUpdate, private_products,
    },
    components::{
        field::Field,
        form_card::{ActiveToggle, FormCard, SubmitForm},
        loaded::NoticePage,
        portal::Portal,
        textarea_text::textarea_text,
    },
    error::AppError,
    model::{
        Permission,
        products::{FIELD_MODES, PrivateProductForm, PrivateProductView, rules_to_form},
        template::{Field as TemplateField, Mode, Template},
    },
};

#[component]
pub fn PrivateProductsPage() -> impl IntoView {
    view! { <Portal title="page-private-products" needs=Permission::ManageProducts refusal="refusal-products" page=|_| view! { <PrivateProducts /> } /> }
}

#[component]
fn PrivateProducts() -> impl IntoView {
    view! {
        <NoticePage flag="saved" notice=t("products-saved") load=private_products let:p>
            {
                let cas = p.cas.clone();
                view! {
                    {p.products.is_empty().then(|| view! { <p>{t("products-none")}</p> })}
                    <ul class="account-list" aria-label=t("products-list")>
                        {p.products.into_iter().map(|product| {
                            let cas = cas.clone();
                            view! { <ProductItem product=product cas=cas /> }
                        }).collect_view()}
                    </ul>
                    {if cas.is_empty() {
                        view! {
                            <p>{t("products-needs-ca")}" "
                                <a href="/settings/private-cas">{t("products-needs-ca-link")}</a>{t("products-needs-ca-after")}</p>
                        }.into_any()
                    } else {
                        view! { <AddProduct cas=cas /> }.into_any()
                    }}
                }
                .into_any()
            }
        </NoticePage>
    }
    .into_any()
}

/// Every field of the product form, shared by the add form and each product's edit form.
#[component]
fn ProductFields(
    prefix: String,
    initial: PrivateProductForm,
    cas: Vec<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let field =
        move |name: String| Signal::derive(move || error.get().and_then(|e| e.field(&name)));
    let ca_id = format!("{prefix}-ca");
    let template_id = format!("{prefix}-template");
    let approve_id = format!("{prefix}-auto-approve");
    let checklist_id = format!("{prefix}-checklist");
    let selected_template = Template::parse(&initial.template);
    let ca_error = field("ca".into());
    let template_error = field("template".into());
    let modes_error = field("modes".into());
    let checklist_error = field("checklist".into());
    let rows = TemplateField::ALL.into_iter().enumerate().map(|(i, f)| {
        let mode = initial.modes.get(i).cloned().unwrap_or_else(|| "off".into());
        let value = initial.values.get(i).cloned().unwrap_or_default();
        let mode_id = format!("{prefix}-mode-{i}");
        let value_id = format!("{prefix}-value-{i}");
        let value_error = field(format!("values[{i}]"));
        let mode_error = field(format!("modes[{i}]"));
        view! {
            <tr>
                <td><label for=mode_id.clone()>{f.label()}</label></td>
                <td>
                    <select id=mode_id name=format!("modes[{i}]")>
                        {FIELD_MODES.iter().map(|(v, text)| {
                            let is_selected = *v == mode;
                            view! { <option value=*v selected=is_selected>{*text}</option> }
                        }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">{move || mode_error.get()}</p>
                </td>
                <td>
                    <input id=value_id name=format!("values[{i}]") value=value
                        aria-label=t_args("products-fixed-value-of", &[("field", f.label().into())])
                        placeholder=if f.is_san() { t("products-fixed-values") } else { t("products-fixed-value") } />
                    <p class="field-error" role="alert">{move || value_error.get()}</p>
                </td>
            </tr>
        }
    }).collect_view();
    view! {
        <Field label=t("products-name") name="name" id=format!("{prefix}-name") value=initial.name.clone()
            server_error=field("name".into()) />
        <div class="field" class:field-invalid=move || ca_error.get().is_some()>
            <label for=ca_id.clone()>{t("products-ca")}</label>
            <select id=ca_id name="ca">
                {cas.into_iter().map(|ca| {
                    let is_selected = ca == initial.ca;
                    view! { <option value=ca.clone() selected=is_selected>{ca.clone()}</option> }
                }).collect_view()}
            </select>
            <p class="field-error" role="alert">{move || ca_error.get()}</p>
        </div>
        <Field label=t("products-validity-days") name="validity_days" id=format!("{prefix}-validity")
            value=initial.validity_days.clone() hint=t("products-validity-hint")
            server_error=field("validity_days".into()) />
        <div class="field" class:field-invalid=move || template_error.get().is_some()>
            <label for=template_id.clone()>{t("products-template")}</label>
            <select id=template_id name="template">
                {Template::ALL.into_iter().map(|tpl| view! {
                    <option value=tpl.label() selected=selected_template == Some(tpl)>{tpl.label()}</option>
                }).collect_view()}
            </select>
            <p class="field-error" role="alert">{move || template_error.get()}</p>
        </div>
        <fieldset class="field">
            <legend>{t("products-fields-legend")}</legend>
            <p class="field-hint">{t("products-fields-hint")}</p>
            <div class="table-wrap" tabindex="0">
                <table class="table">
                    <thead><tr><th>{t("products-field")}</th><th>{t("products-how-set")}</th><th>{t("products-fixed-value")}</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="field-error" role="alert">{move || modes_error.get()}</p>
        </fieldset>
        <div class="inline-check">
            <input type="checkbox" id=approve_id.clone() name="auto_approve" checked=initial.auto_approve />
            <label for=approve_id>{t("products-auto-approve")}</label>
        </div>
        <div class="field" class:field-invalid=move || checklist_error.get().is_some()>
            <label for=checklist_id.clone()>{t("products-checklist-field")}</label>
            <p class="field-hint">{t("products-checklist-hint")}</p>
            <textarea id=checklist_id name="checklist" rows="4" inner_html=textarea_text(&initial.checklist)></textarea>
            <p class="field-error" role="alert">{move || checklist_error.get()}</p>
        </div>
    }
}

#[component]
fn ProductItem(product: PrivateProductView, cas: Vec<String>) -> impl IntoView {
    let update = ServerAction::<PrivateProductUpdate>::new();
    let update_error = Signal::derive(move || update.value().get().and_then(Result::err));
    let active = ServerAction::<PrivateProductActive>::new();
    let heading = format!("private-product-{}", product.id);
    let labelled = heading.clone();
    let id = product.id.to_string();
    let id_1 = id.clone();
    let id_2 = id.clone();
    let edit_prefix = format!("edit-{id}");
    let describe = |mode: &Mode| match mode {
        Mode::Fixed(values) => t_args(
            "products-mode-fixed",
            &[("values", values.join(", ").into())],
        ),
        Mode::Dynamic { required: true } => t("products-mode-required"),
        Mode::Dynamic { required: false } => t("products-mode-optional"),
    };
    let fields = product
        .rules
        .iter()
        .map(|r| format!("{} ({})", r.field.label(), describe(&r.mode)))
        .collect::<Vec<_>>()
        .join("; ");
    let is_active = product.active;
    view! {
        <li class="card account-item" aria-labelledby=labelled>
            <h2 id=heading>{product.name.clone()}</h2>
            <dl class="facts">
                <dt>{t("products-status")}</dt><dd>{if product.active { t("products-active") } else { t("products-inactive") }}</dd>
                <dt>{t("products-ca")}</dt><dd>{product.ca.clone()}</dd>
                <dt>{t("products-template")}</dt><dd>{product.template.label()}</dd>
                <dt>{t("products-validity")}</dt><dd>{t_args("products-validity-value", &[("days", product.validity_days.into())])}</dd>
                <dt>{t("products-fields")}</dt><dd>{fields}</dd>
                <dt>{t("products-approval")}</dt><dd>{if product.auto_approve { t("products-automatic") } else { t("products-by-admin") }}</dd>
                <dt>{t("products-checklist")}</dt><dd>{product.checklist.join("; ")}</dd>
            </dl>
            <details>
                <summary>{t("products-edit")}</summary>
                <SubmitForm action=update alert=update_error submit=t("products-save-submit")>
                    <input type="hidden" name="id" value=id_1 />
                    <ProductFields prefix=edit_prefix initial=product.form() cas=cas error=update_error />
                </SubmitForm>
            </details>
            <ActiveToggle action=active id=id_2 active=is_active />
        </li>
    }
}

#[component]
fn AddProduct(cas: Vec<String>) -> impl IntoView {
    let action = ServerAction::<PrivateProductAdd>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let (modes, values) = rules_to_form(&Template::ServerTls.default_fields());
    let initial = PrivateProductForm {
        template: Template::ServerTls.label().to_owned(),
        validity_days: "365".into(),
        modes,
        values,
        ..Default::default()
    };
    view! {
        <FormCard heading_id="add-private-product-heading" heading=t("products-create-heading")>
            <SubmitForm action=action alert=error submit=t("products-create-submit")>
                <ProductFields prefix="add".to_owned() initial=initial cas=cas error=error />
            </SubmitForm>
        </FormCard>
    }
}
