use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::{
    api::auth::{SwitchAccount, my_accounts},
    components::{
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
    },
    i18n::t,
    model::{SessionView, account_choice::AccountChoice},
};

#[component]
pub fn ChooseAccountPage() -> impl IntoView {
    view! { <Portal title="page-choose-account" page=|_s: SessionView| view! { <Choices /> } /> }
}

#[component]
fn Choices() -> impl IntoView {
    let accounts = Resource::new_blocking(|| (), |_| my_accounts());
    let switch = ServerAction::<SwitchAccount>::new();
    let error = Signal::derive(move || switch.value().get().and_then(Result::err));
    let query = use_query_map();
    let notice = move || {
        let q = query.read();
        if q.get("joined").is_some() {
            Some(t("choose-account-joined"))
        } else if q.get("declined").is_some() {
            Some(t("choose-account-declined"))
        } else {
            None
        }
    };
    view! {
        {move || notice().map(|n| view! { <Notice>{n}</Notice> })}
        <p class="lead">{t("choose-account-lead")}</p>
        <FormAlert error=error />
        <Loaded resource=accounts let:list>
            <ul class="account-list" aria-label=t("choose-account-list")>
                {list.into_iter().map(|a| view! { <Choice account=a switch=switch /> }).collect_view()}
            </ul>
        </Loaded>
    }
}

#[component]
fn Choice(account: AccountChoice, switch: ServerAction<SwitchAccount>) -> impl IntoView {
    let heading = format!("choice-{}", account.id);
    let labelled = heading.clone();
    let id = account.id.to_string();
    view! {
        <li class="card account-item" aria-labelledby=labelled>
            <h2 id=heading>{account.name.clone()}</h2>
            <dl class="facts">
                <dt>{t("choose-account-type")}</dt><dd>{t(account.kind.key())}</dd>
                <dt>{t("choose-account-role")}</dt><dd>{account.role_label.text(crate::i18n::use_lang())}</dd>
                <dt>{t("choose-account-status")}</dt><dd>{t(account.status.key())}</dd>
            </dl>
            {match (account.current, account.reason.clone()) {
                (true, _) => view! { <p class="badge">{t("choose-account-current")}</p> }.into_any(),
                (false, Some(reason)) => {
                    view! { <p class="field-hint">{reason.text(crate::i18n::use_lang())}</p> }.into_any()
                }
                (false, None) => view! {
                    <ActionForm action=switch>
                        <input type="hidden" name="account_id" value=id />
                        <button type="submit" class="button button-primary">{t("choose-account-use")}</button>
                    </ActionForm>
                }
                .into_any(),
            }}
        </li>
    }
}
