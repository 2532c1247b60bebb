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

use crate::{
    api::orders::{OrderPlace, OrderWizardStep, order_wizard},
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
        billing::format_money,
        order_form_post::{FormToken, name_rules as rules, with_name},
        orders::{OrderForm, WizardData, WizardStep},
        products::{Offer, quote},
        template::Field,
    },
    pki::{self, CsrRequest, GeneratedKey, KeyAlgorithm},
};

#[component]
pub fn OrderNewPage() -> impl IntoView {
    view! { <Portal title="New request" page=|_| view! { <Start /> } /> }
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
                        <p>{format!("This form placed order #{id} already; it places nothing twice.")}</p>
                        <p class="actions">
                            <a class="button" href=format!("/orders/{id}")>{format!("View order #{id}")}</a>
                            <a class="button button-quiet" href="/orders/new">"Start a new request"</a>
                        </p>
                    </div>
                }.into_any(),
                None if data.offers.is_empty() => view! {
                    <p class="empty">"There are no products your account can order yet."</p>
                }.into_any(),
                None => view! { <Steps data=data /> }.into_any(),
            }}
        </Loaded>
    }
}

/// Where a step's form goes without script.
const STEP_ACTION: &str = "/api/orders/wizard-step";

#[component]
fn Steps(data: WizardData) -> impl IntoView {
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
    // A post without script that the server could not read comes back with its error.
    let posted = crate::components::form_alert::posted_error::<OrderWizardStep>();
    let offer = move || {
        let id = form.with(|f| f.product_id);
        offers.with_value(|o| o.iter().find(|o| o.id == id).cloned())
    };
    let price = move || {
        let (days, id) = form.with(|f| (f.validity_days, f.product_id));
        let _ = id;
        offer().map(|o| match quote(&o, days, domains.get()) {
            Ok(q) => format_money(q.total_minor, &q.currency),
            Err(e) => e.to_string(),
        })
    };
    let current = move || {
        WizardStep::ALL
            .get(step.get())
            .copied()
            .unwrap_or(WizardStep::Summary)
    };
    let field_error = move |name: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(name).map(str::to_owned)))
    };
    let next = move |_: leptos::ev::MouseEvent| {
        let found = form.with(|f| f.step_errors(current(), rules(offer().as_ref(), domains.get())));
        let key_unsaved = current() == WizardStep::Csr
            && form.with(|f| f.csr_source == "browser")
            && (key.with(Option::is_none) || !key_saved.get());
        if key_unsaved {
            key_error.set(Some(
                "Generate the key and save it before you go on: it never leaves this browser."
                    .into(),
            ));
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
            let navigate = leptos_router::hooks::use_navigate();
            navigate(
                &format!("/orders/{}?done=placed", placed.id),
                Default::default(),
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
            key_error.set(Some(
                "Enter the domain name first: the CSR names it.".into(),
            ));
            return;
        };
        let mut all = names.clone();
        if form.with(|f| f.add_www) && !main.starts_with("*.") && !main.starts_with("www.") {
            all.insert(1, format!("www.{main}"));
        }
        match pki::generate(
            algorithm.get(),
            &CsrRequest {
                common_name: Some(main),
                dns_names: all,
            },
        ) {
            Ok(k) => {
                form.update(|f| f.csr_pem = k.csr_pem.clone());
                key.set(Some(k));
            }
            Err(e) => key_error.set(Some(e.to_string())),
        }
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
            match pki::pkcs12(&k.private_key_pem, None, &password, "Rootline key")
                .map_err(|e| e.to_string())
                .and_then(|bytes| pki::save_file("private-key.p12", &bytes, "application/x-pkcs12"))
            {
                Ok(()) => key_saved.set(true),
                Err(e) => key_error.set(Some(e)),
            }
        }
    };
    let take_csr = move |text: String| {
        form.update(|f| f.csr_pem = text.clone());
        match pki::inspect_csr(text.as_bytes()) {
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
                    Some("The CSR's signature does not verify.".into())
                });
            }
            Err(e) => key_error.set(Some(e.to_string())),
        }
    };
    let groups = data.groups.clone();
    let verified = data.verified_domains.clone();
    let needs_approval = data.needs_approval;
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
                <label for="wizard-domains">"Number of domains"</label>
                <input id="wizard-domains" name="domains" type="number" min="1" max=o.max_domains
                    value=domains.get_untracked() prop:value=move || domains.get()
                    on:input=move |ev| domains.set(event_target_value(&ev).parse().unwrap_or(1)) />
            </div>
        })}
        <p class="price">"Price: " <strong data-testid="live-price">{price}</strong></p>
    </div>
    }
    .into_any();
    let requester_step = view! {
    // Requester
    <div hidden=move || current() != WizardStep::Requester>
        <FormText label="Requester name" id="wizard-requester-name" name="requester_name" form=form error=field_error("requester_name")
            get=|f| f.requester_name.clone() set=|f, v| f.requester_name = v />
        <FormText label="Requester e-mail" id="wizard-requester-email" name="requester_email" form=form error=field_error("requester_email")
            get=|f| f.requester_email.clone() set=|f, v| f.requester_email = v />
        <FormText label="Requester phone (optional)" id="wizard-requester-phone" name="requester_phone" form=form error=field_error("requester_phone")
            get=|f| f.requester_phone.clone() set=|f, v| f.requester_phone = v />
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
            <legend>"How do you provide the CSR?"</legend>
            {[("browser", "Generate the key in this browser"), ("paste", "Paste a CSR"), ("upload", "Upload a CSR file"), ("later", "Submit the CSR later")]
                .into_iter()
                .map(|(code, label)| view! {
                    <label class="choice">
                        <input type="radio" name="csr_source" value=code
                            checked=initial_source == code
                            prop:checked=move || source() == code
                            on:change=move |_| form.update(|f| f.csr_source = code.into()) />
                        {label}
                    </label>
                })
                .collect_view()}
        </fieldset>
        <div class="csr-panel csr-panel-browser">
            <p class="field-hint without-script">"Generating the key in this browser needs JavaScript, which is off or still loading. Without it, paste or upload a CSR, or submit it later."</p>
            <div class="with-script">
                <FormText multiline=true label="Domain names for the key (one per line)" id="wizard-key-names" form=form error=field_error("names")
                    get=|f| f.names.clone() set=|f, v| f.names = v />
                <div class="field">
                    <label for="wizard-algorithm">"Key type"</label>
                    <select id="wizard-algorithm" on:change=move |ev| {
                        if let Some(a) = KeyAlgorithm::parse(&event_target_value(&ev)) { algorithm.set(a) }
                    }>
                        {KeyAlgorithm::ALL.into_iter().map(|a| view! {
                            <option value=a.as_str() selected=move || algorithm.get() == a>{a.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="button" class="button" on:click=generate>"Generate key and CSR"</button>
                {move || key.get().map(|k| view! {
                    <p class="alert alert-info" role="status" data-testid="key-ready">
                        {format!("{} key and its CSR were made in this browser. Save the key now: Rootline never sees it.", k.algorithm.with_article())}
                    </p>
                    <p class="actions">
                        <button type="button" class="button" on:click=save_pem>"Save private key (PEM)"</button>
                    </p>
                    <div class="field">
                        <label for="p12-password">"PKCS#12 password (at least 8 characters)"</label>
                        <input id="p12-password" type="password" autocomplete="new-password" />
                    </div>
                    <button type="button" class="button button-quiet" on:click=save_p12>"Save as PKCS#12"</button>
                    {move || key_saved.get().then(|| view! { <p class="field-hint" data-testid="key-saved">"Key saved."</p> })}
                })}
            </div>
        </div>
        <div class="field csr-panel csr-panel-paste">
            <label for="wizard-csr">"CSR (PEM)"</label>
            <textarea id="wizard-csr" name="csr_pem" rows="8" class="mono"
                inner_html=textarea_text(&initial_csr)
                prop:value=move || form.with(|f| f.csr_pem.clone())
                on:change=move |ev| take_csr(event_target_value(&ev))></textarea>
        </div>
        <div class="csr-panel csr-panel-upload">
            <CsrUpload take=take_csr />
        </div>
        <p class="field-hint csr-panel csr-panel-later">"You can submit the CSR from the order's page once the order is placed."</p>
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
        <FormText multiline=true label="Domain names (one per line; the first is the main one)" id="wizard-names" name="names" form=form error=field_error("names")
            get=|f| f.names.clone() set=|f, v| f.names = v />
        <label class="choice">
            <input type="checkbox" name="add_www" checked=initial_www prop:checked=move || form.with(|f| f.add_www)
                on:change=move |ev| form.update(|f| f.add_www = event_target_checked(&ev)) />
            "Also secure the www. variant"
        </label>
        {(!verified.is_empty()).then(|| view! {
            <div class="field-hint verified-domains" role="group" aria-label="Pre-verified domains">
                <span>"Pre-verified domains of your account (no new validation needed): "</span>
                {verified.iter().cloned().map(|d| {
                    let label = format!("Use {d}");
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
        <FormText label="Reporting tags (comma-separated)" id="wizard-tags" name="tags" form=form error=field_error("tags")
            get=|f| f.tags.clone() set=|f, v| f.tags = v />
        <FormText multiline=true label="Remarks" id="wizard-remarks" name="remarks" form=form error=field_error("remarks")
            get=|f| f.remarks.clone() set=|f, v| f.remarks = v />
        <FormText label="Technical contact name" id="wizard-tech-name" name="tech_name" form=form error=field_error("tech_name")
            get=|f| f.tech_name.clone() set=|f, v| f.tech_name = v />
        <FormText label="Technical contact e-mail" id="wizard-tech-email" name="tech_email" form=form error=field_error("tech_email")
            get=|f| f.tech_email.clone() set=|f, v| f.tech_email = v />
        <FormText label="Additional e-mail recipients" id="wizard-extra" name="extra_emails" form=form error=field_error("extra_emails")
            get=|f| f.extra_emails.clone() set=|f, v| f.extra_emails = v />
        <label class="choice">
            <input type="checkbox" name="auto_renew" checked=initial_renew prop:checked=move || form.with(|f| f.auto_renew)
                on:change=move |ev| form.update(|f| f.auto_renew = event_target_checked(&ev)) />
            "Auto-renew"
        </label>
        <FormText label="Download delegate name (optional)" id="wizard-delegate-name" name="delegate_name" form=form error=field_error("delegate_name")
            get=|f| f.delegate_name.clone() set=|f, v| f.delegate_name = v />
        <FormText label="Download delegate e-mail (gets a PIN to download the certificate)" id="wizard-delegate-email" name="delegate_email" form=form error=field_error("delegate_email")
            get=|f| f.delegate_email.clone() set=|f, v| f.delegate_email = v />
    </div>
    }
    .into_any();
    let summary_step = view! {
    // Summary & payment
    <div hidden=move || current() != WizardStep::Summary>
        <dl class="details">
            <dt>"Product"</dt><dd>{move || offer().map(|o| o.name)}</dd>
            <dt>"Validity"</dt><dd>{move || format!("{} days", form.with(|f| f.validity_days))}</dd>
            <dt>"Names"</dt><dd>{move || form.with(|f| f.names.replace('\n', ", "))}</dd>
            <dt>"Total"</dt><dd data-testid="summary-total">{price}</dd>
        </dl>
        <div class="field">
            <label for="wizard-group">"Pay from group"</label>
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
            <p class="field-hint">"Your orders wait for an administrator's approval; they are paid when approved."</p>
        })}
    </div>
    }
    .into_any();
    view! {
        <ol class="wizard-steps" aria-label="Steps">
            {WizardStep::ALL.into_iter().enumerate().map(|(i, s)| view! {
                <li aria-current=move || (step.get() == i).then_some("step")>{s.label()}</li>
            }).collect_view()}
        </ol>
        <FormAlert error=server_error />
        // With script the buttons act in the page and the form never posts; without it each
        // button posts the whole form (hidden steps too) with its own `go`.
        <form class="card wizard" method="post" action=STEP_ACTION enctype="multipart/form-data"
            novalidate=true on:submit=|ev| ev.prevent_default()>
            // Enter in a field is Next, whatever buttons the steps hold.
            <button type="submit" name="go" value="next" hidden=true tabindex="-1" on:click=next>"Next"</button>
            <input type="hidden" name="form_token" value=token.to_string() />
            <input type="hidden" name="step" value=step.get_untracked() prop:value=move || step.get().to_string() />
            <h2>{move || current().label()}</h2>
            {product_step}
            {requester_step}
            {csr_step}
            {details_step}
            {additional_step}
            {summary_step}
            <p class="actions wizard-nav">
                <button type="submit" name="go" value="next" class="button" hidden=move || current() == WizardStep::Summary on:click=next>"Next"</button>
                <button type="submit" name="go" value="pay" class="button" hidden=move || current() != WizardStep::Summary
                    disabled=move || place.pending().get()
                    on:click=move |_| submit(false)>{if needs_approval { "Submit for approval" } else { "Pay Now" }}</button>
                <button type="submit" name="go" value="draft" class="button button-quiet" hidden=move || current() != WizardStep::Summary
                    disabled=move || place.pending().get()
                    on:click=move |_| submit(true)>"Save as draft"</button>
                <button type="submit" name="go" value="back" class="button button-quiet" hidden=move || step.get() == 0 on:click=back>"Back"</button>
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
                        format!("{} (optional)", d.label)
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
            <label for="wizard-csr-file">"CSR file (.csr, .pem)"</label>
            <input id="wizard-csr-file" name="csr_file" type="file" accept=".csr,.pem,.req,.txt" on:change=on_change />
        </div>
    }
}
