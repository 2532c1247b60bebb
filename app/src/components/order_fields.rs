//! Fields the order forms share (the certificate wizard and the S/MIME order): they edit the
//! form's state in the browser, which validates it and places the order. Each also carries
//! its value in the page and its field name, so the form posts without JavaScript too.

use crate::i18n::t;
use leptos::prelude::*;

use crate::model::{FieldErrors, products::Offer};

/// A text field bound to one field of `form` through `get` and `set`.
#[component]
pub fn FormText<F>(
    #[prop(into)] label: String,
    id: &'static str,
    form: RwSignal<F>,
    error: Signal<Option<String>>,
    get: fn(&F) -> String,
    set: fn(&mut F, String),
    /// A three-row textarea instead of a one-line input.
    #[prop(optional)]
    multiline: bool,
    /// The name the field posts under, when the form posts without JavaScript.
    #[prop(optional)]
    name: Option<&'static str>,
) -> impl IntoView
where
    F: Send + Sync + 'static,
{
    let input = move |ev: leptos::ev::Event| form.update(|f| set(f, event_target_value(&ev)));
    // The value in the page itself: `prop:value` is set only once the script runs.
    let initial = form.with_untracked(get);
    let control = if multiline {
        view! {
            <textarea id=id name=name rows="3" inner_html=crate::components::textarea_text::textarea_text(&initial)
                prop:value=move || form.with(get) on:input=input></textarea>
        }
        .into_any()
    } else {
        view! { <input id=id name=name type="text" value=initial prop:value=move || form.with(get) on:input=input /> }
            .into_any()
    };
    view! {
        <div class="field" class:field-invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            {control}
            {move || error.get().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
}

/// The product and validity choices of an order form (ids `{prefix}-product` and
/// `{prefix}-validity`). `get` and `set` reach the form's product id and validity in days;
/// choosing a product also chooses its `default_days`.
#[component]
pub fn ProductValidity<F>(
    prefix: &'static str,
    offers: StoredValue<Vec<Offer>>,
    form: RwSignal<F>,
    errors: RwSignal<FieldErrors>,
    get: fn(&F) -> (i32, i64),
    set: fn(&mut F, i32, i64),
    default_days: fn(&Offer) -> Option<i64>,
) -> impl IntoView
where
    F: Send + Sync + 'static,
{
    let chosen = move || form.with(get);
    let offer = move || {
        let (id, _) = chosen();
        offers.with_value(|o| o.iter().find(|o| o.id == id).cloned())
    };
    let lang = crate::i18n::use_lang();
    let error = move |name: &'static str| errors.with(|e| e.text(name, lang));
    let (product_id, validity_id) = (format!("{prefix}-product"), format!("{prefix}-validity"));
    view! {
        <div class="field">
            <label for=product_id.clone()>{t("field-product")}</label>
            <select id=product_id name="product_id" on:change=move |ev| {
                let id = event_target_value(&ev).parse().unwrap_or(0);
                let days = offers.with_value(|o| o.iter().find(|o| o.id == id).and_then(default_days).unwrap_or(0));
                form.update(|f| set(f, id, days));
            }>
                {offers.get_value().into_iter().map(|o| {
                    let id = o.id;
                    view! { <option value=id selected=move || chosen().0 == id>{o.name.clone()}</option> }
                }).collect_view()}
            </select>
            {move || error("product_id").map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
        <div class="field">
            <label for=validity_id.clone()>{t("field-validity")}</label>
            <select id=validity_id name="validity_days" on:change=move |ev| {
                let days = event_target_value(&ev).parse().unwrap_or(0);
                form.update(|f| {
                    let (product, _) = get(f);
                    set(f, product, days);
                });
            }>
                {move || offer().map(|o| o.validity_days.into_iter().map(|d| view! {
                    <option value=d selected=move || chosen().1 == d>{format!("{d} days")}</option>
                }).collect_view())}
            </select>
            {move || error("validity_days").map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
}
