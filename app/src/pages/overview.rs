use leptos::prelude::*;

use crate::{
    api::orders::attention_counts,
    components::{loaded::Loaded, portal::Portal},
    i18n::t,
    model::{
        SessionView,
        attention::{Attention, BalanceLine},
        countries::{self, COUNTRIES},
    },
};

#[component]
pub fn OverviewPage() -> impl IntoView {
    view! { <Portal title="page-overview" page=|s: SessionView| view! { <Overview session=s /> } /> }
}

#[component]
fn Overview(session: SessionView) -> impl IntoView {
    let counts = Resource::new_blocking(|| (), |_| attention_counts());
    let country = COUNTRIES
        .iter()
        .find(|(code, _)| *code == session.account_country)
        .map(|(code, _)| t(&countries::name_key(code)))
        .unwrap_or_else(|| match session.account_country.as_str() {
            "" => t("overview-country-not-set"),
            code => code.to_owned(),
        });
    view! {
        <Loaded resource=counts let:a>
            <NeedsAttention attention=a />
        </Loaded>
        <div class="cards">
            <section class="card" aria-labelledby="account-heading">
                <h2 id="account-heading">{t("overview-account")}</h2>
                <dl class="facts">
                    <dt>{t("overview-organization")}</dt><dd>{session.account_name.clone()}</dd>
                    <dt>{t("overview-account-type")}</dt><dd>{t(session.account_kind.key())}</dd>
                    <dt>{t("overview-status")}</dt><dd>{t(session.account_status.key())}</dd>
                    <dt>{t("overview-country")}</dt><dd>{country}</dd>
                </dl>
            </section>
            <section class="card" aria-labelledby="user-heading">
                <h2 id="user-heading">{t("overview-you")}</h2>
                <dl class="facts">
                    <dt>{t("overview-name")}</dt><dd>{session.user_name.clone()}</dd>
                    <dt>{t("overview-email")}</dt><dd>{session.user_email.clone()}</dd>
                    <dt>{t("overview-role")}</dt><dd>{session.role_label.text(crate::i18n::use_lang())}</dd>
                    <dt>{t("overview-signed-in")}</dt><dd>{session.signed_in_at.map(|at| at.text(crate::i18n::use_lang())).unwrap_or_default()}</dd>
                </dl>
            </section>
        </div>
    }
}

/// The counts of what waits for the user, each a link to the list of exactly those; then the
/// balances and who adds credit.
#[component]
fn NeedsAttention(attention: Attention) -> impl IntoView {
    let items = attention.items();
    let list = if items.is_empty() {
        view! { <p class="empty" data-testid="attention-empty">{t("overview-nothing-needs-attention")}</p> }
            .into_any()
    } else {
        view! {
            <ul class="plain-list" aria-label=t("overview-needs-attention")>
                {items
                    .into_iter()
                    .map(|i| view! {
                        <li>
                            <a href=i.href>
                                <strong>{i.count.to_string()}</strong>
                                " "
                                {i.label}
                            </a>
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="card" aria-labelledby="attention-heading">
            <h2 id="attention-heading">{t("overview-needs-attention")}</h2>
            {list}
        </section>
        <section class="card" aria-labelledby="credit-heading">
            <h2 id="credit-heading">{t("overview-credit")}</h2>
            {attention.balances.map(|b| view! { <Balances lines=b /> })}
            <p class="muted">{t("overview-how-credit")}</p>
        </section>
    }
}

#[component]
fn Balances(lines: Vec<BalanceLine>) -> impl IntoView {
    view! {
        <dl class="facts" aria-label=t("overview-balances")>
            {lines
                .into_iter()
                .map(|l| view! {
                    <dt>{if l.account { t("billing-account-balance") } else { l.name }}</dt>
                    <dd><a href=l.href>{l.balance}</a></dd>
                })
                .collect_view()}
        </dl>
    }
}
