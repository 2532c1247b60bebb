//! Signing in with a passkey: no e-mail, no password; the authenticator names and verifies
//! the user. The sign-in page is plain HTML (no browser bundle), so it links here, the one
//! signed-out page where the browser's WebAuthn is the point.

use leptos::prelude::*;

use crate::{
    api::auth::{passkey_sign_in_finish, passkey_sign_in_start},
    browser::webauthn::{Ceremony, Prompt, perform},
    components::{auth_card::AuthCard, passkey_gate::PasskeyGate},
    i18n::t,
};

/// Where the sign-in page sends a visitor who chooses a passkey.
pub const PASSKEY_SIGN_IN_PATH: &str = "/sign-in/passkey";

/// The link on the sign-in page (a link, so it works before and without script).
#[component]
pub fn PasskeySignInLink() -> impl IntoView {
    view! {
        <div class="alt-sign-in">
            <a class="button" href=PASSKEY_SIGN_IN_PATH>{t("sign-in-passkey")}</a>
        </div>
    }
}

/// The page: it asks the browser for a passkey as soon as it can, and offers the button again
/// when the browser wants a press first or the person cancelled.
#[component]
pub fn PasskeySignInPage() -> impl IntoView {
    view! {
        <AuthCard title="page-passkey-sign-in">
            <p class="lead">{t("passkey-sign-in-lead")}</p>
            <PasskeyGate path=PASSKEY_SIGN_IN_PATH>
                <PasskeySignIn />
            </PasskeyGate>
            <p class="muted"><a href="/sign-in">{t("passkey-sign-in-password")}</a></p>
        </AuthCard>
    }
}

/// The button, which also starts by itself once the page runs: an island, since the browser
/// performs the ceremony.
#[island(lazy)]
fn PasskeySignIn() -> impl IntoView {
    let prompt = Prompt::new();
    let Prompt { busy, problem } = prompt;
    let sign_in = move || {
        prompt.run(
            perform(
                Ceremony::Get,
                passkey_sign_in_start(),
                passkey_sign_in_finish,
            ),
            // A full load, so every part of the page sees the new session.
            |next: String| {
                let _ = window().location().set_href(&next);
            },
        )
    };
    // Effects run only in the browser, once the page is live: the visitor came here to use a
    // passkey, so the browser's prompt opens without a second press.
    Effect::new(move |started: Option<()>| {
        if started.is_none() {
            sign_in();
        }
    });
    view! {
        <div class="alt-sign-in">
            {move || problem.get().map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
            <button type="button" class="button button-primary" on:click=move |_| sign_in() disabled=move || busy.get()>
                {move || if busy.get() { t("sign-in-passkey-busy") } else { t("sign-in-passkey") }}
            </button>
        </div>
    }
}
