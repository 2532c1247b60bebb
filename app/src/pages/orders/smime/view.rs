//! One S/MIME order (Certum's activation): "E-mail address for certificate" (provide it, the
//! link is mailed to it, resend) and "Certificate activation" (certificate data → generation
//! method → key pair generation → summary with the required statements), each with its status;
//! then the certificate: PEM or DER, the chain, and a PKCS#12 made in this browser from the
//! saved private key.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    api::smime::{SmimeActivate, SmimeEmail, SmimeResend, smime_get},
    components::{
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
    },
    model::{
        FieldErrors, SessionView,
        smime::{ActivationForm, STATEMENTS, SmimeView, StepStatus},
    },
    pki::{self, CsrRequest, GeneratedKey, KeyAlgorithm},
};

#[component]
pub fn SmimeOrderPage() -> impl IntoView {
    view! { <Portal title="S/MIME certificate" page=|s: SessionView| view! { <SmimeOrder session=s /> } /> }
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
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let placed = move || query.with(|q| q.get("done")).as_deref() == Some("placed");
    let actions = Actions {
        email: ServerAction::<SmimeEmail>::new(),
        resend: ServerAction::<SmimeResend>::new(),
        activate: ServerAction::<SmimeActivate>::new(),
        key: RwSignal::new(None),
    };
    let order = Resource::new_blocking(
        move || {
            (
                id(),
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
        {move || placed().then(|| view! { <Notice>"The order was placed. The requester got a confirmation e-mail."</Notice> })}
        {move || said().map(|t| view! { <Notice>{t}</Notice> })}
        <FormAlert error=error />
        <Loaded resource=order let:o>
            <Detail order=o actions=actions />
        </Loaded>
    }
}

#[component]
fn Badge(status: StepStatus, testid: &'static str) -> impl IntoView {
    view! { <span class="badge" data-testid=testid title=status.meaning()>{status.label()}</span> }
}

#[component]
fn Detail(order: SmimeView, actions: Actions) -> impl IntoView {
    let id = order.order_id;
    view! {
        <section class="card" aria-label="Certificate order">
            <h2>{format!("Certificate for order #{} · {}", order.order_id, order.product)}</h2>
            <dl class="details">
                <dt>"Product category"</dt><dd>"S/MIME"</dd>
                <dt>"Product"</dt><dd>{format!("{} · {} days", order.product, order.validity_days)}</dd>
                <dt>"Order status"</dt><dd><span class="badge" data-testid="order-status">{order.order_status.label()}</span></dd>
                <dt>"Order"</dt><dd><a href=format!("/orders/{id}")>"Open the order page"</a></dd>
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
        <section class="card" aria-label="E-mail address for certificate">
            <h2>"E-mail address for certificate " <Badge status=status testid="email-step" /></h2>
            {match status {
                StepStatus::WaitingForData => view! {
                    <h3>"Provide an e-mail address"</h3>
                    <p>"Provide an e-mail address which you want to include in the certificate. It will require a verification of the control over it."</p>
                    <ActionForm action=actions.email>
                        <input type="hidden" name="id" value=id />
                        <div class="field">
                            <label for="smime-provide-email">"E-mail address*"</label>
                            <input id="smime-provide-email" name="email" type="email" required />
                        </div>
                        <button type="submit" class="button">"Provide e-mail address"</button>
                    </ActionForm>
                }.into_any(),
                StepStatus::WaitingForVerification => view! {
                    <p>{match (&order.link_sent_at, &order.link_expires_at) {
                        (Some(sent), Some(until)) => format!("The e-mail address {email} has been saved. A verification link was sent to it on {sent}; it works until {until}. Open it to verify the access to the mailbox."),
                        _ => format!("The e-mail address {email} has been saved. Its verification link has expired or a proof older than 30 days cannot be reused: send a new link."),
                    }}</p>
                    <ActionForm action=actions.resend>
                        <input type="hidden" name="id" value=id />
                        <button type="submit" class="button button-quiet">"Send the verification link again"</button>
                    </ActionForm>
                    <details>
                        <summary>"Use another address"</summary>
                        <ActionForm action=actions.email>
                            <input type="hidden" name="id" value=id />
                            <div class="field">
                                <label for="smime-change-email">"E-mail address*"</label>
                                <input id="smime-change-email" name="email" type="email" required />
                            </div>
                            <button type="submit" class="button button-quiet">"Save and send the link"</button>
                        </ActionForm>
                    </details>
                }.into_any(),
                StepStatus::Verified => view! {
                    <p>{format!("E-mail address [E]: {email}. Verification was successful{}.",
                        order.verified_until.as_ref().filter(|_| order.certificate_pem.is_none()).map(|u| format!("; the proof can be used until {u}")).unwrap_or_default())}</p>
                }.into_any(),
                StepStatus::NotAvailableYet => view! {
                    <p>{format!("Providing the data is not available yet: the order is \"{}\". It opens once the order is paid (approved).", order.order_status.label())}</p>
                }.into_any(),
            }}
        </section>
    }
}

/// The activation's sub-steps, in Certum's order.
const STEPS: [&str; 4] = [
    "Certificate data",
    "Generation method",
    "Key pair generation",
    "Summary",
];

#[component]
fn ActivationStep(order: SmimeView, actions: Actions) -> impl IntoView {
    let status = order.activation_step;
    view! {
        <section class="card" aria-label="Certificate activation">
            <h2>"Certificate activation " <Badge status=status testid="activation-step" /></h2>
            {match status {
                StepStatus::WaitingForData => view! { <Activation order=order.clone() actions=actions /> }.into_any(),
                StepStatus::Verified => view! { <p>"The certificate has been issued."</p> }.into_any(),
                _ => view! { <p>"Providing the data is not available yet: verify the e-mail address first."</p> }.into_any(),
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
    let field_error = move |name: &'static str| {
        Signal::derive(move || errors.with(|e| e.get(name).map(str::to_owned)))
    };
    let server_error = Signal::derive(move || actions.activate.value().get().and_then(Result::err));
    Effect::new(move |_| {
        if let Some(Err(crate::error::AppError::Validation(e))) = actions.activate.value().get() {
            errors.set(e);
        }
    });
    let generate = move |_| {
        key_error.set(None);
        key_saved.set(false);
        match pki::generate(
            algorithm.get(),
            &CsrRequest {
                common_name: Some(email.get_value()),
                dns_names: Vec::new(),
            },
        ) {
            Ok(k) => {
                csr.set(k.csr_pem.clone());
                actions.key.set(Some(k));
            }
            Err(e) => key_error.set(Some(e.to_string())),
        }
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
        key_error.set(match pki::inspect_csr(text.as_bytes()) {
            Ok(s) if !s.signature_valid => Some("The CSR's signature does not verify.".into()),
            Ok(_) => None,
            Err(e) => Some(e.to_string()),
        });
    };
    let next = move |_| {
        if step.get() == 2 {
            if method.get() == "browser" && (actions.key.with(Option::is_none) || !key_saved.get())
            {
                key_error.set(Some("Generate the key pair and save the private key before you go on: it never leaves this browser, and you need it to use the certificate.".into()));
                return;
            }
            if csr.with(|c| c.trim().is_empty()) {
                key_error.set(Some("Provide the CSR.".into()));
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
        <ol class="steps" aria-label="Activation steps">
            {STEPS.iter().enumerate().map(|(i, name)| view! {
                <li class:current=move || step.get() == i aria-current=move || (step.get() == i).then_some("step")>{*name}</li>
            }).collect_view()}
        </ol>
        <FormAlert error=server_error />
        <div hidden=move || step.get() != 0>
            <h3>"Certificate data"</h3>
            <p>"Choose the data to be included in the certificate. Some of the fields are mandatory and there is no option to uncheck them."</p>
            <p><strong>"S/MIME"</strong><br />{order.product.clone()}</p>
            <label class="checkbox"><input type="checkbox" checked disabled />{format!(" E-mail address [E]: {}", email.get_value())}</label>
            <label class="checkbox"><input type="checkbox" checked disabled />{format!(" Common name: {}", email.get_value())}</label>
        </div>
        <div hidden=move || step.get() != 1>
            <h3>"Key pair generation method"</h3>
            <label class="radio">
                <input type="radio" name="smime-method" value="csr" prop:checked=move || method.get() == "csr" on:change=move |_| method.set("csr".into()) />
                " CSR: provide a certificate signing request generated by a tool or by the application where the certificate will be used"
            </label>
            <label class="radio">
                <input type="radio" name="smime-method" value="browser" prop:checked=move || method.get() == "browser" on:change=move |_| method.set("browser".into()) />
                " Generate the key pair in this browser (the private key never leaves it)"
            </label>
            {move || field_error("method").get().map(|m| view! { <p class="field-error">{m}</p> })}
        </div>
        <div hidden=move || step.get() != 2>
            <h3>"Key pair generation"</h3>
            <div hidden=move || method.get() != "browser">
                <div class="field">
                    <label for="smime-algorithm">"Key type"</label>
                    <select id="smime-algorithm" on:change=move |ev| algorithm.set(KeyAlgorithm::parse(&event_target_value(&ev)).unwrap_or_default())>
                        {KeyAlgorithm::ALL.into_iter().map(|a| view! { <option value=a.as_str() selected=move || algorithm.get() == a>{a.label()}</option> }).collect_view()}
                    </select>
                </div>
                <p class="actions">
                    <button type="button" class="button" on:click=generate>"Generate key pair"</button>
                    <button type="button" class="button button-quiet" disabled=move || actions.key.with(Option::is_none) on:click=save_key>"Save private key (PEM)"</button>
                </p>
                {move || actions.key.get().map(|k| view! { <p data-testid="smime-key-ready">{format!("{} key pair was generated; its CSR names {}.", k.algorithm.with_article(), email.get_value())}</p> })}
                {move || key_saved.get().then(|| view! { <p class="hint" data-testid="smime-key-saved">"The private key was saved. Keep it: you need it to install the certificate."</p> })}
            </div>
            <div hidden=move || method.get() != "csr">
                <super::new::CsrFile take=take_csr />
                <div class="field" class:field-invalid=move || field_error("csr_pem").get().is_some()>
                    <label for="smime-activation-csr">"CSR"</label>
                    <textarea id="smime-activation-csr" rows="8" prop:value=move || csr.get()
                        on:input=move |ev| take_csr(event_target_value(&ev))></textarea>
                </div>
                <p class="hint">"Remember to save the private key if you generated the CSR with a tool. You will need it to install the certificate once it is issued."</p>
            </div>
            {move || field_error("csr_pem").get().map(|m| view! { <p class="field-error">{m}</p> })}
            {move || key_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        </div>
        <div hidden=move || step.get() != 3>
            <h3>"Summary"</h3>
            <dl class="details">
                <dt>"E-mail address [E]"</dt><dd>{email.get_value()}</dd>
                <dt>"Common name"</dt><dd>{email.get_value()}</dd>
                <dt>"Key pair generation method"</dt><dd>{move || if method.get() == "browser" { "Generated in the browser" } else { "CSR" }}</dd>
            </dl>
            <fieldset class="field">
                <legend>"Required statements"</legend>
                {STATEMENTS.iter().enumerate().map(|(i, text)| view! {
                    <label class="checkbox">
                        <input type="checkbox" data-testid=format!("smime-statement-{i}")
                            prop:checked=move || statements.with(|s| s.get(i).copied().unwrap_or(false))
                            on:change=move |ev| statements.update(|s| if let Some(v) = s.get_mut(i) { *v = event_target_checked(&ev) }) />
                        {format!(" {text}")}
                    </label>
                }).collect_view()}
                {move || field_error("statements").get().map(|m| view! { <p class="field-error">{m}</p> })}
            </fieldset>
            <button type="button" class="button" disabled=move || actions.activate.pending().get() on:click=activate>"Activate certificate"</button>
        </div>
        <p class="actions">
            <button type="button" class="button button-quiet" hidden=move || step.get() == 0 on:click=back>"Back"</button>
            <button type="button" class="button" hidden=move || step.get() + 1 == STEPS.len() on:click=next>"Next"</button>
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
        let result = pki::pkcs12(
            &key_pem.get(),
            Some(&pem.get_value()),
            &password.get(),
            "S/MIME certificate",
        )
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            pki::save_file(&format!("order-{id}.p12"), &bytes, "application/x-pkcs12")
        });
        match result {
            Ok(()) => {
                p12_error.set(None);
                p12_done.set(true);
            }
            Err(e) => p12_error.set(Some(e)),
        }
    };
    view! {
        <section class="card" aria-label="Certificate">
            <h2>"Certificate"</h2>
            <p data-testid="smime-serial">{format!("Serial {}", order.certificate_serial.clone().unwrap_or_default())}</p>
            <p class="actions">
                <a class="button" rel="external" download="" href=format!("/orders/{id}/certificate/pem")>"Download PEM (with chain)"</a>
                <a class="button button-quiet" rel="external" download="" href=format!("/orders/{id}/certificate/der")>"Download DER"</a>
                <a class="button button-quiet" rel="external" download="" href=format!("/orders/{id}/certificate/p7b")>"Download subordinate certificates (PKCS#7 chain)"</a>
            </p>
            <h3>"PKCS#12 (PFX)"</h3>
            <p>"Made in this browser from the certificate, its chain and your private key; the key is not sent anywhere and is never shown on screen."</p>
            <p class="hint" data-testid="smime-key-source">
                {move || match key_from.get() {
                    Some("generated") => "The private key generated in this browser is ready: it is used for the PKCS#12 file.",
                    Some(_) => "The private key from your file is loaded: it is used for the PKCS#12 file.",
                    None => "Choose the private key file you saved when you activated the certificate.",
                }}
            </p>
            <super::new::CsrFile take=move |text| { key_pem.set(text); key_from.set(Some("file")); } id="smime-key-file" label="Saved private key file (.pem)" />
            {move || (key_from.get() == Some("generated")).then(|| view! {
                <p class="actions">
                    <button type="button" class="button button-quiet" on:click=save_key>"Download private key (PEM)"</button>
                </p>
            })}
            <div class="field">
                <label for="smime-p12-password">"PKCS#12 password"</label>
                <input id="smime-p12-password" type="password" autocomplete="new-password" prop:value=move || password.get()
                    on:input=move |ev| password.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="button" on:click=make_p12>"Download PKCS#12"</button>
            {move || p12_error.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            {move || p12_done.get().then(|| view! { <p class="hint" data-testid="smime-p12-done">"The PKCS#12 file was saved."</p> })}
        </section>
    }
}
