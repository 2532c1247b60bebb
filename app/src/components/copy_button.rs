//! A *Copy* button beside a value to publish. It needs script, so it shows only once the page
//! is hydrated; without script the value is plain text to select. An island: small, so its
//! code is in the main module rather than a chunk of its own.

use crate::i18n::t;
use leptos::{prelude::*, task::spawn_local};

#[island]
pub fn CopyButton(
    /// What is copied.
    text: String,
    /// What the button names for screen readers, e.g. "Copy the record name".
    label: String,
) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let state = RwSignal::new(None::<bool>);
    let copy = move |_| {
        let text = text.clone();
        spawn_local(async move {
            state.set(Some(crate::browser::copy_text(text).await));
        });
    };
    view! {
        <button type="button" class="button button-quiet copy" aria-label=label hidden=move || !hydrated.get()
            on:click=copy>
            {move || match state.get() {
                Some(true) => t("copy-done"),
                Some(false) => t("copy-failed"),
                None => t("copy-button"),
            }}
        </button>
    }
}
