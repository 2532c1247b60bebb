use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    api::orders::{OrderApprove, OrderCancel, OrderCsr, OrderPay, OrderReject, order_get},
    components::{
        field::TextArea,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
    },
    model::{
        SessionView,
        orders::{NameProgress, OrderView},
    },
    pages::orders::actions::{CertificateCard, LifecycleActions},
};

#[component]
pub fn OrderViewPage() -> impl IntoView {
    view! { <Portal title="Order" page=|s: SessionView| view! { <Order session=s /> } /> }
}

fn done_text(what: &str) -> Option<&'static str> {
    match what {
        "approved" => Some("The order was approved and paid."),
        "rejected" => Some("The order was rejected."),
        "paid" => Some("The order was submitted."),
        "cancelled" => Some("The order was cancelled."),
        "csr" => Some("The CSR was submitted."),
        "revoked" => Some("The certificate was revoked. The CRL and OCSP show it now."),
        "reissued" => Some(
            "This is the reissue order. The original certificate stays valid until you revoke it.",
        ),
        "renewed" => Some("This is the renewal order."),
        "names" => Some(
            "This is the order with the new names. It issues once the added names are validated.",
        ),
        "edited" => Some("The changes were saved."),
        "placed" => {
            Some("The order was placed. The requester got an e-mail with the tracking link.")
        }
        _ => None,
    }
}

#[component]
fn Order(session: SessionView) -> impl IntoView {
    let _ = session;
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.with(|p| p.get("id").and_then(|v| v.parse::<i32>().ok()).unwrap_or(0));
    let done = move || query.with(|q| q.get("done"));
    let order = Resource::new_blocking(move || (id(), done()), |(id, _)| order_get(id));
    view! {
        {move || done().and_then(|d| done_text(&d)).map(|t| view! { <Notice>{t}</Notice> })}
        <Loaded resource=order let:o>
            <OrderDetail order=o />
        </Loaded>
    }
}

#[component]
fn OrderDetail(order: OrderView) -> impl IntoView {
    view! {
        <section class="card" aria-label="Order details">
            <h2>{format!("Order #{} · {}", order.id, order.product)}</h2>
            <dl class="details">
                <dt>"Status"</dt><dd><span class="badge" data-testid="order-status">{order.status.label()}</span></dd>
                <dt>"Price"</dt><dd>{order.price.clone()}</dd>
                <dt>"Validity"</dt><dd>{format!("{} days", order.validity_days)}</dd>
                <dt>"Group"</dt><dd>{order.group.clone()}</dd>
                <dt>"Placed by"</dt><dd>{order.placed_by.clone()}</dd>
                <dt>"Requester"</dt><dd>{format!("{} <{}>", order.requester_name, order.requester_email)}</dd>
                <dt>"Tags"</dt><dd>{order.tags.join(", ")}</dd>
                <dt>"Auto-renew"</dt><dd>{if order.auto_renew { "On" } else { "Off" }}</dd>
                {(!order.tech_email.is_empty()).then(|| view! {
                    <dt>"Technical contact"</dt><dd>{format!("{} <{}>", order.tech_name, order.tech_email)}</dd>
                })}
                {(!order.extra_emails.is_empty()).then(|| view! {
                    <dt>"Additional recipients"</dt><dd>{order.extra_emails.join(", ")}</dd>
                })}
                {order.delegate_email.clone().map(|d| view! {
                    <dt>"Download delegate"</dt><dd>{d}</dd>
                })}
                <dt>"Track order"</dt>
                <dd><a href=order.tracking_url.clone() target="_blank" rel="external" data-testid="tracking-link">"Open the tracking page"</a></dd>
            </dl>
            {order.reason.clone().map(|r| view! { <p class="alert alert-info">{format!("Reason: {r}")}</p> })}
            {order.issue_error.clone().map(|r| view! { <div class="alert alert-error" role="alert">{r}</div> })}
            // Only S/MIME orders name a mailbox (a DNS name has no '@').
            {order.names.iter().any(|n| n.name.contains('@')).then(|| view! {
                <p><a class="button" href=format!("/orders/{}/smime", order.id)>"E-mail verification and certificate activation"</a></p>
            })}
        </section>
        <section class="card" aria-label="Names">
            <h2>"Names"</h2>
            <Names names=order.names.clone() />
        </section>
        <CertificateCard order=order.clone() />
        <Actions order=order.clone() />
        <LifecycleActions order=order.clone() />
        <section class="card" aria-label="History">
            <h2>"History"</h2>
            <ol class="history">
                {order.events.into_iter().map(|e| view! {
                    <li>
                        <time>{e.at.get(..16).unwrap_or_default().replace('T', " ")}</time>
                        " · " <strong>{e.action}</strong> " · " {e.actor}
                        {(!e.detail.is_empty()).then(|| view! { <span>{format!(" — {}", e.detail)}</span> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
pub fn Names(names: Vec<NameProgress>) -> impl IntoView {
    view! {
        <ul class="name-list">
            {names.into_iter().map(|n| {
                let state = match (&n.covered_by, &n.domain) {
                    (Some(by), _) => format!("Verified (through {by})"),
                    (None, Some(d)) => format!("{} — {}", d.status.label(), d.method.label()),
                    (None, None) => "No domain validation needed".to_owned(),
                };
                view! { <li><strong>{n.name}</strong>" · "{state}</li> }
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Actions(order: OrderView) -> impl IntoView {
    let id = order.id;
    let approve = ServerAction::<OrderApprove>::new();
    let reject = ServerAction::<OrderReject>::new();
    let pay = ServerAction::<OrderPay>::new();
    let cancel = ServerAction::<OrderCancel>::new();
    let csr = ServerAction::<OrderCsr>::new();
    let error = Signal::derive(move || {
        [
            approve.value().get().and_then(Result::err),
            reject.value().get().and_then(Result::err),
            pay.value().get().and_then(Result::err),
            cancel.value().get().and_then(Result::err),
            csr.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    });
    let needs_csr = !order.status.is_final();
    let csr_title = if order.has_csr {
        "Replace the CSR"
    } else {
        "Submit the CSR"
    };
    view! {
        <FormAlert error=error />
        {order.can_approve.then(|| view! {
            <section class="card" aria-label="Approval">
                <h2>"Approval"</h2>
                {(!order.checklist.is_empty()).then(|| view! {
                    <p>"Check before approving:"</p>
                    <ul aria-label="Validation checklist">
                        {order.checklist.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}
                    </ul>
                })}
                <ActionForm action=approve>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button">"Approve"</button>
                </ActionForm>
            </section>
        })}
        {order.can_pay.then(|| view! {
            <section class="card" aria-label="Payment">
                <h2>"Draft"</h2>
                <ActionForm action=pay>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button">"Proceed to pay"</button>
                </ActionForm>
            </section>
        })}
        {(order.can_approve || order.can_pay).then(|| view! {
            <section class="card" aria-label="Reject">
                <ActionForm action=reject>
                    <input type="hidden" name="id" value=id />
                    <TextArea label="Reason for rejection" id="reject-reason" name="reason" />
                    <button type="submit" class="button button-danger">"Reject"</button>
                </ActionForm>
            </section>
        })}
        {needs_csr.then(|| view! {
            <section class="card" aria-label="Submit CSR">
                <h2>{csr_title}</h2>
                <ActionForm action=csr>
                    <input type="hidden" name="id" value=id />
                    <TextArea label="CSR (PEM)" id="order-csr" name="csr" rows=8 mono=true />
                    <button type="submit" class="button">"Submit CSR"</button>
                </ActionForm>
            </section>
        })}
        {order.can_cancel.then(|| view! {
            <section class="card" aria-label="Cancel order">
                <ActionForm action=cancel>
                    <input type="hidden" name="id" value=id />
                    <TextArea label="Cancellation remarks" id="cancel-remarks" name="remarks" />
                    <button type="submit" class="button button-danger">"Cancel order"</button>
                </ActionForm>
            </section>
        })}
    }
}
