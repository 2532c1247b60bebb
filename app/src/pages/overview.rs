use leptos::prelude::*;

use crate::{
    components::portal::Portal,
    model::{SessionView, countries::COUNTRIES},
};

#[component]
pub fn OverviewPage() -> impl IntoView {
    view! { <Portal title="Overview" page=|s: SessionView| view! { <Overview session=s /> } /> }
}

#[component]
fn Overview(session: SessionView) -> impl IntoView {
    let country = COUNTRIES
        .iter()
        .find(|(code, _)| *code == session.account_country)
        .map(|(_, name)| (*name).to_owned())
        .unwrap_or_else(|| match session.account_country.as_str() {
            "" => "Not set".to_owned(),
            code => code.to_owned(),
        });
    view! {
        <div class="cards">
            <section class="card" aria-labelledby="account-heading">
                <h2 id="account-heading">"Account"</h2>
                <dl class="facts">
                    <dt>"Organization"</dt><dd>{session.account_name.clone()}</dd>
                    <dt>"Account type"</dt><dd>{session.account_kind.label()}</dd>
                    <dt>"Status"</dt><dd>{session.account_status.label()}</dd>
                    <dt>"Country"</dt><dd>{country}</dd>
                </dl>
            </section>
            <section class="card" aria-labelledby="user-heading">
                <h2 id="user-heading">"You"</h2>
                <dl class="facts">
                    <dt>"Name"</dt><dd>{session.user_name.clone()}</dd>
                    <dt>"E-mail"</dt><dd>{session.user_email.clone()}</dd>
                    <dt>"Role"</dt><dd>{session.role_label.clone()}</dd>
                    <dt>"Signed in"</dt><dd>{session.signed_in_at.clone()}</dd>
                </dl>
            </section>
        </div>
    }
}
