//! The forms the settings pages repeat: a card with a heading around a form, and the form itself
//! (its alert at the top, its fields, one primary submit button). A plain HTML form post, so it
//! works without script.

use crate::i18n::t;
use leptos::{
    prelude::*,
    server_fn::{Http, ServerFn, client::Client, codec::PostUrl, request::ClientReq},
    web_sys::FormData,
};
use serde::de::DeserializeOwned;

use crate::{components::form_alert::FormAlert, error::AppError};

/// A card headed `heading` (an `<h2>` with `heading_id`, which names the card); `children` are
/// what follows the heading, usually a [`SubmitForm`].
#[component]
pub fn FormCard(
    heading_id: &'static str,
    #[prop(into)] heading: String,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="card form-card" aria-labelledby=heading_id>
            <h2 id=heading_id>{heading}</h2>
            {children()}
        </section>
    }
}

/// The form of `action`: `alert` above the fields (see [`form_level`]), the fields
/// (`children`) and a primary button labelled `submit`.
#[component]
pub fn SubmitForm<ServFn, OutputProtocol>(
    action: ServerAction<ServFn>,
    #[prop(into)] alert: Signal<Option<AppError>>,
    #[prop(into)] submit: String,
    children: Children,
) -> impl IntoView
where
    // What `ActionForm` asks of the server function.
    ServFn: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, OutputProtocol>>
        + Clone
        + Send
        + Sync
        + 'static,
    <<ServFn::Client as Client<ServFn::Error>>::Request as ClientReq<ServFn::Error>>::FormData:
        From<FormData>,
    ServFn::Output: Send + Sync + 'static,
    ServFn::Error: Send + Sync + 'static,
    <ServFn as ServerFn>::Client: Client<<ServFn as ServerFn>::Error>,
{
    view! {
        <ActionForm action=action>
            <FormAlert error=alert />
            {children()}
            <div class="form-actions">
                <button type="submit" class="button button-primary">{submit}</button>
            </div>
        </ActionForm>
    }
}

/// The failures a form shows in its alert when its fields show their own errors: all but
/// field errors.
pub fn form_level(error: Signal<Option<AppError>>) -> Signal<Option<AppError>> {
    Signal::derive(move || {
        error
            .get()
            .filter(|e| !matches!(e, AppError::Validation(_)))
    })
}

/// The message of field `name` in `error`, for the field's `server_error`.
pub fn field_error(error: Signal<Option<AppError>>, name: &'static str) -> Signal<Option<String>> {
    Signal::derive(move || error.get().and_then(|e| e.field(name)))
}

/// The button that deactivates an active item (posting `active` = `no`) or activates an
/// inactive one (`yes`), with the failure of `action` above it.
#[component]
pub fn ActiveToggle<ServFn, OutputProtocol>(
    action: ServerAction<ServFn>,
    /// The item's id, posted as `id`.
    id: String,
    active: bool,
) -> impl IntoView
where
    ServFn: DeserializeOwned
        + ServerFn<Protocol = Http<PostUrl, OutputProtocol>, Error = AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    <<ServFn::Client as Client<AppError>>::Request as ClientReq<AppError>>::FormData:
        From<FormData>,
    ServFn::Output: Clone + Send + Sync + 'static,
    ServFn::Client: Client<AppError>,
{
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let (value, label) = if active {
        ("no", t("toggle-deactivate"))
    } else {
        ("yes", t("toggle-activate"))
    };
    view! {
        <ActionForm action=action>
            <FormAlert error=error />
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="active" value=value />
            <button type="submit" class="button button-quiet">{label}</button>
        </ActionForm>
    }
}
