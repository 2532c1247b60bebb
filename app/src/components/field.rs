use leptos::prelude::*;

use crate::i18n::{Msg, use_lang};

/// A labelled input that checks itself with the shared `app::model` rule when the user leaves it,
/// and shows the server's message for the same field after a submission. Rendered on the
/// server; the input itself is an island (`FieldInput`), so the check runs in the browser.
#[component]
pub fn Field(
    /// Visible label; tests and screen readers find the input by it.
    #[prop(into)]
    label: String,
    /// The form field name, which is also the server function argument.
    name: &'static str,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional, into)] value: Option<String>,
    /// The input's id when a page has several forms with the same field names.
    #[prop(optional, into)]
    id: Option<String>,
    #[prop(default = true)] required: bool,
    /// The message the server gave for this field in the latest submission.
    #[prop(into)]
    server_error: Signal<Option<String>>,
    /// The same rule the server applies, run in the browser.
    #[prop(optional)]
    validate: Option<FieldRule>,
) -> impl IntoView {
    view! {
        <FieldInput
            label=label
            name=name.to_owned()
            input_type=input_type.to_owned()
            autocomplete=autocomplete.map(str::to_owned)
            hint=hint
            value=value
            id=id.unwrap_or_else(|| format!("field-{name}"))
            required=required
            server_error=server_error
            validate=validate
        />
    }
}

/// The browser's part of [`Field`]: its props travel to the browser in the page, so they are
/// data, the rule included (a signal travels as its value; inside another island it stays the
/// live signal, so a submission's message shows).
#[island]
fn FieldInput(
    label: String,
    name: String,
    input_type: String,
    autocomplete: Option<String>,
    hint: Option<String>,
    value: Option<String>,
    id: String,
    required: bool,
    server_error: Signal<Option<String>>,
    validate: Option<FieldRule>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    // A local verdict replaces the server's message once the user edits the field again.
    let local_error = RwSignal::new(None::<Msg>);
    let edited = RwSignal::new(false);
    Effect::new(move |_| {
        server_error.track();
        edited.set(false);
    });
    // The browser's own verdict, in the page's language like the server's message.
    let lang = use_lang();
    let message = move || {
        if edited.get() {
            local_error.get().map(|m| m.text(lang))
        } else {
            server_error.get()
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(rule) = validate {
            let value = event_target_value(&ev);
            local_error.set(rule.check(&value).err());
            edited.set(true);
        }
    };
    let described_by = {
        let mut ids = vec![error_id.clone()];
        if hint.is_some() {
            ids.push(hint_id.clone());
        }
        ids.join(" ")
    };
    view! {
        <div class="field" class:field-invalid=move || message().is_some()>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="field-hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id
                name=name
                type=input_type
                autocomplete=autocomplete
                value=value
                required=required
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=described_by
                on:change=on_change
            />
            <p class="field-error" id=error_id role="alert">
                {message}
            </p>
        </div>
    }
}

/// The `app::model` rule a [`Field`] checks in the browser; the server applies the same one.
/// A name rather than a function, since it travels to the browser in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum FieldRule {
    PersonName,
    Mobile,
    Email,
    /// A new password, checked against the password policy.
    NewPassword,
    /// The label of a certificate registered for signing in.
    CertificateLabel,
}

impl FieldRule {
    /// The rule's verdict on `value`.
    pub fn check(self, value: &str) -> Result<(), Msg> {
        use crate::model::{Email, login_certificates, password, text};
        match self {
            Self::PersonName => text::person_name(value).map(|_| ()),
            Self::Mobile => text::mobile(value).map(|_| ()),
            Self::Email => Email::parse(value).map(|_| ()),
            Self::NewPassword => password::check_new_password(value, None),
            Self::CertificateLabel => login_certificates::label(value).map(|_| ()),
        }
    }
}

/// A labelled text area of a plain form post. `text` is its current value, rendered escaped
/// (see `textarea_text`) so the form submits it unchanged.
#[component]
pub fn TextArea(
    #[prop(into)] label: String,
    id: &'static str,
    name: &'static str,
    #[prop(default = 2)] rows: u8,
    /// Monospaced, for PEM text.
    #[prop(optional)]
    mono: bool,
    #[prop(optional, into)] text: Option<String>,
) -> impl IntoView {
    let text = text.map(|t| crate::components::textarea_text::textarea_text(&t));
    // Two literal tags rather than an optional class: Leptos renders a `None` class as
    // `class=""`, and the plain text area's markup should carry no empty attribute.
    let area = if mono {
        view! { <textarea id=id name=name rows=rows class="mono" inner_html=text></textarea> }
            .into_any()
    } else {
        view! { <textarea id=id name=name rows=rows inner_html=text></textarea> }.into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {area}
        </div>
    }
}
