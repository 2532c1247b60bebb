use leptos::prelude::*;

use crate::i18n::{Msg, use_lang};

/// A labelled input that checks itself with the shared `app::model` rule when the user leaves it,
/// and shows the server's message for the same field after a submission.
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
    validate: Option<Rule>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| format!("field-{name}"));
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
        if let Some(rule) = validate.as_ref() {
            let value = event_target_value(&ev);
            local_error.set(rule(&value).err());
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

/// A field rule from `app::model`, shared between the input and its checks.
pub type Rule = std::sync::Arc<dyn Fn(&str) -> Result<(), Msg> + Send + Sync>;

/// Wraps a model validator for `Field`.
pub fn rule(f: impl Fn(&str) -> Result<(), Msg> + Send + Sync + 'static) -> Rule {
    std::sync::Arc::new(f)
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
