use leptos::prelude::*;

/// The centred card that the signed-out pages share.
#[component]
pub fn AuthCard(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="auth-page">
            <a class="brand brand-large" href="/sign-in">
                <span class="brand-mark" aria-hidden="true"></span>
                "Rootline"
            </a>
            <main class="card auth-card">
                <h1>{title}</h1>
                {children()}
            </main>
        </div>
    }
}
