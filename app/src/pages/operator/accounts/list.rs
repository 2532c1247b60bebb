use leptos::prelude::*;

use crate::i18n::{t, t_args};
use crate::{
    api::operator::{ReviewPartner, SetMultipleGroups, operator_accounts},
    components::{
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        query_memo, query_notice,
    },
    model::{
        AccountStatus,
        operator::{AccountView, AccountsPage, AccountsQuery},
    },
};

#[component]
pub fn OperatorAccountsPage() -> impl IntoView {
    view! { <Portal title="page-accounts" operator=true refusal="refusal-operator-console" page=|_| view! { <Accounts /> } /> }
}

const STATUSES: [AccountStatus; 6] = [
    AccountStatus::PendingApproval,
    AccountStatus::PendingActivation,
    AccountStatus::Active,
    AccountStatus::Rejected,
    AccountStatus::Expired,
    AccountStatus::Suspended,
];

#[component]
fn Accounts() -> impl IntoView {
    let query = query_memo(|p| AccountsQuery {
        status: p.get("status").unwrap_or_default(),
        page: p.get("page").and_then(|v| v.parse().ok()),
    });
    let notice = query_notice(&[
        ("approved", "accounts-approved"),
        ("rejected", "accounts-rejected"),
        ("saved", "accounts-saved"),
    ]);
    let page = Resource::new_blocking(move || query.get(), operator_accounts);
    let selected = query.get_untracked().status;
    view! {
        {move || notice().map(|key| view! { <Notice>{t(key)}</Notice> })}
        <form class="filters" method="get" action="/operator/accounts" aria-label=t("accounts-filter-label")>
            <div class="field">
                <label for="accounts-status">{t("orders-col-status")}</label>
                <select id="accounts-status" name="status">
                    <option value="" selected=selected.is_empty()>{t("accounts-all")}</option>
                    {STATUSES
                        .into_iter()
                        .map(|s| {
                            let is = s.as_str() == selected;
                            view! { <option value=s.as_str() selected=is>{s.label()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="filters-actions">
                <button type="submit" class="button">{t("accounts-filter")}</button>
            </div>
        </form>
        <Loaded resource=page let:p>
            <AccountList page=p />
        </Loaded>
    }
    .into_any()
}

#[component]
fn AccountList(page: AccountsPage) -> impl IntoView {
    if page.accounts.is_empty() {
        return view! { <p class="empty">{t("accounts-none")}</p> }.into_any();
    }
    let status_line = t_args(
        "accounts-pager",
        &[
            ("page", page.page.into()),
            ("pages", page.pages().into()),
            ("total", page.total.into()),
        ],
    );
    view! {
        <ul class="account-list" aria-label=t("page-accounts")>
            {page.accounts.into_iter().map(|a| view! { <AccountItem account=a /> }).collect_view()}
        </ul>
        <p class="pager-status">{status_line}</p>
    }
    .into_any()
}

#[component]
fn AccountItem(account: AccountView) -> impl IntoView {
    let review = ServerAction::<ReviewPartner>::new();
    let groups = ServerAction::<SetMultipleGroups>::new();
    let review_error = Signal::derive(move || review.value().get().and_then(Result::err));
    let reason_error = Signal::derive(move || review_error.get().and_then(|e| e.field("reason")));
    let groups_error = Signal::derive(move || groups.value().get().and_then(Result::err));
    let id = account.id.to_string();
    let waiting = account.status == AccountStatus::PendingApproval;
    let heading_id = format!("account-{}", account.id);
    let labelled_by = heading_id.clone();
    let reason_id = format!("reason-{}", account.id);
    let reason_for = reason_id.clone();
    let (id_a, id_b, id_c) = (id.clone(), id.clone(), id);
    let enable = if account.multiple_groups { "no" } else { "yes" };
    let toggle_label = if account.multiple_groups {
        t("accounts-disable-groups")
    } else {
        t("accounts-enable-groups")
    };
    view! {
        <li class="card account-item" aria-labelledby=labelled_by>
            <h2 id=heading_id>{account.name.clone()}</h2>
            <dl class="facts">
                <dt>{t("statement-type")}</dt><dd>{t(account.kind.key())}</dd>
                <dt>{t("orders-col-status")}</dt><dd>{t(account.status.key())}</dd>
                <dt>{t("accounts-administrator")}</dt><dd>{account.administrator.clone()}</dd>
                <dt>{t("field-country")}</dt><dd>{account.country.clone()}</dd>
                <dt>{t("accounts-signed-up")}</dt><dd>{account.created.text(crate::i18n::use_lang())}</dd>
                <dt>{t("accounts-multiple-groups")}</dt><dd>{if account.multiple_groups { t("accounts-enabled") } else { t("accounts-disabled") }}</dd>
            </dl>
            {waiting.then(|| view! {
                <div class="review">
                    <FormAlert error=Signal::derive(move || review_error.get().filter(|e| e.field("reason").is_none())) />
                    <ActionForm action=review>
                        <input type="hidden" name="account_id" value=id_a.clone() />
                        <input type="hidden" name="decision" value="approve" />
                        <button type="submit" class="button button-primary">{t("accounts-approve")}</button>
                    </ActionForm>
                    <ActionForm action=review>
                        <input type="hidden" name="account_id" value=id_b.clone() />
                        <input type="hidden" name="decision" value="reject" />
                        <div class="field" class:field-invalid=move || reason_error.get().is_some()>
                            <label for=reason_for.clone()>{t("accounts-reject-reason")}</label>
                            <textarea id=reason_id.clone() name="reason" rows="2"></textarea>
                            <p class="field-error" role="alert">{move || reason_error.get()}</p>
                        </div>
                        <button type="submit" class="button button-danger">{t("accounts-reject")}</button>
                    </ActionForm>
                </div>
            })}
            <p><a href=format!("/operator/accounts/{}/credits", account.id) aria-label=t_args("accounts-credits-of", &[("account", account.name.clone().into())])>{t("page-credits")}</a></p>
            <ActionForm action=groups>
                <FormAlert error=groups_error />
                <input type="hidden" name="account_id" value=id_c />
                <input type="hidden" name="enabled" value=enable />
                <button type="submit" class="button button-quiet">{toggle_label}</button>
            </ActionForm>
        </li>
    }
}
