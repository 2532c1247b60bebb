use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::profile::{
        AuthenticatorAppConfirm, AuthenticatorAppRemove, AuthenticatorAppStart, RecoveryCodesRenew,
        authenticator_app,
    },
    components::{
        field::Field,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
    },
    error::AppError,
    i18n::{t, t_args},
    model::two_factor::AuthenticatorAppView,
};

/// The profile's authenticator app (ID-3, ID-12): set one up, new recovery codes, remove it.
/// The server renders the card; only what shows a secret or codes once is an island.
#[component]
pub fn AuthenticatorApp() -> impl IntoView {
    let params = use_query_map();
    let removed = params.with_untracked(|p| p.get("app").is_some_and(|v| v == "removed"));
    let status = Resource::new_blocking(|| (), |_| authenticator_app());
    view! {
        <section class="card form-card" aria-labelledby="app-heading">
            <h2 id="app-heading">{t("profile-app-heading")}</h2>
            <p class="lead">{t("profile-app-lead")}</p>
            {removed.then(|| view! { <Notice>{t("profile-app-removed")}</Notice> })}
            <Loaded resource=status let:data>
                {match data {
                    s if s.enrolled => view! { <Enrolled status=s /> }.into_any(),
                    _ => view! { <SetUpApp /> }.into_any(),
                }}
            </Loaded>
        </section>
    }
}

/// Setting an app up: the secret to scan, the code that confirms it, and the recovery codes
/// that gives, shown once in the page that asked. An island whose code is a chunk of its own.
#[island(lazy)]
fn SetUpApp() -> impl IntoView {
    let confirm = ServerAction::<AuthenticatorAppConfirm>::new();
    // Changes once, when the codes come: a wrong code must not render the set-up again (which
    // would lose the secret on the screen).
    let codes = Memo::new(move |_| confirm.value().get().and_then(Result::ok));
    move || match codes.get() {
        Some(codes) => view! {
            <p>{t_args("profile-app-enrolled", &[("count", codes.len().into())])}</p>
            <RecoveryCodes codes=codes />
        }
        .into_any(),
        None => view! { <SetUp confirm /> }.into_any(),
    }
}

/// New recovery codes for a current code, shown once in the page that asked: an island whose
/// code is a chunk of its own.
#[island(lazy)]
fn NewRecoveryCodes() -> impl IntoView {
    let renew = ServerAction::<RecoveryCodesRenew>::new();
    let renew_error = Signal::derive(move || renew.value().get().and_then(Result::err));
    view! {
        <ActionForm action=renew>
            <FormAlert error=Signal::derive(move || renew_error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
            <Field label=t("profile-app-current-code") name="code" id="app-renew-code" autocomplete="one-time-code"
                hint=t("profile-app-old-codes-stop")
                server_error=Signal::derive(move || renew_error.get().and_then(|e| e.field("code"))) />
            <button type="submit" class="button">{t("profile-app-make-codes")}</button>
        </ActionForm>
        {move || renew.value().get().and_then(Result::ok).map(|codes| view! { <RecoveryCodes codes=codes /> })}
    }
}

/// The recovery codes just made, shown once.
#[component]
fn RecoveryCodes(codes: Vec<String>) -> impl IntoView {
    view! {
        <div class="alert alert-info" role="status">{t("two-factor-keep-codes")}</div>
        <ul class="recovery-codes" aria-label=t("two-factor-recovery-codes")>
            {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
        </ul>
    }
}

#[component]
fn SetUp(confirm: ServerAction<AuthenticatorAppConfirm>) -> impl IntoView {
    let start = ServerAction::<AuthenticatorAppStart>::new();
    let start_error = Signal::derive(move || start.value().get().and_then(Result::err));
    let error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    let code_error = Signal::derive(move || error.get().and_then(|e| e.field("code")));
    view! {
        <p>{t("profile-app-not-set-up")}</p>
        <FormAlert error=start_error />
        {move || match start.value().get().and_then(Result::ok) {
            None => view! {
                <ActionForm action=start>
                    <button type="submit" class="button">{t("profile-app-set-up")}</button>
                </ActionForm>
            }
            .into_any(),
            Some(e) => view! {
                <p>{t("profile-app-scan")}</p>
                <div class="qr" inner_html=e.qr_svg role="img" aria-label=t("two-factor-qr")></div>
                <p>{t("two-factor-key")}" " <code class="secret" aria-label=t("two-factor-secret-key")>{e.secret}</code></p>
                <ActionForm action=confirm>
                    <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                    <Field label=t("two-factor-code-from-app") name="code" id="app-confirm-code" autocomplete="one-time-code" server_error=code_error />
                    <button type="submit" class="button button-primary">{t("two-factor-confirm")}</button>
                </ActionForm>
            }
            .into_any(),
        }}
    }
}

/// The app is set up: how many recovery codes are left, new ones (an island, as they are shown
/// once), and removing it, a plain form that comes back open with its error when refused.
#[component]
fn Enrolled(status: AuthenticatorAppView) -> impl IntoView {
    let remove = ServerAction::<AuthenticatorAppRemove>::new();
    let remove_error = Signal::derive(move || remove.value().get().and_then(Result::err));
    view! {
        <p>{t_args("profile-app-enrolled", &[("count", status.recovery_codes_left.into())])}</p>
        <details>
            <summary>{t("profile-app-new-codes")}</summary>
            <NewRecoveryCodes />
        </details>
        {if status.enforced {
            view! { <p class="muted">{t("profile-app-enforced")}</p> }.into_any()
        } else {
            view! {
                <details open=move || remove_error.get().is_some()>
                    <summary>{t("profile-app-remove")}</summary>
                    <ActionForm action=remove>
                        <FormAlert error=Signal::derive(move || remove_error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                        <Field label=t("profile-your-password") name="password" id="app-remove-password" input_type="password"
                            autocomplete="current-password"
                            server_error=Signal::derive(move || remove_error.get().and_then(|e| e.field("password"))) />
                        <button type="submit" class="button button-danger">{t("profile-app-remove-button")}</button>
                    </ActionForm>
                </details>
            }
            .into_any()
        }}
    }
}
