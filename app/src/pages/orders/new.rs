//! The new-request wizard (ORD-2, ORD-3): product & validity → requester → CSR (generated in
//! the browser, pasted, uploaded or later) → certificate details → additional information →
//! summary & payment. Every step checks itself with the shared `OrderForm` rules; Back keeps
//! what was typed. A key made here never leaves the browser: only its CSR is sent, and the
//! order cannot be submitted before the key is saved.
//!
//! The wizard is one form holding every step. With script, the steps change in the page and
//! the order is placed with `OrderPlace`; without it, each button posts the form to
//! `OrderWizardStep`, which keeps it under the page's one-use token and redirects to the next
//! step (`/orders/new?form=…`). Either way the token places at most one order.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::{t, t_args, tr};
use crate::{
    api::{
        orders::{OrderPlace, OrderWizardStep, order_wizard},
        partners::OrderFor,
    },
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
        FieldErrors,
        order_form_post::{FormToken, name_rules as rules, with_name},
        orders::{OrderForm, OrganizationChoice, WizardData, WizardStep},
        products::{Offer, quote},
        sub_accounts::OrderForChoices,
        template::Field,
    },
    pki::{self, CsrRequest, GeneratedKey, KeyAlgorithm},
};

#[component]
pub fn OrderNewPage() -> impl IntoView {
    view! { <Portal title="page-new-request" page=|_| view! { <Start /> } /> }
}

#[component]
fn Start() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.with(|q| q.get("form").and_then(|t| FormToken::parse(&t).ok()));
    let data = Resource::new_blocking(token, order_wizard);
    view! {
        <Loaded resource=data let:data>
            {match data.placed_order {
                Some(id) => view! {
                    <div class="alert alert-info" role="status" data-testid="form-placed">
                        <p>{t_args("wizard-placed-already", &[("id", id.into())])}</p>
                        <p class="actions">
                            <a class="button" href=format!("/orders/{id}")>{t_args("wizard-view-order", &[("id", id.into())])}</a>
                            <a class="button button-quiet" href="/orders/new">{t("wizard-start-new")}</a>
                        </p>
                    </div>
                }.into_any(),
                None if data.offers.is_empty() => view! {
                    <p class="empty">{t("wizard-no-products")}</p>
                }.into_any(),
                None => view! {
                    {data.order_for.clone().map(|choices| view! { <OrderForPicker choices /> })}
                    <Steps data=data posted={crate::components::form_alert::posted_error::<OrderWizardStep>()} />
                }.into_any(),
            }}
        </Loaded>
    }
}

/// "Order for": a partner's user moves to the partner or to a sub-account before filling in
/// the order, which is then that account's (paid by the partner at the partner price). A
/// plain form: it needs no script.
#[component]
fn OrderForPicker(choices: OrderForChoices) -> impl IntoView {
    let switch = ServerAction::<OrderFor>::new();
    let posted = crate::components::form_alert::posted_error::<OrderFor>();
    let current = choices.current;
    let in_sub_account = choices
        .options
        .iter()
        .any(|o| o.id == current && !o.partner);
    let partner_name = choices
        .options
        .iter()
        .find(|o| o.partner)
        .map(|o| o.name.clone())
        .unwrap_or_default();
    view! {
        <section class="card order-for" aria-labelledby="order-for-heading" data-testid="order-for">
            <h2 id="order-for-heading">{t("wizard-order-for-heading")}</h2>
            <ActionForm action=switch attr:class="inline-form">
                <label for="order-for-account">{t("wizard-order-for-label")}</label>
                <select id="order-for-account" name="account_id">
                    {choices.options.into_iter().map(|o| {
                        let label = if o.partner {
                            t_args("wizard-order-for-own", &[("name", o.name.into())])
                        } else {
                            o.name
                        };
                        view! { <option value=o.id.to_string() selected=o.id == current>{label}</option> }
                    }).collect_view()}
                </select>
                <button type="submit" class="button">{t("wizard-order-for-switch")}</button>
            </ActionForm>
            <p class="muted">{if in_sub_account {
                t_args("wizard-order-for-paid-by-partner", &[("name", partner_name.into())])
            } else {
                t("wizard-order-for-hint")
            }}</p>
            <FormAlert error=Signal::derive(move || switch.value().get().and_then(Result::err).or_else(|| posted.clone())) />
        </section>
    }
}

/// Where a step's form goes without script.
const STEP_ACTION: &str = "/api/orders/wizard-step";

/// The wizard itself, an island whose code is a chunk of its own (with the key code behind a
/// further split point): only the new-request page pays for it. `posted` is the error a post
/// without script came back with.
#[island(lazy)]
fn Steps(data: WizardData, posted: Option<AppError>) -> impl IntoView {
    let offers = StoredValue::new(data.offers.clone());
    let first = data.offers.first().cloned();
    let saved = data.saved.clone().unwrap_or_default();
    let started = data.saved.is_some();
    let form = RwSignal::new(if started {
        saved.form.clone()
    } else {
        OrderForm {
            product_id: first.as_ref().map(|o| o.id).unwrap_or(0),
            validity_days: first
                .as_ref()
                .and_then(|o| o.validity_days.iter().copied().max())
                .unwrap_or(0),
            requester_name: data.requester_name.clone(),
            requester_email: data.requester_email.clone(),
            csr_source: "browser".into(),
            group_id: data.groups.first().map(|g| g.0).unwrap_or(0),
            ..Default::default()
        }
    });
    let token = data.form_token.clone();
    let counted = form.with_untracked(|f| {
        f.names
            .split(['\n', ',', ' '])
            .filter(|n| !n.trim().is_empty())
            .count()
    });
    let domains = RwSignal::new(u32::try_from(counted).unwrap_or(1).max(1));
    let step = RwSignal::new(saved.step.min(WizardStep::ALL.len() - 1));
    let errors = RwSignal::new(saved.errors.clone());
    let refusal = saved.error.clone();
    let key = RwSignal::new(None::<GeneratedKey>);
    let key_saved = RwSignal::new(false);
    let key_error = RwSignal::new(None::<String>);
    let algorithm = RwSignal::new(KeyAlgorithm::P256);
    let place = ServerAction::<OrderPlace>::new();
    let offer = move || {
        let id = form.with(|f| f.product_id);
        offers.with_value(|o| o.iter().find(|o| o.id == id).cloned())
    };
    // Read now: some handlers below finish after an await, outside the component's context.
    let lang = crate::i18n::use_lang();
    let price = move || {
        let (days, id) = form.with(|f| (f.validity_days, f.product_id));
        let _ = id;
        offer().map(|o| match quote(&o, days, domains.get()) {
            Ok(q) => crate::i18n::money(lang, q.total_minor, &q.currency),
            Err(e) => e.msg().text(lang),
        })
    };
    let current = move || {
        WizardStep::ALL
            .get(step.get())
            .copied()
            .unwrap_or(WizardStep::Summary)
    };
    let field_error =
        move |name: &'static str| Signal::derive(move || errors.with(|e| e.text(name, lang)));
    let next = move |_: leptos::ev::MouseEvent| {
        let found = form.with(|f| f.step_errors(current(), rules(offer().as_ref(), domains.get())));
        let key_unsaved = current() == WizardStep::Csr
            && form.with(|f| f.csr_source == "browser")
            && (key.with(Option::is_none) || !key_saved.get());
        if key_unsaved {
            key_error.set(Some(t("wizard-key-unsaved")));
            return;
        }
        errors.set(found.clone());
        if found.is_empty() {
            step.update(|s| *s = (*s + 1).min(WizardStep::ALL.len() - 1));
        }
    };
    let back = move |_: leptos::ev::MouseEvent| step.update(|s| *s = s.saturating_sub(1));
    let place_token = StoredValue::new(token.clone());
    let submit = move |draft: bool| {
        let mut f = form.get();
        f.draft = draft;
        match f.validate(rules(offer().as_ref(), domains.get())) {
            Err(e) => errors.set(e),
            Ok(_) => {
                errors.set(FieldErrors::default());
                place.dispatch(OrderPlace {
                    form: f,
                    token: Some(place_token.get_value()),
                });
            }
        }
    };
    Effect::new(move |_| {
        if let Some(Ok(placed)) = place.value().get() {
            crate::browser::go_to(
                &crate::model::order_done::OrderDone::Placed.order_page(placed.id),
            );
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
    Effect::new(move |_| {
        if let Some(Err(crate::error::AppError::Validation(e))) = place.value().get() {
            errors.set(e);
        }
    });
    // The cryptography is a chunk of its own: fetch it once the user reaches the step that may
    // make or read a key, so it is there by the time they click.
    Effect::new(move |_| {
        if current() == WizardStep::Csr {
            pki::on_demand::prefetch();
        }
    });
    let generate = move |_| {
        key_error.set(None);
        key_saved.set(false);
        let names: Vec<String> = form.with(|f| {
            f.names
                .split(['\n', ',', ' '])
                .map(crate::model::dns_name::normalize)
                .filter(|n| !n.is_empty())
                .collect()
        });
        let Some(main) = names.first().cloned() else {
            key_error.set(Some(t("wizard-key-needs-name")));
            return;
        };
        let mut all = names.clone();
        if form.with(|f| f.add_www) && !main.starts_with("*.") && !main.starts_with("www.") {
            all.insert(1, format!("www.{main}"));
        }
        let request = CsrRequest {
            common_name: Some(main),
            dns_names: all,
        };
        let algorithm = algorithm.get();
        leptos::task::spawn_local(async move {
            match pki::on_demand::generate(algorithm, request).await {
                Ok(k) => {
                    form.update(|f| f.csr_pem = k.csr_pem.clone());
                    key.set(Some(k));
                }
                Err(e) => key_error.set(Some(e.text())),
            }
        });
    };
    let save_pem = move |_| {
        if let Some(k) = key.get() {
            match pki::save_file(
                "private-key.pem",
                k.private_key_pem.as_bytes(),
                "application/x-pem-file",
            ) {
                Ok(()) => key_saved.set(true),
                Err(e) => key_error.set(Some(e)),
            }
        }
    };
    let save_p12 = move |_| {
        if let Some(k) = key.get() {
            let password = crate::browser::input_value("p12-password");
            leptos::task::spawn_local(async move {
                let made = pki::on_demand::pkcs12(
                    k.private_key_pem,
                    None,
                    password,
                    "Rootline key".into(),
                )
                .await;
                match made.map_err(|e| e.text()).and_then(|bytes| {
                    pki::save_file("private-key.p12", &bytes, "application/x-pkcs12")
                }) {
                    Ok(()) => key_saved.set(true),
                    Err(e) => key_error.set(Some(e)),
                }
            });
        }
    };
    let take_csr = move |text: String| {
        form.update(|f| f.csr_pem = text.clone());
        leptos::task::spawn_local(async move {
            match pki::on_demand::inspect_csr(text.into_bytes()).await {
                Ok(summary) => {
                    let mut names = summary.dns_names.clone();
                    if names.is_empty() {
                        names.extend(summary.common_name.clone());
                    }
                    if !names.is_empty() {
                        form.update(|f| f.names = names.join("\n"));
                    }
                    key_error.set(if summary.signature_valid {
                        None
                    } else {
                        Some(tr(lang, "wizard-csr-bad-signature"))
                    });
                }
                Err(e) => key_error.set(Some(e.text())),
            }
        });
    };
    let groups = data.groups.clone();
    let organizations = StoredValue::new(data.organizations.clone());
    let needs_organization = move || offer().and_then(|o| o.kind.vetting_level()).is_some();
    let needs_signatories = move || {
        offer().and_then(|o| o.kind.vetting_level())
            == Some(crate::model::organizations::VettingLevel::Ev)
    };
    let organization_name = move || {
        let id = form.with(|f| f.organization_id);
        organizations.with_value(|all| all.iter().find(|o| o.id == id).map(|o| o.name.clone()))
    };
    let verified = data.verified_domains.clone();
    let needs_approval = data.needs_approval;
    let gst_rate = data.gst_rate_bp;
    // The GST and the grand total an INR order is charged (the server charges the same).
    let taxed = move |rate: u32| {
        let days = form.with(|f| f.validity_days);
        offer()
            .and_then(|o| quote(&o, days, domains.get()).ok())
            .map(|q| crate::model::gst_states::tax_and_total(lang, &q, rate))
    };
    let source = move || form.with(|f| f.csr_source.clone());
    let product_step = view! {
    // Product & validity
    <div hidden=move || current() != WizardStep::Product>
        // A new product starts at its longest validity.
        <ProductValidity prefix="wizard" offers=offers form=form errors=errors
            get=|f| (f.product_id, f.validity_days)
            set=|f, product, days| { f.product_id = product; f.validity_days = days; }
            default_days=|o| o.validity_days.iter().copied().max() />
        {move || offer().filter(|o| o.multi_domain).map(|o| view! {
            <div class="field">
                <label for="wizard-domains">{t("wizard-number-of-domains")}</label>
                <input id="wizard-domains" name="domains" type="number" min="1" max=o.max_domains
                    value=domains.get_untracked() prop:value=move || domains.get()
                    on:input=move |ev| domains.set(event_target_value(&ev).parse().unwrap_or(1)) />
            </div>
        })}
        <OrganizationField organizations=organizations form=form ov=Signal::derive(needs_organization)
            error=field_error("organization_id") />
        <p class="price">{t("wizard-price")}" " <strong data-testid="live-price">{price}</strong></p>
    </div>
    }
    .into_any();
    let requester_step = view! {
    // Requester
    <div hidden=move || current() != WizardStep::Requester>
        <FormText label=t("wizard-requester-name") id="wizard-requester-name" name="requester_name" form=form error=field_error("requester_name")
            get=|f| f.requester_name.clone() set=|f, v| f.requester_name = v />
        <FormText label=t("wizard-requester-email") id="wizard-requester-email" name="requester_email" form=form error=field_error("requester_email")
            get=|f| f.requester_email.clone() set=|f, v| f.requester_email = v />
        <FormText label=t("wizard-requester-phone") id="wizard-requester-phone" name="requester_phone" form=form error=field_error("requester_phone")
            get=|f| f.requester_phone.clone() set=|f, v| f.requester_phone = v />
        // EV products: the authorized signatories (EV Guidelines 11.8), each asked by mail
        // once the order is paid.
        <fieldset class="fieldset" hidden=move || !needs_signatories()>
            <legend>{t("wizard-signatories")}</legend>
            <p class="field-hint">{t("wizard-signatories-hint")}</p>
            <FormText label=t("wizard-signer-name") id="wizard-signer-name" name="signer_name" form=form error=field_error("signer_name")
                get=|f| f.signer_name.clone() set=|f, v| f.signer_name = v />
            <FormText label=t("wizard-signer-email") id="wizard-signer-email" name="signer_email" form=form error=field_error("signer_email")
                get=|f| f.signer_email.clone() set=|f, v| f.signer_email = v />
            <FormText label=t("wizard-approver-name") id="wizard-approver-name" name="approver_name" form=form error=field_error("approver_name")
                get=|f| f.approver_name.clone() set=|f, v| f.approver_name = v />
            <FormText label=t("wizard-approver-email") id="wizard-approver-email" name="approver_email" form=form error=field_error("approver_email")
                get=|f| f.approver_email.clone() set=|f, v| f.approver_email = v />
        </fieldset>
    </div>
    }
    .into_any();
    let initial_source = form.with_untracked(|f| f.csr_source.clone());
    let initial_csr = form.with_untracked(|f| f.csr_pem.clone());
    // Every way of giving the CSR is in the page; the style shows the chosen one, so the
    // choice works before (and without) the script.
    let csr_step = view! {
    // CSR
    <div class="csr-step" hidden=move || current() != WizardStep::Csr>
        <fieldset class="field">
            <legend>{t("wizard-csr-how")}</legend>
            {[("browser", "wizard-csr-browser"), ("paste", "wizard-csr-paste"), ("upload", "wizard-csr-upload"), ("later", "wizard-csr-later")]
                .into_iter()
                .map(|(code, label)| view! {
                    <label class="choice">
                        <input type="radio" name="csr_source" value=code
                            checked=initial_source == code
                            prop:checked=move || source() == code
                            on:change=move |_| form.update(|f| f.csr_source = code.into()) />
                        {t(label)}
                    </label>
                })
                .collect_view()}
        </fieldset>
        <div class="csr-panel csr-panel-browser">
            <p class="field-hint without-script">{t("wizard-key-needs-script")}</p>
            <div class="with-script">
                <FormText multiline=true label=t("wizard-key-names") id="wizard-key-names" form=form error=field_error("names")
                    get=|f| f.names.clone() set=|f, v| f.names = v />
                <div class="field">
                    <label for="wizard-algorithm">{t("wizard-key-type")}</label>
                    <select id="wizard-algorithm" on:change=move |ev| {
                        if let Some(a) = KeyAlgorithm::parse(&event_target_value(&ev)) { algorithm.set(a) }
                    }>
                        {KeyAlgorithm::ALL.into_iter().map(|a| view! {
                            <option value=a.as_str() selected=move || algorithm.get() == a>{a.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button" on:click=generate>{t("wizard-generate")}</button>
                {move || key.get().map(|k| view! {
                    <p class="alert alert-info" role="status" data-testid="key-ready">
                        {format!("{} key and its CSR were made in this browser. Save the key now: Rootline never sees it.", k.algorithm.with_article())}
                    </p>
                    <p class="actions">
                        <button type="button" class="button" on:click=save_pem>{t("wizard-save-pem")}</button>
                    </p>
                    <div class="field">
                        <label for="p12-password">{t("wizard-p12-password")}</label>
                        <input id="p12-password" type="password" autocomplete="new-password" />
                    </div>
                    <button type="button" class="button button-quiet" on:click=save_p12>{t("wizard-save-p12")}</button>
                    {move || key_saved.get().then(|| view! { <p class="field-hint" data-testid="key-saved">{t("wizard-key-saved")}</p> })}
                })}
            </div>
        </div>
        <div class="field csr-panel csr-panel-paste">
            <label for="wizard-csr">{t("wizard-csr-pem")}</label>
            <textarea id="wizard-csr" name="csr_pem" rows="8" class="mono"
                inner_html=textarea_text(&initial_csr)
                prop:value=move || form.with(|f| f.csr_pem.clone())
                on:change=move |ev| take_csr(event_target_value(&ev))></textarea>
        </div>
        <div class="csr-panel csr-panel-upload">
            <CsrUpload take=take_csr />
        </div>
        <p class="field-hint csr-panel csr-panel-later">{t("wizard-csr-later-hint")}</p>
        {move || key_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        {move || field_error("csr_pem").get().map(|m| view! { <p class="field-error">{m}</p> })}
        {move || field_error("csr_source").get().map(|m| view! { <p class="field-error">{m}</p> })}
    </div>
    }
    .into_any();
    let initial_www = form.with_untracked(|f| f.add_www);
    let details_step = view! {
    // Certificate details
    <div hidden=move || current() != WizardStep::Details>
        <FormText multiline=true label=t("wizard-names") id="wizard-names" name="names" form=form error=field_error("names")
            get=|f| f.names.clone() set=|f, v| f.names = v />
        <label class="choice">
            <input type="checkbox" name="add_www" checked=initial_www prop:checked=move || form.with(|f| f.add_www)
                on:change=move |ev| form.update(|f| f.add_www = event_target_checked(&ev)) />
            {t("wizard-add-www")}
        </label>
        {(!verified.is_empty()).then(|| view! {
            <div class="field-hint verified-domains" role="group" aria-label=t("wizard-verified-domains")>
                <span>{t("wizard-verified-domains-lead")}" "</span>
                {verified.iter().cloned().map(|d| {
                    let label = t_args("wizard-use-domain", &[("domain", d.clone().into())]);
                    view! {
                        <button type="submit" name="go" value=format!("add:{d}") class="chip" aria-label=label
                            on:click=move |_| form.update(|f| f.names = with_name(&f.names, &d))>{d.clone()}</button>
                    }
                }).collect_view()}
            </div>
        })}
        <DynamicFields offer=Signal::derive(offer) form=form />
    </div>
    }
    .into_any();
    let initial_renew = form.with_untracked(|f| f.auto_renew);
    let additional_step = view! {
    // Additional information
    <div hidden=move || current() != WizardStep::Additional>
        <FormText label=t("wizard-tags") id="wizard-tags" name="tags" form=form error=field_error("tags")
            get=|f| f.tags.clone() set=|f, v| f.tags = v />
        <FormText multiline=true label=t("wizard-remarks") id="wizard-remarks" name="remarks" form=form error=field_error("remarks")
            get=|f| f.remarks.clone() set=|f, v| f.remarks = v />
        <FormText label=t("wizard-tech-name") id="wizard-tech-name" name="tech_name" form=form error=field_error("tech_name")
            get=|f| f.tech_name.clone() set=|f, v| f.tech_name = v />
        <FormText label=t("wizard-tech-email") id="wizard-tech-email" name="tech_email" form=form error=field_error("tech_email")
            get=|f| f.tech_email.clone() set=|f, v| f.tech_email = v />
        <FormText label=t("wizard-extra-emails") id="wizard-extra" name="extra_emails" form=form error=field_error("extra_emails")
            get=|f| f.extra_emails.clone() set=|f, v| f.extra_emails = v />
        <label class="choice">
            <input type="checkbox" name="auto_renew" checked=initial_renew prop:checked=move || form.with(|f| f.auto_renew)
                on:change=move |ev| form.update(|f| f.auto_renew = event_target_checked(&ev)) />
            {t("wizard-auto-renew")}
        </label>
        <FormText label=t("wizard-delegate-name") id="wizard-delegate-name" name="delegate_name" form=form error=field_error("delegate_name")
            get=|f| f.delegate_name.clone() set=|f, v| f.delegate_name = v />
        <FormText label=t("wizard-delegate-email") id="wizard-delegate-email" name="delegate_email" form=form error=field_error("delegate_email")
            get=|f| f.delegate_email.clone() set=|f, v| f.delegate_email = v />
    </div>
    }
    .into_any();
    let summary_step = view! {
    // Summary & payment
    <div hidden=move || current() != WizardStep::Summary>
        <dl class="details">
            <dt>{t("wizard-summary-product")}</dt><dd>{move || offer().map(|o| o.name)}</dd>
            <dt>{t("wizard-summary-validity")}</dt><dd>{move || t_args("wizard-days", &[("days", form.with(|f| f.validity_days).into())])}</dd>
            <dt>{t("wizard-summary-names")}</dt><dd>{move || form.with(|f| f.names.replace('\n', ", "))}</dd>
            {move || needs_organization().then(|| view! {
                <dt>{t("wizard-summary-organization")}</dt><dd>{organization_name}</dd>
            })}
            <dt>{t("wizard-summary-total")}</dt><dd data-testid="summary-total">{price}</dd>
            {gst_rate.map(|rate| view! {
                <dt>{t_args("wizard-summary-gst", &[("rate", crate::model::gst_states::rate_text(rate).into())])}</dt>
                <dd data-testid="summary-gst">{move || taxed(rate).map(|(tax, _)| tax)}</dd>
                <dt>{t("wizard-summary-grand-total")}</dt>
                <dd data-testid="summary-grand-total">{move || taxed(rate).map(|(_, total)| total)}</dd>
            })}
        </dl>
        <div class="field">
            <label for="wizard-group">{t("wizard-pay-from-group")}</label>
            <select id="wizard-group" name="group_id" on:change=move |ev| {
                let id = event_target_value(&ev).parse().unwrap_or(0);
                form.update(|f| f.group_id = id);
            }>
                {groups.clone().into_iter().map(|(id, label)| view! {
                    <option value=id selected=move || form.with(|f| f.group_id == id)>{label}</option>
                }).collect_view()}
            </select>
            {move || field_error("group_id").get().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
        {needs_approval.then(|| view! {
            <p class="field-hint">{t("wizard-needs-approval")}</p>
        })}
    </div>
    }
    .into_any();
    view! {
        <ol class="wizard-steps" aria-label=t("wizard-steps")>
            {WizardStep::ALL.into_iter().enumerate().map(|(i, s)| view! {
                <li aria-current=move || (step.get() == i).then_some("step")>{t(s.key())}</li>
            }).collect_view()}
        </ol>
        <FormAlert error=server_error />
        // With script the buttons act in the page and the form never posts; without it each
        // button posts the whole form (hidden steps too) with its own `go`.
        <form class="card wizard" method="post" action=STEP_ACTION enctype="multipart/form-data"
            novalidate=true on:submit=|ev| ev.prevent_default()>
            // Enter in a field is Next, whatever buttons the steps hold.
            <button type="submit" name="go" value="next" hidden=true tabindex="-1" on:click=next>{t("wizard-next")}</button>
            <input type="hidden" name="form_token" value=token.to_string() />
            <input type="hidden" name="step" value=step.get_untracked() prop:value=move || step.get().to_string() />
            <h2>{move || t(current().key())}</h2>
            {product_step}
            {requester_step}
            {csr_step}
            {details_step}
            {additional_step}
            {summary_step}
            <p class="actions wizard-nav">
                <button type="submit" name="go" value="next" class="button" hidden=move || current() == WizardStep::Summary on:click=next>{t("wizard-next")}</button>
                <button type="submit" name="go" value="pay" class="button" hidden=move || current() != WizardStep::Summary
                    disabled=move || place.pending().get()
                    on:click=move |_| submit(false)>{if needs_approval { t("wizard-submit-for-approval") } else { t("wizard-pay-now") }}</button>
                <button type="submit" name="go" value="draft" class="button button-quiet" hidden=move || current() != WizardStep::Summary
                    disabled=move || place.pending().get()
                    on:click=move |_| submit(true)>{t("wizard-save-draft")}</button>
                <button type="submit" name="go" value="back" class="button button-quiet" hidden=move || step.get() == 0 on:click=back>{t("wizard-back")}</button>
            </p>
        </form>
    }
}

/// A private product's dynamic subject fields beyond the names (O, OU, L, ST, C, e-mail):
/// the requester fills them in with each order; they go in `attributes`, in `Field::ALL`
/// order, which is how the server reads them.
#[component]
fn DynamicFields(offer: Signal<Option<Offer>>, form: RwSignal<OrderForm>) -> impl IntoView {
    move || {
        offer.get().map(|o| {
            o.dynamic_fields
                .into_iter()
                .filter(|d| !matches!(d.field, Field::CommonName | Field::Dns | Field::Ip))
                .map(|d| {
                    let index = Field::ALL.iter().position(|f| *f == d.field).unwrap_or_default();
                    let id = format!("wizard-attribute-{index}");
                    let label = if d.required {
                        d.label.clone()
                    } else {
                        t_args("wizard-optional-field", &[("label", d.label.clone().into())])
                    };
                    view! {
                        <div class="field">
                            <label for=id.clone()>{label}</label>
                            <input id=id type="text" required=d.required name=format!("attributes[{index}]")
                                value=form.with_untracked(|f| f.attributes.get(index).cloned().unwrap_or_default())
                                prop:value=move || form.with(|f| f.attributes.get(index).cloned().unwrap_or_default())
                                on:input=move |ev| {
                                    let value = event_target_value(&ev);
                                    form.update(|f| {
                                        if f.attributes.len() < Field::ALL.len() {
                                            f.attributes.resize(Field::ALL.len(), String::new());
                                        }
                                        if let Some(slot) = f.attributes.get_mut(index) {
                                            *slot = value;
                                        }
                                    });
                                } />
                        </div>
                    }
                })
                .collect_view()
        })
    }
}

/// The organization an OV order names: one of the account's verified organizations. Shown
/// for OV products; without script it shows when the product the form holds is one (a post
/// that picked an OV product comes back to this step asking for it).
#[component]
fn OrganizationField(
    organizations: StoredValue<Vec<OrganizationChoice>>,
    form: RwSignal<OrderForm>,
    ov: Signal<bool>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let label = |o: &OrganizationChoice| match o.level {
        Some(l) => t_args(
            "wizard-organization-level",
            &[("name", o.name.clone().into()), ("level", l.code().into())],
        ),
        None => t_args(
            "wizard-organization-in-vetting",
            &[("name", o.name.clone().into())],
        ),
    };
    let none = organizations.with_value(Vec::is_empty);
    view! {
        <div class="field" hidden=move || !ov.get()>
            <label for="wizard-organization">{t("wizard-organization")}</label>
            <select id="wizard-organization" name="organization_id" aria-describedby="wizard-organization-hint"
                on:change=move |ev| {
                    let id = event_target_value(&ev).parse().unwrap_or(0);
                    form.update(|f| f.organization_id = id);
                }>
                <option value="0">{t("wizard-organization-choose")}</option>
                {organizations.get_value().into_iter().map(|o| {
                    let id = o.id;
                    let label = label(&o);
                    view! { <option value=id selected=move || form.with(|f| f.organization_id == id)>{label}</option> }
                }).collect_view()}
            </select>
            <p class="field-hint" id="wizard-organization-hint">
                {if none { t("wizard-organization-none") } else { t("wizard-organization-hint") }}" "
                <a href=crate::model::organizations::ORGANIZATIONS_PATH>{t("wizard-organizations-link")}</a>
            </p>
            {move || error.get().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
    }
}

/// Reads a chosen CSR file in the browser and hands its text to the wizard.
#[component]
fn CsrUpload<F>(take: F) -> impl IntoView
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
            <label for="wizard-csr-file">{t("wizard-csr-file")}</label>
            <input id="wizard-csr-file" name="csr_file" type="file" accept=".csr,.pem,.req,.txt" on:change=on_change />
        </div>
    }
}
