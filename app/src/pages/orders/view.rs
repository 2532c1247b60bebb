//! The order page: status and the next step first (what to publish, what to press), the
//! order's facts, its names, the certificate, then the actions behind their own buttons with
//! the destructive ones last, and the history.

use crate::model::order_done::OrderDone;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::i18n::{t, t_args};
use crate::{
    api::orders::{
        OrderApprove, OrderCancel, OrderCsr, OrderPay, OrderReject, OrderVerify, order_get,
    },
    components::{
        badge::{Badge, Tone, certificate_tone, domain_tone, order_tone},
        copy_button::CopyButton,
        corroboration::Corroboration,
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
    view! { <Portal title="page-order" page=|s: SessionView| view! { <Order session=s /> } /> }
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
        {move || done().and_then(|d| OrderDone::parse(&d)).map(|d| view! { <Notice>{t(d.notice_key())}</Notice> })}
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
        <section class="card" aria-label=t("order-details")>
            <h2>{t_args("order-heading", &[("id", order.id.into()), ("product", order.product.clone().into())])}</h2>
            <p class="actions">
                <Badge tone=order_tone(order.status) text=t(order.status.key()) test_id="order-status" />
                {certificate.map(|c| view! {
                    <Badge tone=certificate_tone(c) text=t_args("orders-certificate-state", &[("state", t(c.key()).into())]) />
                })}
            </p>
            {order.reason.clone().map(|r| view! { <p class="alert alert-info">{t_args("order-reason", &[("reason", r.into())])}</p> })}
            {order.issue_error.clone().map(|r| view! { <div class="alert alert-error" role="alert">{r}</div> })}
            {order.organization_in_vetting.then(|| view! {
                <p class="alert alert-info" data-testid="organization-in-vetting">
                    {t_args("order-organization-in-vetting", &[("name", order.organization.clone().map(|(_, n)| n).unwrap_or_default().into())])}
                </p>
            })}
            <NextStep order=order.clone() />
            <dl class="details">
                {order.organization.clone().map(|(id, name)| view! {
                    <dt>{t("wizard-summary-organization")}</dt>
                    <dd><a href=crate::model::organizations::organization_page(id)>{name}</a></dd>
                })}
                <dt>{t("order-price")}</dt><dd>{order.price.text(crate::i18n::use_lang())}</dd>
                <dt>{t("order-validity")}</dt><dd>{t_args("wizard-days", &[("days", order.validity_days.into())])}</dd>
                <dt>{t("order-group")}</dt><dd>{order.group.clone()}</dd>
                <dt>{t("order-placed-by")}</dt><dd>{order.placed_by.clone()}</dd>
                {order.acme_profile.map(|p| view! {
                    <dt>{t("order-acme-profile")}</dt>
                    <dd data-testid="acme-profile">{t(acme_profile_key(p))}</dd>
                })}
                <dt>{t("order-requester")}</dt><dd>{format!("{} <{}>", order.requester_name, order.requester_email)}</dd>
                {(!order.tags.is_empty()).then(|| view! { <dt>{t("order-tags")}</dt><dd>{order.tags.join(", ")}</dd> })}
                <dt>{t("order-auto-renew")}</dt><dd>{if order.auto_renew { t("order-on") } else { t("order-off") }}</dd>
                {(!order.tech_email.is_empty()).then(|| view! {
                    <dt>{t("order-tech-contact")}</dt><dd>{format!("{} <{}>", order.tech_name, order.tech_email)}</dd>
                })}
                {(!order.extra_emails.is_empty()).then(|| view! {
                    <dt>{t("order-extra-recipients")}</dt><dd>{order.extra_emails.join(", ")}</dd>
                })}
                {order.delegate_email.clone().map(|d| view! {
                    <dt>{t("order-delegate")}</dt><dd>{d}</dd>
                })}
                <dt>{t("order-track")}</dt>
                <dd><a href=order.tracking_url.clone() target="_blank" rel="external" data-testid="tracking-link">{t("order-open-tracking")}</a></dd>
            </dl>
        </section>
        <section class="card" aria-label=t("order-names")>
            <h2>{t("order-names")}</h2>
            <Names names=order.names.clone() />
        </section>
        <crate::components::ev_steps::EvSteps steps=order.ev_steps.clone() people=true />
        <InterimDvCard id=order.id state=order.interim_dv />
        <CertificateCard order=order.clone() />
        <LifecycleActions order=order.clone() />
        <PendingActions order=order.clone() />
        <section class="card" aria-label=t("order-history")>
            <h2>{t("order-history")}</h2>
            <ol class="history">
                {order.events.into_iter().map(|e| view! {
                    <li>
                        <time>{e.at.text(crate::i18n::use_lang())}</time>
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
        <section class="card next-step" aria-label=t("order-next-step")>
            <h2>{t("order-next-step")}</h2>
            <FormAlert error=error />
            {order.can_approve.then(|| view! {
                <p>{t("order-waits-your-approval")}</p>
                {(!order.checklist.is_empty()).then(|| view! {
                    <p>{t("order-check-before")}</p>
                    <ul aria-label=t("order-checklist")>
                        {order.checklist.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}
                    </ul>
                })}
                <ActionForm action=approve>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button button-primary">{t("order-approve")}</button>
                </ActionForm>
            }.into_any())}
            {(waiting_approval && !order.can_approve).then(|| view! {
                <p data-testid="waiting-approval">{t("order-waits-approval")}</p>
            })}
            {order.can_pay.then(|| view! {
                <p>{t("order-draft")}</p>
                <ActionForm action=pay>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button button-primary">{t("order-proceed-to-pay")}</button>
                </ActionForm>
            }.into_any())}
            {needs_csr.then(|| view! {
                <p>{t("order-give-csr")}</p>
                <ActionForm action=csr>
                    <input type="hidden" name="id" value=id />
                    <TextArea label=t("wizard-csr-pem") id="order-csr" name="csr" rows=8 mono=true />
                    <button type="submit" class="button button-primary">{t("order-submit-csr")}</button>
                </ActionForm>
            }.into_any())}
            {(!pending.is_empty()).then(|| view! {
                <p>{t("order-prove-domains")}</p>
                {pending.into_iter().map(|d| view! { <PendingDomain order_id=id domain=d verify=verify /> }).collect_view()}
                <p class="hint">{t("order-change-method-before")}<a href="/domains">{t("order-change-method-link")}</a>{t("order-change-method-after")}</p>
            }.into_any())}
            {is_mailbox_order.then(|| view! {
                <p><a class="button" href=format!("/orders/{}/smime", id)>{t("order-smime-activation")}</a></p>
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
    // Each row: the catalogue key of its label, the name tests find its value by, the value.
    let rows: Vec<(&'static str, &'static str, String)> =
        match (&domain.method, &domain.location, &domain.value) {
            (DcvMethod::DnsTxt, Some(at), Some(value)) => vec![
                ("dcv-record-type", "record-type", "TXT".to_owned()),
                ("dcv-record-name", "name", at.clone()),
                ("dcv-record-value", "value", value.clone()),
            ],
            (DcvMethod::HttpFile, Some(at), Some(value)) => vec![
                ("dcv-file-url", "file-url", at.clone()),
                ("dcv-file-content", "file-content", value.clone()),
            ],
            (DcvMethod::DnsPersist { .. }, Some(at), Some(value)) => vec![
                ("dcv-record-type", "record-type", "TXT".to_owned()),
                ("dcv-record-name", "name", at.clone()),
                ("dcv-record-value", "value", value.clone()),
            ],
            (DcvMethod::ConstructedEmail { .. }, Some(to), _) => {
                vec![("dcv-email-to", "e-mail-to", to.clone())]
            }
            _ => Vec::new(),
        };
    let is_email = domain.method.is_email();
    let explain = match domain.method {
        DcvMethod::ConstructedEmail { .. } => Some(t("dcv-email-explain")),
        DcvMethod::CaaContactEmail | DcvMethod::TxtContactEmail => {
            Some(t("dcv-email-contact-explain"))
        }
        DcvMethod::DnsPersist { .. } => Some(t("dcv-persist-explain")),
        DcvMethod::DnsTxt | DcvMethod::HttpFile => None,
    };
    view! {
        <div class="pending-domain" data-testid="pending-domain">
            <h3>
                {name.clone()}" "
                <Badge tone=domain_tone(domain.status) text=format!("{} — {}", t(domain.status.key()), domain.method.name_msg().text(crate::i18n::use_lang())) />
            </h3>
            {explain.map(|e| view! { <p>{e}</p> })}
            <dl class="record">
                {rows.into_iter().map(|(key, test_id, value)| {
                    let copy = value.clone();
                    let label = t(key);
                    view! {
                        <dt>{label.clone()}</dt>
                        <dd>
                            <code data-testid=format!("record-{test_id}")>{value}</code>
                            <CopyButton text=copy label=t_args("dcv-copy", &[("what", label.to_lowercase().into()), ("name", name.clone().into())]) />
                        </dd>
                    }
                }).collect_view()}
            </dl>
            {domain.last_error.clone().map(|e| view! { <p class="field-error">{t_args("dcv-last-check", &[("error", e.into())])}</p> })}
            <ActionForm action=verify>
                <input type="hidden" name="id" value=order_id />
                <input type="hidden" name="domain" value=domain.id />
                <button type="submit" class="button button-primary">{if is_email { t("dcv-send-email") } else { t("dcv-verify-now") }}</button>
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
                    (Some(by), _) => (Tone::Success, t_args("name-verified-through", &[("domain", by.clone().into())])),
                    (None, Some(d)) => (domain_tone(d.status), format!("{} — {}", t(d.status.key()), d.method.name_msg().text(crate::i18n::use_lang()))),
                    (None, None) => (Tone::Neutral, t("name-no-validation")),
                };
                let round = n.corroboration.clone();
                view! {
                    <li>
                        <strong>{n.name}</strong>" " <Badge tone=tone text=state />
                        {round.map(|round| view! { <Corroboration round=round /> })}
                    </li>
                }
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
        <section class="card" aria-label=t("order-actions")>
            <h2>{t("order-change-or-stop")}</h2>
            <FormAlert error=error />
            {replace_csr.then(|| view! {
                <details class="action">
                    <summary>{t("order-replace-csr")}</summary>
                    <section aria-label=t("order-submit-csr")>
                        <ActionForm action=csr>
                            <input type="hidden" name="id" value=id />
                            <TextArea label=t("wizard-csr-pem") id="order-csr" name="csr" rows=8 mono=true />
                            <button type="submit" class="button">{t("order-submit-csr")}</button>
                        </ActionForm>
                    </section>
                </details>
            })}
            {may_reject.then(|| view! {
                <details class="action action-danger">
                    <summary>{t("order-reject-order")}</summary>
                    <section aria-label=t("order-reject")>
                        <ActionForm action=reject>
                            <input type="hidden" name="id" value=id />
                            <TextArea label=t("order-reject-reason") id="reject-reason" name="reason" />
                            <button type="submit" class="button button-danger">{t("order-reject")}</button>
                        </ActionForm>
                    </section>
                </details>
            })}
            {order.can_cancel.then(|| view! {
                <details class="action action-danger">
                    <summary>{t("order-cancel-order")}</summary>
                    <section aria-label=t("order-cancel-order")>
                        <p>{t("order-cancel-explain")}</p>
                        <ActionForm action=cancel>
                            <input type="hidden" name="id" value=id />
                            <TextArea label=t("order-cancel-remarks") id="cancel-remarks" name="remarks" />
                            <button type="submit" class="button button-danger">{t("order-cancel-order")}</button>
                        </ActionForm>
                    </section>
                </details>
            })}
        </section>
    }
    .into_any()
}

/// The interim DV certificate of an OV or EV order that waits (the seeds' "Download Interim
/// DV"): offered once the names are validated, downloadable while it lasts, and said to be
/// superseded once the order's own certificate replaced it.
#[component]
fn InterimDvCard(id: i32, state: crate::model::orders::InterimDv) -> impl IntoView {
    use crate::model::orders::InterimDv;
    let action = ServerAction::<crate::api::orders::OrderInterimDv>::new();
    let error = Signal::derive(move || action.value().get().and_then(Result::err));
    let body = match state {
        InterimDv::NotOffered => return ().into_any(),
        InterimDv::Available => view! {
            <p>{t("order-interim-available")}</p>
            <FormAlert error=error />
            <ActionForm action=action>
                <input type="hidden" name="id" value=id.to_string() />
                <button type="submit" class="button">{t("order-interim-take")}</button>
            </ActionForm>
        }
        .into_any(),
        InterimDv::Issued => {
            let base = format!("/orders/{id}/interim");
            view! {
                <p data-testid="interim-dv">{t("order-interim-issued")}</p>
                <p class="actions">
                    <a class="button" rel="external" download="" href=format!("{base}/pem")>{t("track-download-pem")}</a>
                    <a class="button button-quiet" rel="external" download="" href=format!("{base}/der")>{t("track-download-der")}</a>
                    <a class="button button-quiet" rel="external" download="" href=format!("{base}/p7b")>{t("track-download-p7b")}</a>
                </p>
            }
            .into_any()
        }
        InterimDv::Superseded => view! {
            <p data-testid="interim-dv">{t("order-interim-superseded")}</p>
        }
        .into_any(),
    };
    view! {
        <section class="card" aria-labelledby="interim-dv-heading">
            <h2 id="interim-dv-heading">{t("order-interim-heading")}</h2>
            {body}
        </section>
    }
    .into_any()
}

/// What the order page says of an ACME profile: its protocol name and what it means.
fn acme_profile_key(profile: crate::model::acme::AcmeProfile) -> &'static str {
    use crate::model::acme::AcmeProfile;
    match profile {
        AcmeProfile::Classic => "order-acme-profile-classic",
        AcmeProfile::TlsServer => "order-acme-profile-tlsserver",
        AcmeProfile::ShortLived => "order-acme-profile-shortlived",
    }
}
