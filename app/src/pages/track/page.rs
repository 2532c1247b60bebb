//! The public tracking page of an order (ORD-7): its steps, what is pending, and what the
//! requester can do about it. The link's token is the only key. The requester's link acts on
//! a pending order; the links of additional recipients and the technical contact are
//! read-only views, and say so.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::{
    api::track::{TrackingCsr, TrackingMethod, TrackingVerify, tracking_get},
    components::{
        field::TextArea,
        form_alert::{CheckResultAlert, FormAlert},
    },
    error::AppError,
    model::{
        domains::{DcvMethod, DomainView},
        orders::{TrackingScope, TrackingView},
    },
};

/// What a link that opens nothing says: unknown and expired links answer alike.
const NO_ORDER: &str = "This tracking link does not open an order: it is mistyped, or it has \
     expired (a link stops working when the order's certificate expires, or 30 days after an \
     order ended without one). Sign in to Rootline to see your orders.";

#[component]
pub fn TrackPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let method = ServerAction::<TrackingMethod>::new();
    let verify = ServerAction::<TrackingVerify>::new();
    let csr = ServerAction::<TrackingCsr>::new();
    let version = move || {
        (
            method.version().get(),
            verify.version().get(),
            csr.version().get(),
        )
    };
    let order = Resource::new_blocking(move || (token(), version()), |(t, _)| tracking_get(t));
    let error = Signal::derive(move || {
        [
            method.value().get().and_then(Result::err),
            verify.value().get().and_then(Result::err),
            csr.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
    });
    let outcome = move || verify.value().get().and_then(Result::ok);
    view! {
        <div class="track-page">
            <a class="brand brand-large" href="/">
                <span class="brand-mark" aria-hidden="true"></span>
                "Rootline"
            </a>
            <main class="card track-card">
                <h1>"Track your order"</h1>
                <FormAlert error=error />
                {move || outcome().map(|r| view! { <CheckResultAlert result=r /> })}
                <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
                    {move || Suspend::new(async move {
                        match order.await {
                            Ok(o) => view! { <Tracking order=o token=token() method=method verify=verify csr=csr /> }.into_any(),
                            Err(AppError::NotFound) => view! { <div class="alert alert-error" role="alert">{NO_ORDER}</div> }.into_any(),
                            Err(e) => view! { <div class="alert alert-error" role="alert">{e.to_string()}</div> }.into_any(),
                        }
                    })}
                </Suspense>
            </main>
        </div>
    }
}

#[component]
fn Tracking(
    order: TrackingView,
    token: String,
    method: ServerAction<TrackingMethod>,
    verify: ServerAction<TrackingVerify>,
    csr: ServerAction<TrackingCsr>,
) -> impl IntoView {
    let steps = [
        ("Approval", !order.approval_pending),
        ("CSR", !order.needs_csr),
        (
            "Domain validation",
            order
                .names
                .iter()
                .all(|n| n.covered_by.is_some() || n.domain.is_none()),
        ),
        ("Issued", order.issued),
    ];
    let download_base = format!("/track/{token}/certificate");
    let can_act = order.can_act;
    let scope = match (order.scope, can_act) {
        (TrackingScope::Viewer, _) => {
            "Read-only view: you were sent this link as an additional \
             recipient or the technical contact of the order. It shows the order and downloads \
             the certificate; the requester acts on the order with their own link."
        }
        (TrackingScope::Requester, true) => {
            "Requester's link: choose how to prove control of \
             the domains, verify them and submit a missing CSR here. Keep it to yourself."
        }
        (TrackingScope::Requester, false) => {
            "Requester's link: the order has ended, so this \
             link only shows it (and downloads the certificate, if one was issued)."
        }
    };
    view! {
        <p>{format!("Order #{} · {}", order.order_id, order.product)}</p>
        <p class="alert alert-info" data-testid="tracking-scope">{scope}</p>
        <p>"Status: " <strong data-testid="tracking-status">{order.status.label()}</strong></p>
        {order.works_until.clone().map(|day| view! {
            <p data-testid="tracking-until">{format!("This link works until {day} (UTC).")}</p>
        })}
        <ol class="steps" aria-label="Steps">
            {steps.into_iter().map(|(label, done)| view! {
                <li class:done=done>{label}" — "{if done { "done" } else { "pending" }}</li>
            }).collect_view()}
        </ol>
        {order.issue_error.clone().map(|e| view! { <div class="alert alert-error" role="alert">{e}</div> })}
        {order.issued.then(|| view! {
            <p class="actions">
                <a class="button" rel="external" download="" href=format!("{download_base}/pem")>"Download PEM (with chain)"</a>
                <a class="button button-quiet" rel="external" download="" href=format!("{download_base}/der")>"Download DER"</a>
                <a class="button button-quiet" rel="external" download="" href=format!("{download_base}/p7b")>"Download PKCS#7 chain"</a>
            </p>
        })}
        <h2>"Domains"</h2>
        {order.names.into_iter().map(|n| {
            let token = token.clone();
            match (n.covered_by, n.domain) {
                (Some(by), _) => view! { <p><strong>{n.name}</strong>{format!(" · verified through {by}")}</p> }.into_any(),
                (None, Some(d)) => view! {
                    <DomainStep name=n.name domain=d token=token can_act=can_act method=method verify=verify />
                }.into_any(),
                (None, None) => view! { <p><strong>{n.name}</strong>" · no validation needed"</p> }.into_any(),
            }
        }).collect_view()}
        {(can_act && order.needs_csr).then(|| view! {
            <h2>"Submit the CSR"</h2>
            <ActionForm action=csr>
                <input type="hidden" name="token" value=token.clone() />
                <TextArea label="CSR (PEM)" id="track-csr" name="csr" rows=8 mono=true />
                <button type="submit" class="button">"Submit CSR"</button>
            </ActionForm>
        })}
    }
}

#[component]
fn DomainStep(
    name: String,
    domain: DomainView,
    token: String,
    /// Only the requester's link on a pending order shows the forms.
    can_act: bool,
    method: ServerAction<TrackingMethod>,
    verify: ServerAction<TrackingVerify>,
) -> impl IntoView {
    let verify_token = token.clone();
    let current = domain.method.code();
    let is_email = matches!(domain.method, DcvMethod::ConstructedEmail { .. });
    let select_id = format!("method-{}", domain.id);
    // A read-only link cannot verify: whoever publishes the value tells the requester.
    let then = if can_act {
        "then press Verify Now"
    } else {
        "then ask the requester to verify it"
    };
    let explain = match (&domain.method, &domain.value, &domain.location) {
        (DcvMethod::DnsTxt, Some(v), Some(at)) => {
            format!("Publish a TXT record at {at} with this value, {then}: {v}")
        }
        (DcvMethod::HttpFile, Some(v), Some(at)) => {
            format!("Serve a file at {at} holding exactly this value, {then}: {v}")
        }
        (DcvMethod::ConstructedEmail { .. }, _, Some(to)) => {
            format!("We e-mail a confirmation link to {to}; it works for 24 hours.")
        }
        _ => String::new(),
    };
    let method_label = domain.method.label();
    view! {
        <section class="domain-step" aria-label=format!("Validate {name}")>
            <h3>{name.clone()}" · "{domain.status.label()}</h3>
            {(!can_act).then(|| view! { <p>{format!("Validation method: {method_label}")}</p> })}
            {can_act.then(|| view! {
            <ActionForm action=method>
                <input type="hidden" name="token" value=token.clone() />
                <input type="hidden" name="domain" value=domain.id />
                <div class="field">
                    <label for=select_id.clone()>"Validation method"</label>
                    <select id=select_id name="method">
                        {DcvMethod::choices().into_iter().map(|m| {
                            let code = m.code();
                            let selected = code == current;
                            view! { <option value=code selected=selected>{m.label()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button-quiet">"Use this method"</button>
            </ActionForm>
            })}
            <p class="dcv-instructions" data-testid="dcv-instructions">{explain}</p>
            {domain.value.clone().map(|v| view! { <p>"Value: "<code data-testid="dcv-value">{v}</code></p> })}
            {domain.last_error.clone().map(|e| view! { <p class="field-error">{e}</p> })}
            {can_act.then(|| view! {
            <ActionForm action=verify>
                <input type="hidden" name="token" value=verify_token />
                <input type="hidden" name="domain" value=domain.id />
                <button type="submit" class="button">{if is_email { "Send the e-mail" } else { "Verify Now" }}</button>
            </ActionForm>
            })}
        </section>
    }
}
