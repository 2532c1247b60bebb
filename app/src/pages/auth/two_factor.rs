use leptos::prelude::*;

use crate::{
    api::auth::{
        TwoFactorConfirm, TwoFactorVerify, passkey_second_factor_finish,
        passkey_second_factor_start, second_factor_choices, two_factor_enrolment,
    },
    browser::webauthn::{Ceremony, Prompt, perform},
    components::{auth_card::AuthCard, field::Field, form_alert::FormAlert, loaded::Loaded},
    error::AppError,
};

/// The second step of a sign-in: a code from the authenticator app (or a recovery code),
/// or a passkey — whichever the user has.
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let choices = Resource::new_blocking(|| (), |_| second_factor_choices());
    view! {
        <leptos_meta::Title text="Two-factor sign-in · Rootline" />
        <AuthCard title="Confirm it is you">
            <Loaded resource=choices let:c>
                {c.passkey.then(|| view! { <PasskeyStep /> })}
                {c.code.then(|| view! { <CodeStep /> })}
            </Loaded>
            <p class="muted"><a href="/sign-in">"Sign in as someone else"</a></p>
        </AuthCard>
    }
}

#[component]
fn CodeStep() -> impl IntoView {
    let action = ServerAction::<TwoFactorVerify>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let code_error = Signal::derive(move || error.get().and_then(|e| e.field("code")));
    view! {
        <p class="lead">"Open your authenticator app and enter the six-digit code for Rootline, or one of your recovery codes."</p>
        <ActionForm action=action>
            <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
            <Field label="Code" name="code" autocomplete="one-time-code" server_error=code_error />
            <button type="submit" class="button button-primary">"Continue"</button>
        </ActionForm>
    }
}

#[component]
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
        <p class="lead">"Use the passkey you registered with Rootline."</p>
        {move || problem.get().map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
        <button type="button" class="button button-primary" on:click=confirm disabled=move || busy.get()>
            {move || if busy.get() { "Waiting for your passkey…" } else { "Use a passkey" }}
        </button>
    }
}

/// Setting up an authenticator app, when the account requires two-factor sign-in.
#[component]
pub fn TwoFactorEnrolPage() -> impl IntoView {
    let enrolment = Resource::new_blocking(|| (), |_| two_factor_enrolment());
    let confirm = ServerAction::<TwoFactorConfirm>::new();
    let error = Signal::derive(move || confirm.value().get().and_then(Result::err));
    let code_error = Signal::derive(move || error.get().and_then(|e| e.field("code")));
    let codes = Signal::derive(move || confirm.value().get().and_then(Result::ok));
    view! {
        <leptos_meta::Title text="Set up two-factor sign-in · Rootline" />
        <AuthCard title="Set up two-factor sign-in">
            {move || match codes.get() {
                Some(codes) => view! {
                    <div class="alert alert-success" role="status">"Two-factor sign-in is set up."</div>
                    <p>"Keep these recovery codes somewhere safe. Each works once, if you lose your phone. They are not shown again."</p>
                    <ul class="recovery-codes" aria-label="Recovery codes">
                        {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
                    </ul>
                    <a class="button button-primary" href="/">"Continue to Rootline"</a>
                }
                .into_any(),
                None => view! {
                    <p class="lead">"Your account requires a code from an authenticator app at every sign-in. Scan the QR code with the app, or type the key, then enter the code it shows."</p>
                    <Loaded resource=enrolment let:e>
                        <div class="qr" inner_html=e.qr_svg role="img" aria-label="QR code with the secret"></div>
                        <p>"Key: " <code class="secret" aria-label="Secret key">{e.secret}</code></p>
                    </Loaded>
                    <ActionForm action=confirm>
                        <FormAlert error=Signal::derive(move || error.get().filter(|e| !matches!(e, AppError::Validation(_)))) />
                        <Field label="Code from the app" name="code" autocomplete="one-time-code" server_error=code_error />
                        <button type="submit" class="button button-primary">"Confirm"</button>
                    </ActionForm>
                }
                .into_any(),
            }}
        </AuthCard>
    }
}
