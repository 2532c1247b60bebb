use leptos::prelude::*;

use crate::{components::language_switch::LanguageSwitch, error::AppError, i18n::t};

/// The centred card that the signed-out pages share; `title` (a catalogue key) names the tab
/// and heads the card. The language switcher sits under it: a visitor who is not signed in
/// has no profile to keep a language in.
#[component]
pub fn AuthCard(title: &'static str, children: Children) -> impl IntoView {
    let title = t(title);
    view! {
        <leptos_meta::Title text=format!("{title} · Rootline") />
        <div class="auth-page">
            <a class="brand brand-large" href="/sign-in">
                <span class="brand-mark" aria-hidden="true"></span>
                "Rootline"
            </a>
            <main class="card auth-card">
                <h1>{title}</h1>
                {children()}
            </main>
            <LanguageSwitch />
        </div>
    }
}

/// A signed-out page that only tells the user something: `title` names the tab and heads the
/// card, `message` and the quieter `note` below it say what happened (all three catalogue
/// keys); `children` (a link on) come last.
#[component]
pub fn AuthMessage(
    title: &'static str,
    message: &'static str,
    note: &'static str,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <AuthCard title=title>
            <p>{t(message)}</p>
            <p class="muted">{t(note)}</p>
            {children.map(|c| c())}
        </AuthCard>
    }
}

/// What a page behind an e-mailed link shows while it checks the link's token, and when the
/// check fails (the reason and the way to sign in); `children` get what the check found.
#[component]
pub fn CheckedLink<T, Ser, F, V>(
    resource: Resource<Result<T, AppError>, Ser>,
    children: F,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    Ser: Send + Sync + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("common-checking-link")}</p> }>
            {move || {
                let children = children.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(found) => children(found).into_any(),
                        Err(e) => view! {
                            <div class="alert alert-error" role="alert">{e.text(crate::i18n::use_lang())}</div>
                            <p><a class="button" href="/sign-in">{t("common-go-to-sign-in")}</a></p>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
