//! The order page's post-order sections (ORD-8): the certificate and its state, linked
//! renewals, reissues and name changes, credit notes, and the revoke, reissue, renew, change
//! names and edit forms.

use leptos::prelude::*;

use crate::{
    api::{
        acme::OrderRenewEarly,
        orders::{OrderChangeNames, OrderEdit, OrderReissue, OrderRenew},
    },
    components::{
        badge::{Badge, certificate_tone},
        field::TextArea,
        form_alert::FormAlert,
        textarea_text::textarea_text,
    },
    error::AppError,
    model::{
        certificate_status::CertificateState,
        order_actions::{LinkedOrder, OrderLinkKind, REISSUE_REASONS, REVOCATION_REASONS},
        orders::OrderView,
    },
};

fn link_text(l: &LinkedOrder, incoming: bool) -> String {
    match (l.kind, incoming) {
        (OrderLinkKind::Renewal, true) => format!("Renewal of order #{}", l.order_id),
        (OrderLinkKind::Reissue, true) => {
            format!("Reissue of order #{} ({})", l.order_id, l.reason)
        }
        (OrderLinkKind::Renewal, false) => format!("Renewed as order #{}", l.order_id),
        (OrderLinkKind::Names, true) => {
            format!("Names changed from order #{} ({})", l.order_id, l.reason)
        }
        (OrderLinkKind::Names, false) => {
            format!("Names changed as order #{} ({})", l.order_id, l.reason)
        }
        (OrderLinkKind::Reissue, false) => {
            format!("Reissued as order #{} ({})", l.order_id, l.reason)
        }
    }
}

/// These forms have no per-field messages, so a refused field's message goes in the alert
/// instead of "correct the highlighted fields".
pub(crate) fn spelled_out(e: AppError) -> AppError {
    match e {
        AppError::Validation(fields) => {
            AppError::PolicyRejected(fields.0.into_iter().map(|f| f.message).collect())
        }
        other => other,
    }
}

/// The certificate, what it came from and what came of it.
#[component]
pub fn CertificateCard(order: OrderView) -> impl IntoView {
    let id = order.id;
    let links = order
        .origin
        .iter()
        .map(|l| (l.clone(), true))
        .chain(order.successors.iter().map(|l| (l.clone(), false)))
        .collect::<Vec<_>>();
    view! {
        {order.certificate.clone().map(|c| {
            let revoked = c.revoked_at.clone().map(|at| {
                format!("Revoked on {at} ({})", c.revocation_reason.clone().unwrap_or_default())
            });
            view! {
                <section class="card" aria-label="Certificate">
                    <h2>"Certificate"</h2>
                    <dl class="details">
                        <dt>"State"</dt><dd><Badge tone=certificate_tone(c.state) text=c.state.label() test_id="certificate-state" /></dd>
                        <dt>"Serial"</dt><dd class="mono" data-testid="certificate-serial">{c.serial.clone()}</dd>
                        <dt>"Valid from"</dt><dd>{c.not_before.clone()}</dd>
                        <dt>"Valid until"</dt><dd data-testid="certificate-not-after">{c.not_after.clone()}</dd>
                    </dl>
                    {revoked.map(|r| view! { <p class="alert alert-danger" data-testid="revocation-note">{r}</p> })}
                    <Pkcs12Builder chain_pem=c.chain_pem.clone() />
                    <p class="actions">
                        <a class="button" rel="external" download="" href=format!("/orders/{id}/certificate/pem")>"Download PEM (with chain)"</a>
                        <a class="button button-quiet" rel="external" download="" href=format!("/orders/{id}/certificate/der")>"Download DER"</a>
                        <a class="button button-quiet" rel="external" download="" href=format!("/orders/{id}/certificate/p7b")>"Download PKCS#7 chain"</a>
                    </p>
                </section>
            }
        })}
        {(!links.is_empty()).then(|| view! {
            <section class="card" aria-label="Linked orders">
                <h2>"Linked orders"</h2>
                <ul>
                    {links.into_iter().map(|(l, incoming)| view! {
                        <li><a href=format!("/orders/{}", l.order_id)>{link_text(&l, incoming)}</a></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {order.invoice_number.clone().map(|number| view! {
            <section class="card" aria-label="Invoice">
                <h2>"Invoice"</h2>
                <p>
                    <strong>{number}</strong>" "
                    <a rel="external" download="" href=format!("/orders/{id}/invoice")>"Download invoice (PDF)"</a>
                </p>
            </section>
        })}
        {(!order.credit_notes.is_empty()).then(|| view! {
            <section class="card" aria-label="Credit notes">
                <h2>"Credit notes"</h2>
                <ul>
                    {order.credit_notes.iter().map(|n| view! {
                        <li>
                            <strong>{n.number.clone()}</strong>" · "{n.amount.clone()}" · "{n.remarks.clone()}" "
                            <a rel="external" download="" href=format!("/orders/{id}/credit-notes/{}", n.id)>"Download Credit Note"</a>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
    .into_any()
}

/// PKCS#12 of the certificate and the user's own key, built in the browser: the key is read
/// from a field outside any form and never leaves the page.
#[component]
fn Pkcs12Builder(chain_pem: String) -> impl IntoView {
    let key = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let build = move |_| {
        let (k, p) = (key.get_untracked(), password.get_untracked());
        let outcome = crate::pki::key_matches_certificate(&k, &chain_pem)
            .map_err(|e| e.to_string())
            .and_then(|matches| {
                if matches {
                    Ok(())
                } else {
                    Err("This private key does not belong to the certificate.".to_owned())
                }
            })
            .and_then(|()| {
                crate::pki::pkcs12(&k, Some(&chain_pem), &p, "Rootline certificate")
                    .map_err(|e| e.to_string())
            })
            .and_then(|bytes| {
                crate::pki::save_file("certificate.p12", &bytes, "application/x-pkcs12")
            });
        message.set(Some(match outcome {
            Ok(()) => (true, "The PKCS#12 file was saved.".to_owned()),
            Err(e) => (false, e),
        }));
    };
    view! {
        <details class="pkcs12">
            <summary>"PKCS#12 with your private key (built in this browser)"</summary>
            <div class="field">
                <label for="p12-key">"Private key (PEM, unencrypted PKCS#8)"</label>
                <textarea id="p12-key" rows="5" class="mono" autocomplete="off"
                    on:input=move |ev| key.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="p12-pass">"PKCS#12 password (at least 8 characters)"</label>
                <input id="p12-pass" type="password" autocomplete="new-password"
                    on:input=move |ev| password.set(event_target_value(&ev)) />
            </div>
            <button type="button" class="button button-quiet" on:click=build>"Save PKCS#12"</button>
            {move || message.get().map(|(ok, m)| if ok {
                view! { <p class="field-hint" role="status">{m}</p> }.into_any()
            } else {
                view! { <p class="field-error" role="alert">{m}</p> }.into_any()
            })}
        </details>
    }
}

/// The `reason` field of the revoke, reissue and names forms: `reasons` as (value, label) pairs
/// after a first choice that posts none.
#[component]
fn ReasonSelect(
    id: &'static str,
    label: &'static str,
    reasons: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name="reason">
                <option value="">"Choose a reason"</option>
                {reasons.into_iter().map(|(value, text)| view! { <option value=value>{text}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// A reissue's reasons post their own words.
fn reissue_reasons() -> Vec<(&'static str, &'static str)> {
    REISSUE_REASONS.iter().map(|r| (*r, *r)).collect()
}

/// Revoke, reissue, renew, change names and edit, each shown only when the order allows it.
#[component]
pub fn LifecycleActions(order: OrderView) -> impl IntoView {
    let id = order.id;
    let reissue = ServerAction::<OrderReissue>::new();
    let renew = ServerAction::<OrderRenew>::new();
    let change_names = ServerAction::<OrderChangeNames>::new();
    let edit = ServerAction::<OrderEdit>::new();
    let renew_early = ServerAction::<OrderRenewEarly>::new();
    let error = Signal::derive(move || {
        [
            renew_early.value().get().and_then(Result::err),
            reissue.value().get().and_then(Result::err),
            renew.value().get().and_then(Result::err),
            change_names.value().get().and_then(Result::err),
            edit.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(spelled_out)
    });
    let renew_hint = order
        .certificate
        .as_ref()
        .filter(|c| c.state == CertificateState::Valid && !order.can_renew)
        .map(|c| {
            format!(
                "Renewal opens on {}, 60 days before the certificate expires.",
                c.renewable_from
            )
        });
    let any = order.can_renew
        || order.change_names_price.is_some()
        || order.can_reissue
        || order.can_renew_early
        || order.can_revoke
        || order.can_edit;
    view! {
        {renew_hint.map(|h| view! { <p class="hint" data-testid="renew-hint">{h}</p> })}
        {order.renewal_marked.clone().map(|at| view! {
            <p class="alert alert-info" role="status" data-testid="renewal-marked">
                {format!("Marked for early renewal on {at}: ACME clients that ask for renewal information (RFC 9773) renew it now.")}
            </p>
        })}
        {any.then(|| view! {
        <section class="card" aria-label="Manage the certificate">
        <h2>"Manage the certificate"</h2>
        <FormAlert error=error />
        {order.can_renew.then(|| view! {
            <details class="action">
            <summary>"Renew certificate"</summary>
            <section aria-label="Renew certificate">
                <p>"A new order for the same product, names and contacts, paid like any order. Give the new CSR now or later."</p>
                <ActionForm action=renew>
                    <input type="hidden" name="order_id" value=id />
                    <TextArea label="New CSR (PEM, optional)" id="renew-csr" name="csr_pem" rows=6 mono=true />
                    <button type="submit" class="button button-primary">"Renew Certificate"</button>
                </ActionForm>
            </section>
            </details>
        })}
        {order.change_names_price.clone().map(|price| {
            let current = order.names.iter().map(|n| n.name.clone()).collect::<Vec<_>>().join("\n");
            view! {
                <details class="action">
                <summary>"Add or remove names (SANs)"</summary>
                <section aria-label="Add or remove names">
                    <p>{format!("A names change reissues the certificate: edit the list and give a CSR for exactly the new names. Each added name costs {price}, paid from the order's group; removed names are not refunded. Added names are validated first; the new certificate ends when this one does.")}</p>
                    <ActionForm action=change_names>
                        <input type="hidden" name="order_id" value=id />
                        <ReasonSelect id="names-reason" label="Reason for the change" reasons=reissue_reasons() />
                        <TextArea label="Names (one per line; the first is the main one)" id="names-list" name="names" rows=4 text=current.clone() />
                        <TextArea label="CSR for the new names (PEM)" id="names-csr" name="csr_pem" rows=6 mono=true />
                        <TextArea label="Remarks on the change" id="names-remarks" name="remarks" />
                        <button type="submit" class="button">"Change names"</button>
                    </ActionForm>
                </section>
                </details>
            }
        })}
        {order.can_reissue.then(|| view! {
            <details class="action">
            <summary>"Reissue certificate"</summary>
            <section aria-label="Reissue certificate">
                <ActionForm action=reissue>
                    <input type="hidden" name="order_id" value=id />
                    <ReasonSelect id="reissue-reason" label="Reason" reasons=reissue_reasons() />
                    <TextArea label="New CSR (PEM)" id="reissue-csr" name="csr_pem" rows=6 mono=true />
                    <TextArea label="Remarks" id="reissue-remarks" name="remarks" />
                    <button type="submit" class="button">"Request reissue"</button>
                </ActionForm>
            </section>
            </details>
        })}
        {order.can_renew_early.then(|| view! {
            <details class="action">
            <summary>"Renew early (ARI)"</summary>
            <section aria-label="Renew early">
                <p>"Tells the ACME client that manages this certificate to renew it now, through ACME Renewal Information (RFC 9773) — before a revocation, for instance. The certificate stays valid."</p>
                <ActionForm action=renew_early>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button">"Renew early (ARI)"</button>
                </ActionForm>
            </section>
            </details>
        })}
        {order.can_edit.then(|| view! {
            <details class="action">
            <summary>"Edit order"</summary>
            <section aria-label="Edit order">
                <ActionForm action=edit>
                    <input type="hidden" name="order_id" value=id />
                    <div class="field">
                        <label for="edit-tags">"Reporting tags (comma-separated)"</label>
                        <input id="edit-tags" name="tags" value=order.tags.join(", ") />
                    </div>
                    <TextArea label="Order remarks" id="edit-remarks" name="remarks" text=order.remarks.clone() />
                    <div class="field">
                        <label for="edit-extra">"Additional e-mail recipients"</label>
                        <textarea id="edit-extra" name="extra_emails" rows="2" inner_html=textarea_text(&order.extra_emails.join(", "))></textarea>
                    </div>
                    <div class="field checkbox">
                        <input id="edit-auto-renew" type="checkbox" name="auto_renew" value="on" checked=order.auto_renew />
                        <label for="edit-auto-renew">"Auto-renew"</label>
                    </div>
                    <button type="submit" class="button">"Save changes"</button>
                </ActionForm>
            </section>
            </details>
        })}
        // Last, as the one that cannot be undone; it asks again on a page of its own (which
        // works without script), naming the certificate and the reason.
        {order.can_revoke.then(|| view! {
            <details class="action action-danger">
            <summary>"Revoke certificate"</summary>
            <section aria-label="Revoke certificate">
                <p>"Revoking ends the certificate for everyone who relies on it, at once and for good. You confirm on the next page."</p>
                <form method="get" action=format!("/orders/{id}/revoke")>
                    <ReasonSelect id="revoke-reason" label="Reason (RFC 5280)" reasons=REVOCATION_REASONS.to_vec() />
                    <TextArea label="Remarks" id="revoke-remarks" name="remarks" />
                    <button type="submit" class="button button-danger">"Continue to revoke"</button>
                </form>
            </section>
            </details>
        })}
        </section>
        })}
    }
    .into_any()
}
