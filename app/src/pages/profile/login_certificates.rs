use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::profile::{LoginCertificateRegister, LoginCertificateRemove, login_certificates},
    browser::read_chosen_file,
    components::{
        field::{Field, FieldRule},
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
    let message = field("certificate");
    view! {
        <h3>{t("profile-certificate-register-heading")}</h3>
        <ActionForm action=register>
            <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
            <Field label=t("profile-certificate-name") name="label" hint=t("profile-certificate-name-hint")
                server_error=field("label") validate=FieldRule::CertificateLabel />
            <div class="field" class:field-invalid=move || message.get().is_some()>
                <label for=CERTIFICATE_FIELD>{t("profile-certificate-pem")}</label>
                <p class="field-hint" id="field-certificate-hint">{t("profile-certificate-pem-hint")}</p>
                <textarea
                    id=CERTIFICATE_FIELD
                    name="certificate"
                    rows="8"
                    spellcheck="false"
                    required
                    aria-invalid=move || if message.get().is_some() { "true" } else { "false" }
                    aria-describedby="field-certificate-error field-certificate-hint"
                ></textarea>
                <p class="field-error" id="field-certificate-error" role="alert">{message}</p>
            </div>
            <CertificateFile />
            <div class="form-actions">
                <button type="submit" class="button button-primary">{t("profile-certificate-register")}</button>
            </div>
        </ActionForm>
    }
}

/// The text box the certificate is pasted into, and a chosen file is read into.
const CERTIFICATE_FIELD: &str = "field-certificate";

/// A file picker that reads a certificate into the text box. It needs script, so it appears
/// once the island has hydrated; without script the text box alone does the job.
#[island(lazy)]
fn CertificateFile() -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let problem = RwSignal::new(None::<String>);
    // Looked up now: the file is read later, outside the component, where the page's
    // language is not at hand.
    let unreadable = t("profile-certificate-unreadable");
    move || {
        let unreadable = unreadable.clone();
        hydrated.get().then(move || {
            view! {
                <div class="field">
                    <label for="certificate-file">{t("profile-certificate-file")}</label>
                    <input
                        id="certificate-file"
                        type="file"
                        accept=".pem,.cer,.crt,.der"
                        on:change=move |ev| read_file(ev, problem, unreadable.clone())
                    />
                    <p class="field-error" role="alert">{move || problem.get()}</p>
                </div>
            }
        })
    }
}

/// Puts the chosen file into the text box: PEM as it is, DER (a binary `.cer`) as PEM; else
/// shows `unreadable`.
fn read_file(ev: leptos::ev::Event, problem: RwSignal<Option<String>>, unreadable: String) {
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
        crate::browser::set_field_value(CERTIFICATE_FIELD, &text);
    });
}
