//! The order page: status and the next step first (what to publish, what to press), the
//! order's facts, its names, the certificate, then the actions behind their own buttons with
//! the destructive ones last, and the history.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    api::orders::{
        OrderApprove, OrderCancel, OrderCsr, OrderPay, OrderReject, OrderVerify, order_get,
    },
    components::{
        badge::{Badge, Tone, certificate_tone, domain_tone, order_tone},
        copy_button::CopyButton,
        field::TextArea,
        form_alert::{FormAlert, Notice},
        loaded::Loaded,
        portal::Portal,
    },
    model::{
        SessionView,
        domains::{DcvMethod, DomainStatus, DomainView},
        order_status::OrderStatus,
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
        "verified" => Some("Domain control verified."),
        "mailed" => Some("The validation e-mail was sent. Its link works for 24 hours."),
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

/// The domains of the order that still wait for validation, once each.
fn pending_domains(names: &[NameProgress]) -> Vec<DomainView> {
    let mut pending: Vec<DomainView> = Vec::new();
    for d in names
        .iter()
        .filter(|n| n.covered_by.is_none())
        .filter_map(|n| n.domain.clone())
        .filter(|d| d.status != DomainStatus::Verified)
    {
        if !pending.iter().any(|p| p.id == d.id) {
            pending.push(d);
        }
    }
    pending
}

#[component]
fn OrderDetail(order: OrderView) -> impl IntoView {
    let certificate = order.certificate.as_ref().map(|c| c.state);
    view! {
        <section class="card" aria-label="Order details">
            <h2>{format!("Order #{} · {}", order.id, order.product)}</h2>
            <p class="actions">
                <Badge tone=order_tone(order.status) text=order.status.label() test_id="order-status" />
                {certificate.map(|c| view! {
                    <Badge tone=certificate_tone(c) text=format!("Certificate {}", c.label().to_lowercase()) />
                })}
            </p>
            {order.reason.clone().map(|r| view! { <p class="alert alert-info">{format!("Reason: {r}")}</p> })}
            {order.issue_error.clone().map(|r| view! { <div class="alert alert-error" role="alert">{r}</div> })}
            <NextStep order=order.clone() />
            <dl class="details">
                <dt>"Price"</dt><dd>{order.price.clone()}</dd>
                <dt>"Validity"</dt><dd>{format!("{} days", order.validity_days)}</dd>
                <dt>"Group"</dt><dd>{order.group.clone()}</dd>
                <dt>"Placed by"</dt><dd>{order.placed_by.clone()}</dd>
                <dt>"Requester"</dt><dd>{format!("{} <{}>", order.requester_name, order.requester_email)}</dd>
                {(!order.tags.is_empty()).then(|| view! { <dt>"Tags"</dt><dd>{order.tags.join(", ")}</dd> })}
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
        </section>
        <section class="card" aria-label="Names">
            <h2>"Names"</h2>
            <Names names=order.names.clone() />
        </section>
        <CertificateCard order=order.clone() />
        <LifecycleActions order=order.clone() />
        <PendingActions order=order.clone() />
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
    .into_any()
}

/// What this order waits for and what the reader does about it: approve or pay, give the CSR,
/// publish each pending domain's record and press *Verify now*.
#[component]
fn NextStep(order: OrderView) -> impl IntoView {
    let id = order.id;
    let approve = ServerAction::<OrderApprove>::new();
    let pay = ServerAction::<OrderPay>::new();
    let csr = ServerAction::<OrderCsr>::new();
    let verify = ServerAction::<OrderVerify>::new();
    let error = Signal::derive(move || {
        [
            approve.value().get().and_then(Result::err),
            pay.value().get().and_then(Result::err),
            csr.value().get().and_then(Result::err),
            verify.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    });
    let waiting_approval = matches!(
        order.status,
        OrderStatus::PendingApproval | OrderStatus::PendingParentApproval
    );
    let is_mailbox_order = order.is_mailbox_order();
    let needs_csr = !order.status.is_final()
        && !order.has_csr
        && !is_mailbox_order
        && !waiting_approval
        && order.status != OrderStatus::OnHold;
    let pending =
        if order.status.is_final() || waiting_approval || order.status == OrderStatus::OnHold {
            Vec::new()
        } else {
            pending_domains(&order.names)
        };
    let nothing = !order.can_approve
        && !order.can_pay
        && !waiting_approval
        && !needs_csr
        && pending.is_empty()
        && !is_mailbox_order;
    if nothing {
        return ().into_any();
    }
    view! {
        <section class="card next-step" aria-label="Next step">
            <h2>"Next step"</h2>
            <FormAlert error=error />
            {order.can_approve.then(|| view! {
                <p>"This order waits for your approval. Approving pays for it from the group's balance."</p>
                {(!order.checklist.is_empty()).then(|| view! {
                    <p>"Check before approving:"</p>
                    <ul aria-label="Validation checklist">
                        {order.checklist.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}
                    </ul>
                })}
                <ActionForm action=approve>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button button-primary">"Approve"</button>
                </ActionForm>
            }.into_any())}
            {(waiting_approval && !order.can_approve).then(|| view! {
                <p data-testid="waiting-approval">"This order waits for approval by an administrator of your account. They were told by e-mail; you get an e-mail once they decide."</p>
            })}
            {order.can_pay.then(|| view! {
                <p>"This order is a draft: nothing is paid or checked yet."</p>
                <ActionForm action=pay>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button button-primary">"Proceed to pay"</button>
                </ActionForm>
            }.into_any())}
            {needs_csr.then(|| view! {
                <p>"Give the certificate signing request (CSR) for the order's names. The certificate is issued once the names are validated."</p>
                <ActionForm action=csr>
                    <input type="hidden" name="id" value=id />
                    <TextArea label="CSR (PEM)" id="order-csr" name="csr" rows=8 mono=true />
                    <button type="submit" class="button button-primary">"Submit CSR"</button>
                </ActionForm>
            }.into_any())}
            {(!pending.is_empty()).then(|| view! {
                <p>"Prove that you control each domain below: publish what is shown, then press Verify now. The certificate is issued once every name is validated."</p>
                {pending.into_iter().map(|d| view! { <PendingDomain order_id=id domain=d verify=verify /> }).collect_view()}
                <p class="hint">"You can also change a domain's validation method on the "<a href="/domains">"Domains"</a>" page."</p>
            }.into_any())}
            {is_mailbox_order.then(|| view! {
                <p><a class="button" href=format!("/orders/{}/smime", id)>"E-mail verification and certificate activation"</a></p>
            })}
        </section>
    }
    .into_any()
}

/// One domain to validate: the exact record or file, each value with a *Copy* button, and
/// *Verify now*.
#[component]
fn PendingDomain(
    order_id: i32,
    domain: DomainView,
    verify: ServerAction<OrderVerify>,
) -> impl IntoView {
    let name = domain.name.clone();
    let rows: Vec<(&'static str, String)> = match (&domain.method, &domain.location, &domain.value)
    {
        (DcvMethod::DnsTxt, Some(at), Some(value)) => vec![
            ("Record type", "TXT".to_owned()),
            ("Name", at.clone()),
            ("Value", value.clone()),
        ],
        (DcvMethod::HttpFile, Some(at), Some(value)) => {
            vec![("File URL", at.clone()), ("File content", value.clone())]
        }
        (DcvMethod::ConstructedEmail { .. }, Some(to), _) => vec![("E-mail to", to.clone())],
        _ => Vec::new(),
    };
    let is_email = matches!(domain.method, DcvMethod::ConstructedEmail { .. });
    view! {
        <div class="pending-domain" data-testid="pending-domain">
            <h3>
                {name.clone()}" "
                <Badge tone=domain_tone(domain.status) text=format!("{} — {}", domain.status.label(), domain.method.label()) />
            </h3>
            {is_email.then(|| view! {
                <p>"A link to confirm is e-mailed to this address. Press the button to send it (again)."</p>
            })}
            <dl class="record">
                {rows.into_iter().map(|(label, value)| {
                    let copy = value.clone();
                    view! {
                        <dt>{label}</dt>
                        <dd>
                            <code data-testid=format!("record-{}", label.to_lowercase().replace(' ', "-"))>{value}</code>
                            <CopyButton text=copy label=format!("Copy the {} for {}", label.to_lowercase(), name) />
                        </dd>
                    }
                }).collect_view()}
            </dl>
            {domain.last_error.clone().map(|e| view! { <p class="field-error">{format!("Last check: {e}")}</p> })}
            <ActionForm action=verify>
                <input type="hidden" name="id" value=order_id />
                <input type="hidden" name="domain" value=domain.id />
                <button type="submit" class="button button-primary">{if is_email { "Send the e-mail" } else { "Verify now" }}</button>
            </ActionForm>
        </div>
    }
    .into_any()
}

#[component]
pub fn Names(names: Vec<NameProgress>) -> impl IntoView {
    view! {
        <ul class="name-list">
            {names.into_iter().map(|n| {
                let (tone, state) = match (&n.covered_by, &n.domain) {
                    (Some(by), _) => (Tone::Success, format!("Verified (through {by})")),
                    (None, Some(d)) => (domain_tone(d.status), format!("{} — {}", d.status.label(), d.method.label())),
                    (None, None) => (Tone::Neutral, "No domain validation needed".to_owned()),
                };
                view! { <li><strong>{n.name}</strong>" " <Badge tone=tone text=state /></li> }
            }).collect_view()}
        </ul>
    }
}

/// What can still be done to an order that is not issued: replace the CSR, reject, cancel —
/// each behind its own button, the destructive ones last.
#[component]
fn PendingActions(order: OrderView) -> impl IntoView {
    let id = order.id;
    let reject = ServerAction::<OrderReject>::new();
    let cancel = ServerAction::<OrderCancel>::new();
    let csr = ServerAction::<OrderCsr>::new();
    let error = Signal::derive(move || {
        [
            reject.value().get().and_then(Result::err),
            cancel.value().get().and_then(Result::err),
            csr.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    });
    let is_mailbox_order = order.is_mailbox_order();
    let replace_csr = !order.status.is_final() && order.has_csr && !is_mailbox_order;
    let may_reject = order.can_approve || order.can_pay;
    if !replace_csr && !may_reject && !order.can_cancel {
        return ().into_any();
    }
    view! {
        <section class="card" aria-label="Order actions">
            <h2>"Change or stop this order"</h2>
            <FormAlert error=error />
            {replace_csr.then(|| view! {
                <details class="action">
                    <summary>"Replace the CSR"</summary>
                    <section aria-label="Submit CSR">
                        <ActionForm action=csr>
                            <input type="hidden" name="id" value=id />
                            <TextArea label="CSR (PEM)" id="order-csr" name="csr" rows=8 mono=true />
                            <button type="submit" class="button">"Submit CSR"</button>
                        </ActionForm>
                    </section>
                </details>
            })}
            {may_reject.then(|| view! {
                <details class="action action-danger">
                    <summary>"Reject order"</summary>
                    <section aria-label="Reject">
                        <ActionForm action=reject>
                            <input type="hidden" name="id" value=id />
                            <TextArea label="Reason for rejection" id="reject-reason" name="reason" />
                            <button type="submit" class="button button-danger">"Reject"</button>
                        </ActionForm>
                    </section>
                </details>
            })}
            {order.can_cancel.then(|| view! {
                <details class="action action-danger">
                    <summary>"Cancel order"</summary>
                    <section aria-label="Cancel order">
                        <p>"Cancelling stops the order and refunds what was paid to the group's balance."</p>
                        <ActionForm action=cancel>
                            <input type="hidden" name="id" value=id />
                            <TextArea label="Cancellation remarks" id="cancel-remarks" name="remarks" />
                            <button type="submit" class="button button-danger">"Cancel order"</button>
                        </ActionForm>
                    </section>
                </details>
            })}
        </section>
    }
    .into_any()
}
