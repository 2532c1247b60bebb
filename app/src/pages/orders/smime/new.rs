//! "New S/MIME order" (emSign's S/MIME ordering): product and validity, requester, the e-mail
//! for the certificate (or the requester's), and the CSR now (upload or paste) or later, when
//! the certificate is activated (where the key can also be generated in the browser).
//!
//! With script the form is checked and placed in the page (`SmimePlace`); without it, it posts
//! to `SmimeOrder`, which places the order or sends the browser back to the form with its
//! errors (`/orders/smime/new?form=…`). The page's one-use token places at most one order.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, t_args};
use crate::{
    api::smime::{SmimeOrder, SmimePlace, smime_new},
    browser::read_chosen_file,
    components::{
        form_alert::FormAlert,
        loaded::Loaded,
        order_fields::{FormText, ProductValidity},
        portal::Portal,
        textarea_text::textarea_text,
    },
    error::AppError,
    model::{
        order_form_post::FormToken,
        products::quote,
        smime::{SmimeNewData, SmimeOrderForm},
    },
};

#[component]
pub fn SmimeNewPage() -> impl IntoView {
    view! { <Portal title="page-new-smime-order" page=|_| view! { <Start /> } /> }
}

#[component]
fn Start() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.with(|q| q.get("form").and_then(|t| FormToken::parse(&t).ok()));
    let data = Resource::new_blocking(token, smime_new);
    view! {
        <Loaded resource=data let:data>
            {match data.placed_order {
                Some(id) => view! {
                    <div class="alert alert-info" role="status" data-testid="form-placed">
                        <p>{t_args("wizard-placed-already", &[("id", id.into())])}</p>
                        <p class="actions">
                            <a class="button" href=format!("/orders/{id}/smime")>{t_args("wizard-view-order", &[("id", id.into())])}</a>
                            <a class="button button-quiet" href="/orders/smime/new">{t("smime-start-new")}</a>
                        </p>
                    </div>
                }.into_any(),
                None if data.offers.is_empty() => view! {
                    <p class="empty">{t("smime-no-products")}</p>
                }.into_any(),
                None => view! {
                    <SmimeForm data=data posted={crate::components::form_alert::posted_error::<SmimeOrder>()} />
                }.into_any(),
            }}
        </Loaded>
    }
}

/// The order form, an island whose code is a chunk of its own. `posted` is the error a post
/// without script came back with.
#[island(lazy)]
fn SmimeForm(data: SmimeNewData, posted: Option<AppError>) -> impl IntoView {
    let offers = StoredValue::new(data.offers.clone());
    let first = data.offers.first().cloned();
    let saved = data.saved.clone().unwrap_or_default();
    let form = RwSignal::new(if data.saved.is_some() {
        saved.form.clone()
    } else {
        SmimeOrderForm {
            product_id: first.as_ref().map(|o| o.id).unwrap_or(0),
            validity_days: first
                .as_ref()
                .and_then(|o| o.validity_days.first().copied())
                .unwrap_or(0),
            requester_name: data.requester_name.clone(),
            requester_email: data.requester_email.clone(),
            csr_source: "later".into(),
            ..Default::default()
        }
    });
    let token = StoredValue::new(data.form_token.clone());
    let refusal = saved.error.clone();
    let errors = RwSignal::new(saved.errors.clone());
    let place = ServerAction::<SmimePlace>::new();
    let offer = move || {
        let id = form.with(|f| f.product_id);
        offers.with_value(|o| o.iter().find(|o| o.id == id).cloned())
    };
    let lang = crate::i18n::use_lang();
    let price = move || {
        let days = form.with(|f| f.validity_days);
        offer().map(|o| match quote(&o, days, 1) {
            Ok(q) => crate::i18n::money(lang, q.total_minor, &q.currency),
            Err(e) => e.msg().text(lang),
        })
    };
    // The GST and the grand total an INR order is charged (the server charges the same).
    let gst_rate = data.gst_rate_bp;
    let taxed = move |rate: u32| {
        let days = form.with(|f| f.validity_days);
        offer()
            .and_then(|o| quote(&o, days, 1).ok())
            .map(|q| crate::model::gst_states::tax_and_total(lang, &q, rate))
    };
    let field_error =
        move |name: &'static str| Signal::derive(move || errors.with(|e| e.text(name, lang)));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let f = form.get();
        match f.validate() {
            Err(e) => errors.set(e),
            Ok(_) => {
                errors.set(Default::default());
                place.dispatch(SmimePlace {
                    form: f,
                    token: Some(token.get_value()),
                });
            }
        }
    };
    Effect::new(move |_| {
        if let Some(Ok(id)) = place.value().get() {
            crate::browser::go_to(&crate::model::order_done::OrderDone::Placed.smime_page(id));
        }
    });
    Effect::new(move |_| {
        if let Some(Err(crate::error::AppError::Validation(e))) = place.value().get() {
            errors.set(e);
        }
    });
    let server_error = Signal::derive(move || {
        place
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| posted.clone())
            .or_else(|| refusal.clone().map(AppError::Conflict))
    });
    let same = move || form.with(|f| f.same_as_requester);
    let source = move || form.with(|f| f.csr_source.clone());
    let needs_approval = data.needs_approval;
    let initial = form.get_untracked();
    view! {
        <form class="card" aria-label=t("page-new-smime-order") method="post" action="/api/smime/order"
            enctype="multipart/form-data" on:submit=submit novalidate=true>
            <input type="hidden" name="form_token" value=token.get_value().to_string() />
            <FormAlert error=server_error />
            <h2>{t("smime-step-product")}</h2>
            // A new product starts at its shortest validity.
            <ProductValidity prefix="smime" offers=offers form=form errors=errors
                get=|f| (f.product_id, f.validity_days)
                set=|f, product, days| { f.product_id = product; f.validity_days = days; }
                default_days=|o| o.validity_days.first().copied() />
            <p class="price">{t("wizard-price")}" " <strong data-testid="smime-price">{price}</strong></p>
            {gst_rate.map(|rate| view! {
                <dl class="details">
                    <dt>{t_args("wizard-summary-gst", &[("rate", crate::model::gst_states::rate_text(rate).into())])}</dt>
                    <dd data-testid="smime-gst">{move || taxed(rate).map(|(tax, _)| tax)}</dd>
                    <dt>{t("wizard-summary-grand-total")}</dt>
                    <dd data-testid="smime-grand-total">{move || taxed(rate).map(|(_, total)| total)}</dd>
                </dl>
            })}

            <h2>{t("smime-step-requester")}</h2>
            <FormText label=t("smime-requester-name") id="smime-requester-name" name="requester_name" form=form error=field_error("requester_name")
                get=|f| f.requester_name.clone() set=|f, v| f.requester_name = v />
            <FormText label=t("smime-requester-email") id="smime-requester-email" name="requester_email" form=form error=field_error("requester_email")
                get=|f| f.requester_email.clone() set=|f, v| f.requester_email = v />
            <FormText label=t("smime-requester-phone") id="smime-requester-phone" name="requester_phone" form=form error=field_error("requester_phone")
                get=|f| f.requester_phone.clone() set=|f, v| f.requester_phone = v />

            <h2>{t("smime-step-certificate")}</h2>
            <div class="field">
                <label class="checkbox">
                    <input type="checkbox" id="smime-same" name="same_as_requester" checked=initial.same_as_requester prop:checked=same
                        on:change=move |ev| form.update(|f| f.same_as_requester = event_target_checked(&ev)) />
                    " "{t("smime-same-as-requester")}
                </label>
            </div>
            <div class="field" class:field-invalid=move || field_error("certificate_email").get().is_some()>
                <label for="smime-email">{t("smime-certificate-email")}</label>
                <input id="smime-email" name="certificate_email" type="email" disabled=same
                    value=initial.certificate_email.clone()
                    prop:value=move || form.with(|f| if f.same_as_requester { f.requester_email.clone() } else { f.certificate_email.clone() })
                    on:input=move |ev| form.update(|f| f.certificate_email = event_target_value(&ev)) />
                <p class="hint">{t("smime-certificate-email-hint")}</p>
                {move || field_error("certificate_email").get().map(|m| view! { <p class="field-error">{m}</p> })}
            </div>

            <h2>{t("smime-step-csr")}</h2>
            // The style hides the CSR fields while "later" is chosen, before and without script.
            <div class="smime-csr">
            <fieldset class="field">
                <legend>"CSR"</legend>
                {[("later", t("smime-csr-later")), ("paste", t("smime-csr-paste")), ("upload", t("smime-csr-upload"))].into_iter().map(|(value, label)| view! {
                    <label class="radio">
                        <input type="radio" name="csr_source" value=value checked=initial.csr_source == value
                            prop:checked=move || source() == value
                            on:change=move |_| form.update(|f| f.csr_source = value.into()) />
                        " "{label}
                    </label>
                }).collect_view()}
                {move || field_error("csr_source").get().map(|m| view! { <p class="field-error">{m}</p> })}
            </fieldset>
            <div class="smime-csr-panel">
                <CsrFile name="csr_file" take=move |text| form.update(|f| f.csr_pem = text) />
                <div class="field" class:field-invalid=move || field_error("csr_pem").get().is_some()>
                    <label for="smime-csr">{t("wizard-csr-pem")}</label>
                    <textarea id="smime-csr" name="csr_pem" rows="8" inner_html=textarea_text(&initial.csr_pem) prop:value=move || form.with(|f| f.csr_pem.clone())
                        on:input=move |ev| form.update(|f| f.csr_pem = event_target_value(&ev))></textarea>
                    {move || field_error("csr_pem").get().map(|m| view! { <p class="field-error">{m}</p> })}
                </div>
            </div>
            </div>

            <h2>{t("smime-step-additional")}</h2>
            <div class="field">
                <label for="smime-remarks">{t("edit-remarks")}</label>
                <textarea id="smime-remarks" name="remarks" rows="2" inner_html=textarea_text(&initial.remarks) prop:value=move || form.with(|f| f.remarks.clone())
                    on:input=move |ev| form.update(|f| f.remarks = event_target_value(&ev))></textarea>
                {move || field_error("remarks").get().map(|m| view! { <p class="field-error">{m}</p> })}
            </div>

            <h2>{t("smime-step-summary")}</h2>
            <p>{if needs_approval {
                t("smime-needs-approval")
            } else {
                t("smime-paid-on-placing")
            }}</p>
            <button type="submit" class="button" disabled=move || place.pending().get()>
                {if needs_approval { t("wizard-submit-for-approval") } else { t("smime-place-and-pay") }}
            </button>
        </form>
    }
}

/// Reads a chosen file's text in the browser (a CSR, or a saved private key).
#[component]
pub fn CsrFile<F>(
    take: F,
    #[prop(default = "smime-csr-file")] id: &'static str,
    /// A catalogue key.
    #[prop(default = "wizard-csr-file")]
    label: &'static str,
    /// The name the file posts under, when the form posts without JavaScript.
    #[prop(optional)]
    name: Option<&'static str>,
) -> impl IntoView
where
    F: Fn(String) + Copy + Send + Sync + 'static,
{
    // A CSR is text; File.text() decoded it as UTF-8 with replacement characters, as here.
    let on_change = move |ev: leptos::ev::Event| {
        read_chosen_file(&ev, move |bytes| {
            if let Some(bytes) = bytes {
                take(String::from_utf8_lossy(&bytes).into_owned());
            }
        });
    };
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <input id=id name=name type="file" accept=".csr,.pem,.req,.key,.txt" on:change=on_change />
        </div>
    }
}
