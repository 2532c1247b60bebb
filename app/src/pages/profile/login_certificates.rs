use leptos::{html, prelude::*};
use leptos_router::hooks::use_query_map;

use crate::{
    api::profile::{LoginCertificateRegister, LoginCertificateRemove, login_certificates},
    browser::read_chosen_file,
    components::{
        field::{Field, rule},
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        table::Table,
    },
    error::AppError,
    i18n::{t, t_args},
    model::login_certificates::{self as rules, LoginCertificateView},
};

/// The profile's certificates to sign in with (ID-5): the list, and a form to register one.
#[component]
pub fn LoginCertificates() -> impl IntoView {
    let params = use_query_map();
    let changed = move || params.with(|p| p.get("certificate"));
    let register = ServerAction::<LoginCertificateRegister>::new();
    let remove = ServerAction::<LoginCertificateRemove>::new();
    let list = Resource::new_blocking(
        move || (register.version().get(), remove.version().get(), changed()),
        |_| login_certificates(),
    );
    let notice = move || match changed().as_deref() {
        Some("added") => Some(t("profile-certificate-added")),
        Some("removed") => Some(t("profile-certificate-removed")),
        _ => None,
    };
    view! {
        <section class="card form-card" aria-labelledby="certificates-heading">
            <h2 id="certificates-heading">{t("profile-certificates")}</h2>
            <p class="lead">{t("profile-certificates-lead")}</p>
            {move || notice().map(|n| view! { <Notice>{n}</Notice> })}
            <Loaded resource=list let:certificates>
                <CertificateList certificates=certificates remove=remove />
            </Loaded>
            <Register register=register />
        </section>
    }
}

#[component]
fn CertificateList(
    certificates: Vec<LoginCertificateView>,
    remove: ServerAction<LoginCertificateRemove>,
) -> impl IntoView {
    let error = Signal::derive(move || remove.value().get().and_then(Result::err));
    if certificates.is_empty() {
        return view! { <p class="empty">{t("profile-certificates-none")}</p> }.into_any();
    }
    let columns = vec![
        t("profile-col-name"),
        t("profile-col-subject"),
        t("profile-col-issuer"),
        t("profile-col-valid-until"),
        t("profile-col-actions"),
    ];
    view! {
        <FormAlert error=error />
        <Table label=t("profile-certificates") columns=columns>
            {certificates
                .into_iter()
                .map(|c| {
                    let remove_label = t_args("profile-certificate-remove-label", &[("name", c.label.clone().into())]);
                    view! {
                        <tr>
                            <td>{c.label}</td>
                            <td title=format!("SHA-256 {}", c.fingerprint)>{shown(c.subject)}</td>
                            <td>{shown(c.issuer)}</td>
                            <td>{c.valid_until.text(crate::i18n::use_lang())}</td>
                            <td class="row-actions">
                                <ActionForm action=remove>
                                    <input type="hidden" name="id" value=c.id.to_string() />
                                    <button type="submit" class="button button-quiet" aria-label=remove_label>
                                        {t("profile-remove")}
                                    </button>
                                </ActionForm>
                            </td>
                        </tr>
                    }
                })
                .collect_view()}
        </Table>
    }
    .into_any()
}

/// An empty name (a certificate may have none) as a dash.
fn shown(name: String) -> String {
    if name.is_empty() { "—".into() } else { name }
}

#[component]
fn Register(register: ServerAction<LoginCertificateRegister>) -> impl IntoView {
    let error = Signal::derive(move || register.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let certificate_error = field("certificate");
    let pem = RwSignal::new(String::new());
    let file_problem = RwSignal::new(None::<String>);
    let form = NodeRef::<html::Form>::new();
    // The file picker needs the wasm; without it the text box alone does the job.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    Effect::new(move |_| {
        if matches!(register.value().get(), Some(Ok(()))) {
            pem.set(String::new());
            reset(form);
        }
    });
    let message = move || file_problem.get().or_else(|| certificate_error.get());
    // Looked up now: the file is read later, outside the component, where the page's
    // language is not at hand.
    let unreadable = t("profile-certificate-unreadable");
    view! {
        <h3>{t("profile-certificate-register-heading")}</h3>
        <ActionForm action=register node_ref=form>
            <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
            <Field label=t("profile-certificate-name") name="label" hint=t("profile-certificate-name-hint")
                server_error=field("label") validate=rule(|v| rules::label(v).map(|_| ())) />
            <div class="field" class:field-invalid=move || message().is_some()>
                <label for="field-certificate">{t("profile-certificate-pem")}</label>
                <p class="field-hint" id="field-certificate-hint">{t("profile-certificate-pem-hint")}</p>
                <textarea
                    id="field-certificate"
                    name="certificate"
                    rows="8"
                    spellcheck="false"
                    required
                    aria-invalid=move || if message().is_some() { "true" } else { "false" }
                    aria-describedby="field-certificate-error field-certificate-hint"
                    prop:value=move || pem.get()
                    on:input=move |ev| pem.set(event_target_value(&ev))
                ></textarea>
                <p class="field-error" id="field-certificate-error" role="alert">{message}</p>
            </div>
            {move || {
                let unreadable = unreadable.clone();
                hydrated
                    .get()
                    .then(move || {
                        view! {
                            <div class="field">
                                <label for="certificate-file">{t("profile-certificate-file")}</label>
                                <input
                                    id="certificate-file"
                                    type="file"
                                    accept=".pem,.cer,.crt,.der"
                                    on:change=move |ev| read_file(ev, pem, file_problem, unreadable.clone())
                                />
                            </div>
                        }
                    })
            }}
            <div class="form-actions">
                <button type="submit" class="button button-primary">{t("profile-certificate-register")}</button>
            </div>
        </ActionForm>
    }
}

/// Puts the chosen file into the text box: PEM as it is, DER (a binary `.cer`) as PEM; else
/// shows `unreadable`.
fn read_file(
    ev: leptos::ev::Event,
    pem: RwSignal<String>,
    problem: RwSignal<Option<String>>,
    unreadable: String,
) {
    read_chosen_file(&ev, move |bytes| {
        let Some(bytes) = bytes else {
            problem.set(Some(unreadable));
            return;
        };
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) if text.contains("-----BEGIN") => text.to_owned(),
            _ => rules::pem_from_der(&bytes),
        };
        problem.set(None);
        pem.set(text);
    });
}

/// Empties the form after a registration, for the next one.
#[cfg(feature = "hydrate")]
fn reset(form: NodeRef<html::Form>) {
    if let Some(form) = form.get_untracked() {
        form.reset();
    }
}

#[cfg(not(feature = "hydrate"))]
fn reset(_: NodeRef<html::Form>) {}
