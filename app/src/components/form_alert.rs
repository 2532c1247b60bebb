use leptos::prelude::*;

use crate::error::AppError;

/// The form-level message for a failed submission. Field errors are shown beside their fields,
/// so only the summary appears here.
#[component]
pub fn FormAlert(#[prop(into)] error: Signal<Option<AppError>>) -> impl IntoView {
    move || {
        error.get().map(|e| {
            view! {
                <div class="alert alert-error" role="alert">
                    {e.text(crate::i18n::use_lang())}
                </div>
            }
        })
    }
}

/// What a domain check found: an error alert when it failed, a success notice otherwise.
#[component]
pub fn CheckResultAlert(result: crate::model::domains::CheckResult) -> impl IntoView {
    if result.failed() {
        view! {
            <div class="alert alert-error" role="alert" data-testid="check-result">
                {result.message().text(crate::i18n::use_lang())}
            </div>
        }
        .into_any()
    } else {
        view! {
            <div class="alert alert-success" role="status" data-testid="check-result">
                {result.message().text(crate::i18n::use_lang())}
            </div>
        }
        .into_any()
    }
}

/// A notice such as "Your password is set".
#[component]
pub fn Notice(children: Children) -> impl IntoView {
    view! {
        <div class="alert alert-success" role="status">
            {children()}
        </div>
    }
}

/// The error a form posted without script came back with (the server sends the browser back
/// with it in the address), when the form was `S`'s. For a server function that takes a
/// multipart form, whose `ServerAction` cannot exist (its data is read once).
pub fn posted_error<S>() -> Option<AppError>
where
    S: leptos::server_fn::ServerFn<Error = AppError>,
{
    use leptos::server_fn::error::ServerFnUrlError;
    use_context::<leptos::server::ServerActionError>()
        .filter(|e| e.path() == S::PATH)
        .map(|e| ServerFnUrlError::<AppError>::decode_err(e.err()))
}
