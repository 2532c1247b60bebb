//! One S/MIME order (Certum's activation): "E-mail address for certificate" (provide it, the
//! link is mailed to it, resend) and "Certificate activation" (certificate data → generation
//! method → key pair generation → summary with the required statements), each with its status;
//! then the certificate: PEM or DER, the chain, and a PKCS#12 made in this browser from the
//! saved private key.

use crate::model::order_done::OrderDone;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::{t, t_args, tr};
use crate::{
    api::smime::{SmimeActivate, SmimeEmail, SmimeResend, smime_get},
    components::{
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
    },
    model::{
        FieldErrors, SessionView,
        smime::{ActivationForm, STATEMENT_KEYS, STATEMENTS, SmimeView, StepStatus},
    },
    pki::{self, CsrRequest, GeneratedKey, KeyAlgorithm},
};

#[component]
pub fn SmimeOrderPage() -> impl IntoView {
    view! { <Portal title="page-smime-certificate" page=|s: SessionView| view! { <SmimeOrder session=s /> } /> }
}

/// Page-wide state that outlives a reload of the order (the key made here stays in memory).
#[derive(Clone, Copy)]
struct Actions {
    email: ServerAction<SmimeEmail>,
    resend: ServerAction<SmimeResend>,
    activate: ServerAction<SmimeActivate>,
    key: RwSignal<Option<GeneratedKey>>,
}

#[component]
fn SmimeOrder(session: SessionView) -> impl IntoView {
    let _ = session;
    let params = use_params_map();
    let query = use_query_map();
    let id =
        params.with_untracked(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let placed =
        query.with_untracked(|q| q.get("done")).as_deref() == Some(OrderDone::Placed.as_str());
    view! { <SmimeOrderLive id=id placed=placed /> }
}

/// The order as the browser keeps it: the steps act in the page and reload the order, and a
/// key made here stays in memory until the certificate comes back to be put into a PKCS#12.
/// An island whose code is a chunk of its own.
#[island(lazy)]
fn SmimeOrderLive(id: i32, placed: bool) -> impl IntoView {
    let actions = Actions {
        email: ServerAction::<SmimeEmail>::new(),
        resend: ServerAction::<SmimeResend>::new(),
        activate: ServerAction::<SmimeActivate>::new(),
        key: RwSignal::new(None),
    };
    let order = Resource::new_blocking(
        move || {
            (
                id,
                actions.email.version().get(),
                actions.resend.version().get(),
                actions.activate.version().get(),
            )
        },
        |(id, ..)| smime_get(id),
    );
    let said = move || {
        actions
            .email
            .value()
            .get()
            .and_then(Result::ok)
            .or_else(|| actions.resend.value().get().and_then(Result::ok))
    };
    let error = Signal::derive(move || {
        actions
            .email
            .value()
            .get()
            .and_then(Result::err)
            .or_else(|| actions.resend.value().get().and_then(Result::err))
    });
    view! {
        {placed.then(|| view! { <Notice>{t("smime-placed")}</Notice> })}
        {move || said().map(|t| view! { <Notice>{t}</Notice> })}
        <FormAlert error=error />
        <Loaded resource=order let:o>
            <Detail order=o actions=actions />
        </Loaded>
    }
}

#[component]
fn Badge(status: StepStatus, testid: &'static str) -> impl IntoView {
    view! { <span class="badge" data-testid=testid title=t(status.meaning_key())>{t(status.key())}</span> }
}

#[component]
fn Detail(order: SmimeView, actions: Actions) -> impl IntoView {
    let id = order.order_id;
    view! {
        <section class="card" aria-label=t("smime-certificate-order")>
            <h2>{t_args("smime-heading", &[("id", order.order_id.into()), ("product", order.product.clone().into())])}</h2>
            <dl class="details">
                <dt>{t("smime-product-category")}</dt><dd>"S/MIME"</dd>
                <dt>{t("orders-col-product")}</dt><dd>{format!("{} · {}", order.product, t_args("wizard-days", &[("days", order.validity_days.into())]))}</dd>
                <dt>{t("smime-order-status")}</dt><dd><span class="badge" data-testid="order-status">{t(order.order_status.key())}</span></dd>
                <dt>{t("orders-col-order")}</dt><dd><a href=format!("/orders/{id}")>{t("smime-open-order")}</a></dd>
            </dl>
            {order.issue_error.clone().map(|r| view! { <div class="alert alert-error" role="alert">{r}</div> })}
        </section>
        <EmailStep order=order.clone() actions=actions />
        <ActivationStep order=order.clone() actions=actions />
        {order.certificate_pem.clone().map(|pem| view! { <Certificate order=order.clone() pem=pem key=actions.key /> })}
    }
}

#[component]
fn EmailStep(order: SmimeView, actions: Actions) -> impl IntoView {
    let id = order.order_id;
    let status = order.email_step;
    let email = order.email.clone().unwrap_or_default();
    view! {
        <section class="card" aria-label=t("smime-email-step")>
            <h2>{t("smime-email-step")}" " <Badge status=status testid="email-step" /></h2>
            {match status {
                StepStatus::WaitingForData => view! {
                    <h3>{t("smime-provide-email")}</h3>
                    <p>{t("smime-provide-email-explain")}</p>
                    <ActionForm action=actions.email>
                        <input type="hidden" name="id" value=id />
                        <div class="field">
                            <label for="smime-provide-email">{t("smime-email-address")}</label>
                            <input id="smime-provide-email" name="email" type="email" required />
                        </div>
                        <button type="submit" class="button">{t("smime-provide-email-button")}</button>
                    </ActionForm>
                }.into_any(),
                StepStatus::WaitingForVerification => view! {
                    <p>{match (&order.link_sent_at, &order.link_expires_at) {
                        (Some(sent), Some(until)) => t_args("smime-link-sent", &[("email", email.clone().into()), ("sent", sent.text(crate::i18n::use_lang()).into()), ("until", until.text(crate::i18n::use_lang()).into())]),
                        _ => t_args("smime-link-expired", &[("email", email.clone().into())]),
                    }}</p>
                    <ActionForm action=actions.resend>
                        <input type="hidden" name="id" value=id />
                        <button type="submit" class="button button-quiet">{t("smime-resend")}</button>
                    </ActionForm>
                    <details>
                        <summary>{t("smime-other-address")}</summary>
                        <ActionForm action=actions.email>
                            <input type="hidden" name="id" value=id />
                            <div class="field">
                                <label for="smime-change-email">{t("smime-email-address")}</label>
                                <input id="smime-change-email" name="email" type="email" required />
                            </div>
                            <button type="submit" class="button button-quiet">{t("smime-save-and-send")}</button>
                        </ActionForm>
                    </details>
                }.into_any(),
                StepStatus::Verified => view! {
                    <p>{match order.verified_until.as_ref().filter(|_| order.certificate_pem.is_none()) {
                        Some(u) => t_args("smime-verified-until", &[("email", email.clone().into()), ("until", u.text(crate::i18n::use_lang()).into())]),
                        None => t_args("smime-verified", &[("email", email.clone().into())]),
                    }}</p>
                }.into_any(),
                StepStatus::NotAvailableYet => view! {
                    <p>{t_args("smime-not-yet-paid", &[("status", t(order.order_status.key()).into())])}</p>
                }.into_any(),
            }}
        </section>
    }
}

/// The activation's sub-steps, in Certum's order.
const STEPS: [&str; 4] = [
    "smime-step-data",
    "smime-step-method",
    "smime-step-generation",
    "smime-step-summary-short",
];

#[component]
fn ActivationStep(order: SmimeView, actions: Actions) -> impl IntoView {
    let status = order.activation_step;
    view! {
        <section class="card" aria-label=t("smime-activation")>
            <h2>{t("smime-activation")}" " <Badge status=status testid="activation-step" /></h2>
            {match status {
                StepStatus::WaitingForData => view! { <Activation order=order.clone() actions=actions /> }.into_any(),
                StepStatus::Verified => view! { <p>{t("smime-issued")}</p> }.into_any(),
                _ => view! { <p>{t("smime-verify-first")}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Activation(order: SmimeView, actions: Actions) -> impl IntoView {
    let id = order.order_id;
    let email = StoredValue::new(order.email.clone().unwrap_or_default());
    let step = RwSignal::new(0usize);
    let method = RwSignal::new(
        if order.csr_pem.is_some() {
            "csr"
        } else {
            "browser"
        }
        .to_owned(),
    );
    let csr = RwSignal::new(order.csr_pem.clone().unwrap_or_default());
    let algorithm = RwSignal::new(KeyAlgorithm::P256);
    let key_saved = RwSignal::new(false);
    let key_error = RwSignal::new(None::<String>);
    let statements = RwSignal::new(vec![false; STATEMENTS.len()]);
    let errors = RwSignal::new(FieldErrors::default());
    // Read now: event handlers run outside the component's reactive context.
    let lang = crate::i18n::use_lang();
    let field_error =
        move |name: &'static str| Signal::derive(move || errors.with(|e| e.text(name, lang)));
    let server_error = Signal::derive(move || actions.activate.value().get().and_then(Result::err));
    Effect::new(move |_| {
        if let Some(Err(crate::error::AppError::Validation(e))) = actions.activate.value().get() {
            errors.set(e);
        }
    });
    let generate = move |_| {
        key_error.set(None);
        key_saved.set(false);
        let request = CsrRequest {
            common_name: Some(email.get_value()),
            dns_names: Vec::new(),
        };
        let algorithm = algorithm.get();
        leptos::task::spawn_local(async move {
            match pki::on_demand::generate(algorithm, request).await {
                Ok(k) => {
                    csr.set(k.csr_pem.clone());
                    actions.key.set(Some(k));
                }
                Err(e) => key_error.set(Some(e.text())),
            }
        });
    };
    let save_key = move |_| {
        if let Some(k) = actions.key.get() {
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
    let take_csr = move |text: String| {
        csr.set(text.clone());
        leptos::task::spawn_local(async move {
            key_error.set(match pki::on_demand::inspect_csr(text.into_bytes()).await {
                Ok(s) if !s.signature_valid => Some(tr(lang, "wizard-csr-bad-signature")),
                Ok(_) => None,
                Err(e) => Some(e.text()),
            });
        });
    };
    let next = move |_| {
        if step.get() == 2 {
            if method.get() == "browser" && (actions.key.with(Option::is_none) || !key_saved.get())
            {
                key_error.set(Some(tr(lang, "smime-key-unsaved")));
                return;
            }
            if csr.with(|c| c.trim().is_empty()) {
                key_error.set(Some(tr(lang, "smime-provide-csr")));
                return;
            }
        }
        key_error.set(None);
        step.update(|s| *s = (*s + 1).min(STEPS.len() - 1));
    };
    let back = move |_| step.update(|s| *s = s.saturating_sub(1));
    let activate = move |_| {
        let form = ActivationForm {
            method: method.get(),
            csr_pem: csr.get(),
            statements: statements.get(),
        };
        match form.validate() {
            Err(e) => errors.set(e),
            Ok(_) => {
                errors.set(FieldErrors::default());
                actions.activate.dispatch(SmimeActivate { id, form });
            }
        }
    };
    view! {
        <ol class="steps" aria-label=t("smime-activation-steps")>
            {STEPS.iter().enumerate().map(|(i, name)| view! {
                <li class:current=move || step.get() == i aria-current=move || (step.get() == i).then_some("step")>{t(name)}</li>
            }).collect_view()}
        </ol>
        <FormAlert error=server_error />
        <div hidden=move || step.get() != 0>
            <h3>{t("smime-step-data")}</h3>
            <p>{t("smime-choose-data")}</p>
            <p><strong>"S/MIME"</strong><br />{order.product.clone()}</p>
            <label class="checkbox"><input type="checkbox" checked disabled />" "{t_args("smime-email-field", &[("email", email.get_value().into())])}</label>
            <label class="checkbox"><input type="checkbox" checked disabled />" "{t_args("smime-common-name-field", &[("name", email.get_value().into())])}</label>
        </div>
        <div hidden=move || step.get() != 1>
            <h3>{t("smime-method-heading")}</h3>
            <label class="radio">
                <input type="radio" name="smime-method" value="csr" prop:checked=move || method.get() == "csr" on:change=move |_| method.set("csr".into()) />
                " "{t("smime-method-csr")}
            </label>
            <label class="radio">
                <input type="radio" name="smime-method" value="browser" prop:checked=move || method.get() == "browser" on:change=move |_| method.set("browser".into()) />
                " "{t("smime-method-browser")}
            </label>
            {move || field_error("method").get().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
        <div hidden=move || step.get() != 2>
            <h3>{t("smime-step-generation")}</h3>
            <div hidden=move || method.get() != "browser">
                <div class="field">
                    <label for="smime-algorithm">{t("wizard-key-type")}</label>
                    <select id="smime-algorithm" on:change=move |ev| algorithm.set(KeyAlgorithm::parse(&event_target_value(&ev)).unwrap_or_default())>
                        {KeyAlgorithm::ALL.into_iter().map(|a| view! { <option value=a.as_str() selected=move || algorithm.get() == a>{a.label()}</option> }).collect_view()}
                    </select>
                </div>
                <p class="actions">
                    <button type="button" class="button" on:click=generate>{t("smime-generate")}</button>
                    <button type="button" class="button button-quiet" disabled=move || actions.key.with(Option::is_none) on:click=save_key>{t("wizard-save-pem")}</button>
                </p>
                {move || actions.key.get().map(|k| view! { <p data-testid="smime-key-ready">{format!("{} key pair was generated; its CSR names {}.", k.algorithm.with_article(), email.get_value())}</p> })}
                {move || key_saved.get().then(|| view! { <p class="hint" data-testid="smime-key-saved">{t("smime-key-saved")}</p> })}
            </div>
            <div hidden=move || method.get() != "csr">
                <super::new::CsrFile take=take_csr />
                <div class="field" class:field-invalid=move || field_error("csr_pem").get().is_some()>
                    <label for="smime-activation-csr">{t("smime-csr")}</label>
                    <textarea id="smime-activation-csr" rows="8" prop:value=move || csr.get()
                        on:input=move |ev| take_csr(event_target_value(&ev))></textarea>
                </div>
                <p class="hint">{t("smime-remember-key")}</p>
            </div>
            {move || field_error("csr_pem").get().map(|m| view! { <p class="field-error">{m}</p> })}
            {move || key_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </div>
        <div hidden=move || step.get() != 3>
            <h3>{t("smime-step-summary-short")}</h3>
            <dl class="details">
                <dt>{t("smime-email-e")}</dt><dd>{email.get_value()}</dd>
                <dt>{t("smime-common-name")}</dt><dd>{email.get_value()}</dd>
                <dt>{t("smime-method-heading")}</dt><dd>{move || if method.get() == "browser" { t("smime-generated-in-browser") } else { t("smime-csr") }}</dd>
            </dl>
            <fieldset class="field">
                <legend>{t("smime-statements")}</legend>
                {STATEMENT_KEYS.iter().enumerate().map(|(i, key)| view! {
                    <label class="checkbox">
                        <input type="checkbox" data-testid=format!("smime-statement-{i}")
                            prop:checked=move || statements.with(|s| s.get(i).copied().unwrap_or(false))
                            on:change=move |ev| statements.update(|s| if let Some(v) = s.get_mut(i) { *v = event_target_checked(&ev) }) />
                        " "{t(key)}
                    </label>
                }).collect_view()}
                {move || field_error("statements").get().map(|m| view! { <p class="field-error">{m}</p> })}
            </fieldset>
            <button type="button" class="button" disabled=move || actions.activate.pending().get() on:click=activate>{t("smime-activate")}</button>
        </div>
        <p class="actions">
            <button type="button" class="button button-quiet" hidden=move || step.get() == 0 on:click=back>{t("wizard-back")}</button>
            <button type="button" class="button" hidden=move || step.get() + 1 == STEPS.len() on:click=next>{t("wizard-next")}</button>
        </p>
    }
}

#[component]
fn Certificate(
    order: SmimeView,
    pem: String,
    key: RwSignal<Option<GeneratedKey>>,
) -> impl IntoView {
    let id = order.order_id;
    let pem = StoredValue::new(pem);
    let key_pem = RwSignal::new(
        key.get_untracked()
            .map(|k| k.private_key_pem)
            .unwrap_or_default(),
    );
    // Where the key in memory came from; the key itself is never put on screen.
    let key_from = RwSignal::new(if key_pem.get_untracked().is_empty() {
        None
    } else {
        Some("generated")
    });
    let password = RwSignal::new(String::new());
    let p12_error = RwSignal::new(None::<String>);
    let save_key = move |_| {
        let result = pki::save_file(
            "private-key.pem",
            key_pem.get().as_bytes(),
            "application/x-pem-file",
        );
        p12_error.set(result.err());
    };
    let p12_done = RwSignal::new(false);
    let make_p12 = move |_| {
        p12_done.set(false);
        let (key, chain, secret) = (key_pem.get(), pem.get_value(), password.get());
        leptos::task::spawn_local(async move {
            let made =
                pki::on_demand::pkcs12(key, Some(chain), secret, "S/MIME certificate".into()).await;
            let result = made.map_err(|e| e.text()).and_then(|bytes| {
                pki::save_file(&format!("order-{id}.p12"), &bytes, "application/x-pkcs12")
            });
            match result {
                Ok(()) => {
                    p12_error.set(None);
                    p12_done.set(true);
                }
                Err(e) => p12_error.set(Some(e)),
            }
        });
    };
    view! {
        <section class="card" aria-label=t("cert-heading")>
            <h2>{t("cert-heading")}</h2>
            <p data-testid="smime-serial">{t_args("smime-serial", &[("serial", order.certificate_serial.clone().unwrap_or_default().into())])}</p>
            <p class="actions">
                <a class="button" rel="external" download="" href=format!("/orders/{id}/certificate/pem")>{t("cert-download-pem")}</a>
                <a class="button button-quiet" rel="external" download="" href=format!("/orders/{id}/certificate/der")>{t("cert-download-der")}</a>
                <a class="button button-quiet" rel="external" download="" href=format!("/orders/{id}/certificate/p7b")>{t("smime-download-chain")}</a>
            </p>
            <h3>{t("smime-p12-heading")}</h3>
            <p>{t("smime-p12-explain")}</p>
            <p class="hint" data-testid="smime-key-source">
                {move || match key_from.get() {
                    Some("generated") => t("smime-key-generated-ready"),
                    Some(_) => t("smime-key-file-loaded"),
                    None => t("smime-choose-key-file"),
                }}
            </p>
            <super::new::CsrFile take=move |text| { key_pem.set(text); key_from.set(Some("file")); } id="smime-key-file" label="smime-key-file" />
            {move || (key_from.get() == Some("generated")).then(|| view! {
                <p class="actions">
                    <button type="button" class="button button-quiet" on:click=save_key>{t("smime-download-key")}</button>
                </p>
            })}
            <div class="field">
                <label for="smime-p12-password">{t("smime-p12-password")}</label>
                <input id="smime-p12-password" type="password" autocomplete="new-password" prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="button" on:click=make_p12>{t("smime-download-p12")}</button>
            {move || p12_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            {move || p12_done.get().then(|| view! { <p class="hint" data-testid="smime-p12-done">{t("p12-saved")}</p> })}
        </section>
    }
}
