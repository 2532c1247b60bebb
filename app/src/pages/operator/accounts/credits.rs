use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::t;
use crate::{
    api::billing::{GrantCredits, operator_account_credits},
    components::{
        field::Field,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        statement::StatementTable,
    },
    error::AppError,
    model::billing::AccountCredits,
};

#[component]
pub fn OperatorCreditsPage() -> impl IntoView {
    view! { <Portal title="page-credits" operator=true refusal="refusal-operator-console" page=|_| view! { <Credits /> } /> }
}

#[component]
fn Credits() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok())));
    let page =
        Memo::new(move |_| query.with(|q| q.get("page").and_then(|p| p.parse::<u64>().ok())));
    let granted = move || query.with(|q| q.get("granted").is_some());
    let data = Resource::new_blocking(
        move || (id.get(), page.get(), granted()),
        |(id, page, _)| async move {
            match id {
                Some(id) => operator_account_credits(id, page).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        {move || granted().then(|| view! { <Notice>{t("credits-granted")}</Notice> })}
        <Loaded resource=data let:c>
            <Grant credits=c />
        </Loaded>
        <p><a href="/operator/accounts">{t("credits-all-accounts")}</a></p>
    }
    .into_any()
}

#[component]
fn Grant(credits: AccountCredits) -> impl IntoView {
    let grant = ServerAction::<GrantCredits>::new();
    let error = Signal::derive(move || grant.value().get().and_then(Result::err));
    let field =
        move |name: &'static str| Signal::derive(move || error.get().and_then(|e| e.field(name)));
    let form_error = Signal::derive(move || {
        error
            .get()
            .filter(|e| e.field("amount").is_none() && e.field("remarks").is_none())
    });
    let href_base = format!("/operator/accounts/{}/credits?page=", credits.account_id);
    view! {
        <section class="card" aria-labelledby="credits-heading">
            <h2 id="credits-heading">{credits.account_name.clone()}</h2>
            <dl class="facts">
                <dt>{t("billing-balance")}</dt>
                <dd data-testid="account-balance">{crate::i18n::money(crate::i18n::use_lang(), credits.balance_minor, &credits.currency)}</dd>
            </dl>
        </section>
        <section class="card form-card" aria-labelledby="grant-heading">
            <h2 id="grant-heading">{t("credits-grant")}</h2>
            <ActionForm action=grant>
                <FormAlert error=form_error />
                <input type="hidden" name="account_id" value=credits.account_id />
                <Field label=t("credits-amount") name="amount" id="grant-amount" hint=t("credits-amount-hint")
                    server_error=field("amount") />
                <Field label=t("wizard-remarks") name="remarks" id="grant-remarks" hint=t("credits-remarks-hint")
                    server_error=field("remarks") />
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{t("credits-grant")}</button>
                </div>
            </ActionForm>
        </section>
        <section class="card" aria-labelledby="account-statement-heading">
            <h2 id="account-statement-heading">{t("billing-statement")}</h2>
            <StatementTable page=credits.statement label=t("billing-statement") href_base=href_base />
        </section>
    }
}
