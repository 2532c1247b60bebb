//! `/operator/payments` (FIN-1): the operator's finance queue. Bank transfers to approve
//! (credited) or reject with a reason, and withdrawals to pay out or reject (released);
//! oldest first. Operator users only.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::t;
use crate::{
    api::payments::{DecidePayment, DecideWithdrawal, payments_queue_data},
    components::{
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
        table::Table,
    },
    model::payments::PaymentsQueue,
};

#[component]
pub fn OperatorPaymentsPage() -> impl IntoView {
    view! { <Portal title="page-operator-payments" operator=true refusal="refusal-operator-console" page=|_| view! { <Queue /> } /> }
}

#[component]
fn Queue() -> impl IntoView {
    let query = use_query_map();
    let decided = move || query.with(|q| q.get("decided").is_some());
    let data = Resource::new_blocking(decided, |_| payments_queue_data());
    view! {
        {move || decided().then(|| view! { <Notice>{t("operator-payments-decided")}</Notice> })}
        <Loaded resource=data let:q>
            <View queue=q />
        </Loaded>
    }
    .into_any()
}

#[component]
fn View(queue: PaymentsQueue) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let pay = ServerAction::<DecidePayment>::new();
    let pay_error = Signal::derive(move || pay.value().get().and_then(Result::err));
    let out = ServerAction::<DecideWithdrawal>::new();
    let out_error = Signal::derive(move || out.value().get().and_then(Result::err));
    view! {
        <section class="card" aria-labelledby="queue-payments-heading">
            <h2 id="queue-payments-heading">{t("operator-payments-transfers")}</h2>
            <FormAlert error=pay_error />
            {if queue.payments.is_empty() {
                view! { <p class="empty">{t("operator-payments-none")}</p> }.into_any()
            } else {
                view! {
                    <Table label=t("operator-payments-transfers") cards=true columns=vec![t("operator-payments-col-account"), t("payments-col-amount"), t("payments-reference"), t("payments-paid-on"), t("payments-proof"), t("domains-col-actions")]>
                        {queue.payments.into_iter().map(|p| {
                            let id = p.id.0.to_string();
                            let reason_id = format!("payment-reason-{id}");
                            let reject_id = id.clone();
                            view! {
                                <tr data-testid="queued-payment">
                                    <td data-label=t("operator-payments-col-account")>{p.account_name.clone()}</td>
                                    <td data-label=t("payments-col-amount")>{crate::i18n::money(lang, p.amount_minor, p.currency.as_str())}</td>
                                    <td data-label=t("payments-reference")>{p.reference.clone()}</td>
                                    <td data-label=t("payments-paid-on")>{p.paid_on.map(|d| d.text(lang)).unwrap_or_default()}</td>
                                    <td data-label=t("payments-proof")>{p.proof.clone().map(|(name, href)| view! { <a href=href target="_blank" rel="noopener">{name}</a> })}</td>
                                    <td data-label=t("domains-col-actions")>
                                        <ActionForm action=pay attr:class="inline-form">
                                            <input type="hidden" name="payment" value=id.clone() />
                                            <input type="hidden" name="decision" value="approve" />
                                            <button type="submit" class="button button-secondary">{t("operator-payments-approve")}</button>
                                        </ActionForm>
                                        <details class="action action-danger">
                                            <summary>{t("operator-payments-reject")}</summary>
                                            <ActionForm action=pay>
                                                <input type="hidden" name="payment" value=reject_id.clone() />
                                                <input type="hidden" name="decision" value="reject" />
                                                <label for=reason_id.clone()>{t("operator-payments-reason")}</label>
                                                <input id=reason_id.clone() name="reason" type="text" required=true maxlength="500" />
                                                <button type="submit" class="button button-danger">{t("operator-payments-reject")}</button>
                                            </ActionForm>
                                        </details>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </Table>
                }.into_any()
            }}
        </section>
        <section class="card" aria-labelledby="queue-withdrawals-heading">
            <h2 id="queue-withdrawals-heading">{t("operator-payments-withdrawals")}</h2>
            <FormAlert error=out_error />
            {if queue.withdrawals.is_empty() {
                view! { <p class="empty">{t("operator-payments-no-withdrawals")}</p> }.into_any()
            } else {
                view! {
                    <Table label=t("operator-payments-withdrawals") cards=true columns=vec![t("operator-payments-col-account"), t("payments-col-amount"), t("operator-payments-col-bank"), t("payments-col-when"), t("domains-col-actions")]>
                        {queue.withdrawals.into_iter().map(|w| {
                            let id = w.id.0.to_string();
                            let reason_id = format!("withdrawal-reason-{id}");
                            let reject_id = id.clone();
                            view! {
                                <tr data-testid="queued-withdrawal">
                                    <td data-label=t("operator-payments-col-account")>{w.account_name.clone()}</td>
                                    <td data-label=t("payments-col-amount")>{crate::i18n::money(lang, w.amount_minor, w.currency.as_str())}</td>
                                    <td data-label=t("operator-payments-col-bank")>{w.bank.clone()}</td>
                                    <td data-label=t("payments-col-when")>{w.created.text(lang)}</td>
                                    <td data-label=t("domains-col-actions")>
                                        <ActionForm action=out attr:class="inline-form">
                                            <input type="hidden" name="withdrawal" value=id.clone() />
                                            <input type="hidden" name="decision" value="approve" />
                                            <button type="submit" class="button button-secondary">{t("operator-payments-pay-out")}</button>
                                        </ActionForm>
                                        <details class="action action-danger">
                                            <summary>{t("operator-payments-reject")}</summary>
                                            <ActionForm action=out>
                                                <input type="hidden" name="withdrawal" value=reject_id.clone() />
                                                <input type="hidden" name="decision" value="reject" />
                                                <label for=reason_id.clone()>{t("operator-payments-reason")}</label>
                                                <input id=reason_id.clone() name="reason" type="text" required=true maxlength="500" />
                                                <button type="submit" class="button button-danger">{t("operator-payments-reject")}</button>
                                            </ActionForm>
                                        </details>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </Table>
                }.into_any()
            }}
        </section>
    }
}
