//! Passkeys only where they can work: browsers refuse WebAuthn at an IP address, and the
//! server accepts passkeys only from its passkey origin. Elsewhere a short note says why they
//! are off, with a link to the address where they work.
use crate::i18n::t_args;

use leptos::prelude::*;

use crate::{api::auth::passkeys_available_here, model::passkeys::PasskeyAvailability};

/// Renders `children` (a passkey button) when passkeys can work at this address, the note
/// otherwise. `path` is the page at the passkey origin to link to, e.g. `/sign-in`.
#[component]
pub fn PasskeyGate(path: &'static str, children: ChildrenFn) -> impl IntoView {
    let availability = Resource::new_blocking(|| (), |_| passkeys_available_here());
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match availability.await {
                        Ok(PasskeyAvailability { available: true, .. }) => children().into_any(),
                        Ok(a) => view! { <PasskeysOff availability=a path=path /> }.into_any(),
                        // Nothing to offer if the server cannot say; the password still works.
                        Err(_) => ().into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn PasskeysOff(availability: PasskeyAvailability, path: &'static str) -> impl IntoView {
    let address = availability.works_at.clone().unwrap_or_default();
    let link = availability
        .works_at
        .map(|at| format!("{}{path}", at.trim_end_matches('/')));
    view! {
        <p class="muted" data-testid="passkeys-off">
            {match availability.why_not_key.as_deref() {
                Some(key) => t_args(key, &[("address", address.into())]),
                None => availability.why_not.unwrap_or_default(),
            }}
            {link.map(|href| view! {
                " "
                <a href=href.clone() rel="external">{t_args("passkeys-use-at", &[("address", href.clone().into())])}</a>
            })}
        </p>
    }
}
