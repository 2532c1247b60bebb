//! EV Request Approvals: the account's EV requests with their certificate approver's answer.
//! The approver, when a user of the account, approves or rejects here as through the mailed
//! link; others who may approve orders read.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::t;
use crate::{
    api::orders::{EvApprovalAnswer, ev_approvals_list},
    components::{
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
    },
    model::{
        Permission,
        ev::{EvAnswer, EvApprovalRow},
    },
};

#[component]
pub fn EvApprovalsPage() -> impl IntoView {
    view! { <Portal title="page-ev-approvals" needs=Permission::RequestCertificates refusal="refusal-ev-approvals" page=|_| view! { <EvApprovals /> } /> }
}

#[component]
fn EvApprovals() -> impl IntoView {
    let rows = Resource::new_blocking(|| (), |()| ev_approvals_list());
    let done = use_query_map().with_untracked(|q| q.get("done").is_some());
    view! {
        <p class="lead">{t("ev-approvals-lead")}</p>
        {done.then(|| view! { <Notice>{t("ev-approvals-done")}</Notice> })}
        <Loaded resource=rows let:rows>
            {if rows.is_empty() {
                view! { <p class="empty">{t("ev-approvals-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul class="card-list" data-testid="ev-approvals">
                        {rows.into_iter().map(|r| view! { <ApprovalRow row=r /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </Loaded>
    }
}

#[component]
fn ApprovalRow(row: EvApprovalRow) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let status = match row.answer {
        None => t("ev-approvals-waiting"),
        Some(EvAnswer::Approved) => t("ev-approvals-approved"),
        Some(EvAnswer::Rejected) => t("ev-approvals-rejected"),
    };
    let order_link = format!("/orders/{}", row.order_id);
    view! {
        <li class="card">
            <h2><a href=order_link>{format!("#{} · {}", row.order_id, row.main_name)}</a></h2>
            <dl class="facts">
                <dt>{t("ev-approvals-product")}</dt><dd>{row.product.clone()}</dd>
                <dt>{t("ev-link-organization")}</dt><dd>{row.organization.clone()}</dd>
                <dt>{t("ev-link-requester")}</dt><dd>{row.requester.clone()}</dd>
                <dt>{t("ev-approvals-approver")}</dt><dd>{row.approver.clone()}</dd>
                <dt>{t("ev-approvals-placed")}</dt><dd>{row.placed.text(lang)}</dd>
                <dt>{t("orders-col-status")}</dt><dd data-testid="ev-approval-status">{status}</dd>
            </dl>
            {(!row.reason.is_empty()).then(|| view! { <p>{row.reason.clone()}</p> })}
            {row.may_answer.then(|| view! { <AnswerHere step_id=row.step_id /> })}
        </li>
    }
}

#[component]
fn AnswerHere(step_id: i32) -> impl IntoView {
    let action = ServerAction::<EvApprovalAnswer>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let id = format!("ev-reason-{step_id}");
    view! {
        <FormAlert error=error />
        <ActionForm action=action>
            <input type="hidden" name="step_id" value=step_id.to_string() />
            <input type="hidden" name="answer" value="approve" />
            <button type="submit" class="button button-primary">{t("ev-link-approval-yes")}</button>
        </ActionForm>
        <ActionForm action=action>
            <input type="hidden" name="step_id" value=step_id.to_string() />
            <input type="hidden" name="answer" value="reject" />
            <div class="field">
                <label for=id.clone()>{t("ev-link-reason")}</label>
                <textarea id=id name="reason" rows="2" maxlength="500"></textarea>
            </div>
            <button type="submit" class="button button-danger">{t("ev-link-approval-no")}</button>
        </ActionForm>
    }
}
