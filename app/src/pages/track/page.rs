//! The public tracking page of an order (ORD-7): its steps, what is pending, and what the
//! requester can do about it. The link's token is the only key. The requester's link acts on
//! a pending order; the links of additional recipients and the technical contact are
//! read-only views, and say so.

use crate::model::order_done::OrderDone;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::{
    api::track::{TrackingCsr, TrackingMethod, TrackingVerify, tracking_get},
    components::{
        field::TextArea,
        form_alert::{FormAlert, Notice},
    },
    error::AppError,
    i18n::{t, t_args},
    model::{
        domains::{DcvMethod, DomainView},
        orders::{TrackingScope, TrackingView},
    },
};

#[component]
pub fn TrackPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let method = ServerAction::<TrackingMethod>::new();
    let verify = ServerAction::<TrackingVerify>::new();
    let csr = ServerAction::<TrackingCsr>::new();
    // The CSR a refused post (without script) pasted, to show again.
    let kept = crate::api::refill::take(&crate::model::orders::tracking_path(
        &params.with_untracked(|p| p.get("token").unwrap_or_default()),
    ));
    let pasted = StoredValue::new(crate::api::refill::value(&kept, "csr").unwrap_or_default());
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
    // What Verify Now did: the server sends the browser back here with it.
    let query = use_query_map();
    let done = move || {
        query.with(|q| {
            q.get("done")
                .and_then(|word| OrderDone::parse(&word))
                .filter(|done| done.on_tracking_page())
                .map(OrderDone::notice_key)
        })
    };
    view! {
        <div class="track-page">
            <a class="brand brand-large" href="/">
                <span class="brand-mark" aria-hidden="true"></span>
                "Rootline"
            </a>
            <main class="card track-card">
                <h1>{t("track-heading")}</h1>
                <FormAlert error=error />
                {move || done().map(|key| view! { <Notice>{t(key)}</Notice> })}
                <Suspense fallback=|| view! { <p class="loading">{t("common-loading")}</p> }>
                    {move || Suspend::new(async move {
                        match order.await {
                            Ok(o) => view! { <Tracking order=o token=token() method=method verify=verify csr=csr pasted=pasted.get_value() /> }.into_any(),
                            // Unknown and expired links answer alike.
                            Err(AppError::NotFound) => view! { <div class="alert alert-error" role="alert">{t("track-no-order")}</div> }.into_any(),
                            Err(e) => view! { <div class="alert alert-error" role="alert">{e.text(crate::i18n::use_lang())}</div> }.into_any(),
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
    /// The CSR a refused post pasted (empty when there was none).
    pasted: String,
) -> impl IntoView {
    let mut steps = vec![
        (t("track-step-approval"), !order.approval_pending),
        (t("track-step-csr"), !order.needs_csr),
        (
            t("track-step-domain-validation"),
            order
                .names
                .iter()
                .all(|n| n.covered_by.is_some() || n.domain.is_none()),
        ),
    ];
    if order.organization_in_vetting {
        steps.push((t("track-step-organization"), false));
    }
    steps.push((t("track-step-issued"), order.issued));
    let ev_steps = order.ev_steps.clone();
    let download_base = format!(
        "{}/certificate",
        crate::model::orders::tracking_path(&token)
    );
    let can_act = order.can_act;
    let scope = match (order.scope, can_act) {
        (TrackingScope::Viewer, _) => t("track-scope-viewer"),
        (TrackingScope::Requester, true) => t("track-scope-requester"),
        (TrackingScope::Requester, false) => t("track-scope-ended"),
    };
    view! {
        <p>{t_args("track-order", &[
            // As text: a number, not an amount to format or to pick a plural for.
            ("id", order.order_id.to_string().into()),
            ("product", order.product.clone().into()),
        ])}</p>
        <p class="alert alert-info" data-testid="tracking-scope">{scope}</p>
        <p>{t("track-status")}" " <strong data-testid="tracking-status">{t(order.status.key())}</strong></p>
        {order.works_until.map(|day| view! {
            <p data-testid="tracking-until">{t_args("track-works-until", &[("day", day.text(crate::i18n::use_lang()).into())])}</p>
        })}
        <ol class="steps" aria-label=t("track-steps")>
            {steps.into_iter().map(|(label, done)| view! {
                <li class:done=done>{label}" — "{if done { t("track-step-done") } else { t("track-step-pending") }}</li>
            }).collect_view()}
        </ol>
        {order.issue_error.clone().map(|e| view! { <div class="alert alert-error" role="alert">{e}</div> })}
        <crate::components::ev_steps::EvSteps steps=ev_steps />
        {order.issued.then(|| view! {
            <p class="actions">
                <a class="button" rel="external" download="" href=format!("{download_base}/pem")>{t("track-download-pem")}</a>
                <a class="button button-quiet" rel="external" download="" href=format!("{download_base}/der")>{t("track-download-der")}</a>
                <a class="button button-quiet" rel="external" download="" href=format!("{download_base}/p7b")>{t("track-download-p7b")}</a>
            </p>
        })}
        <h2>{t("track-domains")}</h2>
        {order.names.into_iter().map(|n| {
            let token = token.clone();
            let offered = order.methods.clone();
            match (n.covered_by, n.domain) {
                (Some(by), _) => view! {
                    <p><strong>{n.name}</strong>" "{t_args("track-verified-through", &[("domain", by.into())])}</p>
                }.into_any(),
                (None, Some(d)) => view! {
                    <DomainStep name=n.name domain=d token=token can_act=can_act method=method verify=verify offered=offered />
                }.into_any(),
                (None, None) => view! { <p><strong>{n.name}</strong>" "{t("track-no-validation")}</p> }.into_any(),
            }
        }).collect_view()}
        {(can_act && order.needs_csr).then(|| view! {
            <h2>{t("track-submit-csr-heading")}</h2>
            <ActionForm action=csr>
                <input type="hidden" name="token" value=token.clone() />
                <TextArea label=t("track-csr") id="track-csr" name="csr" rows=8 mono=true text=pasted.clone() />
                <button type="submit" class="button">{t("track-submit-csr")}</button>
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
    /// The methods that may be chosen today.
    offered: Vec<DcvMethod>,
) -> impl IntoView {
    let verify_token = token.clone();
    let current = domain.method.code();
    let is_email = domain.method.is_email();
    let select_id = format!("method-{}", domain.id);
    // A read-only link cannot verify: whoever publishes the value tells the requester.
    let then = if can_act {
        t("track-then-verify")
    } else {
        t("track-then-ask")
    };
    let explain = match (&domain.method, &domain.value, &domain.location) {
        (DcvMethod::DnsTxt, Some(v), Some(at)) => t_args(
            "track-dns-txt",
            &[
                ("location", at.clone().into()),
                ("then", then.into()),
                ("value", v.clone().into()),
            ],
        ),
        (DcvMethod::HttpFile, Some(v), Some(at)) => t_args(
            "track-http-file",
            &[
                ("location", at.clone().into()),
                ("then", then.into()),
                ("value", v.clone().into()),
            ],
        ),
        (DcvMethod::DnsPersist { .. }, Some(v), Some(at)) => t_args(
            "track-dns-persist",
            &[
                ("location", at.clone().into()),
                ("then", then.into()),
                ("value", v.clone().into()),
            ],
        ),
        (DcvMethod::ConstructedEmail { .. }, _, Some(to)) => {
            t_args("track-email", &[("address", to.clone().into())])
        }
        (DcvMethod::CaaContactEmail | DcvMethod::TxtContactEmail, _, _) => {
            t("dcv-email-contact-explain")
        }
        _ => String::new(),
    };
    let lang = crate::i18n::use_lang();
    let method_label = domain.method.name_msg().text(lang);
    view! {
        <section class="domain-step" aria-label=t_args("track-validate", &[("name", name.clone().into())])>
            <h3>{name.clone()}" · "{t(domain.status.key())}</h3>
            {(!can_act).then(|| view! { <p>{t_args("track-method-is", &[("method", method_label.into())])}</p> })}
            {can_act.then(|| view! {
            <ActionForm action=method>
                <input type="hidden" name="token" value=token.clone() />
                <input type="hidden" name="domain" value=domain.id />
                <div class="field">
                    <label for=select_id.clone()>{t("track-method")}</label>
                    <select id=select_id name="method">
                        {DcvMethod::choices().into_iter().filter(|m| offered.contains(m) || m.code() == current).map(|m| {
                            let code = m.code();
                            let selected = code == current;
                            view! { <option value=code selected=selected>{m.name_msg().text(lang)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button button-quiet">{t("track-use-method")}</button>
            </ActionForm>
            })}
            <p class="dcv-instructions" data-testid="dcv-instructions">{explain}</p>
            {domain.value.clone().map(|v| view! { <p>{t("track-value")}" "<code data-testid="dcv-value">{v}</code></p> })}
            {domain.last_error.clone().map(|e| view! { <p class="field-error">{e}</p> })}
            {can_act.then(|| view! {
            <ActionForm action=verify>
                <input type="hidden" name="token" value=verify_token />
                <input type="hidden" name="domain" value=domain.id />
                <button type="submit" class="button">{if is_email { t("track-send-email") } else { t("track-verify-now") }}</button>
            </ActionForm>
            })}
        </section>
    }
}
