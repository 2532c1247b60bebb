use leptos::prelude::*;

use crate::{
    api::auth::{
        TwoFactorConfirm, TwoFactorVerify, passkey_second_factor_finish,
        passkey_second_factor_start, second_factor_choices, two_factor_enrolment,
    },
    browser::webauthn::{Ceremony, Prompt, perform},
    components::{auth_card::AuthCard, field::Field, form_alert::FormAlert, loaded::Loaded},
    error::AppError,
    i18n::t,
};

/// The second step of a sign-in: a code from the authenticator app (or a recovery code),
/// or a passkey — whichever the user has.
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let choices = Resource::new_blocking(|| (), |_| second_factor_choices());
    view! {
        <AuthCard title="page-confirm-identity">
            <Loaded resource=choices let:c>
                {c.passkey.then(|| view! { <PasskeyStep /> })}
                {c.code.then(|| view! { <CodeStep /> })}
            </Loaded>
            <p class="muted"><a href="/sign-in">{t("two-factor-sign-in-as-other")}</a></p>
        </AuthCard>
    }
}

#[component]
fn CodeStep() -> impl IntoView {
    let action = ServerAction::<TwoFactorVerify>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let code_error = Signal::derive(move || error.get().and_then(|e| e.field("code")));
    view! {
        <p class="lead">{t("two-factor-code-lead")}</p>
        <ActionForm action=action>
            <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
            <Field label=t("two-factor-code") name="code" autocomplete="one-time-code" server_error=code_error />
            <button type="submit" class="button button-primary">{t("two-factor-continue")}</button>
        </ActionForm>
    }
}

/// The second factor by passkey: an island, since the browser performs the ceremony.
#[island(lazy)]
fn PasskeyStep() -> impl IntoView {
    let prompt = Prompt::new();
    let Prompt { busy, problem } = prompt;
    let confirm = move |_| {
        prompt.run(
            perform(
                Ceremony::Get,
                passkey_second_factor_start(),
                passkey_second_factor_finish,
            ),
            |()| {
                let _ = window().location().set_href("/");
            },
        )
    };
    view! {
        <p class="lead">{t("two-factor-passkey-lead")}</p>
        {move || problem.get().map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
        <button type="button" class="button button-primary" on:click=confirm disabled=move || busy.get()>
            {move || if busy.get() { t("two-factor-passkey-busy") } else { t("two-factor-passkey") }}
        </button>
    }
}

/// Setting up an authenticator app, when the account requires two-factor sign-in.
#[component]
pub fn TwoFactorEnrolPage() -> impl IntoView {
    let enrolment = Resource::new_blocking(|| (), |_| two_factor_enrolment());
    view! {
        <AuthCard title="page-two-factor-enrol">
            <Loaded resource=enrolment let:e>
                <Enrol qr_svg=e.qr_svg secret=e.secret />
            </Loaded>
        </AuthCard>
    }
}

/// The secret, the code that confirms it and the recovery codes it gives, shown once: an
/// island, so the codes appear in the page the secret was shown on.
#[island(lazy)]
fn Enrol(qr_svg: String, secret: String) -> impl IntoView {
    let confirm = ServerAction::<TwoFactorConfirm>::new();
    let error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    let code_error = Signal::derive(move || error.get().and_then(|e| e.field("code")));
    let codes = Signal::derive(move || confirm.value().get().and_then(Result::ok));
    let (qr_svg, secret) = (StoredValue::new(qr_svg), StoredValue::new(secret));
    view! {
        {move || match codes.get() {
            Some(codes) => view! {
                <div class="alert alert-success" role="status">{t("two-factor-enrol-done")}</div>
                <p>{t("two-factor-keep-codes")}</p>
                <ul class="recovery-codes" aria-label=t("two-factor-recovery-codes")>
                    {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                </ul>
                <a class="button button-primary" href="/">{t("two-factor-enrol-continue")}</a>
            }
            .into_any(),
            None => view! {
                <p class="lead">{t("two-factor-enrol-lead")}</p>
                <div class="qr" inner_html=qr_svg.get_value() role="img" aria-label=t("two-factor-qr")></div>
                <p>{t("two-factor-key")}" " <code class="secret" aria-label=t("two-factor-secret-key")>{secret.get_value()}</code></p>
                <ActionForm action=confirm>
                    <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                    <Field label=t("two-factor-code-from-app") name="code" autocomplete="one-time-code" server_error=code_error />
                    <button type="submit" class="button button-primary">{t("two-factor-confirm")}</button>
                </ActionForm>
            }
            .into_any(),
        }}
    }
}
