//! The block every data page repeats: "Loading…" while a resource comes, the error as an
//! alert if it failed, the page's markup with the data otherwise.

use leptos::prelude::*;

use crate::{components::form_alert::Notice, error::AppError, i18n::t};

/// Renders `children` with the resource's data once it has loaded. Use with `let:`:
/// `<Loaded resource=page let:p> … </Loaded>`.
#[component]
pub fn Loaded<T, Ser, F, V>(
    resource: Resource<Result<T, AppError>, Ser>,
    children: F,
    /// What the placeholder says while the data comes (a catalogue key).
    #[prop(default = "common-loading")]
    loading: &'static str,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Ser: Send + Sync + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t(loading)}</p> }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => children(data).into_any(),
                        Err(e) => view! { <ErrorAlert error=e /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A failure that stands in place of the page's content.
#[component]
pub fn ErrorAlert(error: AppError) -> impl IntoView {
    view! { <div class="alert alert-error" role="alert">{error.text(crate::i18n::use_lang())}</div> }
}

/// What a page shows instead of its content when the caller's role does not allow it;
/// `message` is a catalogue key.
pub fn refused(message: &'static str) -> AnyView {
    view! { <div class="alert alert-error" role="alert">{t(message)}</div> }.into_any()
}

/// The body of a page whose forms post back to it: `notice` when the address carries `?{flag}`
/// (the forms' redirect asks for it), then `intro`, then `children` with the data `load` gives.
/// The data is loaded again after such a redirect, and when `reload` changes (the sum of the
/// versions of actions that stay on the page, for instance).
#[component]
pub fn NoticePage<T, Fut, F, V>(
    flag: &'static str,
    #[prop(into)] notice: String,
    load: fn() -> Fut,
    children: F,
    #[prop(optional, into)] reload: Signal<usize>,
    #[prop(optional, into)] intro: ViewFn,
    /// Whether the address carries `flag`, when the page's server part read it: an island
    /// has no router to ask.
    #[prop(optional)]
    flagged: Option<bool>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Result<T, AppError>: serde::Serialize + serde::de::DeserializeOwned,
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let flagged: Signal<bool> = match flagged {
        Some(flagged) => Signal::stored(flagged),
        None => Signal::derive(crate::components::query_flag(flag)),
    };
    let data = Resource::new_blocking(move || (reload.get(), flagged.get()), move |_| load());
    view! {
        {move || {
            let notice = notice.clone();
            flagged.get().then(move || view! { <Notice>{notice}</Notice> })
        }}
        {intro.run()}
        <Loaded resource=data let:found>{children(found)}</Loaded>
    }
}
