use leptos::prelude::*;

use crate::{
    api::auth::{passkey_sign_in_finish, passkey_sign_in_start},
    browser::webauthn::{Ceremony, Prompt, perform},
    i18n::t,
};

/// "Sign in with a passkey": no e-mail, no password; the authenticator names and verifies
/// the user.
#[component]
pub fn PasskeySignIn() -> impl IntoView {
    let prompt = Prompt::new();
    let Prompt { busy, problem } = prompt;
    let sign_in = move |_| {
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
    view! {
        <div class="alt-sign-in">
            {move || problem.get().map(|m| view! { <div class="alert alert-error" role="alert">{m}</div> })}
            <button type="button" class="button" on:click=sign_in disabled=move || busy.get()>
                {move || if busy.get() { t("sign-in-passkey-busy") } else { t("sign-in-passkey") }}
            </button>
        </div>
    }
}
